/* ?scal: x := alpha*x, and csscal/zdscal (real alpha, complex x). Fortran ABI and CBLAS.
 * Reference 3.11: nothing happens for n <= 0 or incx <= 0; alpha = 0 still multiplies. */
#include "cblas.h"
#include "drivers/level1.h"

SB_API void SB_F77(scal)(const blas_int *n, const sb_t *alpha, sb_t *x, const blas_int *incx)
{
    if (*n <= 0 || *incx <= 0) return;
    SB_NAME(scal)(*n, *alpha, x, *incx);
}

SB_API void SB_CBLAS(scal)(const blas_int n, SB_CSCALAR alpha, SB_CARRAY *x, const blas_int incx)
{
    if (n <= 0 || incx <= 0) return;
    SB_NAME(scal)(n, SB_CVAL(alpha), x, incx);
}

#if SB_IS_COMPLEX
#if defined(SB_PREC_C)
#define F77_RSCAL SB_CAT(csscal, SB_F77_SUFFIX)
#define CBLAS_RSCAL cblas_csscal
#else
#define F77_RSCAL SB_CAT(zdscal, SB_F77_SUFFIX)
#define CBLAS_RSCAL cblas_zdscal
#endif

SB_API void F77_RSCAL(const blas_int *n, const sb_r *alpha, sb_t *x, const blas_int *incx)
{
    if (*n <= 0 || *incx <= 0) return;
    SB_NAME(rscal)(*n, *alpha, x, *incx);
}

SB_API void CBLAS_RSCAL(const blas_int n, const sb_r alpha, void *x, const blas_int incx)
{
    if (n <= 0 || incx <= 0) return;
    SB_NAME(rscal)(n, alpha, x, incx);
}
#endif
