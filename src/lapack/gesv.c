/* ?GESV: solves A X = B by LU with partial pivoting (?getrf, then ?getrs when A is not
 * singular). */
#include "lapack/lapack.h"

SB_API void SB_F77(gesv)(const blas_int *n, const blas_int *nrhs, sb_t *a, const blas_int *lda, blas_int *ipiv,
                         sb_t *b, const blas_int *ldb, blas_int *info)
{
    *info = 0;
    if (*n < 0) *info = -1;
    else if (*nrhs < 0) *info = -2;
    else if (*lda < SB_MAX(1, *n)) *info = -4;
    else if (*ldb < SB_MAX(1, *n)) *info = -7;
    if (*info != 0) {
        sb_xerbla(SB_UPPER "GESV", -*info);
        return;
    }
    if (*n == 0) return;
    *info = SB_NAME(lp_getrf)(*n, *n, a, *lda, ipiv);
    if (*info == 0) SB_NAME(lp_getrs)('N', *n, *nrhs, a, *lda, ipiv, b, *ldb);
}
