/* Plane rotation with real c, s: x_i := c*x_i + s*y_i, y_i := c*y_i - s*x_i
 * (srot, drot, and csrot/zdrot where x and y are complex). Unit stride runs the kernel table's
 * rot loop. Long vectors are split into contiguous ranges that run in parallel (level1.h): every
 * element's arithmetic is the same wherever it falls, so the bits are those of one pass (drot of
 * 2^24 elements on 2 threads: 29 GB/s on one thread's pass, OpenBLAS 55). */
#include "drivers/level1.h"
#include "kernels/kernels.h"

static void rot_run(blas_int n, sb_t *x, ptrdiff_t ix, sb_t *y, ptrdiff_t iy, sb_t c, sb_t s)
{
    if (ix == 1 && iy == 1) {
        SB_NAME(rot_kernel)()(n, x, y, c, s); /* the same products (kernels.h) */
        return;
    }
    for (blas_int i = 0; i < n; i++) {
        sb_t xi = x[i * ix], yi = y[i * iy];
        sb_t t = c * xi + s * yi;
        y[i * iy] = c * yi - s * xi; /* y before x, as reference (matters when they overlap) */
        x[i * ix] = t;
    }
}

typedef struct {
    sb_t *x, *y;
    ptrdiff_t incx, incy;
    sb_t c, s;
} rot_job;

static void rot_range(void *v, blas_int lo, blas_int hi)
{
    const rot_job *j = v;
    rot_run(hi - lo, j->x + lo * j->incx, j->incx, j->y + lo * j->incy, j->incy, j->c, j->s);
}

void SB_NAME(rot)(blas_int n, sb_t *x, blas_int incx, sb_t *y, blas_int incy, sb_r cr, sb_r sr)
{
    /* For csrot/zdrot the reference (Fortran) turns c and s into complex numbers (c, 0), (s, 0)
     * and multiplies as complex numbers; doing the same gives its Inf/NaN and signed-zero
     * results (a component-wise product would not). */
    const sb_t c = cr, s = sr;
    x += sb_vstart(n, incx);
    y += sb_vstart(n, incy);
    if (n < SB_L1_UPD_MIN || incx == 0 || incy == 0) { /* a zero increment: order matters */
        rot_run(n, x, incx, y, incy, c, s);
        return;
    }
    rot_job j = {x, y, incx, incy, c, s};
    sb_output xo = sb_l1_vector(x, n, incx);
    sb_l1_run_ranges(n, SB_L1_W_UPD, rot_range, &j, sb_l1_vector(y, n, incy), &xo);
}
