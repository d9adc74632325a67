/* ?POTRS: solves A X = B with the Cholesky factor from ?potrf (two triangular solves,
 * the trsm driver). */
#include "drivers/level3_structured.h"
#include "lapack/lapack.h"

void SB_NAME(lp_potrs)(char uplo, blas_int n, blas_int nrhs, const sb_t *a, blas_int lda, sb_t *b,
                       blas_int ldb)
{
    if (n == 0 || nrhs == 0) return;
    if (uplo == 'U') { /* U^H U X = B */
        SB_NAME(trsm)('L', 'U', SB_TRANS_C, 'N', n, nrhs, 1, a, lda, b, ldb);
        SB_NAME(trsm)('L', 'U', 'N', 'N', n, nrhs, 1, a, lda, b, ldb);
    } else { /* L L^H X = B */
        SB_NAME(trsm)('L', 'L', 'N', 'N', n, nrhs, 1, a, lda, b, ldb);
        SB_NAME(trsm)('L', 'L', SB_TRANS_C, 'N', n, nrhs, 1, a, lda, b, ldb);
    }
}

SB_API void SB_F77(potrs)(const char *uplo, const blas_int *n, const blas_int *nrhs, const sb_t *a,
                          const blas_int *lda, sb_t *b, const blas_int *ldb, blas_int *info)
{
    char u = sb_lp_upper(uplo);
    *info = 0;
    if (u != 'U' && u != 'L') *info = -1;
    else if (*n < 0) *info = -2;
    else if (*nrhs < 0) *info = -3;
    else if (*lda < SB_MAX(1, *n)) *info = -5;
    else if (*ldb < SB_MAX(1, *n)) *info = -7;
    if (*info != 0) {
        sb_xerbla(SB_UPPER "POTRS", -*info);
        return;
    }
    SB_NAME(lp_potrs)(u, *n, *nrhs, a, *lda, b, *ldb);
}
