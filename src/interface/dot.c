/* Dot products. Real: sdot, ddot (Fortran function, CBLAS function). Complex: ?dotu (x^T y) and
 * ?dotc (x^H y); the Fortran functions return the complex value as gfortran does (by value),
 * CBLAS has cblas_?dotu_sub / cblas_?dotc_sub writing the result through a pointer.
 * n <= 0 gives 0. */
#include "cblas.h"
#include "drivers/level1.h"

#if !SB_IS_COMPLEX
SB_API sb_t SB_F77(dot)(const blas_int *n, const sb_t *x, const blas_int *incx, const sb_t *y,
                        const blas_int *incy)
{
    if (*n <= 0) return 0;
    return SB_NAME(dot)(*n, x, *incx, y, *incy, 0);
}

SB_API sb_t SB_CBLAS(dot)(const blas_int n, const sb_t *x, const blas_int incx, const sb_t *y, const blas_int incy)
{
    if (n <= 0) return 0;
    return SB_NAME(dot)(n, x, incx, y, incy, 0);
}
#else
SB_API sb_t SB_F77(dotu)(const blas_int *n, const sb_t *x, const blas_int *incx, const sb_t *y,
                         const blas_int *incy)
{
    if (*n <= 0) return 0;
    return SB_NAME(dot)(*n, x, *incx, y, *incy, 0);
}

SB_API sb_t SB_F77(dotc)(const blas_int *n, const sb_t *x, const blas_int *incx, const sb_t *y,
                         const blas_int *incy)
{
    if (*n <= 0) return 0;
    return SB_NAME(dot)(*n, x, *incx, y, *incy, 1);
}

SB_API void SB_CBLAS(dotu_sub)(const blas_int n, const void *x, const blas_int incx, const void *y,
                               const blas_int incy, void *dotu)
{
    *(sb_t *)dotu = n <= 0 ? 0 : SB_NAME(dot)(n, x, incx, y, incy, 0);
}

SB_API void SB_CBLAS(dotc_sub)(const blas_int n, const void *x, const blas_int incx, const void *y,
                               const blas_int incy, void *dotc)
{
    *(sb_t *)dotc = n <= 0 ? 0 : SB_NAME(dot)(n, x, incx, y, incy, 1);
}
#endif
