/* The symv kernel's body (kernels.h, "symv"), shared by the kernel sets: each includes it after
 * defining its vector operations for the current real precision:
 *   VT, W (elements per vector), V_ZERO(), V_SET1(s), V_LOAD(p), V_STORE(p, v), V_FMA(a, b, c)
 *   (a*b + c), V_ADD(a, b), V_HSUM(v) (a fixed reduction of the lanes to one scalar), S_FMA(a, b, c)
 *   (the scalar a*b + c with the same rounding as V_FMA's lanes), and SYMV_KERNEL (the name);
 *   optionally MASK_T, V_MASK(r) (the first r < W lanes), V_MASKLOAD(p, k) (other lanes zero) and
 *   V_MASKSTORE(p, k, v), for the rows that do not fill a vector (else they go through scalar code),
 *   V_PIN(v) (keeps a loaded vector in a register) and SYMV_GROUP (4 or 8).
 *
 * SYMV_GROUP columns at a time (then 4, then 1): each pass over their stored off-diagonal rows
 * loads a strip of two vectors of x and of w once, adds the products a(i,c)*x(i) into vector
 * accumulators per column (the dot half; with 4 columns the strip's two halves go to two
 * accumulators, with 8 to one, for want of registers) and a(i,c)*x(c) for the columns in turn into
 * w(i) (the axpy half), so each stored element is read once for both halves. Rows that do not
 * fill a strip: one vector, then one masked vector (or scalar code). The diagonal block of the
 * group goes through scalar code. Storage: full (lda > 0) or packed (lda = 0). */
#if !SB_IS_COMPLEX

#include "kernels/generic/sym_col.h"

#ifndef V_PIN
#define V_PIN(v) ((void)0)
#endif
#ifndef SYMV_GROUP
#define SYMV_GROUP 4 /* columns per pass (4 or 8): a set with 32 vector registers takes 8 */
#endif

/* NC (1, 4 or SYMV_GROUP) columns j .. j+NC-1 of the lower (upper = 0) or upper triangle. */
static inline __attribute__((always_inline)) void symv_cols(const int NC, int upper, blas_int n, blas_int j,
                                                             const sb_t *a, blas_int lda, const sb_t *x, sb_t *w)
{
    const sb_t *col[SYMV_GROUP];
    sb_t xs[SYMV_GROUP], dsum[SYMV_GROUP];
    VT xv[SYMV_GROUP], acc0[SYMV_GROUP], acc1[SYMV_GROUP];
#pragma GCC unroll 8
    for (int c = 0; c < NC; c++) {
        col[c] = sb_sym_col(upper, n, a, lda, j + c);
        xs[c] = x[j + c];
        xv[c] = V_SET1(xs[c]);
        dsum[c] = 0;
        acc0[c] = V_ZERO();
        acc1[c] = V_ZERO();
    }
    /* the rows every column of the group stores off its diagonal block: lower below it, upper above */
    blas_int r0 = upper ? 0 : j + NC, r1 = upper ? j : n;
    blas_int i = r0;
    for (; i + 2 * W <= r1; i += 2 * W) {
        VT x0 = V_LOAD(x + i), x1 = V_LOAD(x + i + W);
        VT w0 = V_LOAD(w + i), w1 = V_LOAD(w + i + W);
#pragma GCC unroll 8
        for (int c = 0; c < NC; c++) {
            VT a0 = V_LOAD(col[c] + i), a1 = V_LOAD(col[c] + i + W);
            V_PIN(a0);
            V_PIN(a1);
            acc0[c] = V_FMA(a0, x0, acc0[c]);
            if (SYMV_GROUP > 4) acc0[c] = V_FMA(a1, x1, acc0[c]);
            else acc1[c] = V_FMA(a1, x1, acc1[c]);
            w0 = V_FMA(a0, xv[c], w0);
            w1 = V_FMA(a1, xv[c], w1);
        }
        V_STORE(w + i, w0);
        V_STORE(w + i + W, w1);
    }
    if (i + W <= r1) {
        VT x0 = V_LOAD(x + i), w0 = V_LOAD(w + i);
#pragma GCC unroll 8
        for (int c = 0; c < NC; c++) {
            VT a0 = V_LOAD(col[c] + i);
            acc0[c] = V_FMA(a0, x0, acc0[c]);
            w0 = V_FMA(a0, xv[c], w0);
        }
        V_STORE(w + i, w0);
        i += W;
    }
#ifdef V_MASK
    if (i < r1) { /* the last rows as one masked vector: lanes past r1 load as zero, are not stored */
        MASK_T k = V_MASK((int)(r1 - i));
        VT x0 = V_MASKLOAD(x + i, k), w0 = V_MASKLOAD(w + i, k);
#pragma GCC unroll 8
        for (int c = 0; c < NC; c++) {
            VT a0 = V_MASKLOAD(col[c] + i, k);
            acc1[c] = V_FMA(a0, x0, acc1[c]);
            w0 = V_FMA(a0, xv[c], w0);
        }
        V_MASKSTORE(w + i, k, w0);
        i = r1;
    }
#endif
    for (; i < r1; i++) {
        sb_t wi = w[i];
#pragma GCC unroll 8
        for (int c = 0; c < NC; c++) {
            dsum[c] = S_FMA(col[c][i], x[i], dsum[c]);
            wi = S_FMA(col[c][i], xs[c], wi);
        }
        w[i] = wi;
    }
    /* the diagonal block: element (j+r, j+c) for r > c (lower) or r < c (upper) serves both halves */
#pragma GCC unroll 8
    for (int c = 0; c < NC; c++) {
#pragma GCC unroll 8
        for (int r = 0; r < NC; r++) {
            if (upper ? r >= c : r <= c) continue;
            sb_t e = col[c][j + r];
            dsum[c] = S_FMA(e, x[j + r], dsum[c]);
            w[j + r] = S_FMA(e, xs[c], w[j + r]);
        }
    }
#pragma GCC unroll 8
    for (int c = 0; c < NC; c++) {
        sb_t s = V_HSUM(V_ADD(acc0[c], acc1[c])) + dsum[c];
        w[j + c] = S_FMA(col[c][j + c], xs[c], w[j + c]) + s;
    }
}

void SYMV_KERNEL(int upper, blas_int n, blas_int j0, blas_int j1, const sb_t *a, blas_int lda, const sb_t *x,
                 sb_t *w)
{
    blas_int j = j0;
#define SYMV_COLUMNS(UP)                                                                             \
    do {                                                                                             \
        for (; j + SYMV_GROUP <= j1; j += SYMV_GROUP) symv_cols(SYMV_GROUP, UP, n, j, a, lda, x, w); \
        if (SYMV_GROUP > 4 && j + 4 <= j1) {                                                          \
            symv_cols(4, UP, n, j, a, lda, x, w);                                                    \
            j += 4;                                                                                  \
        }                                                                                            \
        for (; j < j1; j++) symv_cols(1, UP, n, j, a, lda, x, w);                                    \
    } while (0)
    if (upper) SYMV_COLUMNS(1);
    else SYMV_COLUMNS(0);
#undef SYMV_COLUMNS
}

#endif
