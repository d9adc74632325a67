/* y := alpha*x + y. Elementwise, so long vectors are split into contiguous ranges that run in
 * parallel (level1.h) with the same bits as one pass. Unit strides go to the kernel table's axpy
 * loop (kernels.h: a rounded multiply then a rounded add per element in every kernel set, never an
 * FMA, like the strided loop here), so all paths give the same bits. */
#include "drivers/level1.h"
#include "kernels/kernels.h"

/* logical elements [0, n) of x and y, x and y at logical element 0 */
static void axpy_run(blas_int n, sb_t alpha, const sb_t *x, ptrdiff_t incx, sb_t *y, ptrdiff_t incy)
{
    if (incx == 1 && incy == 1) {
        SB_NAME(axpy_kernel)()(n, alpha, x, y);
        return;
    }
    for (blas_int i = 0; i < n; i++) y[(ptrdiff_t)i * incy] += alpha * x[(ptrdiff_t)i * incx];
}

typedef struct {
    sb_t alpha;
    const sb_t *x;
    sb_t *y;
    ptrdiff_t incx, incy;
} axpy_job;

static void axpy_range(void *v, blas_int lo, blas_int hi)
{
    const axpy_job *j = v;
    axpy_run(hi - lo, j->alpha, j->x + lo * j->incx, j->incx, j->y + lo * j->incy, j->incy);
}

void SB_NAME(axpy)(blas_int n, sb_t alpha, const sb_t *x, blas_int incx, sb_t *y, blas_int incy)
{
    x += sb_vstart(n, incx);
    y += sb_vstart(n, incy);
    if (n < SB_L1_UPD_MIN || incy == 0) { /* incy = 0: every element updates the same y */
        axpy_run(n, alpha, x, incx, y, incy);
        return;
    }
    axpy_job j = {alpha, x, y, incx, incy};
    sb_l1_run_ranges(n, SB_L1_W_UPD, axpy_range, &j, sb_l1_vector(y, n, incy), NULL);
}
