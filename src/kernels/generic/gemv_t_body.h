/* The vector gemv_t kernel's body (kernels.h, "gemv dot form"), shared by the avx2 and avx512
 * sets: each includes it after defining, for the current real precision, VT, W (elements per
 * vector), V_ZERO, V_LOAD, V_FMA(a, b, c) (a*b + c, fused), V_ADD, MASK_T, V_MASK(r) (the first
 * r < W lanes), V_MASKLOAD(p, k) (the other lanes zero), V_HSUM(v) (lanes reduced in a fixed
 * order), S_FMA and
 * GEMV_T_KERNEL (the name). Four columns share each load of x; every column gets the same
 * arithmetic whatever it is grouped with: two vector accumulators per column, acc0 for rows
 * [i, i+W) and acc1 for [i+W, i+2W) of each block of 2W rows, products added with FMA; then at
 * most one more full vector into acc0 and the last < W rows as a masked (zero-filled) vector
 * into acc1; the sum is V_HSUM(acc0 + acc1) and y(j) := fma(alpha, sum, y(j)). The scheme
 * depends only on m (and W: the sets may differ in the last bits). */
#if !SB_IS_COMPLEX

/* NC (1 or 4) columns from a, lda apart */
static inline __attribute__((always_inline)) void cols(const int NC, blas_int m, sb_t alpha, const sb_t *a,
                                                        blas_int lda, const sb_t *x, sb_t *y, blas_int incy)
{
    VT acc0[4], acc1[4];
    const sb_t *col[4];
#pragma GCC unroll 4
    for (int c = 0; c < NC; c++) {
        acc0[c] = V_ZERO();
        acc1[c] = V_ZERO();
        col[c] = a + (ptrdiff_t)c * lda;
    }
    blas_int i = 0;
    for (; i + 2 * W <= m; i += 2 * W) {
        VT x0 = V_LOAD(x + i), x1 = V_LOAD(x + i + W);
#pragma GCC unroll 4
        for (int c = 0; c < NC; c++) {
            acc0[c] = V_FMA(V_LOAD(col[c] + i), x0, acc0[c]);
            acc1[c] = V_FMA(V_LOAD(col[c] + i + W), x1, acc1[c]);
        }
    }
    if (i + W <= m) {
        VT x0 = V_LOAD(x + i);
#pragma GCC unroll 4
        for (int c = 0; c < NC; c++) acc0[c] = V_FMA(V_LOAD(col[c] + i), x0, acc0[c]);
        i += W;
    }
    if (i < m) {
        MASK_T k = V_MASK((int)(m - i));
        VT x1 = V_MASKLOAD(x + i, k);
#pragma GCC unroll 4
        for (int c = 0; c < NC; c++) acc1[c] = V_FMA(V_MASKLOAD(col[c] + i, k), x1, acc1[c]);
    }
#pragma GCC unroll 4
    for (int c = 0; c < NC; c++) {
        sb_t s = V_HSUM(V_ADD(acc0[c], acc1[c]));
        sb_t *yc = y + (ptrdiff_t)c * incy;
        *yc = S_FMA(alpha, s, *yc);
    }
}

void GEMV_T_KERNEL(blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x, sb_t *y,
                   blas_int incy)
{
    blas_int j = 0;
    for (; j + 4 <= n; j += 4) cols(4, m, alpha, a + (ptrdiff_t)j * lda, lda, x, y + (ptrdiff_t)j * incy, incy);
    for (; j < n; j++) cols(1, m, alpha, a + (ptrdiff_t)j * lda, lda, x, y + (ptrdiff_t)j * incy, incy);
}

#endif
