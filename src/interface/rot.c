/* Plane rotation with real c, s: srot, drot, and csrot/zdrot for complex vectors (crot/zrot
 * with a complex s are LAPACK routines, not BLAS). Fortran ABI and CBLAS; n <= 0 returns. */
#include "cblas.h"
#include "drivers/level1.h"

#if !SB_IS_COMPLEX
#define F77_ROT SB_F77(rot)
#define CBLAS_ROT SB_CBLAS(rot)
#elif defined(SB_PREC_C)
#define F77_ROT SB_CAT(csrot, SB_F77_SUFFIX)
#define CBLAS_ROT cblas_csrot
#else
#define F77_ROT SB_CAT(zdrot, SB_F77_SUFFIX)
#define CBLAS_ROT cblas_zdrot
#endif

SB_API void F77_ROT(const blas_int *n, sb_t *x, const blas_int *incx, sb_t *y, const blas_int *incy, const sb_r *c,
                    const sb_r *s)
{
    if (*n <= 0) return;
    SB_NAME(rot)(*n, x, *incx, y, *incy, *c, *s);
}

SB_API void CBLAS_ROT(const blas_int n, SB_CARRAY *x, const blas_int incx, SB_CARRAY *y, const blas_int incy,
                      const sb_r c, const sb_r s)
{
    if (n <= 0) return;
    SB_NAME(rot)(n, x, incx, y, incy, c, s);
}
