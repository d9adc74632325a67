/* Portable axpy-form gemv kernel (op N, real, unit-stride y):
 *   y(i) := y(i) + t(j) * a(i,j) for j = 0, 1, ..., n-1 in order, t(j) = alpha * x(j*incx),
 * one product and one sum per column (the same for every row, whether it is in a block of 4
 * rows or the tail), so any split of the rows over threads gives the same bits. Rows in chunks
 * of CH (the y chunk stays in cache), four columns per pass over the chunk. */
#include "kernels/kernels.h"

#include "common/precision.h"

#if !SB_IS_COMPLEX

#define CH 2048

static inline __attribute__((always_inline)) void cols(const int NC, blas_int m, const sb_t *restrict a,
                                                        blas_int lda, const sb_t *t, sb_t *restrict y)
{
    const sb_t *restrict col[4];
    sb_t tc[4];
#pragma GCC unroll 4
    for (int c = 0; c < NC; c++) {
        col[c] = a + (ptrdiff_t)c * lda;
        tc[c] = t[c];
    }
    blas_int i = 0;
    for (; i + 4 <= m; i += 4) {
#pragma GCC unroll 4
        for (int r = 0; r < 4; r++) {
            sb_t v = y[i + r];
#pragma GCC unroll 4
            for (int c = 0; c < NC; c++) {
                sb_t p = tc[c] * col[c][i + r];
                v = v + p;
            }
            y[i + r] = v;
        }
    }
    for (; i < m; i++) {
        sb_t v = y[i];
#pragma GCC unroll 4
        for (int c = 0; c < NC; c++) {
            sb_t p = tc[c] * col[c][i];
            v = v + p;
        }
        y[i] = v;
    }
}

void SB_NAME(gemv_n_generic)(blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                             blas_int incx, sb_t *y)
{
    for (blas_int r0 = 0; r0 < m; r0 += CH) {
        blas_int mr = m - r0 < CH ? m - r0 : CH;
        const sb_t *ar = a + r0;
        sb_t *yr = y + r0;
        blas_int j = 0;
        sb_t t[4];
        for (; j + 4 <= n; j += 4) {
            for (int c = 0; c < 4; c++) t[c] = alpha * x[(ptrdiff_t)(j + c) * incx];
            cols(4, mr, ar + (ptrdiff_t)j * lda, lda, t, yr);
        }
        for (; j < n; j++) {
            t[0] = alpha * x[(ptrdiff_t)j * incx];
            cols(1, mr, ar + (ptrdiff_t)j * lda, lda, t, yr);
        }
    }
}

#else
typedef int sb_gemv_n_generic_complex_unused; /* complex gemv N stays in the driver */
#endif
