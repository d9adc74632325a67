/* y := alpha*op(A)*x + beta*y (gemv), and the y := beta*y step every product driver shares.
 *
 * op = N/R: column (axpy) form, four columns per pass over y, so y streams through the cache a
 * quarter as often; unit-stride y is processed in fixed blocks of 4 rows the compiler turns into
 * vector code. op = T/C: dot form, one column at a time with a fixed summation scheme (see
 * gemv_dot), so every y(j) is the same whichever way the columns are split. Both forms give
 * bit-identical results on any row (N) or column (T) sub-block, which a threaded split relies on. */
#include "drivers/level2_products.h"

void SB_NAME(l2p_scal_y)(blas_int n, sb_t beta, sb_t *y, blas_int incy)
{
    if (beta == 1) return;
    if (beta == 0) {
        if (incy == 1)
            for (blas_int i = 0; i < n; i++) y[i] = 0;
        else
            for (blas_int i = 0; i < n; i++) y[(ptrdiff_t)i * incy] = 0;
    } else {
        if (incy == 1)
            for (blas_int i = 0; i < n; i++) y[i] = beta * y[i];
        else
            for (blas_int i = 0; i < n; i++) y[(ptrdiff_t)i * incy] = beta * y[(ptrdiff_t)i * incy];
    }
}

/* y(0:m) += t0*op(a0) + t1*op(a1) + t2*op(a2) + t3*op(a3) */
SB_L2P_INLINE void gemv_n4(blas_int m, const sb_t *restrict a0, const sb_t *restrict a1, const sb_t *restrict a2,
                           const sb_t *restrict a3, sb_t t0, sb_t t1, sb_t t2, sb_t t3, int cj, sb_t *restrict y,
                           blas_int incy)
{
#define SB_OPA(p, i) sb_conj_if(cj, (p)[i])
#define SB_TERM(i) (t0 * SB_OPA(a0, i) + t1 * SB_OPA(a1, i) + t2 * SB_OPA(a2, i) + t3 * SB_OPA(a3, i))
    if (incy == 1) {
        blas_int i = 0;
        for (; i + 4 <= m; i += 4)
            for (int r = 0; r < 4; r++) y[i + r] += SB_TERM(i + r);
        for (; i < m; i++) y[i] += SB_TERM(i);
    } else {
        for (blas_int i = 0; i < m; i++) y[(ptrdiff_t)i * incy] += SB_TERM(i);
    }
#undef SB_TERM
#undef SB_OPA
}

SB_L2P_INLINE void gemv_n(blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                          blas_int incx, sb_t *y, blas_int incy, int cj)
{
    blas_int j = 0;
    for (; j + 4 <= n; j += 4) {
        const sb_t *a0 = a + (ptrdiff_t)j * lda;
        const sb_t *xj = x + (ptrdiff_t)j * incx;
        gemv_n4(m, a0, a0 + lda, a0 + 2 * (ptrdiff_t)lda, a0 + 3 * (ptrdiff_t)lda, alpha * xj[0], alpha * xj[incx],
                alpha * xj[2 * (ptrdiff_t)incx], alpha * xj[3 * (ptrdiff_t)incx], cj, y, incy);
    }
    for (; j < n; j++) sb_l2p_axpy(m, alpha * x[(ptrdiff_t)j * incx], a + (ptrdiff_t)j * lda, cj, y, incy);
}

/* sum of op(a[i]) * x[i*incx], i < m: four partial sums over rows i = r (mod 4) in blocks of 4
 * rows (the compiler vectorises the block), combined as (s0 + s1) + (s2 + s3), then the tail in
 * order. The same scheme for every column, so a column's result never depends on its neighbours. */
SB_L2P_INLINE sb_t gemv_dot(blas_int m, const sb_t *restrict a, int cj, const sb_t *restrict x, blas_int incx)
{
    sb_t s[4] = {0, 0, 0, 0};
    blas_int i = 0;
    if (incx == 1) {
        for (; i + 4 <= m; i += 4)
            for (int r = 0; r < 4; r++) s[r] += sb_conj_if(cj, a[i + r]) * x[i + r];
    } else {
        for (; i + 4 <= m; i += 4)
            for (int r = 0; r < 4; r++) s[r] += sb_conj_if(cj, a[i + r]) * x[(ptrdiff_t)(i + r) * incx];
    }
    sb_t t = (s[0] + s[1]) + (s[2] + s[3]);
    for (; i < m; i++) t += sb_conj_if(cj, a[i]) * x[(ptrdiff_t)i * incx];
    return t;
}

SB_L2P_INLINE void gemv_t(blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                          blas_int incx, sb_t *y, blas_int incy, int cj)
{
    for (blas_int j = 0; j < n; j++) {
        sb_t s = gemv_dot(m, a + (ptrdiff_t)j * lda, cj, x, incx);
        y[(ptrdiff_t)j * incy] += alpha * s;
    }
}

void SB_NAME(gemv)(int op, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                   blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    const int notrans = op == SB_OP_N || op == SB_OP_R;
    SB_NAME(l2p_scal_y)(notrans ? m : n, beta, y, incy);
    if (alpha == 0 || m <= 0 || n <= 0) return;
#if SB_IS_COMPLEX
    if (op == SB_OP_R) { gemv_n(m, n, alpha, a, lda, x, incx, y, incy, 1); return; }
    if (op == SB_OP_C) { gemv_t(m, n, alpha, a, lda, x, incx, y, incy, 1); return; }
#endif
    if (notrans) gemv_n(m, n, alpha, a, lda, x, incx, y, incy, 0);
    else gemv_t(m, n, alpha, a, lda, x, incx, y, incy, 0);
}
