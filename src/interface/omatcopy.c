/* ?omatcopy (OpenBLAS/MKL extension): B := alpha*op(A), out of place.
 * Fortran: ?omatcopy_(ORDER, TRANS, ROWS, COLS, ALPHA, A, LDA, B, LDB), ORDER 'C' or 'R',
 * TRANS 'N', 'T', 'C' (conjugate transpose) or 'R' (conjugate, no transpose); A is ROWS x COLS
 * in the given order. Checks and numbers as OpenBLAS: ORDER 1, TRANS 2, ROWS <= 0 3, COLS <= 0
 * 4, LDA 7, LDB 9 (the lowest number wins), reported through xerbla_ with the Fortran name, by
 * the CBLAS entry too (as OpenBLAS does). */
#include "cblas.h"
#include "drivers/level3.h"
#include "interface/matcopy_check.h"

static void omatcopy_do(char order, char trans, blas_int rows, blas_int cols, sb_t alpha, const sb_t *a, blas_int lda,
                        sb_t *b, blas_int ldb)
{
    blas_int info = sb_matcopy_check(order, trans, rows, cols, lda, ldb);
    if (info) {
        sb_xerbla(SB_UPPER "OMATCOPY", info);
        return;
    }
    if (!SB_IS_COMPLEX) trans = (trans == 'R') ? 'N' : (trans == 'C') ? 'T' : trans;
    /* row-major rows x cols is column-major cols x rows */
    if (order == 'R') SB_NAME(omatcopy)(trans, cols, rows, alpha, a, lda, b, ldb);
    else SB_NAME(omatcopy)(trans, rows, cols, alpha, a, lda, b, ldb);
}

SB_API void SB_F77(omatcopy)(const char *order, const char *trans, const blas_int *rows, const blas_int *cols,
                             const sb_t *alpha, const sb_t *a, const blas_int *lda, sb_t *b, const blas_int *ldb)
{
    omatcopy_do(sb_matcopy_order(order), sb_matcopy_trans(trans), *rows, *cols, *alpha, a, *lda, b, *ldb);
}

SB_API void SB_CBLAS(omatcopy)(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE Trans, const blas_int rows,
                               const blas_int cols, SB_CSCALAR alpha, const SB_CARRAY *A, const blas_int lda,
                               SB_CARRAY *B, const blas_int ldb)
{
    omatcopy_do(sb_matcopy_corder(layout), sb_matcopy_ctrans(Trans), rows, cols, SB_CVAL(alpha), A, lda, B, ldb);
}
