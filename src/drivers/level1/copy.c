/* y := x */
#include "drivers/level1.h"

void SB_NAME(copy)(blas_int n, const sb_t *x, blas_int incx, sb_t *y, blas_int incy)
{
    if (incx == 1 && incy == 1) {
        for (blas_int i = 0; i < n; i++) y[i] = x[i];
        return;
    }
    x += sb_vstart(n, incx);
    y += sb_vstart(n, incy);
    const ptrdiff_t ix = incx, iy = incy;
    for (blas_int i = 0; i < n; i++) y[i * iy] = x[i * ix];
}
