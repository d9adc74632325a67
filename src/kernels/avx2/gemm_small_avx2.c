/* AVX2+FMA gemm for small real problems without packing (compiled with -mavx2 -mfma; used only
 * when cpuid allows), op(A) = A. Contract (kernels.h): C := beta*C, then for l = 0, 1, ..., k-1
 * in order C(i,j) := fma(A(i,l), t, C(i,j)) with t = alpha*op(B)(l,j) rounded first, as the
 * reference orders it (one rounding per product-and-add). Every element gets exactly these
 * operations whichever block holds it: blocks of 2 vectors, 1 vector or 1 row (a scalar FMA) by
 * 4, 2 or 1 columns of C, held in registers across l (4 columns x 2 vectors = 8 independent
 * chains, enough to keep both FMA units busy). */
#include "kernels/kernels.h"

#include <immintrin.h>

#if !SB_IS_COMPLEX

#if SB_IS_DOUBLE
#define VT __m256d
#define VW 4
#define V_ZERO() _mm256_setzero_pd()
#define V_LOAD(p) _mm256_loadu_pd(p)
#define V_STORE(p, v) _mm256_storeu_pd((p), (v))
#define V_SET1(x) _mm256_set1_pd(x)
#define V_MUL(a, b) _mm256_mul_pd((a), (b))
#define V_FMA(a, b, c) _mm256_fmadd_pd((a), (b), (c))
#define S_FMA(a, b, c) __builtin_fma((a), (b), (c))
#else
#define VT __m256
#define VW 8
#define V_ZERO() _mm256_setzero_ps()
#define V_LOAD(p) _mm256_loadu_ps(p)
#define V_STORE(p, v) _mm256_storeu_ps((p), (v))
#define V_SET1(x) _mm256_set1_ps(x)
#define V_MUL(a, b) _mm256_mul_ps((a), (b))
#define V_FMA(a, b, c) _mm256_fmadd_ps((a), (b), (c))
#define S_FMA(a, b, c) __builtin_fmaf((a), (b), (c))
#endif

#define INLINE static inline __attribute__((always_inline))

/* beta*x, x not read when beta is 0 (vector and scalar) */
INLINE VT v_start(const sb_t *p, sb_t beta)
{
    if (beta == 0) return V_ZERO();
    return beta == 1 ? V_LOAD(p) : V_MUL(V_SET1(beta), V_LOAD(p));
}
INLINE sb_t s_start(const sb_t *p, sb_t beta) { return beta == 0 ? 0 : beta == 1 ? *p : beta * *p; }

/* nv vectors (1 or 2) of rows by nc columns (1, 2 or 4); op(B)(l, q) = b[l*sl + q*sq] */
INLINE void block_v(const int nv, const int nc, blas_int k, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *b,
                    blas_int sl, blas_int sq, sb_t beta, sb_t *c, blas_int ldc)
{
    VT acc[4][2];
#pragma GCC unroll 4
    for (int q = 0; q < nc; q++)
#pragma GCC unroll 2
        for (int v = 0; v < nv; v++) acc[q][v] = v_start(c + (size_t)q * ldc + v * VW, beta);
    for (blas_int l = 0; l < k; l++) {
        const sb_t *al = a + (size_t)l * lda, *bl = b + (size_t)l * sl;
        VT a0 = V_LOAD(al), a1 = nv > 1 ? V_LOAD(al + VW) : a0;
#pragma GCC unroll 4
        for (int q = 0; q < nc; q++) {
            VT t = V_SET1(alpha * bl[(size_t)q * sq]);
            acc[q][0] = V_FMA(a0, t, acc[q][0]);
            if (nv > 1) acc[q][1] = V_FMA(a1, t, acc[q][1]);
        }
    }
#pragma GCC unroll 4
    for (int q = 0; q < nc; q++)
#pragma GCC unroll 2
        for (int v = 0; v < nv; v++) V_STORE(c + (size_t)q * ldc + v * VW, acc[q][v]);
}

/* one row by nc columns, scalar */
INLINE void block_s(const int nc, blas_int k, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *b, blas_int sl,
                    blas_int sq, sb_t beta, sb_t *c, blas_int ldc)
{
    sb_t acc[4];
#pragma GCC unroll 4
    for (int q = 0; q < nc; q++) acc[q] = s_start(c + (size_t)q * ldc, beta);
    for (blas_int l = 0; l < k; l++) {
        sb_t x = a[(size_t)l * lda];
        const sb_t *bl = b + (size_t)l * sl;
#pragma GCC unroll 4
        for (int q = 0; q < nc; q++) acc[q] = S_FMA(x, alpha * bl[(size_t)q * sq], acc[q]);
    }
#pragma GCC unroll 4
    for (int q = 0; q < nc; q++) c[(size_t)q * ldc] = acc[q];
}

INLINE void cols(const int nc, blas_int m, blas_int k, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *b,
                 blas_int sl, blas_int sq, sb_t beta, sb_t *c, blas_int ldc)
{
    blas_int i = 0;
    for (; i + 2 * VW <= m; i += 2 * VW) block_v(2, nc, k, alpha, a + i, lda, b, sl, sq, beta, c + i, ldc);
    if (i + VW <= m) block_v(1, nc, k, alpha, a + i, lda, b, sl, sq, beta, c + i, ldc), i += VW;
    for (; i < m; i++) block_s(nc, k, alpha, a + i, lda, b, sl, sq, beta, c + i, ldc);
}

void SB_NAME(gemm_small_avx2)(blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a, blas_int lda, char tb,
                              const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    int bcols = tb == 'N' || tb == 'R';
    blas_int sl = bcols ? 1 : ldb, sq = bcols ? ldb : 1; /* op(B)(l, j) = b[l*sl + j*sq] */
    blas_int j = 0;
    for (; j + 4 <= n; j += 4) cols(4, m, k, alpha, a, lda, b + (size_t)j * sq, sl, sq, beta, c + (size_t)j * ldc, ldc);
    if (j + 2 <= n) cols(2, m, k, alpha, a, lda, b + (size_t)j * sq, sl, sq, beta, c + (size_t)j * ldc, ldc), j += 2;
    if (j < n) cols(1, m, k, alpha, a, lda, b + (size_t)j * sq, sl, sq, beta, c + (size_t)j * ldc, ldc);
}

#endif
