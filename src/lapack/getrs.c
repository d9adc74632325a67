/* ?GETRS: solves A X = B, A^T X = B or A^H X = B with the LU factorization from ?getrf:
 * interchanges on B (parallel over its columns), then two triangular solves (the trsm
 * driver). */
#include "drivers/level3_structured.h"
#include "lapack/lapack.h"

void SB_NAME(lp_getrs)(char trans, blas_int n, blas_int nrhs, const sb_t *a, blas_int lda, const blas_int *ipiv,
                       sb_t *b, blas_int ldb)
{
    if (n == 0 || nrhs == 0) return;
    if (trans == 'N') {
        SB_NAME(lp_laswp)(nrhs, b, ldb, 1, n, ipiv, 1);
        SB_NAME(trsm)('L', 'L', 'N', 'U', n, nrhs, 1, a, lda, b, ldb);
        SB_NAME(trsm)('L', 'U', 'N', 'N', n, nrhs, 1, a, lda, b, ldb);
    } else {
        SB_NAME(trsm)('L', 'U', trans, 'N', n, nrhs, 1, a, lda, b, ldb);
        SB_NAME(trsm)('L', 'L', trans, 'U', n, nrhs, 1, a, lda, b, ldb);
        SB_NAME(lp_laswp)(nrhs, b, ldb, 1, n, ipiv, -1);
    }
}

SB_API void SB_F77(getrs)(const char *trans, const blas_int *n, const blas_int *nrhs, const sb_t *a,
                          const blas_int *lda, const blas_int *ipiv, sb_t *b, const blas_int *ldb, blas_int *info)
{
    char t = sb_lp_upper(trans);
    *info = 0;
    if (t != 'N' && t != 'T' && t != 'C') *info = -1;
    else if (*n < 0) *info = -2;
    else if (*nrhs < 0) *info = -3;
    else if (*lda < SB_MAX(1, *n)) *info = -5;
    else if (*ldb < SB_MAX(1, *n)) *info = -8;
    if (*info != 0) {
        sb_xerbla(SB_UPPER "GETRS", -*info);
        return;
    }
#if !SB_IS_COMPLEX
    if (t == 'C') t = 'T';
#endif
    SB_NAME(lp_getrs)(t, *n, *nrhs, a, *lda, ipiv, b, *ldb);
}
