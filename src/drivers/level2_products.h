/* Level-2 matrix-vector product drivers (templated): gemv, gbmv, symv/hemv, sbmv/hbmv,
 * spmv/hpmv, trmv, tbmv, tpmv. Arguments are already checked and the quick returns taken.
 *
 * Vector convention (differs from level1.h): x and y point at LOGICAL element 0, so element i
 * is x[i * incx] for any sign of incx (for a negative increment that is the highest address;
 * the interface converts with sb_l2p_first()). This makes every driver callable on a sub-block:
 * gemv rows [r0, r1) of an op = N product are (m = r1 - r0, a + r0, y + r0 * incy); columns
 * [c0, c1) of an op = T/C product are (n = c1 - c0, a + c0 * lda, y + c0 * incy). The value of
 * every y element does not depend on such a split (fixed summation order per element).
 *
 * The internal helpers below are static inline and forced inline with constant flags, so the
 * one generic loop per family compiles to specialised loops in each driver file. */
#ifndef SB_DRIVERS_LEVEL2_PRODUCTS_H
#define SB_DRIVERS_LEVEL2_PRODUCTS_H

#include "common/blas.h"
#include "common/precision.h"
#include "kernels/kernels.h"

/* op(A): N = A, T = A^T, C = A^H, R = conj(A) (no transpose; row-major CBLAS ConjTrans). For
 * real types C behaves as T and R as N. */
enum { SB_OP_N = 0, SB_OP_T = 1, SB_OP_C = 2, SB_OP_R = 3 };

/* Symmetric/hermitian modes of the symv family. The stored triangle gives element a at (i, j);
 * the mirrored element (j, i) is:  SYM: a;  HERM: conj(a) (the BLAS hemv);  HERM_T: the
 * transpose of the hermitian matrix, i.e. conj(a) at (i, j) and a at (j, i) (row-major CBLAS).
 * HERM and HERM_T use only the real part of the diagonal, as the reference does. */
enum { SB_SYM = 0, SB_HERM = 1, SB_HERM_T = 2 };

/* Storage kinds shared by the symmetric and triangular families. */
enum { SB_L2P_FULL = 0, SB_L2P_BAND = 1, SB_L2P_PACKED = 2 };

/* Pointer to logical element 0 of an n-vector given as BLAS passes it. */
static inline ptrdiff_t sb_l2p_first(blas_int n, blas_int inc) { return inc < 0 ? (ptrdiff_t)(1 - n) * inc : 0; }

#define SB_L2P_STR_(x) #x
#define SB_L2P_STR(x) SB_L2P_STR_(x)
/* "cblas_dgemv" etc. */
#define SB_L2P_CBLAS_NAME(x) "cblas_" SB_L2P_STR(SB_P) #x

/* y := beta * y on n logical elements (beta = 1: nothing; beta = 0: zeros, y not read). */
void SB_NAME(l2p_scal_y)(blas_int n, sb_t beta, sb_t *y, blas_int incy);

/* y := alpha*op(A)*x + beta*y, A m x n (op N/R: y has m elements, x n; T/C: the reverse). */
void SB_NAME(gemv)(int op, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                   blas_int incx, sb_t beta, sb_t *y, blas_int incy);
/* The same on np threads as the caller decided (np <= 1: on the calling thread), split as gemv
 * splits (so with gemv's bits): for a caller that knows a run of products is coming, as trsv's
 * strips, which gemv alone would weigh one at a time. */
void SB_NAME(gemv_on)(int np, int op, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda,
                      const sb_t *x, blas_int incx, sb_t beta, sb_t *y, blas_int incy);
/* y := alpha*op(A)*x + y for op N or R (y has m elements), skipping the columns whose x element
 * is zero, as the reference's column sweeps of trmv and trsv skip them (an Inf or NaN in such a
 * column then never reaches y). The runs of columns in between are gemv calls; a y element gets
 * one update per column kept, in increasing column order, so the bits are those of one gemv
 * over the kept columns. */
void SB_NAME(gemv_n_nonzero_cols)(int op, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda,
                                  const sb_t *x, blas_int incx, sb_t *y, blas_int incy);
/* The same on np threads (gemv_on) */
void SB_NAME(gemv_n_nonzero_cols_on)(int np, int op, blas_int m, blas_int n, sb_t alpha, const sb_t *a,
                                     blas_int lda, const sb_t *x, blas_int incx, sb_t *y, blas_int incy);
/* The same with A an m x n band matrix with kl sub- and ku super-diagonals (BLAS band storage). */
void SB_NAME(gbmv)(int op, blas_int m, blas_int n, blas_int kl, blas_int ku, sb_t alpha, const sb_t *a,
                   blas_int lda, const sb_t *x, blas_int incx, sb_t beta, sb_t *y, blas_int incy);
