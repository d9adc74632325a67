/* Plane rotation with real c, s: x_i := c*x_i + s*y_i, y_i := c*y_i - s*x_i
 * (srot, drot, and csrot/zdrot where x and y are complex). */
#include "drivers/level1.h"
#include "kernels/kernels.h"

void SB_NAME(rot)(blas_int n, sb_t *x, blas_int incx, sb_t *y, blas_int incy, sb_r cr, sb_r sr)
{
    /* For csrot/zdrot the reference (Fortran) turns c and s into complex numbers (c, 0), (s, 0)
     * and multiplies as complex numbers; doing the same gives its Inf/NaN and signed-zero
     * results (a component-wise product would not). */
    const sb_t c = cr, s = sr;
    if (incx == 1 && incy == 1) {
        SB_NAME(rot_kernel)()(n, x, y, c, s); /* the same products (kernels.h) */
        return;
    }
    x += sb_vstart(n, incx);
    y += sb_vstart(n, incy);
    const ptrdiff_t ix = incx, iy = incy;
    for (blas_int i = 0; i < n; i++) {
        sb_t xi = x[i * ix], yi = y[i * iy];
        sb_t t = c * xi + s * yi;
        y[i * iy] = c * yi - s * xi; /* y before x, as reference (matters when they overlap) */
        x[i * ix] = t;
    }
}
