/* ?trsm: Fortran ABI and CBLAS. */
#include "drivers/level3_structured.h"
#include "level3_structured_iface.h"

static void trsm_run(char side, char uplo, char transa, char diag, blas_int m, blas_int n, sb_t alpha, const sb_t *a,
                     blas_int lda, sb_t *b, blas_int ldb)
{
    if (m == 0 || n == 0) return;
    if (!SB_IS_COMPLEX && transa == 'C') transa = 'T';
    SB_NAME(trsm)(side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb);
}

SB_API void SB_F77(trsm)(const char *side, const char *uplo, const char *transa, const char *diag, const blas_int *m,
                         const blas_int *n, const sb_t *alpha, const sb_t *a, const blas_int *lda, sb_t *b,
                         const blas_int *ldb)
{
    char s = sb_l3s_up(side), u = sb_l3s_up(uplo), t = sb_l3s_up(transa), d = sb_l3s_up(diag);
    blas_int info = sb_l3s_tr_check(s, u, t, d, *m, *n, *lda, *ldb);
    if (info) {
        sb_xerbla(SB_UPPER "TRSM", info);
        return;
    }
    trsm_run(s, u, t, d, *m, *n, *alpha, a, *lda, b, *ldb);
}

SB_API void SB_CBLAS(trsm)(const CBLAS_LAYOUT layout, const CBLAS_SIDE side, const CBLAS_UPLO uplo,
                           const CBLAS_TRANSPOSE transa, const CBLAS_DIAG diag, const blas_int m, const blas_int n,
                           SB_CSCALAR alpha, const SB_CARRAY *a, const blas_int lda, SB_CARRAY *b, const blas_int ldb)
{
    char s, u, t, d;
    blas_int mm = m, nn = n;
    if (!sb_l3s_tr_cblas("cblas_" SB_LOWER "trsm", layout, side, uplo, transa, diag, &mm, &nn, lda, ldb, &s, &u, &t, &d))
        return;
    trsm_run(s, u, t, d, mm, nn, SB_CVAL(alpha), a, lda, b, ldb);
}
