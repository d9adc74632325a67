/* The packed triangular-solve kernel on one register tile (BLIS's gemmtrsm), as a body included by
 * a templated source that defines SB_TRSM_UKR_NAME (the function's name), SB_TRSM_UKR_MR,
 * SB_TRSM_UKR_NR and SB_TRSM_GEMM_UKR (the gemm microkernel of the same register block) first.
 * Included by generic/trsm_ukr.c and by avx2/trsm_ukr_avx2.c, which gives the two column operations
 * (SB_TRSM_COL_AXPY, SB_TRSM_COL_DIV) as AVX2/FMA intrinsics.
 *
 * Contract (see kernels.h): the tile works in place in x (MR x NR, column-major, ld MR):
 *   x := alpha*C - a*b          (C(i,j) at c[i*rs + j*cs] for i < m, j < n; zeros elsewhere)
 *   then the columns j < n, in solve order (ascending if upper, else descending):
 *   x(:,j) := (x(:,j) - sum over the solved columns l, in the order they were solved, of
 *              x(:,l)*d[l + j*NR]) / d[j + j*NR]          (no division if unit)
 *   and the m x n part is stored back into C. All MR rows are computed whatever m is, with loops of
 *   fixed length, so every element gets the same arithmetic wherever it sits in the tile. */
#include "kernels/kernels.h"

#include <string.h>

/* The two column operations (a source may define its own vector versions first):
 *   SB_TRSM_COL_AXPY(y, x, f): y(i) -= x(i)*f, SB_TRSM_COL_DIV(y, f): y(i) = y(i)/f, for i < MR
 *   (or y(i)*(1/f), decided from f alone, see kernels.h);
 * and optionally SB_TRSM_SOLVE_FULL(t, d, upper, unit): the substitution below for n == NR, with the
 * very same operations in the same order (so the same bits), but on registers; and
 * SB_TRSM_TILE_FROM_ROWS(t, c, rs) / SB_TRSM_TILE_TO_ROWS(c, t, rs): the whole transposed tile's
 * copies (cs == 1, m == MR, n == NR) below, in vector code. */
#ifndef SB_TRSM_COL_AXPY
static inline void trsm_col_axpy(sb_t *restrict y, const sb_t *restrict x, sb_t f)
{
    for (int i = 0; i < SB_TRSM_UKR_MR; i++) y[i] -= x[i] * f;
}
static inline void trsm_col_div(sb_t *restrict y, sb_t f)
{
    for (int i = 0; i < SB_TRSM_UKR_MR; i++) y[i] = y[i] / f;
}
#define SB_TRSM_COL_AXPY trsm_col_axpy
#define SB_TRSM_COL_DIV trsm_col_div
#endif

void SB_TRSM_UKR_NAME(blas_int k, sb_t alpha, const sb_t *a, const sb_t *b, const sb_t *d, int upper, int unit,
                      sb_t *c, blas_int rs, blas_int cs, blas_int m, blas_int n, sb_t *x)
{
    enum { MR = SB_TRSM_UKR_MR, NR = SB_TRSM_UKR_NR };
    sb_t *restrict t = x;
    /* C -> tile */
    if (rs == 1 && m == MR) {
        for (blas_int j = 0; j < n; j++) memcpy(t + j * MR, c + (size_t)j * cs, sizeof(sb_t) * MR);
    } else if (cs == 1 && m == MR && n == NR) { /* a whole transposed tile: fixed loops */
#ifdef SB_TRSM_TILE_FROM_ROWS
        SB_TRSM_TILE_FROM_ROWS(t, c, rs);
#else
        for (int i = 0; i < MR; i++)
            for (int j = 0; j < NR; j++) t[i + j * MR] = c[(size_t)i * rs + j];
#endif
    } else {
        for (blas_int j = 0; j < n; j++) {
            for (blas_int i = 0; i < m; i++) t[i + j * MR] = c[(size_t)i * rs + (size_t)j * cs];
            for (blas_int i = m; i < MR; i++) t[i + j * MR] = 0;
        }
    }
    for (blas_int j = n; j < NR; j++)
        for (int i = 0; i < MR; i++) t[i + j * MR] = 0;
    /* alpha*C - (solved part)*(coupling rows) */
    if (k > 0) {
        SB_TRSM_GEMM_UKR(k, -1, a, b, alpha, t, MR, MR, NR);
    } else if (alpha != 1) {
        for (int q = 0; q < MR * NR; q++) t[q] = alpha * t[q];
    }
    /* substitution along the columns: whole columns of MR entries at a time */
#ifdef SB_TRSM_SOLVE_FULL
    if (n == NR) {
        SB_TRSM_SOLVE_FULL(t, d, upper, unit); /* the same operations, on registers */
    } else
#endif
    for (blas_int jj = 0; jj < n; jj++) {
        blas_int j = upper ? jj : n - 1 - jj;
        sb_t *tj = t + j * MR;
        if (upper) {
            for (blas_int l = 0; l < j; l++) SB_TRSM_COL_AXPY(tj, t + l * MR, d[l + j * NR]);
        } else {
            for (blas_int l = n - 1; l > j; l--) SB_TRSM_COL_AXPY(tj, t + l * MR, d[l + j * NR]);
        }
        if (!unit) SB_TRSM_COL_DIV(tj, d[j + j * NR]);
    }
    /* tile -> C */
    if (rs == 1 && m == MR) {
        for (blas_int j = 0; j < n; j++) memcpy(c + (size_t)j * cs, t + j * MR, sizeof(sb_t) * MR);
    } else if (cs == 1 && m == MR && n == NR) {
#ifdef SB_TRSM_TILE_TO_ROWS
        SB_TRSM_TILE_TO_ROWS(c, t, rs);
#else
        for (int i = 0; i < MR; i++)
            for (int j = 0; j < NR; j++) c[(size_t)i * rs + j] = t[i + j * MR];
#endif
    } else {
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < m; i++) c[(size_t)i * rs + (size_t)j * cs] = t[i + j * MR];
    }
}
