/* Portable dot-form gemv kernel (op T, real, unit-stride x): y(j) += alpha * sum_i a(i,j) x(i).
 * Four columns share each pass over x. Every column's sum has one fixed shape that depends only
 * on m: eight running sums (row i goes to sum i mod 8) over blocks of 8 rows, combined as
 * ((s0+s4) + (s1+s5)) + ((s2+s6) + (s3+s7)), then the last < 8 rows added in order; so the
 * grouping of columns, and any split of them over threads, never changes a bit. */
#include "kernels/kernels.h"

#include "common/precision.h"

#if !SB_IS_COMPLEX

static inline __attribute__((always_inline)) void cols(const int NC, blas_int m, sb_t alpha, const sb_t *a,
                                                        blas_int lda, const sb_t *x, sb_t *y, blas_int incy)
{
    sb_t s[4][8];
    const sb_t *col[4];
#pragma GCC unroll 4
    for (int c = 0; c < NC; c++) {
        for (int r = 0; r < 8; r++) s[c][r] = 0;
        col[c] = a + (ptrdiff_t)c * lda;
    }
    blas_int i = 0;
    for (; i + 8 <= m; i += 8) {
#pragma GCC unroll 4
        for (int c = 0; c < NC; c++)
#pragma GCC unroll 8
            for (int r = 0; r < 8; r++) s[c][r] += col[c][i + r] * x[i + r];
    }
#pragma GCC unroll 4
    for (int c = 0; c < NC; c++) {
        sb_t t = ((s[c][0] + s[c][4]) + (s[c][1] + s[c][5])) + ((s[c][2] + s[c][6]) + (s[c][3] + s[c][7]));
        for (blas_int k = i; k < m; k++) t += col[c][k] * x[k];
        y[(ptrdiff_t)c * incy] += alpha * t;
    }
}

void SB_NAME(gemv_t_generic)(blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                             sb_t *y, blas_int incy)
{
    blas_int j = 0;
    for (; j + 4 <= n; j += 4) cols(4, m, alpha, a + (ptrdiff_t)j * lda, lda, x, y + (ptrdiff_t)j * incy, incy);
    for (; j < n; j++) cols(1, m, alpha, a + (ptrdiff_t)j * lda, lda, x, y + (ptrdiff_t)j * incy, incy);
}

#else
typedef int sb_gemv_t_generic_complex_unused; /* complex gemv T stays in the driver */
#endif
