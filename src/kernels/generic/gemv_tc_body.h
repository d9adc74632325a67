/* The vector complex gemv_tc kernel's body (kernels.h, "complex gemv dot form"), shared by the
 * avx2 and avx512 sets: each includes it after defining, for the current real precision, VT, W
 * (reals per vector), V_ZERO, V_LOAD, V_FMA(a, b, c) (a*b + c, fused), V_ADD, V_SUB, MASK_T,
 * V_MASK(r) (the first r < W lanes), V_MASKLOAD(p, k) (the other lanes zero), V_SWAP_PAIRS (lanes
 * 2k and 2k+1 exchanged), V_BLEND_ODD(a, b) (the even lanes of a, the odd ones of b), C_HSUM(v)
 * (the W/2 complex lanes (re, im) of v summed by halves into a CQ, avx2/complex_sse.h), V_PIN, U (vector pairs of accumulators per column: 1 or 2) and GEMV_TC_KERNEL (the
 * name).
 * On the 2m interleaved reals of a column a and of x: P accumulates a*x lane by lane (ar*xr,
 * ai*xi) and Q accumulates a*swap(x) (ar*xi, ai*xr), with FMA. With U = 2, the pair (P0, Q0)
 * takes the reals [i, i+W) and (P1, Q1) the reals [i+W, i+2W) of each block of 2W, then at most
 * one more full vector goes to (P0, Q0); with U = 1 every full vector goes to (P0, Q0). The last
 * < W reals go as a masked (zero-filled) vector to the last pair. Then P = P0 + P1, Q = Q0 + Q1
 * (U = 2), the real lanes of the column's vector are Pe - Po (conj: Pe + Po, e and o the even and
 * odd lanes of a pair), the imaginary ones Qo + Qe (conj: Qe - Qo), its complex lanes summed by
 * halves into s, and y(j) := y(j) + alpha*s (C's product without FMA, then the add:
 * complex_sse.h). Four columns
 * share each load of x; the scheme depends only on m (and on W and U: the sets may differ in the
 * last bits), never on the grouping of the columns, so any split of the columns gives the same
 * bits. */
#if SB_IS_COMPLEX

/* NC (1 to 4) columns from a, lda apart */
SB_NO_CONTRACT_INLINE void ccols(const int NC, int conja, blas_int m, sb_t alpha, const sb_t *a, blas_int lda,
                                 const sb_t *x, sb_t *y, blas_int incy)
{
    VT p[U][4], q[U][4];
    const sb_r *col[4];
    const sb_r *xr = (const sb_r *)x;
#pragma GCC unroll 4
    for (int c = 0; c < NC; c++) {
#pragma GCC unroll 2
        for (int u = 0; u < U; u++) p[u][c] = q[u][c] = V_ZERO();
        col[c] = (const sb_r *)(a + (ptrdiff_t)c * lda);
    }
    const ptrdiff_t mm = 2 * (ptrdiff_t)m; /* reals */
    ptrdiff_t i = 0;
    for (; i + U * W <= mm; i += U * W) {
        VT xv[U], xs[U];
#pragma GCC unroll 2
        for (int u = 0; u < U; u++) {
            xv[u] = V_LOAD(xr + i + u * W);
            xs[u] = V_SWAP_PAIRS(xv[u]);
        }
#pragma GCC unroll 4
        for (int c = 0; c < NC; c++)
#pragma GCC unroll 2
            for (int u = 0; u < U; u++) {
                VT av = V_LOAD(col[c] + i + u * W);
                V_PIN(av); /* one load for both FMAs */
                p[u][c] = V_FMA(av, xv[u], p[u][c]);
                q[u][c] = V_FMA(av, xs[u], q[u][c]);
            }
    }
    if (U == 2 && i + W <= mm) {
        VT xv = V_LOAD(xr + i), xs = V_SWAP_PAIRS(xv);
#pragma GCC unroll 4
        for (int c = 0; c < NC; c++) {
            VT av = V_LOAD(col[c] + i);
            p[0][c] = V_FMA(av, xv, p[0][c]);
            q[0][c] = V_FMA(av, xs, q[0][c]);
        }
        i += W;
    }
    if (i < mm) {
        MASK_T k = V_MASK((int)(mm - i));
        VT xv = V_MASKLOAD(xr + i, k), xs = V_SWAP_PAIRS(xv);
#pragma GCC unroll 4
        for (int c = 0; c < NC; c++) {
            VT av = V_MASKLOAD(col[c] + i, k);
            p[U - 1][c] = V_FMA(av, xv, p[U - 1][c]);
            q[U - 1][c] = V_FMA(av, xs, q[U - 1][c]);
        }
    }
#pragma GCC unroll 4
    for (int c = 0; c < NC; c++) {
        VT pc = U == 2 ? V_ADD(p[0][c], p[U - 1][c]) : p[0][c];
        VT qc = U == 2 ? V_ADD(q[0][c], q[U - 1][c]) : q[0][c];
        VT v = conja ? V_BLEND_ODD(V_ADD(pc, V_SWAP_PAIRS(pc)), V_SUB(V_SWAP_PAIRS(qc), qc))
                     : V_BLEND_ODD(V_SUB(pc, V_SWAP_PAIRS(pc)), V_ADD(qc, V_SWAP_PAIRS(qc)));
        sb_t *yc = y + (ptrdiff_t)c * incy;
        cq_store(yc, cq_add(cq_load(yc), cq_mul(alpha, C_HSUM(v))));
    }
}

SB_NO_CONTRACT void GEMV_TC_KERNEL(int conja, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda,
                                   const sb_t *x, sb_t *y, blas_int incy)
{
    blas_int j = 0;
    for (; j + 4 <= n; j += 4)
        ccols(4, conja, m, alpha, a + (ptrdiff_t)j * lda, lda, x, y + (ptrdiff_t)j * incy, incy);
    /* the last 1-3 columns together too: one at a time, zgemv T with n = 2 took 1.5x OpenBLAS's time
     * (m = 2000, Xeon 6/207), and a column's sums do not depend on the grouping */
    const sb_t *ar = a + (ptrdiff_t)j * lda;
    sb_t *yr = y + (ptrdiff_t)j * incy;
    if (n - j == 3) ccols(3, conja, m, alpha, ar, lda, x, yr, incy);
    else if (n - j == 2) ccols(2, conja, m, alpha, ar, lda, x, yr, incy);
    else if (n - j == 1) ccols(1, conja, m, alpha, ar, lda, x, yr, incy);
}

#endif
