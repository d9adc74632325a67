/* The complex hemv kernel's body (kernels.h, "hemv"), shared by the kernel sets: each includes it
 * after defining its vector operations on the current precision's reals (a complex number is two
 * adjacent lanes, real part first):
 *   VT, W (reals per vector, even), V_ZERO(), V_SET1(s), V_LOAD(p), V_STORE(p, v), V_FMA(a, b, c)
 *   (a*b + c), V_HSUM(v) (a fixed reduction of the lanes), V_PAIR(re, im) (re, im, re, im, ...),
 *   V_SWAP_PAIRS(v) (lanes 2k and 2k+1 exchanged), MASK_T, V_MASK(r) (the first r < W lanes),
 *   V_MASKLOAD(p, k) (other lanes zero), V_MASKSTORE(p, k, v), S_FMA(a, b, c) (the scalar a*b + c
 *   with the rounding of V_FMA's lanes), HEMV_KERNEL (the name); optionally V_PIN(v) and
 *   HEMV_GROUP (columns per pass, 4 or 8).
 *
 * HEMV_GROUP columns at a time (then 4, then 1), one vector of reals per step over their stored
 * off-diagonal rows, with x(c) = (xr, xi) of column c and a the column's vector:
 *   dot half   A(c) := fma(a, x, A(c)),  B(c) := fma(a, swap(x), B(c))    (x of the step's rows)
 *   axpy half  w := fma(a, (xr, xr), w), u := fma(a, (xi, xi), u)         (columns in order)
 * then w := fma(swap(u), (-1, 1), w), one store of w per step. At the end of the column the dot
 * half is the lane sums of A and B with signs: hermitian (conj on the mirrored half) real part
 * sum(A), imaginary part sum(B * (1, -1)); complex symmetric sum(A * (1, -1)), sum(B) (the
 * products by +-1 are exact). The last rows that do not fill a vector go through a masked vector.
 * The group's diagonal block goes through scalar code, and each diagonal element adds d*x(c)
 * (hermitian: d its real part, a real times a complex) and the column's sum. Each stored element is read once
 * for both halves. Storage: full (lda > 0) or packed (lda = 0). */
#if SB_IS_COMPLEX

#include "kernels/generic/sym_col.h"

#ifndef V_PIN
#define V_PIN(v) ((void)0)
#endif
#ifndef HEMV_GROUP
#define HEMV_GROUP 4
#endif

/* (cr, ci) += (ar, ai) * (br, bi), two scalar FMAs per part */
static inline __attribute__((always_inline)) void hemv_cfma(sb_r ar, sb_r ai, sb_r br, sb_r bi, sb_r *cr, sb_r *ci)
{
    *cr = S_FMA(-ai, bi, S_FMA(ar, br, *cr));
    *ci = S_FMA(ai, br, S_FMA(ar, bi, *ci));
}

/* one step of NC columns over the reals [i, i + W) of x and w: a full vector, or the first k lanes */
#define HEMV_STEP(LOAD, STORE)                                                                         \
    do {                                                                                               \
        VT x0 = LOAD(xv + i), xs = V_SWAP_PAIRS(x0), w0 = LOAD(wv + i), u0 = V_ZERO();                \
        _Pragma("GCC unroll 8") for (int c = 0; c < NC; c++)                                         \
        {                                                                                              \
            VT a0 = LOAD(col[c] + i);                                                                  \
            V_PIN(a0);                                                                                 \
            accA[c] = V_FMA(a0, x0, accA[c]);                                                          \
            accB[c] = V_FMA(a0, xs, accB[c]);                                                          \
            w0 = V_FMA(a0, xre[c], w0);                                                                \
            u0 = V_FMA(a0, xim[c], u0);                                                                \
        }                                                                                              \
        STORE(wv + i, V_FMA(V_SWAP_PAIRS(u0), alt, w0));                                               \
    } while (0)

