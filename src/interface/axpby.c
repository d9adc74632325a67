/* ?axpby (extension of OpenBLAS/MKL): y := alpha*x + beta*y. Fortran ABI
 * ?axpby_(n, alpha, x, incx, beta, y, incy) and CBLAS. No argument errors; n <= 0 returns.
 * beta = 0 overwrites y without reading it; alpha = 0 does not read x. */
#include "cblas.h"
#include "drivers/level1.h"

SB_API void SB_F77(axpby)(const blas_int *n, const sb_t *alpha, const sb_t *x, const blas_int *incx,
                          const sb_t *beta, sb_t *y, const blas_int *incy)
{
    if (*n <= 0) return;
    SB_NAME(axpby)(*n, *alpha, x, *incx, *beta, y, *incy);
}

SB_API void SB_CBLAS(axpby)(const blas_int n, SB_CSCALAR alpha, const SB_CARRAY *x, const blas_int incx,
                            SB_CSCALAR beta, SB_CARRAY *y, const blas_int incy)
{
    if (n <= 0) return;
    SB_NAME(axpby)(n, SB_CVAL(alpha), x, incx, SB_CVAL(beta), y, incy);
}
