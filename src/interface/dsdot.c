/* dsdot: sum x_i*y_i over float vectors, accumulated and returned in double. n <= 0 gives 0.
 * (Compiled in the single-precision pass only.) */
#include "cblas.h"
#include "drivers/level1.h"

#if defined(SB_PREC_S)
SB_API double SB_CAT(dsdot, SB_F77_SUFFIX)(const blas_int *n, const float *x, const blas_int *incx, const float *y,
                                           const blas_int *incy)
{
    if (*n <= 0) return 0;
    return sb_s_dsdot(*n, x, *incx, y, *incy, 0.0);
}

SB_API double cblas_dsdot(const blas_int n, const float *x, const blas_int incx, const float *y, const blas_int incy)
{
    if (n <= 0) return 0;
    return sb_s_dsdot(n, x, incx, y, incy, 0.0);
}
#endif
