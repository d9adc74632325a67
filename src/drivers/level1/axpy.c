/* y := alpha*x + y */
#include "drivers/level1.h"

void SB_NAME(axpy)(blas_int n, sb_t alpha, const sb_t *x, blas_int incx, sb_t *y, blas_int incy)
{
    if (incx == 1 && incy == 1) {
        for (blas_int i = 0; i < n; i++) y[i] += alpha * x[i];
        return;
    }
    x += sb_vstart(n, incx);
    y += sb_vstart(n, incy);
    for (blas_int i = 0; i < n; i++) y[(ptrdiff_t)i * incy] += alpha * x[(ptrdiff_t)i * incx];
}
