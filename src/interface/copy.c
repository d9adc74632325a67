/* ?copy: y := x. Fortran ABI and CBLAS; n <= 0 returns. */
#include "cblas.h"
#include "drivers/level1.h"

SB_API void SB_F77(copy)(const blas_int *n, const sb_t *x, const blas_int *incx, sb_t *y, const blas_int *incy)
{
    if (*n <= 0) return;
    SB_NAME(copy)(*n, x, *incx, y, *incy);
}

SB_API void SB_CBLAS(copy)(const blas_int n, const SB_CARRAY *x, const blas_int incx, SB_CARRAY *y,
                           const blas_int incy)
{
    if (n <= 0) return;
    SB_NAME(copy)(n, x, incx, y, incy);
}
