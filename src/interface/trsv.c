/* ?trsv, ?tbsv, ?tpsv (s, d, c, z): Fortran ABI and CBLAS for the three triangular solves.
 * Checks as reference BLAS 3.11:
 *   trsv: uplo 1, trans 2, diag 3, n 4, lda < max(1,n) 6, incx 8
 *   tbsv: uplo 1, trans 2, diag 3, n 4, k < 0 5, lda < k+1 7, incx 9
 *   tpsv: uplo 1, trans 2, diag 3, n 4, incx 7
 * quick return n = 0.  CBLAS, as reference CBLAS: enum checks uplo 2, trans 3, diag 4 (layout 1);
 * row-major solves with the opposite triangle and the opposite transposition; ConjTrans in
 * row-major becomes a solve with conj(A) not transposed (reference conjugates x around an 'N'
 * solve, which is the same thing). */
#include "cblas.h"
#include "drivers/level2_updates.h"

enum { K_TR, K_TB, K_TP };

/* Fortran character arguments -> flags; returns the reference info of the first bad one. */
static blas_int tr_flags(const char *uplo, const char *trans, const char *diag, int *upper, int *tr, int *unit)
{
    if (sb_lsame(uplo, 'U')) *upper = 1;
    else if (sb_lsame(uplo, 'L')) *upper = 0;
    else return 1;
    if (sb_lsame(trans, 'N')) *tr = SB_TR_N;
    else if (sb_lsame(trans, 'T')) *tr = SB_TR_T;
    else if (sb_lsame(trans, 'C')) *tr = SB_TR_C;
    else return 2;
    if (sb_lsame(diag, 'U')) *unit = 1;
    else if (sb_lsame(diag, 'N')) *unit = 0;
    else return 3;
    return 0;
}

/* The numeric checks and the solve, once the flags are known. Fortran numbering; cname = NULL for
 * the Fortran entry, else the CBLAS name (info + 1). */
static void tr_core(int kind, const char *fname, const char *cname, int rm, int upper, int tr, int unit,
                    blas_int n, blas_int k, const sb_t *a, blas_int lda, sb_t *x, blas_int incx)
{
    blas_int info = 0;
    if (n < 0) info = 4;
    else if (kind == K_TR) {
        if (lda < SB_MAX(1, n)) info = 6;
        else if (incx == 0) info = 8;
    } else if (kind == K_TB) {
        if (k < 0) info = 5;
        else if (lda < k + 1) info = 7;
        else if (incx == 0) info = 9;
    } else if (incx == 0) {
        info = 7;
    }
    if (info) {
        if (cname) sb_cblas_xerbla(info + 1, cname, rm);
        else sb_xerbla(fname, info);
        return;
    }
    if (n == 0) return;
    if (kind == K_TR) SB_NAME(trsv)(upper, tr, unit, n, a, lda, x, incx);
    else if (kind == K_TB) SB_NAME(tbsv)(upper, tr, unit, n, k, a, lda, x, incx);
    else SB_NAME(tpsv)(upper, tr, unit, n, a, x, incx);
}

static void tr_fortran(int kind, const char *fname, const char *uplo, const char *trans, const char *diag,
                       blas_int n, blas_int k, const sb_t *a, blas_int lda, sb_t *x, blas_int incx)
{
    int upper = 0, tr = 0, unit = 0;
    blas_int info = tr_flags(uplo, trans, diag, &upper, &tr, &unit);
    if (info) {
        sb_xerbla(fname, info);
        return;
    }
    tr_core(kind, fname, NULL, 0, upper, tr, unit, n, k, a, lda, x, incx);
}

static void tr_cblas(int kind, const char *cname, CBLAS_LAYOUT layout, CBLAS_UPLO uplo, CBLAS_TRANSPOSE trans,
                     CBLAS_DIAG diag, blas_int n, blas_int k, const sb_t *a, blas_int lda, sb_t *x, blas_int incx)
{
    int rm, upper, tr, unit;
    if (layout == CblasColMajor) rm = 0;
    else if (layout == CblasRowMajor) rm = 1;
    else {
        sb_cblas_xerbla(1, cname, 0);
        return;
    }
    if (uplo == CblasUpper) upper = !rm;
    else if (uplo == CblasLower) upper = rm;
    else {
        sb_cblas_xerbla(2, cname, rm);
        return;
    }
    if (trans == CblasNoTrans) tr = rm ? SB_TR_T : SB_TR_N;
    else if (trans == CblasTrans) tr = rm ? SB_TR_N : SB_TR_T;
    else if (trans == CblasConjTrans) tr = rm ? (SB_IS_COMPLEX ? SB_TR_R : SB_TR_N) : SB_TR_C;
    else {
        sb_cblas_xerbla(3, cname, rm);
        return;
    }
    if (diag == CblasUnit) unit = 1;
    else if (diag == CblasNonUnit) unit = 0;
    else {
        sb_cblas_xerbla(4, cname, rm);
        return;
    }
    tr_core(kind, NULL, cname, rm, upper, tr, unit, n, k, a, lda, x, incx);
}

SB_API void SB_F77(trsv)(const char *uplo, const char *trans, const char *diag, const blas_int *n, const sb_t *a,
                         const blas_int *lda, sb_t *x, const blas_int *incx)
{
    tr_fortran(K_TR, SB_UPPER "TRSV", uplo, trans, diag, *n, 0, a, *lda, x, *incx);
}

SB_API void SB_F77(tbsv)(const char *uplo, const char *trans, const char *diag, const blas_int *n,
                         const blas_int *k, const sb_t *a, const blas_int *lda, sb_t *x, const blas_int *incx)
{
    tr_fortran(K_TB, SB_UPPER "TBSV", uplo, trans, diag, *n, *k, a, *lda, x, *incx);
}

SB_API void SB_F77(tpsv)(const char *uplo, const char *trans, const char *diag, const blas_int *n, const sb_t *ap,
                         sb_t *x, const blas_int *incx)
{
    tr_fortran(K_TP, SB_UPPER "TPSV", uplo, trans, diag, *n, 0, ap, 1, x, *incx);
}

SB_API void SB_CBLAS(trsv)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const CBLAS_TRANSPOSE trans,
                           const CBLAS_DIAG diag, const blas_int n, const SB_CARRAY *a, const blas_int lda,
                           SB_CARRAY *x, const blas_int incx)
{
    tr_cblas(K_TR, "cblas_" SB_L2U_LOWER "trsv", layout, uplo, trans, diag, n, 0, a, lda, x, incx);
}

SB_API void SB_CBLAS(tbsv)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const CBLAS_TRANSPOSE trans,
                           const CBLAS_DIAG diag, const blas_int n, const blas_int k, const SB_CARRAY *a,
                           const blas_int lda, SB_CARRAY *x, const blas_int incx)
{
    tr_cblas(K_TB, "cblas_" SB_L2U_LOWER "tbsv", layout, uplo, trans, diag, n, k, a, lda, x, incx);
}

SB_API void SB_CBLAS(tpsv)(const CBLAS_LAYOUT layout, const CBLAS_UPLO uplo, const CBLAS_TRANSPOSE trans,
                           const CBLAS_DIAG diag, const blas_int n, const SB_CARRAY *ap, SB_CARRAY *x,
                           const blas_int incx)
{
    tr_cblas(K_TP, "cblas_" SB_L2U_LOWER "tpsv", layout, uplo, trans, diag, n, 0, ap, 1, x, incx);
}
