/* ?gemmt (reference LAPACK 3.12 BLAS extension, also MKL/OpenBLAS): Fortran ABI and CBLAS.
 * C := alpha*op(A)*op(B) + beta*C on the uplo triangle of the n x n matrix C only. */
#include "cblas.h"
#include "drivers/level3.h"

/* Reference argument checks (dgemmt.f order); returns INFO. */
static blas_int gemmt_check(const char *uplo, const char *ta, const char *tb, blas_int n, blas_int k, blas_int lda,
                            blas_int ldb, blas_int ldc, char *uu, char *ua, char *ub)
{
    int nota = sb_lsame(ta, 'N'), notb = sb_lsame(tb, 'N');
    *uu = sb_lsame(uplo, 'U') ? 'U' : sb_lsame(uplo, 'L') ? 'L' : 0;
    *ua = nota ? 'N' : sb_lsame(ta, 'T') ? 'T' : sb_lsame(ta, 'C') ? 'C' : 0;
    *ub = notb ? 'N' : sb_lsame(tb, 'T') ? 'T' : sb_lsame(tb, 'C') ? 'C' : 0;
    blas_int nrowa = nota ? n : k, nrowb = notb ? k : n;
    if (!*uu) return 1;
    if (!*ua) return 2;
    if (!*ub) return 3;
    if (n < 0) return 4;
    if (k < 0) return 5;
    if (lda < SB_MAX(1, nrowa)) return 8;
    if (ldb < SB_MAX(1, nrowb)) return 10;
    if (ldc < SB_MAX(1, n)) return 13;
    return 0;
}

static void gemmt_run(char uu, char ua, char ub, blas_int n, blas_int k, sb_t alpha, const sb_t *a, blas_int lda,
                      const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (n == 0 || ((alpha == 0 || k == 0) && beta == 1)) return;
    SB_NAME(gemmt)(uu, ua, ub, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

SB_API void SB_F77(gemmt)(const char *uplo, const char *transa, const char *transb, const blas_int *n,
                          const blas_int *k, const sb_t *alpha, const sb_t *a, const blas_int *lda, const sb_t *b,
                          const blas_int *ldb, const sb_t *beta, sb_t *c, const blas_int *ldc)
{
    char uu, ua, ub;
    blas_int info = gemmt_check(uplo, transa, transb, *n, *k, *lda, *ldb, *ldc, &uu, &ua, &ub);
    if (info) {
        sb_xerbla(SB_UPPER "GEMMT", info);
        return;
    }
    gemmt_run(uu, ua, ub, *n, *k, *alpha, a, *lda, b, *ldb, *beta, c, *ldc);
}

static char cblas_trans(CBLAS_TRANSPOSE t)
{
    return t == CblasNoTrans ? 'N' : t == CblasTrans ? 'T' : t == CblasConjTrans ? 'C' : 0;
}

/* As reference CBLAS 3.12: Uplo is checked first (2), then the layout (1), TransA (3), TransB (4);
 * argument errors of the column-major call are its Fortran number + 1. Row-major computes
 * C^T = op(B)^T op(A)^T; unlike reference CBLAS 3.12 (which passes Uplo unchanged), the triangle
 * is flipped, so Upper means the upper triangle of the row-major C, as in MKL and OpenBLAS. */
SB_API void SB_CBLAS(gemmt)(const CBLAS_LAYOUT layout, const CBLAS_UPLO Uplo, const CBLAS_TRANSPOSE TransA,
                            const CBLAS_TRANSPOSE TransB, const blas_int N, const blas_int K, SB_CSCALAR alpha,
                            const SB_CARRAY *A, const blas_int lda, const SB_CARRAY *B, const blas_int ldb,
                            SB_CSCALAR beta, SB_CARRAY *C, const blas_int ldc)
{
    static const char *name = "cblas_" SB_LOWER "gemmt";
    int row = layout == CblasRowMajor;
    char ul = Uplo == CblasUpper ? 'U' : Uplo == CblasLower ? 'L' : 0;
    char ta = cblas_trans(TransA), tb = cblas_trans(TransB), uu, ua, ub;
    if (!ul) {
        sb_cblas_xerbla(2, name, 0);
        return;
    }
    if (layout != CblasColMajor && !row) {
        sb_cblas_xerbla(1, name, 0);
        return;
    }
    if (!ta) {
        sb_cblas_xerbla(3, name, row);
        return;
    }
    if (!tb) {
        sb_cblas_xerbla(4, name, row);
        return;
    }
    if (row) ul = ul == 'U' ? 'L' : 'U';
    blas_int info;
    if (!row) info = gemmt_check(&ul, &ta, &tb, N, K, lda, ldb, ldc, &uu, &ua, &ub);
    else info = gemmt_check(&ul, &tb, &ta, N, K, ldb, lda, ldc, &uu, &ua, &ub);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    const sb_t *a = A, *b = B;
    if (!row) gemmt_run(uu, ua, ub, N, K, SB_CVAL(alpha), a, lda, b, ldb, SB_CVAL(beta), C, ldc);
    else gemmt_run(uu, ua, ub, N, K, SB_CVAL(alpha), b, ldb, a, lda, SB_CVAL(beta), C, ldc);
}
