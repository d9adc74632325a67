/* y := alpha*x + beta*y (the ?axpby extension of OpenBLAS and MKL).
 * beta == 0 overwrites y without reading it (a NaN in y vanishes); alpha == 0 does not read x. */
#include "drivers/level1.h"

void SB_NAME(axpby)(blas_int n, sb_t alpha, const sb_t *x, blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    x += sb_vstart(n, incx);
    y += sb_vstart(n, incy);
    const ptrdiff_t ix = incx, iy = incy;
    if (beta == 0) {
        if (alpha == 0) {
            for (blas_int i = 0; i < n; i++) y[i * iy] = 0;
        } else if (incx == 1 && incy == 1) {
            for (blas_int i = 0; i < n; i++) y[i] = alpha * x[i];
        } else {
            for (blas_int i = 0; i < n; i++) y[i * iy] = alpha * x[i * ix];
        }
    } else if (alpha == 0) {
        if (incy == 1) {
            for (blas_int i = 0; i < n; i++) y[i] = beta * y[i];
        } else {
            for (blas_int i = 0; i < n; i++) y[i * iy] = beta * y[i * iy];
        }
    } else if (incx == 1 && incy == 1) {
        for (blas_int i = 0; i < n; i++) y[i] = alpha * x[i] + beta * y[i];
    } else {
        for (blas_int i = 0; i < n; i++) y[i * iy] = alpha * x[i * ix] + beta * y[i * iy];
    }
}
