/* AVX2+FMA axpy-form gemv kernel (op N, real, unit-stride y), compiled with -mavx2 -mfma and used
 * only when cpuid allows (kernels.h). Every y element gets the same arithmetic wherever it sits:
 *   y(i) := fma(a(i,j), t(j), y(i)) for j = 0, 1, ..., n-1 in order, t(j) = alpha * x(j*incx),
 * one rounding per column, whether row i is in a full vector, a single vector or the masked
 * tail, and whatever the grouping of the columns (the intermediate y is exact in a register or
 * in memory alike). So any split of the rows over threads gives the same bits.
 * Blocking: rows in chunks of CH (y chunk stays in L1), columns in groups of 8 (then 4, then 1)
 * per pass over the chunk, rows in steps of 4 vectors with y held in registers across the
 * group's columns. */
#include "kernels/kernels.h"

#include <immintrin.h>

#include "common/precision.h"

#if !SB_IS_COMPLEX

#if SB_IS_DOUBLE
#define VT __m256d
#define W 4
#define V_LOAD(p) _mm256_loadu_pd(p)
#define V_STORE(p, v) _mm256_storeu_pd((p), (v))
#define V_SET1(s) _mm256_set1_pd(s)
#define V_FMA(a, b, c) _mm256_fmadd_pd((a), (b), (c))
static const long long mask_tab[8] = {-1, -1, -1, -1, 0, 0, 0, 0};
#define MASK_T __m256i
#define V_MASK(r) _mm256_loadu_si256((const __m256i *)(mask_tab + 4 - (r)))
#define V_MASKLOAD(p, k) _mm256_maskload_pd((p), (k))
#define V_MASKSTORE(p, k, v) _mm256_maskstore_pd((p), (k), (v))
#define CH 2048
#else
#define VT __m256
#define W 8
#define V_LOAD(p) _mm256_loadu_ps(p)
#define V_STORE(p, v) _mm256_storeu_ps((p), (v))
#define V_SET1(s) _mm256_set1_ps(s)
#define V_FMA(a, b, c) _mm256_fmadd_ps((a), (b), (c))
static const int mask_tab[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
#define MASK_T __m256i
#define V_MASK(r) _mm256_loadu_si256((const __m256i *)(mask_tab + 8 - (r)))
#define V_MASKLOAD(p, k) _mm256_maskload_ps((p), (k))
#define V_MASKSTORE(p, k, v) _mm256_maskstore_ps((p), (k), (v))
#define CH 4096
#endif

/* y(0:m) += sum over c < NC, in order, of t[c] * a(:, c), each a fused multiply-add */
static inline __attribute__((always_inline)) void cols(const int NC, blas_int m, const sb_t *a, blas_int lda,
                                                        const sb_t *t, sb_t *y)
{
    VT tv[8];
    const sb_t *col[8];
#pragma GCC unroll 8
    for (int c = 0; c < NC; c++) {
        tv[c] = V_SET1(t[c]);
        col[c] = a + (ptrdiff_t)c * lda;
    }
    blas_int i = 0;
    for (; i + 4 * W <= m; i += 4 * W) {
        VT y0 = V_LOAD(y + i), y1 = V_LOAD(y + i + W), y2 = V_LOAD(y + i + 2 * W), y3 = V_LOAD(y + i + 3 * W);
#pragma GCC unroll 8
        for (int c = 0; c < NC; c++) {
            y0 = V_FMA(V_LOAD(col[c] + i), tv[c], y0);
            y1 = V_FMA(V_LOAD(col[c] + i + W), tv[c], y1);
            y2 = V_FMA(V_LOAD(col[c] + i + 2 * W), tv[c], y2);
            y3 = V_FMA(V_LOAD(col[c] + i + 3 * W), tv[c], y3);
        }
        V_STORE(y + i, y0);
        V_STORE(y + i + W, y1);
        V_STORE(y + i + 2 * W, y2);
        V_STORE(y + i + 3 * W, y3);
    }
    for (; i + W <= m; i += W) {
        VT y0 = V_LOAD(y + i);
#pragma GCC unroll 8
        for (int c = 0; c < NC; c++) y0 = V_FMA(V_LOAD(col[c] + i), tv[c], y0);
        V_STORE(y + i, y0);
    }
    if (i < m) {
        MASK_T k = V_MASK((int)(m - i));
        VT y0 = V_MASKLOAD(y + i, k);
#pragma GCC unroll 8
        for (int c = 0; c < NC; c++) y0 = V_FMA(V_MASKLOAD(col[c] + i, k), tv[c], y0);
        V_MASKSTORE(y + i, k, y0);
    }
}

void SB_NAME(gemv_n_avx2)(blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                          blas_int incx, sb_t *y)
{
    for (blas_int r0 = 0; r0 < m; r0 += CH) {
        blas_int mr = m - r0 < CH ? m - r0 : CH;
        const sb_t *ar = a + r0;
        sb_t *yr = y + r0;
        blas_int j = 0;
        sb_t t[8];
        for (; j + 8 <= n; j += 8) {
#pragma GCC unroll 8
            for (int c = 0; c < 8; c++) t[c] = alpha * x[(ptrdiff_t)(j + c) * incx];
            cols(8, mr, ar + (ptrdiff_t)j * lda, lda, t, yr);
        }
        if (j + 4 <= n) {
#pragma GCC unroll 4
            for (int c = 0; c < 4; c++) t[c] = alpha * x[(ptrdiff_t)(j + c) * incx];
            cols(4, mr, ar + (ptrdiff_t)j * lda, lda, t, yr);
            j += 4;
        }
        for (; j < n; j++) {
            t[0] = alpha * x[(ptrdiff_t)j * incx];
            cols(1, mr, ar + (ptrdiff_t)j * lda, lda, t, yr);
        }
    }
}

#else
typedef int sb_gemv_n_avx2_complex_unused; /* complex gemv N stays in the driver */
#endif
