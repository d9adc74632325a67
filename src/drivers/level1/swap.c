/* x <-> y */
#include "drivers/level1.h"

void SB_NAME(swap)(blas_int n, sb_t *x, blas_int incx, sb_t *y, blas_int incy)
{
    if (incx == 1 && incy == 1) {
        for (blas_int i = 0; i < n; i++) {
            sb_t t = x[i];
            x[i] = y[i];
            y[i] = t;
        }
        return;
    }
    x += sb_vstart(n, incx);
    y += sb_vstart(n, incy);
    const ptrdiff_t ix = incx, iy = incy;
    for (blas_int i = 0; i < n; i++) {
        sb_t t = x[i * ix];
        x[i * ix] = y[i * iy];
        y[i * iy] = t;
    }
}
