/* ?symm and ?hemm (complex only): Fortran ABI and CBLAS. */
#include "drivers/level3_structured.h"
#include "level3_structured_iface.h"

/* Reference argument checks of SYMM/HEMM; side and uplo already upper-cased. */
static blas_int symm_check(char side, char uplo, blas_int m, blas_int n, blas_int lda, blas_int ldb, blas_int ldc)
{
    blas_int nrowa = side == 'L' ? m : n;
    if (side != 'L' && side != 'R') return 1;
    if (uplo != 'U' && uplo != 'L') return 2;
    if (m < 0) return 3;
    if (n < 0) return 4;
    if (lda < SB_MAX(1, nrowa)) return 7;
    if (ldb < SB_MAX(1, m)) return 9;
    if (ldc < SB_MAX(1, m)) return 12;
    return 0;
}

static void symm_run(int herm, char side, char uplo, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda,
                     const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (m == 0 || n == 0 || (alpha == 0 && beta == 1)) return;
    SB_NAME(symm)(side, uplo, herm, m, n, alpha, a, lda, b, ldb, beta, c, ldc);
}

static void symm_f77(int herm, const char *name, const char *side, const char *uplo, const blas_int *m,
                     const blas_int *n, const sb_t *alpha, const sb_t *a, const blas_int *lda, const sb_t *b,
                     const blas_int *ldb, const sb_t *beta, sb_t *c, const blas_int *ldc)
{
    char s = sb_l3s_up(side), u = sb_l3s_up(uplo);
    blas_int info = symm_check(s, u, *m, *n, *lda, *ldb, *ldc);
    if (info) {
        sb_xerbla(name, info);
        return;
    }
    symm_run(herm, s, u, *m, *n, *alpha, a, *lda, b, *ldb, *beta, c, *ldc);
}

static void symm_cblas(int herm, const char *name, CBLAS_LAYOUT layout, CBLAS_SIDE side, CBLAS_UPLO uplo,
                       blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *b, blas_int ldb,
                       sb_t beta, sb_t *c, blas_int ldc)
{
    if (layout != CblasRowMajor && layout != CblasColMajor) {
        sb_cblas_xerbla(1, name, 0);
        return;
    }
    int row = layout == CblasRowMajor;
    char s = sb_l3s_side(side, row), u = sb_l3s_uplo(uplo, row);
    if (!s) {
        sb_cblas_xerbla(2, name, row);
        return;
    }
    if (!u) {
        sb_cblas_xerbla(3, name, row);
        return;
    }
    if (row) { /* C' = B'*A' (or A'*B'): swap the sides and m, n */
        blas_int t = m;
        m = n;
        n = t;
    }
    blas_int info = symm_check(s, u, m, n, lda, ldb, ldc);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return;
    }
    symm_run(herm, s, u, m, n, alpha, a, lda, b, ldb, beta, c, ldc);
}

SB_API void SB_F77(symm)(const char *side, const char *uplo, const blas_int *m, const blas_int *n, const sb_t *alpha,
                         const sb_t *a, const blas_int *lda, const sb_t *b, const blas_int *ldb, const sb_t *beta,
                         sb_t *c, const blas_int *ldc)
{
    symm_f77(0, SB_UPPER "SYMM", side, uplo, m, n, alpha, a, lda, b, ldb, beta, c, ldc);
}

SB_API void SB_CBLAS(symm)(const CBLAS_LAYOUT layout, const CBLAS_SIDE side, const CBLAS_UPLO uplo, const blas_int m,
                           const blas_int n, SB_CSCALAR alpha, const SB_CARRAY *a, const blas_int lda,
                           const SB_CARRAY *b, const blas_int ldb, SB_CSCALAR beta, SB_CARRAY *c,
                           const blas_int ldc)
{
    symm_cblas(0, "cblas_" SB_LOWER "symm", layout, side, uplo, m, n, SB_CVAL(alpha), a, lda, b, ldb,
               SB_CVAL(beta), c, ldc);
}

#if SB_IS_COMPLEX
SB_API void SB_F77(hemm)(const char *side, const char *uplo, const blas_int *m, const blas_int *n, const sb_t *alpha,
                         const sb_t *a, const blas_int *lda, const sb_t *b, const blas_int *ldb, const sb_t *beta,
                         sb_t *c, const blas_int *ldc)
{
    symm_f77(1, SB_UPPER "HEMM", side, uplo, m, n, alpha, a, lda, b, ldb, beta, c, ldc);
}

SB_API void SB_CBLAS(hemm)(const CBLAS_LAYOUT layout, const CBLAS_SIDE side, const CBLAS_UPLO uplo, const blas_int m,
                           const blas_int n, const void *alpha, const void *a, const blas_int lda, const void *b,
                           const blas_int ldb, const void *beta, void *c, const blas_int ldc)
{
    symm_cblas(1, "cblas_" SB_LOWER "hemm", layout, side, uplo, m, n, SB_CVAL(alpha), a, lda, b, ldb,
               SB_CVAL(beta), c, ldc);
}
#endif
