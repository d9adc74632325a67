/* ?swap: x <-> y. Fortran ABI and CBLAS; n <= 0 returns. */
#include "cblas.h"
#include "drivers/level1.h"

SB_API void SB_F77(swap)(const blas_int *n, sb_t *x, const blas_int *incx, sb_t *y, const blas_int *incy)
{
    if (*n <= 0) return;
    SB_NAME(swap)(*n, x, *incx, y, *incy);
}

SB_API void SB_CBLAS(swap)(const blas_int n, SB_CARRAY *x, const blas_int incx, SB_CARRAY *y, const blas_int incy)
{
    if (n <= 0) return;
    SB_NAME(swap)(n, x, incx, y, incy);
}
