/* ?imatcopy (OpenBLAS/MKL extension): AB := alpha*op(AB), in place.
 * Fortran: ?imatcopy_(ORDER, TRANS, ROWS, COLS, ALPHA, AB, LDA, LDB): on entry AB holds A
 * (ROWS x COLS in ORDER, leading dimension LDA), on exit op(A)*alpha with leading dimension LDB.
 * Same checks as ?omatcopy (numbers as OpenBLAS, reported through xerbla_). A transpose, or a
 * change of leading dimension, goes through a temporary, so any shape is handled correctly. */
#include <stdio.h>
#include <stdlib.h>

#include "cblas.h"
#include "drivers/level3.h"
#include "interface/matcopy_check.h"

static void imatcopy_do(char order, char trans, blas_int rows, blas_int cols, sb_t alpha, sb_t *ab, blas_int lda,
                        blas_int ldb)
{
    blas_int info = sb_matcopy_check(order, trans, rows, cols, lda, ldb);
    if (info) {
        sb_xerbla(SB_UPPER "IMATCOPY", info);
        return;
    }
    if (!SB_IS_COMPLEX) trans = (trans == 'R') ? 'N' : (trans == 'C') ? 'T' : trans;
    if (order == 'R') { /* row-major rows x cols is column-major cols x rows */
        blas_int t = rows;
        rows = cols;
        cols = t;
    }
    int tr = trans == 'T' || trans == 'C';
    if (!tr && lda == ldb) { /* element by element in place */
        SB_NAME(omatcopy)(trans, rows, cols, alpha, ab, lda, ab, lda);
        return;
    }
    blas_int br = tr ? cols : rows, bc = tr ? rows : cols; /* op(A)'s shape */
    sb_t *t = malloc((size_t)br * bc * sizeof(sb_t));
    if (!t) {
        fprintf(stderr, "SafeBLAS: %simatcopy: out of memory for a %ld x %ld temporary; nothing done\n", SB_UPPER,
                (long)br, (long)bc);
        return;
    }
    SB_NAME(omatcopy)(trans, rows, cols, alpha, ab, lda, t, br);
    SB_NAME(omatcopy)('N', br, bc, 1, t, br, ab, ldb);
    free(t);
}

SB_API void SB_F77(imatcopy)(const char *order, const char *trans, const blas_int *rows, const blas_int *cols,
                             const sb_t *alpha, sb_t *ab, const blas_int *lda, const blas_int *ldb)
{
    imatcopy_do(sb_matcopy_order(order), sb_matcopy_trans(trans), *rows, *cols, *alpha, ab, *lda, *ldb);
}

SB_API void SB_CBLAS(imatcopy)(const CBLAS_LAYOUT layout, const CBLAS_TRANSPOSE Trans, const blas_int rows,
                               const blas_int cols, SB_CSCALAR alpha, SB_CARRAY *AB, const blas_int lda,
                               const blas_int ldb)
{
    imatcopy_do(sb_matcopy_corder(layout), sb_matcopy_ctrans(Trans), rows, cols, SB_CVAL(alpha), AB, lda, ldb);
}
