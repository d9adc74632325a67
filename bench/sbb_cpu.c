/* CPU identification for the benchmark's report (see sbb_cpu.h). */
#define _GNU_SOURCE
#include "sbb_cpu.h"
#include "sbb_common.h"

#include <cpuid.h>
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t xgetbv0(void)
{
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0)); /* the assembler knows it; no -mxsave */
    return ((uint64_t)hi << 32) | lo;
}

const sbb_cpu *sbb_cpu_get(void)
{
    static sbb_cpu c;
    static int done;
    if (done) return &c;
    done = 1;
    snprintf(c.model, sizeof c.model, "%s", sbb_cpu_model());
    unsigned a, b, cx, d;
    if (!__get_cpuid(0, &a, &b, &cx, &d)) return &c;
    unsigned maxleaf = a;
    memcpy(c.vendor, &b, 4);
    memcpy(c.vendor + 4, &d, 4);
    memcpy(c.vendor + 8, &cx, 4);
    c.vendor[12] = '\0';
    __get_cpuid(1, &a, &b, &cx, &d);
    int base_family = (a >> 8) & 0xf, base_model = (a >> 4) & 0xf;
    c.family = base_family == 0xf ? base_family + (int)((a >> 20) & 0xff) : base_family;
    c.model_id = base_family == 0x6 || base_family == 0xf ? base_model + (int)(((a >> 16) & 0xf) << 4) : base_model;
    c.stepping = a & 0xf;
    int osxsave = (cx >> 27) & 1;
    c.avx = (cx >> 28) & 1;
    c.fma = (cx >> 12) & 1;
    if (maxleaf >= 7) {
        __cpuid_count(7, 0, a, b, cx, d);
        c.avx2 = (b >> 5) & 1;
        c.avx512f = (b >> 16) & 1;
        c.avx512dq = (b >> 17) & 1;
        c.avx512cd = (b >> 28) & 1;
        c.avx512bw = (b >> 30) & 1;
        c.avx512vl = (b >> 31) & 1;
        c.avx512_fp16 = (d >> 23) & 1;
        unsigned max7 = a;
        if (max7 >= 1) {
            __cpuid_count(7, 1, a, b, cx, d);
            c.avx512_bf16 = (a >> 5) & 1;
        }
    }
    if (osxsave) {
        uint64_t xcr0 = xgetbv0();
        c.os_ymm = (xcr0 & 0x6) == 0x6;
        c.os_zmm = (xcr0 & 0xe6) == 0xe6;
    }
    c.level = SBB_ISA_SSE;
    if (c.avx && c.os_ymm) c.level = SBB_ISA_AVX;
    if (c.level == SBB_ISA_AVX && c.avx2 && c.fma) c.level = SBB_ISA_AVX2;
    if (c.level == SBB_ISA_AVX2 && c.avx512f && c.avx512dq && c.avx512bw && c.avx512vl && c.os_zmm)
        c.level = SBB_ISA_AVX512;
    return &c;
}

void sbb_cpu_describe(char *buf, size_t len)
{
    const sbb_cpu *c = sbb_cpu_get();
    char isa[160] = "";
    if (c->avx) strcat(isa, " AVX");
    if (c->avx2) strcat(isa, " AVX2");
    if (c->fma) strcat(isa, " FMA");
    if (c->avx512f) {
        strcat(isa, " AVX-512F");
        if (c->avx512dq) strcat(isa, "/DQ");
        if (c->avx512bw) strcat(isa, "/BW");
        if (c->avx512vl) strcat(isa, "/VL");
        if (c->avx512cd) strcat(isa, "/CD");
        if (c->avx512_bf16) strcat(isa, "/BF16");
        if (c->avx512_fp16) strcat(isa, "/FP16");
    }
    const char *os = c->os_zmm ? "ymm and zmm state enabled"
                   : c->os_ymm ? (c->avx512f ? "ymm state enabled, zmm state NOT enabled" : "ymm state enabled")
                               : "no ymm state";
    snprintf(buf, len, "%s family %d model %d stepping %d;%s; OS: %s", c->vendor[0] ? c->vendor : "unknown",
             c->family, c->model_id, c->stepping, isa[0] ? isa : " no AVX", os);
}

void sbb_cpu_slug(char *buf, size_t len)
{
    const sbb_cpu *c = sbb_cpu_get();
    /* the first words of the model name, without (R)/(TM) and the words every CPU has */
    static const char *const skip[] = {"r", "tm", "processor", "cpu", "core", NULL};
    char words[64] = "";
    int nw = 0;
    const char *p = c->model;
    while (*p && nw < 3) {
        char w[32];
        size_t k = 0;
        while (*p && !isalnum((unsigned char)*p)) {
            if (*p == '@') p += strlen(p); /* the clock speed */
            else p++;
        }
        while (*p && isalnum((unsigned char)*p) && k + 1 < sizeof w) w[k++] = (char)tolower((unsigned char)*p++);
        w[k] = '\0';
        if (!k) break;
        int s = 0;
        for (int i = 0; skip[i]; i++) s |= !strcmp(w, skip[i]);
        if (s || strlen(words) + k + 2 > sizeof words) continue;
        if (nw++) strcat(words, "-");
        strcat(words, w);
    }
    snprintf(buf, len, "%s-family%d-model%d-%dcpu", words[0] ? words : "cpu", c->family, c->model_id,
             sbb_cpus_available());
}
