/* A := alpha*op(x)*op(y)^T + A (ger, geru, gerc; conjy 1: conj(y), 2: conj(x)): one column at
 * a time, skipped when y(j) = 0 as in the reference; the inner loop is a unit-stride axpy down
 * the column when incx = 1. */
#include "drivers/level2_updates.h"

static inline __attribute__((always_inline)) void ger_cols(blas_int m, blas_int n, sb_t alpha, const sb_t *x,
                                                            blas_int incx, const sb_t *y, blas_int incy,
                                                            sb_t *a, blas_int lda, int cj)
{
    for (blas_int j = 0; j < n; j++) {
        sb_t yj = y[(ptrdiff_t)j * incy];
        if (yj == 0) continue;
        sb_t temp = alpha * sb_conj_if(cj == 1, yj);
        sb_t *col = a + (ptrdiff_t)j * lda;
        for (blas_int i = 0; i < m; i++) col[i] += sb_conj_if(cj == 2, x[(ptrdiff_t)i * incx]) * temp;
    }
}

void SB_NAME(ger)(blas_int m, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, const sb_t *y,
                  blas_int incy, sb_t *a, blas_int lda, int conjy)
{
    x += sb_l2u_vstart(m, incx);
    y += sb_l2u_vstart(n, incy);
#if SB_IS_COMPLEX
    if (conjy == 1) {
        if (incx == 1) ger_cols(m, n, alpha, x, 1, y, incy, a, lda, 1);
        else ger_cols(m, n, alpha, x, incx, y, incy, a, lda, 1);
        return;
    }
    if (conjy == 2) {
        ger_cols(m, n, alpha, x, incx, y, incy, a, lda, 2);
        return;
    }
#endif
    if (incx == 1) ger_cols(m, n, alpha, x, 1, y, incy, a, lda, 0);
    else ger_cols(m, n, alpha, x, incx, y, incy, a, lda, 0);
}
