/* ?syr2k and ?her2k (complex only; complex alpha, real beta): Fortran ABI and CBLAS. */
#include "drivers/level3_structured.h"
#include "level3_structured_iface.h"

/* Reference argument checks of SYR2K/HER2K; characters already upper-cased. */
static blas_int syr2k_check(int herm, char uplo, char trans, blas_int n, blas_int k, blas_int lda, blas_int ldb,
                            blas_int ldc)
{
    blas_int nrowa = trans == 'N' ? n : k;
    int trans_ok = trans == 'N' || (herm ? trans == 'C' : (trans == 'T' || (!SB_IS_COMPLEX && trans == 'C')));
    if (uplo != 'U' && uplo != 'L') return 1;
    if (!trans_ok) return 2;
    if (n < 0) return 3;
    if (k < 0) return 4;
    if (lda < SB_MAX(1, nrowa)) return 7;
    if (ldb < SB_MAX(1, nrowa)) return 9;
    if (ldc < SB_MAX(1, n)) return 12;
    return 0;
}

static void syr2k_run(int herm, char uplo, char trans, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                      blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (n == 0 || ((alpha == 0 || k == 0) && beta == 1)) return;
    if (!SB_IS_COMPLEX && trans == 'C') trans = 'T';
    SB_NAME(syr2k)(uplo, trans, herm, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

static void syr2k_f77(int herm, const char *name, const char *uplo, const char *trans, const blas_int *n,
                      const blas_int *k, sb_t alpha, const sb_t *a, const blas_int *lda, const sb_t *b,
                      const blas_int *ldb, sb_t beta, sb_t *c, const blas_int *ldc)
{
    char u = sb_l3s_up(uplo), t = sb_l3s_up(trans);
    blas_int info = syr2k_check(herm, u, t, *n, *k, *lda, *ldb, *ldc);
    if (info) {
        sb_xerbla(name, info);
        return;
    }
    syr2k_run(herm, u, t, *n, *k, alpha, a, *lda, b, *ldb, beta, c, *ldc);
}

/* Row-major: the other triangle, op flipped, and for her2k alpha conjugated (reference CBLAS). */
static void syr2k_cblas(int herm, const char *name, CBLAS_LAYOUT layout, CBLAS_UPLO uplo, CBLAS_TRANSPOSE trans,
                        blas_int n, blas_int k, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *b,
                        blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (layout != CblasRowMajor && layout != CblasColMajor) {
        sb_cblas_xerbla(1, name, 0);
        return;
    }
    int row = layout == CblasRowMajor;
    char u = sb_l3s_uplo(uplo, row), t = sb_l3s_trans(trans);
    if (!u) {
        sb_cblas_xerbla(row && !SB_IS_COMPLEX ? 3 : 2, name, row);
        return;
    }
    if (row) {
        if (herm) t = t == 'C' ? 'N' : t == 'N' ? 'C' : 0;
        else if (SB_IS_COMPLEX) t = t == 'T' ? 'N' : t == 'N' ? 'T' : 0;
        else t = t == 'N' ? 'T' : t ? 'N' : 0;
        if (herm) alpha = sb_conj(alpha);
    }
    if (!t) {
        sb_cblas_xerbla(3, name, row);
        return;
    }
    blas_int info = syr2k_check(herm, u, t, n, k, lda, ldb, ldc);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    syr2k_run(herm, u, t, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

SB_API void SB_F77(syr2k)(const char *uplo, const char *trans, const blas_int *n, const blas_int *k,
                          const sb_t *alpha, const sb_t *a, const blas_int *lda, const sb_t *b, const blas_int *ldb,
                          const sb_t *beta, sb_t *c, const blas_int *ldc)
{
    syr2k_f77(0, SB_UPPER "SYR2K", uplo, trans, n, k, *alpha, a, lda, b, ldb, *beta, c, ldc);
}

SB_API void SB_CBLAS(syr2k)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const CBLAS_TRANSPOSE trans,
                            const blas_int n, const blas_int k, SB_CSCALAR alpha, const SB_CARRAY *a,
                            const blas_int lda, const SB_CARRAY *b, const blas_int ldb, SB_CSCALAR beta,
                            SB_CARRAY *c, const blas_int ldc)
{
    syr2k_cblas(0, "cblas_" SB_LOWER "syr2k", layout, uplo, trans, n, k, SB_CVAL(alpha), a, lda, b, ldb,
                SB_CVAL(beta), c, ldc);
}

#if SB_IS_COMPLEX
SB_API void SB_F77(her2k)(const char *uplo, const char *trans, const blas_int *n, const blas_int *k,
                          const sb_t *alpha, const sb_t *a, const blas_int *lda, const sb_t *b, const blas_int *ldb,
                          const sb_r *beta, sb_t *c, const blas_int *ldc)
{
    syr2k_f77(1, SB_UPPER "HER2K", uplo, trans, n, k, *alpha, a, lda, b, ldb, *beta, c, ldc);
}

SB_API void SB_CBLAS(her2k)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const CBLAS_TRANSPOSE trans,
                            const blas_int n, const blas_int k, const void *alpha, const void *a, const blas_int lda,
                            const void *b, const blas_int ldb, const sb_r beta, void *c, const blas_int ldc)
{
    syr2k_cblas(1, "cblas_" SB_LOWER "her2k", layout, uplo, trans, n, k, SB_CVAL(alpha), a, lda, b, ldb, beta, c,
                ldc);
}
#endif
