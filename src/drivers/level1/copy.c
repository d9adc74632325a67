/* y := x. Long vectors are split into contiguous ranges that run in parallel (level1.h). */
#include "drivers/level1.h"

#include <string.h>

static void copy_run(blas_int n, const sb_t *x, ptrdiff_t ix, sb_t *y, ptrdiff_t iy)
{
    if (ix == 1 && iy == 1) {
        /* apart (what callers pass): the C library's copy, as wide as the CPU allows; overlapping
         * vectors keep the reference's element-by-element order */
        if (y + n <= x || x + n <= y) memcpy(y, x, (size_t)n * sizeof(sb_t));
        else for (blas_int i = 0; i < n; i++) y[i] = x[i];
        return;
    }
    /* strided (numpy copies C-ordered matrices in and out this way, LAPACK rows of a matrix): four
     * loads issued before their stores when the spans are apart, pointers stepped rather than
     * indices multiplied */
    const sb_t *xl = ix < 0 ? x + (n - 1) * ix : x, *xh = ix < 0 ? x : x + (n - 1) * ix;
    const sb_t *yl = iy < 0 ? y + (n - 1) * iy : y, *yh = iy < 0 ? y : y + (n - 1) * iy;
    blas_int i = 0;
    if (yh < xl || xh < yl)
        for (; i + 4 <= n; i += 4) {
            sb_t a = x[0], b = x[ix], c = x[2 * ix], d = x[3 * ix];
            y[0] = a;
            y[iy] = b;
            y[2 * iy] = c;
            y[3 * iy] = d;
            x += 4 * ix;
            y += 4 * iy;
        }
    for (; i < n; i++, x += ix, y += iy) *y = *x;
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
    sb_l1_run_ranges(n, SB_L1_W_UPD, copy_range, &j, sb_l1_vector(y, n, incy), NULL);
}
