/* Packed triangular-solve tile kernel compiled for AVX2+FMA (used only when cpuid allows): the
 * portable body (generic/trsm_ukr_body.h) with the AVX2 register block and gemm microkernel, and its
 * two column operations as intrinsics. A column of the tile is MR elements = two 256-bit vectors in
 * every precision (d 8, s 16, z 4, c 8 elements): y -= x*f is two FMAs (complex: the products as in
 * the gemm microkernel, x*f = fmaddsub(x, re f, swap(x)*im f), then a subtraction), y /= f is two
 * vector products by 1/f where that is a normal number (see rcp_safe), else two vector divisions
 * (complex: element by element, the compiler's Fortran-rules division). */
#include "kernels/kernels.h"
#include "kernels/avx2/transpose_avx2.h"

#include <float.h>
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
#define SB_RCP_MIN DBL_MIN /* the least normal number */
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
#define SB_RCP_MIN FLT_MIN
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

/* y * f on a vector: a product (complex: as in the gemm microkernel) */
static inline __attribute__((always_inline)) VT vscale(VT y, sb_t f)
{
#if !SB_IS_COMPLEX
    return V_MUL(y, V_SET1(f));
#else
    return V_FMADDSUB(y, V_SET1(sb_creal(f)), V_MUL(V_SWAP(y), V_SET1(sb_cimag(f))));
#endif
}

/* y - x * f on vectors */
static inline __attribute__((always_inline)) VT vaxpy(VT y, VT x, sb_t f)
{
#if !SB_IS_COMPLEX
    return V_FNMA(x, V_SET1(f), y);
#else
    return V_SUB(y, vscale(x, f));
#endif
}

/* The division by the diagonal is a product by its reciprocal (kernels.h, trsm_ukr) where that
 * is safe: |f| (complex: its larger part) from SB_RCP_MIN (DBL_MIN or FLT_MIN) to 1/SB_RCP_MIN
 * (complex: half that), so that 1/f is a normal number; the product is then within an ulp or
 * two of the quotient. A division in the chain of columns (real: 13 cycles on Zen 3, against 3
 * for a product; complex: two per element, the Fortran-rules division) held each next column
 * up; the reciprocals are worked out beside it. Other diagonals (zero, subnormal, huge or not
 * finite) are divided by. */
static inline __attribute__((always_inline)) int rcp_safe(sb_t f, sb_t *r)
{
#if !SB_IS_COMPLEX
    sb_r mag = f < 0 ? -f : f, top = 1 / SB_RCP_MIN;
#else
    sb_r re = sb_creal(f) < 0 ? -sb_creal(f) : sb_creal(f), im = sb_cimag(f) < 0 ? -sb_cimag(f) : sb_cimag(f);
    sb_r mag = re > im ? re : im, top = 1 / (2 * SB_RCP_MIN);
#endif
    *r = 1 / f;
    return mag >= SB_RCP_MIN && mag <= top;
}