/* y := alpha*A*x + beta*y, A n x n symmetric/hermitian (mode) from its upper or lower triangle:
 * full (symv), band with k off-diagonals (sbmv), packed (spmv). */
void SB_NAME(symv)(int upper, int mode, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                   blas_int incx, sb_t beta, sb_t *y, blas_int incy);
void SB_NAME(sbmv)(int upper, int mode, blas_int n, blas_int k, sb_t alpha, const sb_t *a, blas_int lda,
                   const sb_t *x, blas_int incx, sb_t beta, sb_t *y, blas_int incy);
void SB_NAME(spmv)(int upper, int mode, blas_int n, sb_t alpha, const sb_t *ap, const sb_t *x, blas_int incx,
                   sb_t beta, sb_t *y, blas_int incy);
/* symv/spmv (any mode) on the kernel table's symv or hemv kernel (symv.c): alpha != 0, n > 0;
 * lda = 0 for packed storage. Returns 0 (and does nothing) when no workspace could be had. */
int SB_NAME(symv_blocked)(int upper, int mode, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                          blas_int incx, sb_t beta, sb_t *y, blas_int incy);
/* x := op(A)*x, A n x n triangular (unit: diagonal taken as 1, not read). */
void SB_NAME(trmv)(int upper, int op, int unit, blas_int n, const sb_t *a, blas_int lda, sb_t *x, blas_int incx);
void SB_NAME(tbmv)(int upper, int op, int unit, blas_int n, blas_int k, const sb_t *a, blas_int lda, sb_t *x,
                   blas_int incx);
void SB_NAME(tpmv)(int upper, int op, int unit, blas_int n, const sb_t *ap, sb_t *x, blas_int incx);

/* ---------------------------------------------------------------------------------------------
 * Shared inner loops (for the driver files only). */
#define SB_L2P_INLINE static inline __attribute__((always_inline))

/* y[i*incy] += t * op(a[i]) for i < cnt, op = conj when cj. */
SB_L2P_INLINE void sb_l2p_axpy(blas_int cnt, sb_t t, const sb_t *restrict a, int cj, sb_t *restrict y,
                               blas_int incy)
{
#if SB_IS_COMPLEX
    if (cj) {
        if (incy == 1)
            for (blas_int i = 0; i < cnt; i++) y[i] += t * sb_conj(a[i]);
        else
            for (blas_int i = 0; i < cnt; i++) y[(ptrdiff_t)i * incy] += t * sb_conj(a[i]);
        return;
    }
#endif
    (void)cj;
    if (incy == 1)
        for (blas_int i = 0; i < cnt; i++) y[i] += t * a[i];
    else
        for (blas_int i = 0; i < cnt; i++) y[(ptrdiff_t)i * incy] += t * a[i];
}

/* sum of op(a[i]) * x[i*incx] for i < cnt, in increasing i. */
SB_L2P_INLINE sb_t sb_l2p_dot(blas_int cnt, const sb_t *restrict a, int cj, const sb_t *restrict x, blas_int incx)
{
    sb_t s = 0;
#if SB_IS_COMPLEX
    if (cj) {
        if (incx == 1)
            for (blas_int i = 0; i < cnt; i++) s += sb_conj(a[i]) * x[i];
        else
            for (blas_int i = 0; i < cnt; i++) s += sb_conj(a[i]) * x[(ptrdiff_t)i * incx];
        return s;
    }
#endif
    (void)cj;
    if (incx == 1)
        for (blas_int i = 0; i < cnt; i++) s += a[i] * x[i];
    else
        for (blas_int i = 0; i < cnt; i++) s += a[i] * x[(ptrdiff_t)i * incx];
    return s;
}

/* Column j of a triangle in one of the three storages: the diagonal element and the stored
 * off-diagonal elements of that column, rows r0 .. r0+cnt-1, contiguous from off. */
typedef struct {
    const sb_t *diag, *off;
    blas_int r0, cnt;
} sb_l2p_col;

SB_L2P_INLINE sb_l2p_col sb_l2p_locate(int kind, int upper, blas_int n, blas_int k, const sb_t *a, blas_int lda,
                                       blas_int j)
{
    sb_l2p_col c;
    const sb_t *col;
    if (kind == SB_L2P_PACKED) {
        if (upper) col = a + (ptrdiff_t)j * (j + 1) / 2;
        else col = a + ((ptrdiff_t)j * (2 * (ptrdiff_t)n - j + 1)) / 2;
    } else {
        col = a + (ptrdiff_t)j * lda;
    }
    if (kind == SB_L2P_BAND) {
        if (upper) {
            c.r0 = j > k ? j - k : 0;
            c.cnt = j - c.r0;
            c.off = col + k - j + c.r0;
            c.diag = col + k;
        } else {
            c.r0 = j + 1;
            c.cnt = (n - 1 - j < k ? n - 1 - j : k);
            c.off = col + 1;
            c.diag = col;
        }
    } else if (kind == SB_L2P_PACKED) {
        if (upper) {
            c.r0 = 0; c.cnt = j; c.off = col; c.diag = col + j;
        } else {
            c.r0 = j + 1; c.cnt = n - 1 - j; c.off = col + 1; c.diag = col;
        }
    } else {
        if (upper) {
            c.r0 = 0; c.cnt = j; c.off = col; c.diag = col + j;
        } else {
            c.r0 = j + 1; c.cnt = n - 1 - j; c.off = col + j + 1; c.diag = col + j;
        }
    }
    return c;
}

