/* The kernel table: which microkernels (gemm, trsm tile), packers and block sizes each precision uses (and the real
 * gemv dot-form and axpy-form kernels, and the level-1 axpy and dot loops), chosen once
 * (first use, pthread_once) from cpuid, overridable with SAFEBLAS_KERNEL=generic|avx2. */
#include "kernels/kernels.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "runtime/cpu.h"

enum kset { KSET_GENERIC, KSET_AVX2 };

static sb_s_gemm_kernels_t s_tab;
static sb_d_gemm_kernels_t d_tab;
static sb_c_gemm_kernels_t c_tab;
static sb_z_gemm_kernels_t z_tab;
static sb_s_gemv_t_fn s_gemv_t = sb_s_gemv_t_generic;
static sb_d_gemv_t_fn d_gemv_t = sb_d_gemv_t_generic;
static sb_s_gemv_n_fn s_gemv_n = sb_s_gemv_n_generic;
static sb_d_gemv_n_fn d_gemv_n = sb_d_gemv_n_generic;
static sb_s_axpy_fn s_axpy = sb_s_axpy_generic;
static sb_d_axpy_fn d_axpy = sb_d_axpy_generic;
static sb_c_axpy_fn c_axpy = sb_c_axpy_generic;
static sb_z_axpy_fn z_axpy = sb_z_axpy_generic;
static sb_s_dot_fn s_dot = sb_s_dot_generic;
static sb_d_dot_fn d_dot = sb_d_dot_generic;
static sb_c_dot_fn c_dot = sb_c_dot_generic;
static sb_z_dot_fn z_dot = sb_z_dot_generic;
static const char *set_name = "generic";
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* The largest multiple of r that is <= x, at least r. */
static int round_down(long x, int r)
{
    long v = x / r * r;
    return (int)(v < r ? r : v);
}

/* Cache blocks for an element of `size` bytes with register block mr x nr (BLIS-style):
 *   KC: one packed A sliver (mr x kc) and one packed B sliver (kc x nr) fill about 7/8 of L1d,
 *       so the B sliver stays in L1 while A slivers stream through it (multiple of 16, 128..512);
 *   MC: the packed A block (mc x kc) takes about half of L2 (at most 256 rows);
 *   NC: the packed B panel (kc x nc) takes about a quarter of L3 (at most 4096 columns).
 * On a Zen 4 core with AVX2 kernels (L1d 32 KiB, L2 1 MiB, L3 32 MiB) this gives kc/mc/nc
 * d 256/256/4092, s 320/256/4092, c 320/200/3276, z 256/128/2046; the speed was measured to be
 * flat within noise around these values (kc 128..512, mc 64..256). */
static void blocks(int size, int mr, int nr, int *mc, int *kcp, int *nc)
{
    const sb_cpu_info *cpu = sb_cpu();
    long l1 = cpu->l1d > 0 ? cpu->l1d : 32 * 1024;
    long l2 = cpu->l2 > 0 ? cpu->l2 : 256 * 1024;
    long l3 = cpu->l3 > 0 ? cpu->l3 : 4L * 1024 * 1024;
    long kc = l1 * 7 / 8 / ((long)(mr + nr) * size) / 16 * 16;
    if (kc < 128) kc = 128;
    if (kc > 512) kc = 512;
    long m = l2 / 2 / (kc * size);
    if (m > 256) m = 256;
    if (m < 4L * mr) m = 4L * mr;
    long n = l3 / 4 / (kc * size);
    if (n > 4096) n = 4096;
    if (n < 8L * nr) n = 8L * nr;
    *mc = round_down(m, mr);
    *kcp = (int)kc;
    *nc = round_down(n, nr);
}

#define FILL(tab, P, T, set, MR, NR)                                                                     \
    do {                                                                                                 \
        tab.mr = MR;                                                                                     \
        tab.nr = NR;                                                                                     \
        blocks((int)sizeof(T), MR, NR, &tab.mc, &tab.kc, &tab.nc);                                       \
        tab.ukr = sb_##P##_gemm_ukr_##set;                                                               \
        tab.pack_a = sb_##P##_gemm_pack_a_##set;                                                         \
        tab.pack_b = sb_##P##_gemm_pack_b_##set;                                                         \
        tab.trsm_ukr = sb_##P##_trsm_ukr_##set;                                                           \
    } while (0)

