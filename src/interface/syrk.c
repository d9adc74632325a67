/* ?syrk and ?herk (complex only, real alpha and beta): Fortran ABI and CBLAS. */
#include "drivers/level3_structured.h"
#include "level3_structured_iface.h"

/* Reference argument checks of SYRK/HERK; characters already upper-cased. */
static blas_int syrk_check(int herm, char uplo, char trans, blas_int n, blas_int k, blas_int lda, blas_int ldc)
{
    blas_int nrowa = trans == 'N' ? n : k;
    int trans_ok = trans == 'N' || (herm ? trans == 'C' : (trans == 'T' || (!SB_IS_COMPLEX && trans == 'C')));
    if (uplo != 'U' && uplo != 'L') return 1;
    if (!trans_ok) return 2;
    if (n < 0) return 3;
    if (k < 0) return 4;
    if (lda < SB_MAX(1, nrowa)) return 7;
    if (ldc < SB_MAX(1, n)) return 10;
    return 0;
}

static void syrk_run(int herm, char uplo, char trans, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                     blas_int lda, sb_t beta, sb_t *c, blas_int ldc)
{
    if (n == 0 || ((alpha == 0 || k == 0) && beta == 1)) return;
    if (!SB_IS_COMPLEX && trans == 'C') trans = 'T';
    SB_NAME(syrk)(uplo, trans, herm, n, k, alpha, a, lda, beta, c, ldc);
}

static void syrk_f77(int herm, const char *name, const char *uplo, const char *trans, const blas_int *n,
                     const blas_int *k, sb_t alpha, const sb_t *a, const blas_int *lda, sb_t beta, sb_t *c,
                     const blas_int *ldc)
{
    char u = sb_l3s_up(uplo), t = sb_l3s_up(trans);
    blas_int info = syrk_check(herm, u, t, *n, *k, *lda, *ldc);
    if (info) {
        sb_xerbla(name, info);
        return;
    }
    syrk_run(herm, u, t, *n, *k, alpha, a, *lda, beta, c, *ldc);
}

/* Row-major: C' is the same triangle of the other kind, op(A) flips (reference CBLAS mapping). */
static void syrk_cblas(int herm, const char *name, CBLAS_LAYOUT layout, CBLAS_UPLO uplo, CBLAS_TRANSPOSE trans,
                       blas_int n, blas_int k, sb_t alpha, const sb_t *a, blas_int lda, sb_t beta, sb_t *c,
                       blas_int ldc)
{
    if (layout != CblasRowMajor && layout != CblasColMajor) {
        sb_cblas_xerbla(1, name, 0);
        return;
    }
    int row = layout == CblasRowMajor;
    char u = sb_l3s_uplo(uplo, row), t = sb_l3s_trans(trans);
    if (!u) {
        /* reference CBLAS reports a bad row-major uplo of the real routines as parameter 3 */
        sb_cblas_xerbla(row && !SB_IS_COMPLEX ? 3 : 2, name, row);
        return;
    }
    if (row) {
        if (herm) t = t == 'C' ? 'N' : t == 'N' ? 'C' : 0;
        else if (SB_IS_COMPLEX) t = t == 'T' ? 'N' : t == 'N' ? 'T' : 0;
        else t = t == 'N' ? 'T' : t ? 'N' : 0;
    }
    if (!t) {
        sb_cblas_xerbla(3, name, row);
        return;
    }
    blas_int info = syrk_check(herm, u, t, n, k, lda, ldc);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    syrk_run(herm, u, t, n, k, alpha, a, lda, beta, c, ldc);
}

SB_API void SB_F77(syrk)(const char *uplo, const char *trans, const blas_int *n, const blas_int *k, const sb_t *alpha,
                         const sb_t *a, const blas_int *lda, const sb_t *beta, sb_t *c, const blas_int *ldc)
{
    syrk_f77(0, SB_UPPER "SYRK", uplo, trans, n, k, *alpha, a, lda, *beta, c, ldc);
}

SB_API void SB_CBLAS(syrk)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const CBLAS_TRANSPOSE trans,
                           const blas_int n, const blas_int k, SB_CSCALAR alpha, const SB_CARRAY *a,
                           const blas_int lda, SB_CSCALAR beta, SB_CARRAY *c, const blas_int ldc)
{
    syrk_cblas(0, "cblas_" SB_LOWER "syrk", layout, uplo, trans, n, k, SB_CVAL(alpha), a, lda, SB_CVAL(beta), c,
               ldc);
}

#if SB_IS_COMPLEX
SB_API void SB_F77(herk)(const char *uplo, const char *trans, const blas_int *n, const blas_int *k, const sb_r *alpha,
                         const sb_t *a, const blas_int *lda, const sb_r *beta, sb_t *c, const blas_int *ldc)
{
    syrk_f77(1, SB_UPPER "HERK", uplo, trans, n, k, *alpha, a, lda, *beta, c, ldc);
}

SB_API void SB_CBLAS(herk)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const CBLAS_TRANSPOSE trans,
                           const blas_int n, const blas_int k, const sb_r alpha, const void *a, const blas_int lda,
                           const sb_r beta, void *c, const blas_int ldc)
{
    syrk_cblas(1, "cblas_" SB_LOWER "herk", layout, uplo, trans, n, k, alpha, a, lda, beta, c, ldc);
}
#endif
