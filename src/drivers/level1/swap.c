/* x <-> y. Unit stride runs the kernel table's swap loop. Long vectors are split into contiguous
 * ranges that run in parallel (level1.h). */
#include "drivers/level1.h"
#include "kernels/kernels.h"

static void swap_run(blas_int n, sb_t *x, ptrdiff_t ix, sb_t *y, ptrdiff_t iy)
{
    if (ix == 1 && iy == 1) {
        SB_NAME(swap_kernel)()(n, x, y);
        return;
    }
    for (blas_int i = 0; i < n; i++) {
        sb_t t = x[i * ix];
        x[i * ix] = y[i * iy];
        y[i * iy] = t;
    }
}

typedef struct {
    sb_t *x, *y;
    ptrdiff_t incx, incy;
} swap_job;

static void swap_range(void *v, blas_int lo, blas_int hi)
{
    const swap_job *j = v;
    swap_run(hi - lo, j->x + lo * j->incx, j->incx, j->y + lo * j->incy, j->incy);
}

void SB_NAME(swap)(blas_int n, sb_t *x, blas_int incx, sb_t *y, blas_int incy)
{
    x += sb_vstart(n, incx);
    y += sb_vstart(n, incy);
    if (n < SB_L1_UPD_MIN || incx == 0 || incy == 0) { /* a zero increment: order matters */
        swap_run(n, x, incx, y, incy);
        return;
    }
    swap_job j = {x, y, incx, incy};
    sb_output xo = sb_l1_vector(x, n, incx);
    sb_l1_run_ranges(n, SB_L1_W_UPD, swap_range, &j, sb_l1_vector(y, n, incy), &xo);
}
