/* srotm, drotm: apply a modified Givens rotation. Fortran ABI and CBLAS; n <= 0 or
 * flag = param[0] = -2 (H = I) returns. */
#include "cblas.h"
#include "drivers/level1.h"

#if !SB_IS_COMPLEX
SB_API void SB_F77(rotm)(const blas_int *n, sb_t *x, const blas_int *incx, sb_t *y, const blas_int *incy,
                         const sb_t *param)
{
    if (*n <= 0 || param[0] + 2 == 0) return;
    SB_NAME(rotm)(*n, x, *incx, y, *incy, param);
}

SB_API void SB_CBLAS(rotm)(const blas_int n, sb_t *x, const blas_int incx, sb_t *y, const blas_int incy,
                           const sb_t *param)
{
    if (n <= 0 || param[0] + 2 == 0) return;
    SB_NAME(rotm)(n, x, incx, y, incy, param);
}
#endif
