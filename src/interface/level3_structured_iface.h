/* Small helpers shared by the interfaces of the structured level-3 routines (symm.c, syrk.c,
 * syr2k.c, trmm.c, trsm.c): character normalisation, CBLAS enum mapping and names. */
#ifndef SB_INTERFACE_LEVEL3_STRUCTURED_IFACE_H
#define SB_INTERFACE_LEVEL3_STRUCTURED_IFACE_H

#include "cblas.h"
#include "common/blas.h"
#include "common/precision.h"

static inline char sb_l3s_up(const char *c)
{
    char v = *c;
    return (v >= 'a' && v <= 'z') ? (char)(v - 'a' + 'A') : v;
}

/* CBLAS enums to the column-major characters; 0 when invalid. */
static inline char sb_l3s_side(CBLAS_SIDE s, int row)
{
    if (s == CblasLeft) return row ? 'R' : 'L';
    if (s == CblasRight) return row ? 'L' : 'R';
    return 0;
}
static inline char sb_l3s_uplo(CBLAS_UPLO u, int row)
{
    if (u == CblasUpper) return row ? 'L' : 'U';
    if (u == CblasLower) return row ? 'U' : 'L';
    return 0;
}
static inline char sb_l3s_trans(CBLAS_TRANSPOSE t)
{
    if (t == CblasNoTrans) return 'N';
    if (t == CblasTrans) return 'T';
    if (t == CblasConjTrans) return 'C';
    return 0;
}
static inline char sb_l3s_diag(CBLAS_DIAG d)
{
    if (d == CblasUnit) return 'U';
    if (d == CblasNonUnit) return 'N';
    return 0;
}


/* Reference argument checks of TRMM/TRSM (identical); characters already upper-cased. */
static inline blas_int sb_l3s_tr_check(char side, char uplo, char transa, char diag, blas_int m, blas_int n,
                                       blas_int lda, blas_int ldb)
{
    blas_int nrowa = side == 'L' ? m : n;
    if (side != 'L' && side != 'R') return 1;
    if (uplo != 'U' && uplo != 'L') return 2;
    if (transa != 'N' && transa != 'T' && transa != 'C') return 3;
    if (diag != 'U' && diag != 'N') return 4;
    if (m < 0) return 5;
    if (n < 0) return 6;
    if (lda < SB_MAX(1, nrowa)) return 9;
    if (ldb < SB_MAX(1, m)) return 11;
    return 0;
}

/* The CBLAS entry of trmm/trsm: layout and enums as reference CBLAS (row-major swaps side, uplo
 * and m, n), then the Fortran checks with parameter numbers + 1. Returns 1 when the call may go
 * on with the column-major arguments left in *side ... *n. */
static inline int sb_l3s_tr_cblas(const char *name, CBLAS_LAYOUT layout, CBLAS_SIDE side, CBLAS_UPLO uplo,
                                  CBLAS_TRANSPOSE transa, CBLAS_DIAG diag, blas_int *m, blas_int *n, blas_int lda,
                                  blas_int ldb, char *s, char *u, char *t, char *d)
{
    if (layout != CblasRowMajor && layout != CblasColMajor) {
        sb_cblas_xerbla(1, name, 0);
        return 0;
    }
    int row = layout == CblasRowMajor;
    *s = sb_l3s_side(side, row);
    *u = sb_l3s_uplo(uplo, row);
    *t = sb_l3s_trans(transa);
    *d = sb_l3s_diag(diag);
    blas_int bad = !*s ? 2 : !*u ? 3 : !*t ? 4 : !*d ? 5 : 0;
    if (bad) {
        sb_cblas_xerbla(bad, name, row);
        return 0;
    }
    if (row) {
        blas_int tmp = *m;
        *m = *n;
        *n = tmp;
    }
    blas_int info = sb_l3s_tr_check(*s, *u, *t, *d, *m, *n, lda, ldb);
    if (info) {
        sb_cblas_xerbla(info + 1, name, row);
        return 0;
    }
    return 1;
}
#endif
