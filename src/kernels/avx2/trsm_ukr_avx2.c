/* Packed triangular-solve tile kernel compiled for AVX2+FMA (used only when cpuid allows): the
 * portable body (generic/trsm_ukr_body.h) with the AVX2 register block and gemm microkernel, and its
 * two column operations as intrinsics. A column of the tile is MR elements = two 256-bit vectors in
 * every precision (d 8, s 16, z 4, c 8 elements): y -= x*f is two FMAs (complex: the products as in
 * the gemm microkernel, x*f = fmaddsub(x, re f, swap(x)*im f), then a subtraction), y /= f is two
 * vector divisions (complex: element by element, the compiler's Fortran-rules division). */
#include "kernels/kernels.h"

#include <immintrin.h>

SB_KERNEL_PROTOTYPES(avx2)

#define SB_TRSM_UKR_MR SB_SET_MR(AVX2)
#define SB_TRSM_UKR_NR SB_SET_NR(AVX2)

#if SB_IS_DOUBLE
#define VT __m256d
#define VW 4
#define V_LOAD(p) _mm256_loadu_pd(p)
#define V_STORE(p, v) _mm256_storeu_pd((p), (v))
#define V_SET1(x) _mm256_set1_pd(x)
#define V_FNMA(a, b, c) _mm256_fnmadd_pd((a), (b), (c))
#define V_FMADDSUB(a, b, c) _mm256_fmaddsub_pd((a), (b), (c))
#define V_SWAP(a) _mm256_permute_pd((a), 0x5)
#define V_MUL(a, b) _mm256_mul_pd((a), (b))
#define V_SUB(a, b) _mm256_sub_pd((a), (b))
#define V_DIV(a, b) _mm256_div_pd((a), (b))
#else
#define VT __m256
#define VW 8
#define V_LOAD(p) _mm256_loadu_ps(p)
#define V_STORE(p, v) _mm256_storeu_ps((p), (v))
#define V_SET1(x) _mm256_set1_ps(x)
#define V_FNMA(a, b, c) _mm256_fnmadd_ps((a), (b), (c))
#define V_FMADDSUB(a, b, c) _mm256_fmaddsub_ps((a), (b), (c))
#define V_SWAP(a) _mm256_permute_ps((a), 0xB1)
#define V_MUL(a, b) _mm256_mul_ps((a), (b))
#define V_SUB(a, b) _mm256_sub_ps((a), (b))
#define V_DIV(a, b) _mm256_div_ps((a), (b))
#endif
_Static_assert(SB_TRSM_UKR_MR * sizeof(sb_t) == 2 * sizeof(VT), "a tile column is two vectors");

static inline __attribute__((always_inline)) void col_axpy(sb_t *y, const sb_t *x, sb_t f)
{
    sb_r *yr = (sb_r *)y;
    const sb_r *xr = (const sb_r *)x;
#if !SB_IS_COMPLEX
    VT vf = V_SET1(f);
    V_STORE(yr, V_FNMA(V_LOAD(xr), vf, V_LOAD(yr)));
    V_STORE(yr + VW, V_FNMA(V_LOAD(xr + VW), vf, V_LOAD(yr + VW)));
#else
    VT fr = V_SET1(sb_creal(f)), fi = V_SET1(sb_cimag(f));
    VT x0 = V_LOAD(xr), x1 = V_LOAD(xr + VW);
    VT p0 = V_FMADDSUB(x0, fr, V_MUL(V_SWAP(x0), fi)), p1 = V_FMADDSUB(x1, fr, V_MUL(V_SWAP(x1), fi));
    V_STORE(yr, V_SUB(V_LOAD(yr), p0));
    V_STORE(yr + VW, V_SUB(V_LOAD(yr + VW), p1));
#endif
}