/* NC (1, 4 or HEMV_GROUP) columns j .. j+NC-1; herm and upper constant in each instance */
static inline __attribute__((always_inline)) void hemv_cols(const int NC, int herm, int upper, blas_int n, blas_int j,
                                                             const sb_t *a, blas_int lda, const sb_t *x, sb_t *w)
{
    const sb_r *col[HEMV_GROUP];
    sb_r xr[HEMV_GROUP], xi[HEMV_GROUP], dr[HEMV_GROUP], di[HEMV_GROUP];
    VT xre[HEMV_GROUP], xim[HEMV_GROUP], accA[HEMV_GROUP], accB[HEMV_GROUP];
#pragma GCC unroll 8
    for (int c = 0; c < NC; c++) {
        col[c] = (const sb_r *)sb_sym_col(upper, n, a, lda, j + c);
        xr[c] = sb_creal(x[j + c]);
        xi[c] = sb_cimag(x[j + c]);
        xre[c] = V_SET1(xr[c]);
        xim[c] = V_SET1(xi[c]);
        accA[c] = V_ZERO();
        accB[c] = V_ZERO();
        dr[c] = 0;
        di[c] = 0;
    }
    const VT alt = V_PAIR(-1, 1);
    const sb_r *xv = (const sb_r *)x;
    sb_r *wv = (sb_r *)w;
    /* the reals of the rows every column of the group stores off its diagonal block */
    ptrdiff_t i = 2 * (ptrdiff_t)(upper ? 0 : j + NC), end = 2 * (ptrdiff_t)(upper ? j : n);
    for (; i + W <= end; i += W) HEMV_STEP(V_LOAD, V_STORE);
    if (i < end) {
        MASK_T k = V_MASK((int)(end - i));
#define HEMV_MLOAD(p) V_MASKLOAD((p), k)
#define HEMV_MSTORE(p, v) V_MASKSTORE((p), k, (v))
        HEMV_STEP(HEMV_MLOAD, HEMV_MSTORE);
#undef HEMV_MLOAD
#undef HEMV_MSTORE
    }
    /* the diagonal block: element e = (j+r, j+c) stored (r > c lower, r < c upper) serves both halves */
#pragma GCC unroll 8
    for (int c = 0; c < NC; c++) {
#pragma GCC unroll 8
        for (int r = 0; r < NC; r++) {
            if (upper ? r >= c : r <= c) continue;
            const sb_r *e = col[c] + 2 * (j + r);
            sb_r *wr = wv + 2 * (j + r);
            hemv_cfma(e[0], herm ? -e[1] : e[1], xr[r], xi[r], &dr[c], &di[c]);
            hemv_cfma(e[0], e[1], xr[c], xi[c], &wr[0], &wr[1]);
        }
    }
    const VT sgnA = herm ? V_PAIR(1, 1) : V_PAIR(1, -1), sgnB = herm ? V_PAIR(1, -1) : V_PAIR(1, 1);
#pragma GCC unroll 8
    for (int c = 0; c < NC; c++) {
        sb_r sr = V_HSUM(V_FMA(accA[c], sgnA, V_ZERO())) + dr[c];
        sb_r si = V_HSUM(V_FMA(accB[c], sgnB, V_ZERO())) + di[c];
        const sb_r *d = col[c] + 2 * (j + c);
        sb_r *wd = wv + 2 * (j + c);
        sb_r tr = wd[0], ti = wd[1];
        if (herm) { /* the real diagonal times x(c), no product with its imaginary part */
            tr = S_FMA(d[0], xr[c], tr);
            ti = S_FMA(d[0], xi[c], ti);
        } else {
            hemv_cfma(d[0], d[1], xr[c], xi[c], &tr, &ti);
        }
        wd[0] = tr + sr;
        wd[1] = ti + si;
    }
}
#undef HEMV_STEP

void HEMV_KERNEL(int herm, int upper, blas_int n, blas_int j0, blas_int j1, const sb_t *a, blas_int lda,
                 const sb_t *x, sb_t *w)
{
    blas_int j = j0;
#define HEMV_COLUMNS(HERM, UP)                                                                       \
    do {                                                                                             \
        for (; j + HEMV_GROUP <= j1; j += HEMV_GROUP) hemv_cols(HEMV_GROUP, HERM, UP, n, j, a, lda, x, w); \
        if (HEMV_GROUP > 4 && j + 4 <= j1) {                                                          \
            hemv_cols(4, HERM, UP, n, j, a, lda, x, w);                                              \
            j += 4;                                                                                  \
        }                                                                                            \
        for (; j < j1; j++) hemv_cols(1, HERM, UP, n, j, a, lda, x, w);                              \
    } while (0)
    if (herm && upper) HEMV_COLUMNS(1, 1);
    else if (herm) HEMV_COLUMNS(1, 0);
    else if (upper) HEMV_COLUMNS(0, 1);
    else HEMV_COLUMNS(0, 0);
#undef HEMV_COLUMNS
}

#endif
