/* Sum of |re| + |im|: sasum, dasum, scasum, dzasum. Fortran ABI and CBLAS.
 * Reference 3.11: n <= 0 or incx <= 0 gives 0. */
#include "cblas.h"
#include "drivers/level1.h"

#if defined(SB_PREC_S)
#define F77_ASUM SB_CAT(sasum, SB_F77_SUFFIX)
#define CBLAS_ASUM cblas_sasum
#elif defined(SB_PREC_D)
#define F77_ASUM SB_CAT(dasum, SB_F77_SUFFIX)
#define CBLAS_ASUM cblas_dasum
#elif defined(SB_PREC_C)
#define F77_ASUM SB_CAT(scasum, SB_F77_SUFFIX)
#define CBLAS_ASUM cblas_scasum
#else
#define F77_ASUM SB_CAT(dzasum, SB_F77_SUFFIX)
#define CBLAS_ASUM cblas_dzasum
#endif

SB_API sb_r F77_ASUM(const blas_int *n, const sb_t *x, const blas_int *incx)
{
    if (*n <= 0 || *incx <= 0) return 0;
    return SB_NAME(asum)(*n, x, *incx);
}

SB_API sb_r CBLAS_ASUM(const blas_int n, const SB_CARRAY *x, const blas_int incx)
{
    if (n <= 0 || incx <= 0) return 0;
    return SB_NAME(asum)(n, x, incx);
}