static inline __attribute__((always_inline)) void col_div(sb_t *y, sb_t f)
{
    sb_r *yr = (sb_r *)y;
    sb_t r;
    if (rcp_safe(f, &r)) {
        V_STORE(yr, vscale(V_LOAD(yr), r));
        V_STORE(yr + VW, vscale(V_LOAD(yr + VW), r));
        return;
    }
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
    sb_t rcp[NR];
    int by_rcp[NR];
    if (!unit) {
#pragma GCC unroll 8
        for (int j = 0; j < NR; j++) by_rcp[j] = rcp_safe(d[j + j * NR], &rcp[j]);
    }
#define SOLVE_DIV(j)                                                                               \
    if (!unit) {                                                                                   \
        if (by_rcp[j]) {                                                                           \
            v0[j] = vscale(v0[j], rcp[j]);                                                         \
            v1[j] = vscale(v1[j], rcp[j]);                                                         \
        } else {                                                                                   \
            V_STORE(tr + 2 * (j)*VW, v0[j]);                                                       \
            V_STORE(tr + (2 * (j) + 1) * VW, v1[j]);                                               \
            col_div(t + (j)*MR, d[(j) + (j)*NR]);                                                  \
            v0[j] = V_LOAD(tr + 2 * (j)*VW);                                                       \
            v1[j] = V_LOAD(tr + (2 * (j) + 1) * VW);                                               \
        }                                                                                          \
    }
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

#if !SB_IS_COMPLEX
/* A whole tile of side 'L' (trsm.c): its MR right-hand sides are columns of B, its NR = 6
 * unknowns 6 contiguous elements of each, so the tile is B's block transposed. In groups of 4
 * right-hand sides: unknowns 0-3 through a 4 x 4 register transpose, 4-5 by pairs. The scalar
 * gather and scatter were two thirds of the tile kernel's time at dtrsm m = n = 32 (perf, Zen 3). */
_Static_assert(SB_TRSM_UKR_NR == 6 && SB_TRSM_UKR_MR % 4 == 0, "tiles of 6 unknowns, rhs in fours");
static void tile_from_rows(sb_t *t, const sb_t *c, blas_int rs)
{
    enum { MR = SB_TRSM_UKR_MR };
    for (int g = 0; g < MR; g += 4) {
        const sb_t *r0 = c + (size_t)g * rs, *r1 = r0 + rs, *r2 = r1 + rs, *r3 = r2 + rs;
#if SB_IS_DOUBLE
        __m256d v[4] = {_mm256_loadu_pd(r0), _mm256_loadu_pd(r1), _mm256_loadu_pd(r2), _mm256_loadu_pd(r3)};
        transpose4_pd(v);
        for (int j = 0; j < 4; j++) _mm256_storeu_pd(t + j * MR + g, v[j]);
        /* [r0 4, r0 5, r2 4, r2 5] and [r1 4, r1 5, r3 4, r3 5] */
        __m256d a = _mm256_set_m128d(_mm_loadu_pd(r2 + 4), _mm_loadu_pd(r0 + 4));
        __m256d b = _mm256_set_m128d(_mm_loadu_pd(r3 + 4), _mm_loadu_pd(r1 + 4));
        _mm256_storeu_pd(t + 4 * MR + g, _mm256_unpacklo_pd(a, b));
        _mm256_storeu_pd(t + 5 * MR + g, _mm256_unpackhi_pd(a, b));
#else
        __m128 v0 = _mm_loadu_ps(r0), v1 = _mm_loadu_ps(r1), v2 = _mm_loadu_ps(r2), v3 = _mm_loadu_ps(r3);
        _MM_TRANSPOSE4_PS(v0, v1, v2, v3);
        _mm_storeu_ps(t + g, v0);
        _mm_storeu_ps(t + MR + g, v1);
        _mm_storeu_ps(t + 2 * MR + g, v2);
        _mm_storeu_ps(t + 3 * MR + g, v3);
        /* [r0 4, r0 5, r1 4, r1 5] and [r2 4, r2 5, r3 4, r3 5] */
        __m128 a = _mm_loadh_pi(_mm_loadl_pi(_mm_setzero_ps(), (const __m64 *)(r0 + 4)), (const __m64 *)(r1 + 4));
        __m128 b = _mm_loadh_pi(_mm_loadl_pi(_mm_setzero_ps(), (const __m64 *)(r2 + 4)), (const __m64 *)(r3 + 4));
        _mm_storeu_ps(t + 4 * MR + g, _mm_shuffle_ps(a, b, _MM_SHUFFLE(2, 0, 2, 0)));
        _mm_storeu_ps(t + 5 * MR + g, _mm_shuffle_ps(a, b, _MM_SHUFFLE(3, 1, 3, 1)));
#endif
    }
}

static void tile_to_rows(sb_t *c, const sb_t *t, blas_int rs)
{
    enum { MR = SB_TRSM_UKR_MR };
    for (int g = 0; g < MR; g += 4) {
        sb_t *r0 = c + (size_t)g * rs, *r1 = r0 + rs, *r2 = r1 + rs, *r3 = r2 + rs;
#if SB_IS_DOUBLE
        __m256d v[4];
        for (int j = 0; j < 4; j++) v[j] = _mm256_loadu_pd(t + j * MR + g);
        transpose4_pd(v);
        _mm256_storeu_pd(r0, v[0]);
        _mm256_storeu_pd(r1, v[1]);
        _mm256_storeu_pd(r2, v[2]);
        _mm256_storeu_pd(r3, v[3]);
        /* lo = [r0 4, r0 5, r2 4, r2 5], hi = [r1 4, r1 5, r3 4, r3 5] */
        __m256d a = _mm256_loadu_pd(t + 4 * MR + g), b = _mm256_loadu_pd(t + 5 * MR + g);
        __m256d lo = _mm256_unpacklo_pd(a, b), hi = _mm256_unpackhi_pd(a, b);
        _mm_storeu_pd(r0 + 4, _mm256_castpd256_pd128(lo));
        _mm_storeu_pd(r1 + 4, _mm256_castpd256_pd128(hi));
        _mm_storeu_pd(r2 + 4, _mm256_extractf128_pd(lo, 1));
        _mm_storeu_pd(r3 + 4, _mm256_extractf128_pd(hi, 1));
#else
        __m128 v0 = _mm_loadu_ps(t + g), v1 = _mm_loadu_ps(t + MR + g);
        __m128 v2 = _mm_loadu_ps(t + 2 * MR + g), v3 = _mm_loadu_ps(t + 3 * MR + g);
        _MM_TRANSPOSE4_PS(v0, v1, v2, v3);
        _mm_storeu_ps(r0, v0);
        _mm_storeu_ps(r1, v1);
        _mm_storeu_ps(r2, v2);
        _mm_storeu_ps(r3, v3);
        /* lo = [r0 4, r0 5, r1 4, r1 5], hi = [r2 4, r2 5, r3 4, r3 5] */
        __m128 a = _mm_loadu_ps(t + 4 * MR + g), b = _mm_loadu_ps(t + 5 * MR + g);
        __m128 lo = _mm_unpacklo_ps(a, b), hi = _mm_unpackhi_ps(a, b);
        _mm_storel_pi((__m64 *)(r0 + 4), lo); /* __m64: a pair of floats, may alias */
        _mm_storeh_pi((__m64 *)(r1 + 4), lo);
        _mm_storel_pi((__m64 *)(r2 + 4), hi);
        _mm_storeh_pi((__m64 *)(r3 + 4), hi);
#endif
    }
}
#define SB_TRSM_TILE_FROM_ROWS tile_from_rows
#define SB_TRSM_TILE_TO_ROWS tile_to_rows
#endif

#define SB_TRSM_SOLVE_FULL solve_full
#define SB_TRSM_COL_AXPY col_axpy
#define SB_TRSM_COL_DIV col_div
#define SB_TRSM_UKR_NAME SB_NAME(trsm_ukr_avx2)
#define SB_TRSM_GEMM_UKR SB_NAME(gemm_ukr_avx2)
#include "kernels/generic/trsm_ukr_body.h"
