/* Euclidean norm: snrm2, dnrm2, scnrm2, dznrm2. Fortran ABI and CBLAS. Reference 3.11: n <= 0
 * gives 0; any increment is accepted (negative walks backwards, 0 counts x(1) n times). */
#include "cblas.h"
#include "drivers/level1.h"

#if defined(SB_PREC_S)
#define F77_NRM2 SB_CAT(snrm2, SB_F77_SUFFIX)
#define CBLAS_NRM2 cblas_snrm2
#elif defined(SB_PREC_D)
#define F77_NRM2 SB_CAT(dnrm2, SB_F77_SUFFIX)
#define CBLAS_NRM2 cblas_dnrm2
#elif defined(SB_PREC_C)
#define F77_NRM2 SB_CAT(scnrm2, SB_F77_SUFFIX)
#define CBLAS_NRM2 cblas_scnrm2
#else
#define F77_NRM2 SB_CAT(dznrm2, SB_F77_SUFFIX)
#define CBLAS_NRM2 cblas_dznrm2
#endif

SB_API sb_r F77_NRM2(const blas_int *n, const sb_t *x, const blas_int *incx)
{
    if (*n <= 0) return 0;
    return SB_NAME(nrm2)(*n, x, *incx);
}

SB_API sb_r CBLAS_NRM2(const blas_int n, const SB_CARRAY *x, const blas_int incx)
{
    if (n <= 0) return 0;
    return SB_NAME(nrm2)(n, x, incx);
}