static void choose(void)
{
    enum kset set = sb_cpu_can_avx2() ? KSET_AVX2 : KSET_GENERIC;
    const char *env = getenv("SAFEBLAS_KERNEL");
    if (env && *env) {
        if (strcasecmp(env, "generic") == 0) {
            set = KSET_GENERIC;
        } else if (strcasecmp(env, "avx2") == 0) {
            if (sb_cpu_can_avx2()) set = KSET_AVX2;
            else fprintf(stderr, "SafeBLAS: SAFEBLAS_KERNEL=avx2 but this CPU/OS cannot run AVX2+FMA; using generic\n");
        } else {
            fprintf(stderr, "SafeBLAS: unknown SAFEBLAS_KERNEL=\"%s\" (expected generic or avx2); using %s\n", env,
                    set == KSET_AVX2 ? "avx2" : "generic");
        }
    }
    if (set == KSET_AVX2) {
        set_name = "avx2";
        FILL(s_tab, s, float, avx2, SB_AVX2_S_MR, SB_AVX2_S_NR);
        FILL(d_tab, d, double, avx2, SB_AVX2_D_MR, SB_AVX2_D_NR);
        FILL(c_tab, c, float _Complex, avx2, SB_AVX2_C_MR, SB_AVX2_C_NR);
        FILL(z_tab, z, double _Complex, avx2, SB_AVX2_Z_MR, SB_AVX2_Z_NR);
        s_tab.small = sb_s_gemm_small_avx2;
        d_tab.small = sb_d_gemm_small_avx2;
        s_gemv_t = sb_s_gemv_t_avx2;
        d_gemv_t = sb_d_gemv_t_avx2;
        s_gemv_n = sb_s_gemv_n_avx2;
        d_gemv_n = sb_d_gemv_n_avx2;
        s_axpy = sb_s_axpy_avx2;
        d_axpy = sb_d_axpy_avx2;
        c_axpy = sb_c_axpy_avx2;
        z_axpy = sb_z_axpy_avx2;
        s_dot = sb_s_dot_avx2;
        d_dot = sb_d_dot_avx2;
        c_dot = sb_c_dot_avx2;
        z_dot = sb_z_dot_avx2;
    } else {
        set_name = "generic";
        FILL(s_tab, s, float, generic, SB_GENERIC_MR, SB_GENERIC_NR);
        FILL(d_tab, d, double, generic, SB_GENERIC_MR, SB_GENERIC_NR);
        FILL(c_tab, c, float _Complex, generic, SB_GENERIC_MR, SB_GENERIC_NR);
        FILL(z_tab, z, double _Complex, generic, SB_GENERIC_MR, SB_GENERIC_NR);
        s_gemv_t = sb_s_gemv_t_generic;
        d_gemv_t = sb_d_gemv_t_generic;
        s_gemv_n = sb_s_gemv_n_generic;
        d_gemv_n = sb_d_gemv_n_generic;
        s_axpy = sb_s_axpy_generic;
        d_axpy = sb_d_axpy_generic;
        c_axpy = sb_c_axpy_generic;
        z_axpy = sb_z_axpy_generic;
        s_dot = sb_s_dot_generic;
        d_dot = sb_d_dot_generic;
        c_dot = sb_c_dot_generic;
        z_dot = sb_z_dot_generic;
    }
}

const sb_s_gemm_kernels_t *sb_s_gemm_kernels(void) { pthread_once(&once, choose); return &s_tab; }
const sb_d_gemm_kernels_t *sb_d_gemm_kernels(void) { pthread_once(&once, choose); return &d_tab; }
const sb_c_gemm_kernels_t *sb_c_gemm_kernels(void) { pthread_once(&once, choose); return &c_tab; }
const sb_z_gemm_kernels_t *sb_z_gemm_kernels(void) { pthread_once(&once, choose); return &z_tab; }

sb_s_gemv_t_fn sb_s_gemv_t_kernel(void) { pthread_once(&once, choose); return s_gemv_t; }
sb_d_gemv_t_fn sb_d_gemv_t_kernel(void) { pthread_once(&once, choose); return d_gemv_t; }
sb_s_gemv_n_fn sb_s_gemv_n_kernel(void) { pthread_once(&once, choose); return s_gemv_n; }
sb_d_gemv_n_fn sb_d_gemv_n_kernel(void) { pthread_once(&once, choose); return d_gemv_n; }

sb_s_axpy_fn sb_s_axpy_kernel(void) { pthread_once(&once, choose); return s_axpy; }
sb_d_axpy_fn sb_d_axpy_kernel(void) { pthread_once(&once, choose); return d_axpy; }
sb_c_axpy_fn sb_c_axpy_kernel(void) { pthread_once(&once, choose); return c_axpy; }
sb_z_axpy_fn sb_z_axpy_kernel(void) { pthread_once(&once, choose); return z_axpy; }
sb_s_dot_fn sb_s_dot_kernel(void) { pthread_once(&once, choose); return s_dot; }
sb_d_dot_fn sb_d_dot_kernel(void) { pthread_once(&once, choose); return d_dot; }
sb_c_dot_fn sb_c_dot_kernel(void) { pthread_once(&once, choose); return c_dot; }
sb_z_dot_fn sb_z_dot_kernel(void) { pthread_once(&once, choose); return z_dot; }

const char *sb_kernel_name(void)
{
    pthread_once(&once, choose);
    return set_name;
}
