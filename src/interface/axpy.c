/* ?axpy: Fortran ABI and CBLAS. */
#include "cblas.h"
#include "drivers/level1.h"

SB_API void SB_F77(axpy)(const blas_int *n, const sb_t *alpha, const sb_t *x, const blas_int *incx, sb_t *y,
                         const blas_int *incy)
{
    if (*n <= 0 || *alpha == 0) return;
    SB_NAME(axpy)(*n, *alpha, x, *incx, y, *incy);
}

SB_API void SB_CBLAS(axpy)(const blas_int n, SB_CSCALAR alpha, const SB_CARRAY *x, const blas_int incx,
                           SB_CARRAY *y, const blas_int incy)
{
    sb_t a = SB_CVAL(alpha);
    if (n <= 0 || a == 0) return;
    SB_NAME(axpy)(n, a, x, incx, y, incy);
}
