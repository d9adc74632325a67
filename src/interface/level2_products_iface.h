/* Small helpers shared by the interfaces of the level-2 products: the symmetric/hermitian
 * families (symv.c, sbmv.c, spmv.c) and the triangular ones (trmv.c, tbmv.c, tpmv.c): Fortran
 * character flags and the CBLAS layout/enum mapping, as reference BLAS 3.11 and CBLAS. */
#ifndef SB_INTERFACE_LEVEL2_PRODUCTS_IFACE_H
#define SB_INTERFACE_LEVEL2_PRODUCTS_IFACE_H

#include "cblas.h"
#include "drivers/level2_products.h"

/* Fortran uplo: 1 upper, 0 lower, -1 invalid. */
static inline int sb_l2p_uplo(const char *uplo)
{
    return sb_lsame(uplo, 'U') ? 1 : sb_lsame(uplo, 'L') ? 0 : -1;
}

/* CBLAS layout (1) and uplo (2) as reference CBLAS: row-major A is column-major A^T, i.e. the
 * other triangle. Returns 1 when both are valid, with *row and the column-major *upper. */
static inline int sb_l2p_layout_uplo(const char *name, CBLAS_LAYOUT layout, CBLAS_UPLO uplo, int *row, int *upper)
{
    if (layout != CblasColMajor && layout != CblasRowMajor) {
        sb_cblas_xerbla(1, name, 0);
        return 0;
    }
    *row = layout == CblasRowMajor;
    if (uplo != CblasUpper && uplo != CblasLower) {
        sb_cblas_xerbla(2, name, *row);
        return 0;
    }
    *upper = (uplo == CblasUpper) != *row;
    return 1;
}

/* The CBLAS entry of symv/sbmv/spmv (herm = 0) and hemv/hbmv/hpmv (herm = 1) up to the numeric
 * checks. Row-major hermitian A is the transpose of the column-major matrix with the other
 * triangle stored, i.e. conj of it (SB_HERM_T), and reference CBLAS works on a conjugated
 * unit-stride copy of x when n > 0, so there incX = 0 is accepted (constant x). Returns 1 when
 * the call may go on, with the column-major *upper, *mode, *row and *incx_ok0. */
static inline int sb_l2p_sym_cblas(const char *name, int herm, CBLAS_LAYOUT layout, CBLAS_UPLO uplo, blas_int n,
                                   int *upper, int *mode, int *row, int *incx_ok0)
{
    if (!sb_l2p_layout_uplo(name, layout, uplo, row, upper)) return 0;
    *mode = !herm ? SB_SYM : *row ? SB_HERM_T : SB_HERM;
    *incx_ok0 = herm && *row && n > 0;
    return 1;
}

/* Fortran uplo, trans, diag of trmv/tbmv/tpmv -> flags, -1 where invalid (the checks report
 * them as 1, 2, 3); real 'C' is 'T'. */
static inline void sb_l2p_tri_flags(const char *uplo, const char *trans, const char *diag, int *upper, int *op,
                                    int *unit)
{
    *upper = sb_l2p_uplo(uplo);
    *op = sb_lsame(trans, 'N') ? SB_OP_N : sb_lsame(trans, 'T') ? SB_OP_T : sb_lsame(trans, 'C') ? SB_OP_C : -1;
    *unit = sb_lsame(diag, 'U') ? 1 : sb_lsame(diag, 'N') ? 0 : -1;
    if (!SB_IS_COMPLEX && *op == SB_OP_C) *op = SB_OP_T;
}

/* The CBLAS entry of trmv/tbmv/tpmv up to the numeric checks: layout 1, uplo 2, trans 3, diag 4.
 * Row-major: NoTrans -> T, Trans -> N, ConjTrans -> conj(A) not transposed (reference CBLAS
 * conjugates x around an 'N' call; real: N). Returns 1 when the call may go on, with the
 * column-major *upper, *op, *unit and *row. */
static inline int sb_l2p_tri_cblas(const char *name, CBLAS_LAYOUT layout, CBLAS_UPLO uplo, CBLAS_TRANSPOSE trans,
                                   CBLAS_DIAG diag, int *upper, int *op, int *unit, int *row)
{
    if (!sb_l2p_layout_uplo(name, layout, uplo, row, upper)) return 0;
    if (trans == CblasNoTrans) *op = *row ? SB_OP_T : SB_OP_N;
    else if (trans == CblasTrans) *op = *row ? SB_OP_N : SB_OP_T;
    else if (trans == CblasConjTrans) *op = SB_IS_COMPLEX ? (*row ? SB_OP_R : SB_OP_C) : (*row ? SB_OP_N : SB_OP_T);
    else {
        sb_cblas_xerbla(3, name, *row);
        return 0;
    }
    if (diag == CblasUnit) *unit = 1;
    else if (diag == CblasNonUnit) *unit = 0;
    else {
        sb_cblas_xerbla(4, name, *row);
        return 0;
    }
    return 1;
}

#endif
