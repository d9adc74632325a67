/* The kernel table: the kernel sets listed once, in order of preference, and the one this
 * process uses, chosen once (first use, pthread_once) from cpuid and overridable with
 * SAFEBLAS_KERNEL=<set name>. The cache blocking is derived here for the chosen set's register
 * blocks. Adding a set: a folder src/kernels/<set>/ with its kernels and kernel_set.c, its
 * compiler flags in cmake/library.cmake, and one line in `sets` below. */
#include "kernels/kernels.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "runtime/cpu.h"

SB_KERNEL_SET_PARTS_DECL(avx512)
SB_KERNEL_SET_PARTS_DECL(avx2)
SB_KERNEL_SET_PARTS_DECL(generic)

#define SB_SET(NAME, CAN_RUN)                                                                            \
    { #NAME, CAN_RUN, &sb_s_kernel_set_##NAME, &sb_d_kernel_set_##NAME, &sb_c_kernel_set_##NAME,         \
      &sb_z_kernel_set_##NAME }

/* In order of preference: the first one this CPU and OS can run is the default. */
static const sb_kernel_set sets[] = {
    SB_SET(avx512, sb_cpu_can_avx512),
    SB_SET(avx2, sb_cpu_can_avx2),
    SB_SET(generic, NULL),
};
enum { NSETS = sizeof sets / sizeof sets[0] };

/* CPUs on which a set further down the list was measured to be faster than the default, or on
 * which the default was measured (the reason says so). Matched on vendor and family, and model
 * when model >= 0. */
static const struct {
    const char *vendor;
    int family, model;
    const char *set;
    const char *why;
} measured[] = {
    {"GenuineIntel", 6, 207, "avx512",
     "measured on Xeon family 6 model 207: dgemm/sgemm n=2000, 1 thread, avx512 1.87x/1.83x avx2"},
    /* Zen 5 (EPYC 9005): 512-bit FMAs at full width, not split in two as on Zen 4 */
    {"AuthenticAMD", 26, 2, "avx512",
     "measured on EPYC family 26 model 2 (Zen 5): dgemm/sgemm n=2000, 1 thread, avx512 1.92x/1.82x avx2"},
};

static int can_run(const sb_kernel_set *k) { return k->can_run == NULL || k->can_run(); }

static const sb_kernel_set *find(const char *name)
{
    for (int i = 0; i < NSETS; i++)
        if (strcasecmp(sets[i].name, name) == 0) return &sets[i];
    return NULL;
}

static const sb_kernel_set *chosen;
static char reason[256];
sb_s_gemm_kernels_t sb_s_gemm_table;
sb_d_gemm_kernels_t sb_d_gemm_table;
sb_c_gemm_kernels_t sb_c_gemm_table;
sb_z_gemm_kernels_t sb_z_gemm_table;
int sb_kernels_ready;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* The default for this CPU: a measured preference if it can run, else the first set it can run. */
static const sb_kernel_set *default_set(void)
{
    const sb_cpu_info *cpu = sb_cpu();
    for (size_t i = 0; i < sizeof measured / sizeof measured[0]; i++) {
        if (strcmp(cpu->vendor, measured[i].vendor) != 0 || cpu->family != measured[i].family) continue;
        if (measured[i].model >= 0 && cpu->model != measured[i].model) continue;
        const sb_kernel_set *k = find(measured[i].set);
        if (k && can_run(k)) {
            snprintf(reason, sizeof reason, "%s", measured[i].why);
            return k;
        }
    }
    for (int i = 0; i < NSETS; i++)
        if (can_run(&sets[i])) {
            snprintf(reason, sizeof reason, "%s", i == 0 ? "the widest set this CPU and OS run (not measured on this model)"
                                                         : "the widest set this CPU and OS run");
            return &sets[i];
        }
    return &sets[NSETS - 1];
}

/* The largest multiple of r that is <= x, at least r. */
static int round_down(long x, int r)
{
    long v = x / r * r;
    return (int)(v < r ? r : v);
}

/* Cache blocks for an element of `size` bytes with register block mr x nr (BLIS-style):
 *   KC: one packed A sliver (mr x kc) and one packed B sliver (kc x nr) fill about 7/8 of L1d,
 *       so the B sliver stays in L1 while A slivers stream through it (multiple of 16, 128..512);
 *       for wide register blocks (mr >= 3 nr, the avx512 set) the A slivers stream from L2
 *       anyway, and the B sliver alone takes half of L1: on a Xeon with 48 KiB L1d (avx512, one
 *       thread, n = 2000) that is kc 384 (d) / 512 (s) against 160 / 176 by the first rule,
 *       dgemm +4%, sgemm +7%;
 *   MC: the packed A block (mc x kc) takes about half of L2 (at most 256 rows);
 *   NC: the packed B panel (kc x nc) takes about a quarter of L3, and at most three times L2
 *       (at most 4096 columns). The second bound is for server parts whose L3 is one cache for
 *       the whole socket, mostly in other cores' slices: on the Xeon 6 model 207 (L2 2 MiB, L3
 *       260 MiB, one thread) a 12 MiB panel (nc 4096) ran dgemm n = 4000 at 71-73 GFLOP/s, a
 *       6 MiB one (nc 2048) at 77-79, n = 3000 73-75 against 77; where L3 is near, the cost is
 *       packing A once per NC columns instead of once (about 1% at nc 1536).
 * On a Zen 4 core with AVX2 kernels (L1d 32 KiB, L2 1 MiB, L3 32 MiB) the first two bounds give
 * kc/mc d 256/256, s 320/256, c 320/200, z 256/128 (nc about 1536 d, 2450 s, 1230 c, 768 z by
 * the L2 bound, 4092/4092/3276/2046 by the L3 one alone); the speed was measured to be
 * flat within noise around these values (kc 128..512, mc 64..256). On a Zen 5 core with the
 * AVX-512 set (L1d 48 KiB, L2 1 MiB, L3 32 MiB) they give mc/kc/nc d 168/384/1024, s 240/512/1536,
 * c 120/512/768, z 84/384/512; dgemm n = 2000 (one thread, best of 4 interleaved rounds) ran
 * 102-108 GFLOP/s for mc 120..216, kc 256..512, nc 512..1024, and 96-99 with nc 1536-2048;
 * cgemm n = 2048 ran 234 at these blocks against 189-220 at five others. */
static void blocks(int size, int mr, int nr, int *mc, int *kcp, int *nc)
{
    const sb_cpu_info *cpu = sb_cpu();
    long l1 = cpu->l1d > 0 ? cpu->l1d : 32 * 1024;
    long l2 = cpu->l2 > 0 ? cpu->l2 : 256 * 1024;
    long l3 = cpu->l3 > 0 ? cpu->l3 : 4L * 1024 * 1024;
    long kc = l1 * 7 / 8 / ((long)(mr + nr) * size) / 16 * 16;
    if (mr >= 3 * nr) kc = l1 / 2 / ((long)nr * size) / 16 * 16; /* wide blocks: B sliver in half of L1 */
    if (kc < 128) kc = 128;
    if (kc > 512) kc = 512;
    long m = l2 / 2 / (kc * size);
    if (m > 256) m = 256;
    if (m < 4L * mr) m = 4L * mr;
    long panel = l3 / 4 < 3 * l2 ? l3 / 4 : 3 * l2;
    long n = panel / (kc * size);
    if (n > 4096) n = 4096;
    if (n < 8L * nr) n = 8L * nr;
    *mc = round_down(m, mr);
    *kcp = (int)kc;
    *nc = round_down(n, nr);
}

/* The one-thread size limit of the unpacked small kernel (real; 0: none): the set's figure, raised
 * where L2 is large enough to keep A, B and C (n x n each) in half of it, multiples of 8. The
 * kernel re-reads A once per block of 8 columns, which costs nothing from L2 and packing costs
 * what it saves. On the Xeon 6/207 (avx512, L2 2 MiB: d 208 and s 288 instead of 152 and 208;
 * one thread, best of 4, small against packed, GFLOP/s): dgemm n = 160 84.6/73.6, 201 73.1/69.7,
 * 226 73.4/70.5, with ld = n + 1 160 78.2/72.5, 200 78.4/73.1, and 250 67.2/69.4 past the new
 * limit; sgemm with ld = n + 1 210 137.5/132.3, 250 142.6/137.3, 300 148.4/143.9. Where L2 is
 * 1 MiB (Zen 4/5) the rule gives less than the set's figures, which stay. */
static int small_max(int set_max, int size)
{
    const sb_cpu_info *cpu = sb_cpu();
    if (set_max <= 0 || cpu->l2 <= 0) return set_max;
    int n = (int)sqrt((double)cpu->l2 / 2 / (3.0 * size)) / 8 * 8;
    return n > set_max ? n : set_max;
}

#define FILL(tab, part, T)                                                                               \
    do {                                                                                                 \
        tab.mr = (part)->mr;                                                                             \
        tab.nr = (part)->nr;                                                                             \
        blocks((int)sizeof(T), tab.mr, tab.nr, &tab.mc, &tab.kc, &tab.nc);                               \
        tab.ukr = (part)->ukr;                                                                           \
        tab.pack_a = (part)->pack_a;                                                                     \
        tab.pack_b = (part)->pack_b;                                                                     \
        tab.trsm_ukr = (part)->trsm_ukr;                                                                 \
        tab.small = (part)->small;                                                                       \
        tab.small_t = (part)->small_t;                                                                   \
        tab.small_one_thread_max = small_max((part)->small_one_thread_max, (int)sizeof(T));               \
    } while (0)

static void choose(void)
{
    const sb_kernel_set *set = default_set();
    const char *env = getenv("SAFEBLAS_KERNEL");
    if (env && *env) {
        const sb_kernel_set *want = find(env);
        if (!want) {
            char names[128] = "";
            for (int i = 0; i < NSETS; i++) {
                strncat(names, sets[i].name, sizeof names - strlen(names) - 1);
                if (i + 1 < NSETS) strncat(names, "|", sizeof names - strlen(names) - 1);
            }
            fprintf(stderr, "SafeBLAS: unknown SAFEBLAS_KERNEL=\"%s\" (expected %s); using %s\n", env, names,
                    set->name);
        } else if (!can_run(want)) {
            fprintf(stderr, "SafeBLAS: SAFEBLAS_KERNEL=%s but this CPU/OS cannot run it; using %s\n", want->name,
                    set->name);
        } else {
            set = want;
            snprintf(reason, sizeof reason, "SAFEBLAS_KERNEL=%s", want->name);
        }
    }
    chosen = set;
    FILL(sb_s_gemm_table, set->s, float);
    FILL(sb_d_gemm_table, set->d, double);
    FILL(sb_c_gemm_table, set->c, float _Complex);
    FILL(sb_z_gemm_table, set->z, double _Complex);
    __atomic_store_n(&sb_kernels_ready, 1, __ATOMIC_RELEASE);
}

/* once chosen, a load (the level-1 drivers ask on every call; pthread_once is a call into libc) */
static const sb_kernel_set *get(void)
{
    if (!__atomic_load_n(&sb_kernels_ready, __ATOMIC_ACQUIRE)) pthread_once(&once, choose);
    return chosen;
}

const sb_s_gemm_kernels_t *sb_s_gemm_kernels_chosen(void) { pthread_once(&once, choose); return &sb_s_gemm_table; }
const sb_d_gemm_kernels_t *sb_d_gemm_kernels_chosen(void) { pthread_once(&once, choose); return &sb_d_gemm_table; }
const sb_c_gemm_kernels_t *sb_c_gemm_kernels_chosen(void) { pthread_once(&once, choose); return &sb_c_gemm_table; }
const sb_z_gemm_kernels_t *sb_z_gemm_kernels_chosen(void) { pthread_once(&once, choose); return &sb_z_gemm_table; }

/* gemv: real precisions only (every set has them) */
sb_s_gemv_t_fn sb_s_gemv_t_kernel(void) { return get()->s->gemv_t; }
sb_d_gemv_t_fn sb_d_gemv_t_kernel(void) { return get()->d->gemv_t; }
sb_s_gemv_n_fn sb_s_gemv_n_kernel(void) { return get()->s->gemv_n; }
sb_d_gemv_n_fn sb_d_gemv_n_kernel(void) { return get()->d->gemv_n; }
sb_s_symv_fn sb_s_symv_kernel(void) { return get()->s->symv; }
sb_d_symv_fn sb_d_symv_kernel(void) { return get()->d->symv; }
sb_c_symv_fn sb_c_symv_kernel(void) { return NULL; } /* complex: hemv */
sb_z_symv_fn sb_z_symv_kernel(void) { return NULL; }
sb_c_hemv_fn sb_c_hemv_kernel(void) { return get()->c->hemv; }
sb_z_hemv_fn sb_z_hemv_kernel(void) { return get()->z->hemv; }

sb_s_axpy_fn sb_s_axpy_kernel(void) { return get()->s->axpy; }
sb_d_axpy_fn sb_d_axpy_kernel(void) { return get()->d->axpy; }
sb_c_axpy_fn sb_c_axpy_kernel(void) { return get()->c->axpy; }
sb_z_axpy_fn sb_z_axpy_kernel(void) { return get()->z->axpy; }
sb_s_dot_fn sb_s_dot_kernel(void) { return get()->s->dot; }
sb_d_dot_fn sb_d_dot_kernel(void) { return get()->d->dot; }
sb_c_dot_fn sb_c_dot_kernel(void) { return get()->c->dot; }
sb_z_dot_fn sb_z_dot_kernel(void) { return get()->z->dot; }

/* the other level-1 loops; asum and nrm2 real only (complex drivers run them on the 2n reals) */
#define SB_LEVEL1_ACCESSORS(P)                                                                           \
    sb_##P##_scal_fn sb_##P##_scal_kernel(void) { return get()->P->scal; }                               \
    sb_##P##_swap_fn sb_##P##_swap_kernel(void) { return get()->P->swap; }                               \
    sb_##P##_rot_fn sb_##P##_rot_kernel(void) { return get()->P->rot; }                                  \
    sb_##P##_iamax_fn sb_##P##_iamax_kernel(void) { return get()->P->iamax; }
SB_LEVEL1_ACCESSORS(s)
SB_LEVEL1_ACCESSORS(d)
SB_LEVEL1_ACCESSORS(c)
SB_LEVEL1_ACCESSORS(z)
sb_s_asum_fn sb_s_asum_kernel(void) { return get()->s->asum; }
sb_d_asum_fn sb_d_asum_kernel(void) { return get()->d->asum; }
sb_s_nrm2_fn sb_s_nrm2_kernel(void) { return get()->s->nrm2; }
sb_d_nrm2_fn sb_d_nrm2_kernel(void) { return get()->d->nrm2; }
sb_c_gemv_nc_fn sb_c_gemv_nc_kernel(void) { return get()->c->gemv_nc; }
sb_z_gemv_nc_fn sb_z_gemv_nc_kernel(void) { return get()->z->gemv_nc; }
sb_c_gemv_tc_fn sb_c_gemv_tc_kernel(void) { return get()->c->gemv_tc; }
sb_z_gemv_tc_fn sb_z_gemv_tc_kernel(void) { return get()->z->gemv_tc; }

const char *sb_kernel_name(void) { return get()->name; }
const char *sb_kernel_reason(void)
{
    get();
    return reason;
}
