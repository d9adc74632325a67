/* The vector complex gemv_n kernel's body (kernels.h, "complex gemv axpy form"), shared by the
 * avx2 and avx512 sets: each includes it after defining, for the current real precision, VT, W
 * (reals per vector), V_LOAD, V_STORE, V_FMA(a, b, c) (a*b + c, fused), MASK_T, V_MASK(r) (the
 * first r < W lanes), V_MASKLOAD(p, k), V_MASKSTORE(p, k, v), V_PAIR(re, im) (the vector re, im,
 * re, im, ...), V_SWAP_PAIRS (lanes 2k and 2k+1 exchanged), V_PIN, NC_MAX (columns per pass: 4 or
 * 8), RV_MAX (vectors of y per step: 4 or 8), CH (rows per chunk) and GEMV_NC_KERNEL (the name),
 * and avx2/complex_sse.h (alpha*x(j) as C computes it, in registers).
 * On the interleaved reals of y and of a column a, with t = alpha*x(j):
 *     y := fma(t1, a, y); y := fma(t2, swap(a), y)
 * with t1 = (tr, tr), t2 = (-ti, ti) for op(a) = a, and t1 = (tr, -tr), t2 = (ti, ti) for
 * op(a) = conj(a) (the negations are exact, so both are the contract's two FMAs per part). One
 * column at a time in increasing order for every element, in a full vector or the masked tail
 * alike, so neither the vector width nor the grouping of columns changes a bit.
 * Blocking: rows in chunks of CH (y chunk stays in cache), columns in groups of NC_MAX (then 4, then
 * 1) per pass over the chunk, RV_MAX vectors of y (then 4, 2, 1, the masked tail) held in
 * registers across the group's columns: each is a chain of dependent FMAs, and with two of them
 * (cgemv N n = 200, Xeon 6/207) the FMA latency left the kernel at half OpenBLAS's speed. */
#if SB_IS_COMPLEX

/* y's RV vectors from yr += sum over c < NC, in order, of the column reals at col[c] + i with
 * multipliers t1[c], t2[c]. Each y vector is one dependent chain of 2*NC FMAs; RV of them side by
 * side hide the FMA latency. */
SB_NO_CONTRACT_INLINE void crows(const int NC, const int RV, const sb_r *const *col, ptrdiff_t i, const VT *t1,
                                 const VT *t2, sb_r *yr)
{
    VT yv[RV_MAX];
#pragma GCC unroll 8
    for (int r = 0; r < RV; r++) yv[r] = V_LOAD(yr + i + r * W);
#pragma GCC unroll 8
    for (int c = 0; c < NC; c++)
#pragma GCC unroll 8
        for (int r = 0; r < RV; r++) {
            VT av = V_LOAD(col[c] + i + r * W);
            V_PIN(av); /* one load for both FMAs */
            yv[r] = V_FMA(t1[c], av, yv[r]);
            yv[r] = V_FMA(t2[c], V_SWAP_PAIRS(av), yv[r]);
        }
#pragma GCC unroll 8
    for (int r = 0; r < RV; r++) V_STORE(yr + i + r * W, yv[r]);
}

/* y(0:m) += sum over c < NC, in order, of the column a(:, c) with multipliers t1[c], t2[c] */
SB_NO_CONTRACT_INLINE void ccols(const int NC, blas_int m, const sb_t *a, blas_int lda, const VT *t1, const VT *t2,
                                 sb_t *y)
{
    const sb_r *col[NC_MAX];
#pragma GCC unroll 8
    for (int c = 0; c < NC; c++) col[c] = (const sb_r *)(a + (ptrdiff_t)c * lda);
    sb_r *yr = (sb_r *)y;
    const ptrdiff_t mm = 2 * (ptrdiff_t)m; /* reals */
    ptrdiff_t i = 0;
    for (; i + RV_MAX * W <= mm; i += RV_MAX * W) crows(NC, RV_MAX, col, i, t1, t2, yr);
    /* the rest in steps of halving width (each an element's same FMAs) */
    if (RV_MAX > 4 && i + 4 * W <= mm) {
        crows(NC, 4, col, i, t1, t2, yr);
        i += 4 * W;
    }
    if (RV_MAX > 2 && i + 2 * W <= mm) {
        crows(NC, 2, col, i, t1, t2, yr);
        i += 2 * W;
    }
    if (i + W <= mm) {
        crows(NC, 1, col, i, t1, t2, yr);
        i += W;
    }
    if (i < mm) {
        MASK_T k = V_MASK((int)(mm - i));
        VT y0 = V_MASKLOAD(yr + i, k);
#pragma GCC unroll 8
        for (int c = 0; c < NC; c++) {
            VT a0 = V_MASKLOAD(col[c] + i, k);
            y0 = V_FMA(t1[c], a0, y0);
            y0 = V_FMA(t2[c], V_SWAP_PAIRS(a0), y0);
        }
        V_MASKSTORE(yr + i, k, y0);
    }
}

/* the multipliers of columns j .. j + nc - 1 */
SB_NO_CONTRACT_INLINE void mults(int nc, int conja, sb_t alpha, const sb_t *x, blas_int incx, blas_int j, VT *t1,
                                 VT *t2)
{
    for (int c = 0; c < nc; c++) {
        CQ t = cq_mul(alpha, cq_load(x + (ptrdiff_t)(j + c) * incx)); /* alpha*x as C computes it */
        sb_r tr = cq_re(t), ti = cq_im(t);
        t1[c] = conja ? V_PAIR(tr, -tr) : V_PAIR(tr, tr);
        t2[c] = conja ? V_PAIR(ti, ti) : V_PAIR(-ti, ti);
    }
}

SB_NO_CONTRACT void GEMV_NC_KERNEL(int conja, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda,
                                   const sb_t *x, blas_int incx, sb_t *y)
{
    VT t1[NC_MAX], t2[NC_MAX];
    for (blas_int r0 = 0; r0 < m; r0 += CH) {
        blas_int mr = m - r0 < CH ? m - r0 : CH;
        const sb_t *ar = a + r0;
        sb_t *yr = y + r0;
        blas_int j = 0;
        for (; j + NC_MAX <= n; j += NC_MAX) {
            mults(NC_MAX, conja, alpha, x, incx, j, t1, t2);
            ccols(NC_MAX, mr, ar + (ptrdiff_t)j * lda, lda, t1, t2, yr);
        }
        if (NC_MAX > 4 && j + 4 <= n) {
            mults(4, conja, alpha, x, incx, j, t1, t2);
            ccols(4, mr, ar + (ptrdiff_t)j * lda, lda, t1, t2, yr);
            j += 4;
        }
        for (; j < n; j++) {
            mults(1, conja, alpha, x, incx, j, t1, t2);
            ccols(1, mr, ar + (ptrdiff_t)j * lda, lda, t1, t2, yr);
        }
    }
}

#endif
