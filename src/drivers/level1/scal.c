/* x := alpha*x (incx > 0). Reference BLAS multiplies even when alpha is 0, so Inf and NaN in x
 * become NaN; LAPACK's own tests rely on that, so there is no "alpha == 0: write zeros" path.
 * Unit stride runs the kernel table's scal loop (kernels.h: the same products as the strided
 * loop here, in every set); csscal/zdscal the real precision's on the 2n reals. Long vectors
 * are split into contiguous ranges that run in parallel (level1.h). */
#include "drivers/level1.h"
#include "kernels/kernels.h"

static void scal_run(blas_int n, sb_t alpha, sb_t *x, blas_int incx)
{
    if (incx == 1) {
        SB_NAME(scal_kernel)()(n, alpha, x);
        return;
    }
    /* strided: four independent elements per step (the plain loop runs at one per cycle) */
    const ptrdiff_t ix = incx;
    blas_int i = 0;
    for (; i + 4 <= n; i += 4, x += 4 * ix) {
        sb_t a0 = x[0], a1 = x[ix], a2 = x[2 * ix], a3 = x[3 * ix];
        x[0] = alpha * a0;
        x[ix] = alpha * a1;
        x[2 * ix] = alpha * a2;
        x[3 * ix] = alpha * a3;
    }
    for (; i < n; i++, x += ix) x[0] = alpha * x[0];
}

#if SB_IS_COMPLEX
/* Real alpha: each part scaled on its own (reference csscal/zdscal), never a complex product,
 * so alpha = 0 turns (Inf, 1) into (NaN, 0). */
static void rscal_run(blas_int n, sb_r alpha, sb_t *x, blas_int incx)
{
    sb_r *v = (sb_r *)x;
    const ptrdiff_t step = 2 * (ptrdiff_t)incx;
    if (incx == 1) {
        SB_REAL_KERNEL(scal)()(2 * n, alpha, v);
        return;
    }
    /* strided: two elements (four independent reals) per step */
    blas_int i = 0;
    for (; i + 2 <= n; i += 2, v += 2 * step) {
        sb_r a0 = v[0], a1 = v[1], a2 = v[step], a3 = v[step + 1];
        v[0] = alpha * a0;
        v[1] = alpha * a1;
        v[step] = alpha * a2;
        v[step + 1] = alpha * a3;
    }
    if (i < n) {
        v[0] = alpha * v[0];
        v[1] = alpha * v[1];
    }
}
#endif

typedef struct {
    sb_t alpha;
    sb_t *x;
    blas_int incx;
} scal_job;

static void scal_range(void *v, blas_int lo, blas_int hi)
{
    const scal_job *j = v;
    scal_run(hi - lo, j->alpha, j->x + (ptrdiff_t)lo * j->incx, j->incx);
}

void SB_NAME(scal)(blas_int n, sb_t alpha, sb_t *x, blas_int incx)
{
    if (n < SB_L1_UPD_MIN) {
        scal_run(n, alpha, x, incx);
        return;
    }
    scal_job j = {alpha, x, incx};
    sb_l1_run_ranges(n, SB_L1_W_UPD, scal_range, &j, sb_l1_vector(x, n, incx), NULL);
}

#if SB_IS_COMPLEX
typedef struct {
    sb_r alpha;
    sb_t *x;
    blas_int incx;
} rscal_job;

static void rscal_range(void *v, blas_int lo, blas_int hi)
{
    const rscal_job *j = v;
    rscal_run(hi - lo, j->alpha, j->x + (ptrdiff_t)lo * j->incx, j->incx);
}

void SB_NAME(rscal)(blas_int n, sb_r alpha, sb_t *x, blas_int incx)
{
    if (n < SB_L1_UPD_MIN) {
        rscal_run(n, alpha, x, incx);
        return;
    }
    rscal_job j = {alpha, x, incx};
    sb_l1_run_ranges(n, SB_L1_W_UPD, rscal_range, &j, sb_l1_vector(x, n, incx), NULL);
}
#endif