static inline __attribute__((always_inline)) void col_div(sb_t *y, sb_t f)
{
#if !SB_IS_COMPLEX
    VT vf = V_SET1(f);
    V_STORE(y, V_DIV(V_LOAD(y), vf));
    V_STORE(y + VW, V_DIV(V_LOAD(y + VW), vf));
#else
    for (int i = 0; i < SB_TRSM_UKR_MR; i++) y[i] = y[i] / f;
#endif
}

/* The substitution of a whole tile (n == NR), its 2*NR vectors in registers: for each column in
 * solve order, the FMAs (products and subtractions for complex) of the columns solved before it in
 * the order they were solved, then the division; the same operations as col_axpy/col_div. */
static inline __attribute__((always_inline)) VT vaxpy(VT y, VT x, sb_t f)
{
#if !SB_IS_COMPLEX
    return V_FNMA(x, V_SET1(f), y);
#else
    return V_SUB(y, V_FMADDSUB(x, V_SET1(sb_creal(f)), V_MUL(V_SWAP(x), V_SET1(sb_cimag(f)))));
#endif
}

static void solve_full(sb_t *t, const sb_t *d, int upper, int unit)
{
    enum { MR = SB_TRSM_UKR_MR, NR = SB_TRSM_UKR_NR };
    VT v0[NR], v1[NR];
    sb_r *tr = (sb_r *)t;
#pragma GCC unroll 8
    for (int j = 0; j < NR; j++) {
        v0[j] = V_LOAD(tr + 2 * j * VW);
        v1[j] = V_LOAD(tr + (2 * j + 1) * VW);
    }
#if !SB_IS_COMPLEX
#define SOLVE_DIV(j)                                                                               \
    if (!unit) {                                                                                   \
        VT vf = V_SET1(d[(j) + (j)*NR]);                                                           \
        v0[j] = V_DIV(v0[j], vf);                                                                  \
        v1[j] = V_DIV(v1[j], vf);                                                                  \
    }
#else
#define SOLVE_DIV(j)                                                                               \
    if (!unit) {                                                                                   \
        V_STORE(tr + 2 * (j)*VW, v0[j]);                                                           \
        V_STORE(tr + (2 * (j) + 1) * VW, v1[j]);                                                   \
        col_div(t + (j)*MR, d[(j) + (j)*NR]);                                                      \
        v0[j] = V_LOAD(tr + 2 * (j)*VW);                                                           \
        v1[j] = V_LOAD(tr + (2 * (j) + 1) * VW);                                                   \
    }
#endif
    if (upper) {
#pragma GCC unroll 8
        for (int j = 0; j < NR; j++) {
#pragma GCC unroll 8
            for (int l = 0; l < j; l++) {
                v0[j] = vaxpy(v0[j], v0[l], d[l + j * NR]);
                v1[j] = vaxpy(v1[j], v1[l], d[l + j * NR]);
            }
            SOLVE_DIV(j)
        }
    } else {
#pragma GCC unroll 8
        for (int j = NR - 1; j >= 0; j--) {
#pragma GCC unroll 8
            for (int l = NR - 1; l > j; l--) {
                v0[j] = vaxpy(v0[j], v0[l], d[l + j * NR]);
                v1[j] = vaxpy(v1[j], v1[l], d[l + j * NR]);
            }
            SOLVE_DIV(j)
        }
    }
#undef SOLVE_DIV
#pragma GCC unroll 8
    for (int j = 0; j < NR; j++) {
        V_STORE(tr + 2 * j * VW, v0[j]);
        V_STORE(tr + (2 * j + 1) * VW, v1[j]);
    }
}

#define SB_TRSM_SOLVE_FULL solve_full
#define SB_TRSM_COL_AXPY col_axpy
#define SB_TRSM_COL_DIV col_div
#define SB_TRSM_UKR_NAME SB_NAME(trsm_ukr_avx2)
#define SB_TRSM_GEMM_UKR SB_NAME(gemm_ukr_avx2)
#include "kernels/generic/trsm_ukr_body.h"
