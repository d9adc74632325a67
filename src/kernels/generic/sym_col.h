/* Column j of the stored triangle of an n x n symmetric or hermitian matrix, as the symv and
 * hemv kernel bodies address it: row i at [i], full storage (lda > 0) or packed storage as the
 * BLAS's spmv/hpmv take it (lda = 0). */
#ifndef SB_KERNELS_GENERIC_SYM_COL_H
#define SB_KERNELS_GENERIC_SYM_COL_H

#include "common/precision.h"

static inline const sb_t *sb_sym_col(int upper, blas_int n, const sb_t *a, blas_int lda, blas_int j)
{
    if (lda > 0) return a + (ptrdiff_t)j * lda;
    if (upper) return a + (ptrdiff_t)j * (j + 1) / 2;
    return a + (ptrdiff_t)j * (2 * (ptrdiff_t)n - j + 1) / 2 - j;
}

#endif
