/* Packed triangular-solve tile kernel compiled for AVX-512 (used only when cpuid allows): the
 * portable body (generic/trsm_ukr_body.h) with the AVX-512 register block and gemm microkernel,
 * and its two column operations as intrinsics. A column of the tile is MR elements = three
 * 512-bit vectors in every precision (d 24, s 48, z 12, c 24 elements): y -= x*f is three FMAs
 * (complex: x*f = fmaddsub(x, re f, swap(x)*im f), then a subtraction, as the AVX2 set), y /= f is
 * three vector divisions (complex: element by element, the compiler's Fortran-rules division). */
#include "kernels/kernels.h"

#include <immintrin.h>

SB_KERNEL_PROTOTYPES(avx512)

#define SB_TRSM_UKR_MR SB_SET_MR(AVX512)
#define SB_TRSM_UKR_NR SB_SET_NR(AVX512)

#if SB_IS_DOUBLE
#define VT __m512d
#define VW 8
#define V_LOAD(p) _mm512_loadu_pd(p)
#define V_STORE(p, v) _mm512_storeu_pd((p), (v))
#define V_SET1(x) _mm512_set1_pd(x)
#define V_FNMA(a, b, c) _mm512_fnmadd_pd((a), (b), (c))
#define V_FMADDSUB(a, b, c) _mm512_fmaddsub_pd((a), (b), (c))
#define V_SWAP(a) _mm512_permute_pd((a), 0x55)
#define V_MUL(a, b) _mm512_mul_pd((a), (b))
#define V_SUB(a, b) _mm512_sub_pd((a), (b))
#define V_DIV(a, b) _mm512_div_pd((a), (b))
#else
#define VT __m512
#define VW 16
#define V_LOAD(p) _mm512_loadu_ps(p)
#define V_STORE(p, v) _mm512_storeu_ps((p), (v))
#define V_SET1(x) _mm512_set1_ps(x)
#define V_FNMA(a, b, c) _mm512_fnmadd_ps((a), (b), (c))
#define V_FMADDSUB(a, b, c) _mm512_fmaddsub_ps((a), (b), (c))
#define V_SWAP(a) _mm512_permute_ps((a), 0xB1)
#define V_MUL(a, b) _mm512_mul_ps((a), (b))
#define V_SUB(a, b) _mm512_sub_ps((a), (b))
#define V_DIV(a, b) _mm512_div_ps((a), (b))
#endif
enum { NV = 3 }; /* vectors per tile column */
_Static_assert(SB_TRSM_UKR_MR * sizeof(sb_t) == NV * sizeof(VT), "a tile column is three vectors");

/* y - x*f on one vector */
static inline __attribute__((always_inline)) VT vaxpy(VT y, VT x, sb_t f)
{
#if !SB_IS_COMPLEX
    return V_FNMA(x, V_SET1(f), y);
#else
    return V_SUB(y, V_FMADDSUB(x, V_SET1(sb_creal(f)), V_MUL(V_SWAP(x), V_SET1(sb_cimag(f)))));
#endif
}

static inline __attribute__((always_inline)) void col_axpy(sb_t *y, const sb_t *x, sb_t f)
{
    sb_r *yr = (sb_r *)y;
    const sb_r *xr = (const sb_r *)x;
    for (int v = 0; v < NV; v++) V_STORE(yr + v * VW, vaxpy(V_LOAD(yr + v * VW), V_LOAD(xr + v * VW), f));
}

static inline __attribute__((always_inline)) void col_div(sb_t *y, sb_t f)
{
#if !SB_IS_COMPLEX
    VT vf = V_SET1(f);
    for (int v = 0; v < NV; v++) V_STORE(y + v * VW, V_DIV(V_LOAD(y + v * VW), vf));
#else
    for (int i = 0; i < SB_TRSM_UKR_MR; i++) y[i] = y[i] / f;
#endif
}

/* The substitution of a whole tile (n == NR), its NV*NR vectors in registers: for each column in
 * solve order, the FMAs of the columns solved before it in the order they were solved, then the
 * division; the same operations as col_axpy/col_div. */
static void solve_full(sb_t *t, const sb_t *d, int upper, int unit)
{
    enum { MR = SB_TRSM_UKR_MR, NR = SB_TRSM_UKR_NR };
    VT v[NR][NV];
    sb_r *tr = (sb_r *)t;
#pragma GCC unroll 8
    for (int j = 0; j < NR; j++)
        for (int q = 0; q < NV; q++) v[j][q] = V_LOAD(tr + (NV * j + q) * VW);
#if !SB_IS_COMPLEX
#define SOLVE_DIV(j)                                                                               \
    if (!unit) {                                                                                   \
        VT vf = V_SET1(d[(j) + (j)*NR]);                                                           \
        for (int q = 0; q < NV; q++) v[j][q] = V_DIV(v[j][q], vf);                                 \
    }
#else
#define SOLVE_DIV(j)                                                                               \
    if (!unit) {                                                                                   \
        for (int q = 0; q < NV; q++) V_STORE(tr + (NV * (j) + q) * VW, v[j][q]);                   \
        col_div(t + (j)*MR, d[(j) + (j)*NR]);                                                      \
        for (int q = 0; q < NV; q++) v[j][q] = V_LOAD(tr + (NV * (j) + q) * VW);                   \
    }
#endif
    if (upper) {
#pragma GCC unroll 8
        for (int j = 0; j < NR; j++) {
#pragma GCC unroll 8
            for (int l = 0; l < j; l++)
                for (int q = 0; q < NV; q++) v[j][q] = vaxpy(v[j][q], v[l][q], d[l + j * NR]);
            SOLVE_DIV(j)
        }
    } else {
#pragma GCC unroll 8
        for (int j = NR - 1; j >= 0; j--) {
#pragma GCC unroll 8
            for (int l = NR - 1; l > j; l--)
                for (int q = 0; q < NV; q++) v[j][q] = vaxpy(v[j][q], v[l][q], d[l + j * NR]);
            SOLVE_DIV(j)
        }
    }
#undef SOLVE_DIV
#pragma GCC unroll 8
    for (int j = 0; j < NR; j++)
        for (int q = 0; q < NV; q++) V_STORE(tr + (NV * j + q) * VW, v[j][q]);
}

#define SB_TRSM_SOLVE_FULL solve_full
#define SB_TRSM_COL_AXPY col_axpy
#define SB_TRSM_COL_DIV col_div
#define SB_TRSM_UKR_NAME SB_NAME(trsm_ukr_avx512)
#define SB_TRSM_GEMM_UKR SB_NAME(gemm_ukr_avx512)
#include "kernels/generic/trsm_ukr_body.h"
