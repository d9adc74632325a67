/* x := alpha*x (incx > 0). Reference BLAS multiplies even when alpha is 0, so Inf and NaN in x
 * become NaN; LAPACK's own tests rely on that, so there is no "alpha == 0: write zeros" path. */
#include "drivers/level1.h"

void SB_NAME(scal)(blas_int n, sb_t alpha, sb_t *x, blas_int incx)
{
    if (incx == 1) {
        for (blas_int i = 0; i < n; i++) x[i] = alpha * x[i];
        return;
    }
    const ptrdiff_t ix = incx;
    for (blas_int i = 0; i < n; i++) x[i * ix] = alpha * x[i * ix];
}

#if SB_IS_COMPLEX
/* Real alpha: each part scaled on its own (reference csscal/zdscal), never a complex product,
 * so alpha = 0 turns (Inf, 1) into (NaN, 0). */
void SB_NAME(rscal)(blas_int n, sb_r alpha, sb_t *x, blas_int incx)
{
    sb_r *v = (sb_r *)x;
    const ptrdiff_t step = 2 * (ptrdiff_t)incx;
    if (incx == 1) {
        for (ptrdiff_t i = 0; i < 2 * (ptrdiff_t)n; i++) v[i] = alpha * v[i];
        return;
    }
    for (blas_int i = 0; i < n; i++) {
        v[i * step] = alpha * v[i * step];
        v[i * step + 1] = alpha * v[i * step + 1];
    }
}
#endif
