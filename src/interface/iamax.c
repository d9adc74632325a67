/* i?amax: index of the first element of largest |re| + |im| (isamax, idamax, icamax, izamax).
 * Fortran: 1-based, 0 for n < 1 or incx <= 0 (reference 3.11). CBLAS: 0-based, and 0 for
 * those quick returns too (as reference CBLAS). NaN: see drivers/level1/iamax.c. */
#include "cblas.h"
#include "drivers/level1.h"

#define F77_IAMAX SB_CAT3(i, SB_P, SB_CAT(amax, SB_F77_SUFFIX))
#define CBLAS_IAMAX SB_CAT3(cblas_i, SB_P, amax)

SB_API blas_int F77_IAMAX(const blas_int *n, const sb_t *x, const blas_int *incx)
{
    if (*n < 1 || *incx <= 0) return 0;
    return SB_NAME(iamax)(*n, x, *incx);
}

SB_API CBLAS_INDEX CBLAS_IAMAX(const blas_int n, const SB_CARRAY *x, const blas_int incx)
{
    if (n < 1 || incx <= 0) return 0;
    return (CBLAS_INDEX)(SB_NAME(iamax)(n, x, incx) - 1);
}
