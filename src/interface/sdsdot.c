/* sdsdot: sb + sum x_i*y_i over float vectors, accumulated in double, returned as float.
 * n <= 0 returns sb. (Compiled in the single-precision pass only.) */
#include "cblas.h"
#include "drivers/level1.h"

#if defined(SB_PREC_S)
SB_API float SB_CAT(sdsdot, SB_F77_SUFFIX)(const blas_int *n, const float *sb, const float *x, const blas_int *incx,
                                           const float *y, const blas_int *incy)
{
    if (*n <= 0) return *sb;
    return (float)sb_s_dsdot(*n, x, *incx, y, *incy, (double)*sb);
}

SB_API float cblas_sdsdot(const blas_int n, const float alpha, const float *x, const blas_int incx, const float *y,
                          const blas_int incy)
{
    if (n <= 0) return alpha;
    return (float)sb_s_dsdot(n, x, incx, y, incy, (double)alpha);
}
#endif
