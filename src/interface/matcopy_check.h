/* Shared by omatcopy.c and imatcopy.c: the OpenBLAS argument checks of ?omatcopy/?imatcopy. */
#ifndef SB_INTERFACE_MATCOPY_CHECK_H
#define SB_INTERFACE_MATCOPY_CHECK_H

#include "cblas.h"
#include "common/blas.h"

/* 'C', 'R' or 0 (invalid). */
static inline char sb_matcopy_order(const char *o)
{
    return sb_lsame(o, 'C') ? 'C' : sb_lsame(o, 'R') ? 'R' : 0;
}

/* 'N', 'T', 'C', 'R' or 0 (invalid). */
static inline char sb_matcopy_trans(const char *t)
{
    return sb_lsame(t, 'N') ? 'N' : sb_lsame(t, 'T') ? 'T' : sb_lsame(t, 'C') ? 'C' : sb_lsame(t, 'R') ? 'R' : 0;
}

static inline char sb_matcopy_corder(CBLAS_LAYOUT l)
{
    return l == CblasColMajor ? 'C' : l == CblasRowMajor ? 'R' : 0;
}

static inline char sb_matcopy_ctrans(CBLAS_TRANSPOSE t)
{
    return t == CblasNoTrans ? 'N' : t == CblasTrans ? 'T' : t == CblasConjTrans ? 'C' : t == CblasConjNoTrans ? 'R' : 0;
}

/* INFO as OpenBLAS computes it (the lowest failing number wins); 0 when all is well. */
static inline blas_int sb_matcopy_check(char order, char trans, blas_int rows, blas_int cols, blas_int lda,
                                        blas_int ldb)
{
    if (!order) return 1;
    if (!trans) return 2;
    if (rows <= 0) return 3;
    if (cols <= 0) return 4;
    int tr = trans == 'T' || trans == 'C';
    if (order == 'C' ? lda < rows : lda < cols) return 7;
    blas_int need = (order == 'C') != tr ? rows : cols;
    if (ldb < need) return 9;
    return 0;
}

#endif
