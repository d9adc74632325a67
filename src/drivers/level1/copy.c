/* y := x. Long vectors are split into contiguous ranges that run in parallel (level1.h). */
#include "drivers/level1.h"

static void copy_run(blas_int n, const sb_t *x, ptrdiff_t ix, sb_t *y, ptrdiff_t iy)
{
    if (ix == 1 && iy == 1) {
        for (blas_int i = 0; i < n; i++) y[i] = x[i];
        return;
    }
    for (blas_int i = 0; i < n; i++) y[i * iy] = x[i * ix];
}

typedef struct {
    const sb_t *x;
    sb_t *y;
    ptrdiff_t incx, incy;
} copy_job;

static void copy_range(void *v, blas_int lo, blas_int hi)
{
    const copy_job *j = v;
    copy_run(hi - lo, j->x + lo * j->incx, j->incx, j->y + lo * j->incy, j->incy);
}

void SB_NAME(copy)(blas_int n, const sb_t *x, blas_int incx, sb_t *y, blas_int incy)
{
    x += sb_vstart(n, incx);
    y += sb_vstart(n, incy);
    if (n < SB_L1_UPD_MIN || incy == 0) { /* incy = 0: the last element wins, in order */
        copy_run(n, x, incx, y, incy);
        return;
    }
    copy_job j = {x, y, incx, incy};
    sb_l1_run_ranges(n, SB_L1_W_UPD, copy_range, &j);
}