/* y := beta*y + alpha*A*x for the symmetric/hermitian families. */
SB_L2P_INLINE void sb_l2p_sym_generic(int kind, int upper, int mode, blas_int n, blas_int k, sb_t alpha,
                                      const sb_t *a, blas_int lda, const sb_t *x, blas_int incx, sb_t beta, sb_t *y,
                                      blas_int incy)
{
    SB_NAME(l2p_scal_y)(n, beta, y, incy);
    if (alpha == 0) return;
    /* stored element a(i,j) multiplies x(j) into y(i) as op_s(a) and x(i) into y(j) as op_m(a) */
    const int cj_s = mode == SB_HERM_T, cj_m = mode == SB_HERM;
    for (blas_int j = 0; j < n; j++) {
        sb_l2p_col c = sb_l2p_locate(kind, upper, n, k, a, lda, j);
        sb_t t1 = alpha * x[(ptrdiff_t)j * incx];
        sb_l2p_axpy(c.cnt, t1, c.off, cj_s, y + (ptrdiff_t)c.r0 * incy, incy);
        sb_t t2 = sb_l2p_dot(c.cnt, c.off, cj_m, x + (ptrdiff_t)c.r0 * incx, incx);
        sb_t d = mode == SB_SYM ? *c.diag : (sb_t)sb_creal(*c.diag);
        y[(ptrdiff_t)j * incy] += t1 * d + alpha * t2;
    }
}

/* x := op(A)*x for the triangular families. The N/R forms skip column j when x(j) = 0 (its
 * diagonal included), as the reference does; the T/C forms do not. With x unit stride the columns
 * go through the kernel table's axpy (the same arithmetic as the loop: a rounded product, then a
 * rounded sum) and dot (its own order of summation); this file is compiled for the baseline ISA,
 * where the loops ran dtpmv at 0.5-0.8x OpenBLAS's speed (n = 4000, one thread, EPYC Zen 3). */
SB_L2P_INLINE void sb_l2p_tri_generic(int kind, int upper, int op, int unit, blas_int n, blas_int k,
                                      const sb_t *a, blas_int lda, sb_t *x, blas_int incx)
{
    const int cj = op == SB_OP_C || op == SB_OP_R;
    if (op == SB_OP_N || op == SB_OP_R) {
        const SB_CAT3(sb_, SB_P, _axpy_fn) axpy = incx == 1 && !cj ? SB_NAME(axpy_kernel)() : NULL;
        /* upper: column j updates rows < j, so go forward; lower: backward */
        for (blas_int jj = 0; jj < n; jj++) {
            blas_int j = upper ? jj : n - 1 - jj;
            sb_t xj = x[(ptrdiff_t)j * incx];
            if (xj == 0) continue;
            sb_l2p_col c = sb_l2p_locate(kind, upper, n, k, a, lda, j);
            if (axpy) axpy(c.cnt, xj, c.off, x + c.r0);
            else sb_l2p_axpy(c.cnt, xj, c.off, cj, x + (ptrdiff_t)c.r0 * incx, incx);
            if (!unit) x[(ptrdiff_t)j * incx] = xj * sb_conj_if(cj, *c.diag);
        }
    } else {
        const SB_CAT3(sb_, SB_P, _dot_fn) dot = incx == 1 ? SB_NAME(dot_kernel)() : NULL;
        /* x(j) := op(diag)*x(j) + sum of op(a(i,j))*x(i) over the column's rows; those rows
         * must still hold the old x: upper (rows < j) go backward, lower forward. */
        for (blas_int jj = 0; jj < n; jj++) {
            blas_int j = upper ? n - 1 - jj : jj;
            sb_l2p_col c = sb_l2p_locate(kind, upper, n, k, a, lda, j);
            sb_t t = x[(ptrdiff_t)j * incx];
            if (!unit) t *= sb_conj_if(cj, *c.diag);
            if (dot && c.cnt > 0) t += dot(c.cnt, c.off, x + c.r0, cj);
            else t += sb_l2p_dot(c.cnt, c.off, cj, x + (ptrdiff_t)c.r0 * incx, incx);
            x[(ptrdiff_t)j * incx] = t;
        }
    }
}

#endif
