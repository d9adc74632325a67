/* ?POSV: solves A X = B for Hermitian (symmetric) positive definite A: ?potrf, then ?potrs
 * when the factorization succeeded. */
#include "lapack/lapack.h"

SB_API void SB_F77(posv)(const char *uplo, const blas_int *n, const blas_int *nrhs, sb_t *a, const blas_int *lda,
                         sb_t *b, const blas_int *ldb, blas_int *info)
{
    char u = sb_lp_upper(uplo);
    *info = 0;
    if (u != 'U' && u != 'L') *info = -1;
    else if (*n < 0) *info = -2;
    else if (*nrhs < 0) *info = -3;
    else if (*lda < SB_MAX(1, *n)) *info = -5;
    else if (*ldb < SB_MAX(1, *n)) *info = -7;
    if (*info != 0) {
        sb_xerbla(SB_UPPER "POSV", -*info);
        return;
    }
    *info = SB_NAME(lp_potrf)(u, *n, a, *lda);
    if (*info == 0) SB_NAME(lp_potrs)(u, *n, *nrhs, a, *lda, b, *ldb);
}
