/* i?amin (extension of OpenBLAS/MKL, the mirror of i?amax): index of the first element of
 * smallest |re| + |im|. Fortran: 1-based, 0 for n < 1 or incx <= 0. CBLAS: 0-based, 0 for
 * those quick returns. A NaN first element is the answer, a later NaN never is. */
#include "cblas.h"
#include "drivers/level1.h"

#define F77_IAMIN SB_CAT3(i, SB_P, SB_CAT(amin, SB_F77_SUFFIX))
#define CBLAS_IAMIN SB_CAT3(cblas_i, SB_P, amin)

SB_API blas_int F77_IAMIN(const blas_int *n, const sb_t *x, const blas_int *incx)
{
    if (*n < 1 || *incx <= 0) return 0;
    return SB_NAME(iamin)(*n, x, *incx);
}

SB_API CBLAS_INDEX CBLAS_IAMIN(const blas_int n, const SB_CARRAY *x, const blas_int incx)
{
    if (n < 1 || incx <= 0) return 0;
    return (CBLAS_INDEX)(SB_NAME(iamin)(n, x, incx) - 1);
}
