/* ?gemm: Fortran ABI and CBLAS. C := alpha*op(A)*op(B) + beta*C. */
#include "cblas.h"
#include "drivers/level3.h"

/* Reference argument checks (BLAS 3.11 order); returns INFO, 0 when all is well. transa/transb
 * get the upper-case letter. */
static blas_int gemm_check(const char *ta, const char *tb, blas_int m, blas_int n, blas_int k, blas_int lda,
                           blas_int ldb, blas_int ldc, char *ua, char *ub)
{
    int nota = sb_lsame(ta, 'N'), notb = sb_lsame(tb, 'N');
    *ua = nota ? 'N' : sb_lsame(ta, 'T') ? 'T' : sb_lsame(ta, 'C') ? 'C' : 0;
    *ub = notb ? 'N' : sb_lsame(tb, 'T') ? 'T' : sb_lsame(tb, 'C') ? 'C' : 0;
    blas_int nrowa = nota ? m : k, nrowb = notb ? k : n;
    if (!*ua) return 1;
    if (!*ub) return 2;
    if (m < 0) return 3;
    if (n < 0) return 4;
    if (k < 0) return 5;
    if (lda < SB_MAX(1, nrowa)) return 8;
    if (ldb < SB_MAX(1, nrowb)) return 10;
    if (ldc < SB_MAX(1, m)) return 13;
    return 0;
}

static void gemm_run(char ua, char ub, blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a, blas_int lda,
                     const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (m == 0 || n == 0 || ((alpha == 0 || k == 0) && beta == 1)) return;
    SB_NAME(gemm)(ua, ub, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

SB_API void SB_F77(gemm)(const char *transa, const char *transb, const blas_int *m, const blas_int *n,
                         const blas_int *k, const sb_t *alpha, const sb_t *a, const blas_int *lda, const sb_t *b,
                         const blas_int *ldb, const sb_t *beta, sb_t *c, const blas_int *ldc)
{
    char ua, ub;
    blas_int info = gemm_check(transa, transb, *m, *n, *k, *lda, *ldb, *ldc, &ua, &ub);
    if (info) {
        sb_xerbla(SB_UPPER "GEMM", info);
        return;
    }
    gemm_run(ua, ub, *m, *n, *k, *alpha, a, *lda, b, *ldb, *beta, c, *ldc);
}

static char cblas_trans(CBLAS_TRANSPOSE t)
{
    return t == CblasNoTrans ? 'N' : t == CblasTrans ? 'T' : t == CblasConjTrans ? 'C' : 0;
}

SB_API void SB_CBLAS(gemm)(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE TransA, const CBLAS_TRANSPOSE TransB,
                           const blas_int M, const blas_int N, const blas_int K, SB_CSCALAR alpha,
                           const SB_CARRAY *A, const blas_int lda, const SB_CARRAY *B, const blas_int ldb,
                           SB_CSCALAR beta, SB_CARRAY *C, const blas_int ldc)
{
    static const char *name = "cblas_" SB_LOWER "gemm";
    char ta = cblas_trans(TransA), tb = cblas_trans(TransB), ua, ub;
    int row = layout == CblasRowMajor;
    if (layout != CblasColMajor && !row) {
        sb_cblas_xerbla(1, name, 0);
        return;
    }
    /* reference CBLAS: column-major checks TransA then TransB; row-major computes
     * C^T = op(B)^T op(A)^T, i.e. the column-major call with A<->B, M<->N swapped */
    if (!ta) {
        sb_cblas_xerbla(2, name, row);
        return;
    }
    if (!tb) { /* reference CBLAS reports a bad TransB as parameter 2 in row-major */
        sb_cblas_xerbla(row ? 2 : 3, name, row);
        return;
    }
    blas_int info;
    if (!row) info = gemm_check(&ta, &tb, M, N, K, lda, ldb, ldc, &ua, &ub);
    else info = gemm_check(&tb, &ta, N, M, K, ldb, lda, ldc, &ua, &ub);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    const sb_t *a = A, *b = B;
    if (!row) gemm_run(ua, ub, M, N, K, SB_CVAL(alpha), a, lda, b, ldb, SB_CVAL(beta), C, ldc);
    else gemm_run(ua, ub, N, M, K, SB_CVAL(alpha), b, ldb, a, lda, SB_CVAL(beta), C, ldc);
}
