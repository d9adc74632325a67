/* The vector gemv_n kernel's body (kernels.h, "gemv axpy form"), shared by the avx2 and avx512
 * sets: each includes it after defining, for the current real precision, VT, W (elements per
 * vector), V_LOAD, V_STORE, V_SET1, V_FMA(a, b, c) (a*b + c, fused), MASK_T, V_MASK(r) (the first
 * r < W lanes), V_MASKLOAD(p, k), V_MASKSTORE(p, k, v), CH (rows per chunk) and GEMV_N_KERNEL
 * (the name). Every y element gets one FMA per column in increasing column order, in a full
 * vector or in the masked tail alike, so the vector width never changes a bit.
 * Blocking: rows in chunks of CH (y chunk stays in cache), columns in groups of 8 (then 4, then 1)
 * per pass over the chunk, rows in steps of 4 vectors with y held in registers across the
 * group's columns. */
#if !SB_IS_COMPLEX

/* y(0:m) += sum over c < NC, in order, of t[c] * a(:, c), each a fused multiply-add */
static inline __attribute__((always_inline)) void cols(const int NC, blas_int m, const sb_t *a, blas_int lda,
                                                        const sb_t *t, sb_t *y)
{
    VT tv[8];
    const sb_t *col[8];
#pragma GCC unroll 8
    for (int c = 0; c < NC; c++) {
        tv[c] = V_SET1(t[c]);
        col[c] = a + (ptrdiff_t)c * lda;
    }
    blas_int i = 0;
    for (; i + 4 * W <= m; i += 4 * W) {
        VT y0 = V_LOAD(y + i), y1 = V_LOAD(y + i + W), y2 = V_LOAD(y + i + 2 * W), y3 = V_LOAD(y + i + 3 * W);
#pragma GCC unroll 8
        for (int c = 0; c < NC; c++) {
            y0 = V_FMA(V_LOAD(col[c] + i), tv[c], y0);
            y1 = V_FMA(V_LOAD(col[c] + i + W), tv[c], y1);
            y2 = V_FMA(V_LOAD(col[c] + i + 2 * W), tv[c], y2);
            y3 = V_FMA(V_LOAD(col[c] + i + 3 * W), tv[c], y3);
        }
        V_STORE(y + i, y0);
        V_STORE(y + i + W, y1);
        V_STORE(y + i + 2 * W, y2);
        V_STORE(y + i + 3 * W, y3);
    }
    for (; i + W <= m; i += W) {
        VT y0 = V_LOAD(y + i);
#pragma GCC unroll 8
        for (int c = 0; c < NC; c++) y0 = V_FMA(V_LOAD(col[c] + i), tv[c], y0);
        V_STORE(y + i, y0);
    }
    if (i < m) {
        MASK_T k = V_MASK((int)(m - i));
        VT y0 = V_MASKLOAD(y + i, k);
#pragma GCC unroll 8
        for (int c = 0; c < NC; c++) y0 = V_FMA(V_MASKLOAD(col[c] + i, k), tv[c], y0);
        V_MASKSTORE(y + i, k, y0);
    }
}

void GEMV_N_KERNEL(blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                   blas_int incx, sb_t *y)
{
    for (blas_int r0 = 0; r0 < m; r0 += CH) {
        blas_int mr = m - r0 < CH ? m - r0 : CH;
        const sb_t *ar = a + r0;
        sb_t *yr = y + r0;
        blas_int j = 0;
        sb_t t[8];
        for (; j + 8 <= n; j += 8) {
#pragma GCC unroll 8
            for (int c = 0; c < 8; c++) t[c] = alpha * x[(ptrdiff_t)(j + c) * incx];
            cols(8, mr, ar + (ptrdiff_t)j * lda, lda, t, yr);
        }
        if (j + 4 <= n) {
#pragma GCC unroll 4
            for (int c = 0; c < 4; c++) t[c] = alpha * x[(ptrdiff_t)(j + c) * incx];
            cols(4, mr, ar + (ptrdiff_t)j * lda, lda, t, yr);
            j += 4;
        }
        for (; j < n; j++) {
            t[0] = alpha * x[(ptrdiff_t)j * incx];
            cols(1, mr, ar + (ptrdiff_t)j * lda, lda, t, yr);
        }
    }
}

#endif
