/* CPU detection with cpuid; see cpu.h. */
#include "runtime/cpu.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#define SB_X86 1
#else
#define SB_X86 0
#endif

static sb_cpu_info info;
static char description[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

#if SB_X86
static void cpuid(unsigned leaf, unsigned sub, unsigned r[4])
{
    __cpuid_count(leaf, sub, r[0], r[1], r[2], r[3]);
}

static unsigned long long xgetbv0(void)
{
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((unsigned long long)hi << 32) | lo;
}

/* Deterministic cache parameters: Intel leaf 4, AMD leaf 0x8000001D (same layout). */
static void caches_from_leaf(unsigned leaf)
{
    for (unsigned sub = 0; sub < 16; sub++) {
        unsigned r[4];
        cpuid(leaf, sub, r);
        unsigned type = r[0] & 0x1f;
        if (type == 0) break;
        unsigned level = (r[0] >> 5) & 0x7;
        long ways = (long)((r[1] >> 22) & 0x3ff) + 1;
        long parts = (long)((r[1] >> 12) & 0x3ff) + 1;
        long line = (long)(r[1] & 0xfff) + 1;
        long sets = (long)r[2] + 1;
        long size = ways * parts * line * sets;
        if (type == 2) continue; /* instruction cache */
        if (level == 1) info.l1d = size, info.cache_line = (int)line;
        else if (level == 2) info.l2 = size;
        else if (level == 3) info.l3 = size;
    }
}
#endif

static void detect(void)
{
    info.cache_line = 64;
#if SB_X86
    unsigned r[4];
    unsigned max_leaf = (unsigned)__get_cpuid_max(0, NULL);
    cpuid(0, 0, r);
    memcpy(info.vendor, &r[1], 4);
    memcpy(info.vendor + 4, &r[3], 4);
    memcpy(info.vendor + 8, &r[2], 4);
    info.vendor[12] = 0;

    if (max_leaf >= 1) {
        cpuid(1, 0, r);
        unsigned fam = (r[0] >> 8) & 0xf, mod = (r[0] >> 4) & 0xf;
        if (fam == 0xf) fam += (r[0] >> 20) & 0xff;
        if (fam == 0x6 || fam >= 0xf) mod |= ((r[0] >> 16) & 0xf) << 4;
        info.family = (int)fam;
        info.model = (int)mod;
        info.stepping = (int)(r[0] & 0xf);
        info.has_sse2 = (r[3] >> 26) & 1;
        info.has_fma = (r[2] >> 12) & 1;
        info.has_avx = (r[2] >> 28) & 1;
        int osxsave = (r[2] >> 27) & 1;
        if (osxsave) {
            unsigned long long xcr0 = xgetbv0();
            info.os_avx = (xcr0 & 0x6) == 0x6;
            info.os_avx512 = info.os_avx && (xcr0 & 0xe0) == 0xe0;
        }
    }
    if (max_leaf >= 7) {
        cpuid(7, 0, r);
        info.has_avx2 = (r[1] >> 5) & 1;
        info.has_avx512f = (r[1] >> 16) & 1;
        info.has_avx512dq = (r[1] >> 17) & 1;
        info.has_avx512bw = (r[1] >> 30) & 1;
        info.has_avx512vl = (r[1] >> 31) & 1;
    }

    unsigned max_ext = (unsigned)__get_cpuid_max(0x80000000u, NULL);
    if (max_ext >= 0x80000004u) {
        char brand[49];
        for (unsigned i = 0; i < 3; i++) {
            cpuid(0x80000002u + i, 0, r);
            memcpy(brand + 16 * i, r, 16);
        }
        brand[48] = 0;
        size_t b = 0, e = strlen(brand);
        while (brand[b] == ' ') b++;
        while (e > b && brand[e - 1] == ' ') e--;
        memcpy(info.brand, brand + b, e - b);
        info.brand[e - b] = 0;
    }

    if (strcmp(info.vendor, "AuthenticAMD") == 0 || strcmp(info.vendor, "HygonGenuine") == 0) {
        int topoext = 0;
        if (max_ext >= 0x80000001u) {
            cpuid(0x80000001u, 0, r);
            topoext = (r[2] >> 22) & 1;
        }
        if (topoext && max_ext >= 0x8000001Du) caches_from_leaf(0x8000001Du);
        else if (max_ext >= 0x80000006u) {
            cpuid(0x80000005u, 0, r);
            info.l1d = (long)(r[2] >> 24) * 1024;
            cpuid(0x80000006u, 0, r);
            info.l2 = (long)(r[2] >> 16) * 1024;
            info.l3 = (long)(r[3] >> 18) * 512 * 1024;
        }
    } else if (max_leaf >= 4) {
        caches_from_leaf(4);
    }
#endif

    char isa[48] = "";
    if (info.has_avx2 && info.has_fma && info.os_avx) strcat(isa, " AVX2 FMA");
    else if (info.has_avx && info.os_avx) strcat(isa, " AVX");
    if (info.has_avx512f && info.os_avx512) strcat(isa, " AVX-512");
    snprintf(description, sizeof description,
             "%s (%s family %d model %d)%s; L1d %ld KiB, L2 %ld KiB, L3 %ld KiB",
             info.brand[0] ? info.brand : "unknown CPU", info.vendor[0] ? info.vendor : "unknown vendor",
             info.family, info.model, isa, info.l1d / 1024, info.l2 / 1024, info.l3 / 1024);
}

const sb_cpu_info *sb_cpu(void)
{
    pthread_once(&once, detect);
    return &info;
}

int sb_cpu_can_avx2(void)
{
    const sb_cpu_info *c = sb_cpu();
    return c->has_avx && c->has_avx2 && c->has_fma && c->os_avx;
}

int sb_cpu_can_avx512(void)
{
    const sb_cpu_info *c = sb_cpu();
    return c->has_avx512f && c->has_avx512dq && c->has_avx512bw && c->has_avx512vl && c->os_avx512;
}

const char *sb_cpu_description(void)
{
    sb_cpu();
    return description;
}
