/* y := alpha*op(A)*x + beta*y (gemv), and the y := beta*y step every product driver shares.
 *
 * op = N/R: column (axpy) form. The kernel table's gemv_n kernel (real) or gemv_nc (complex, N
 * and R) (y(i) updated once per column in increasing j with the same arithmetic for every row;
 * a strided y goes through a contiguous copy in chunks of 512). Complex types in the generic set,
 * which has no gemv_nc: four columns per pass over y, unit-stride y in fixed blocks of 4 rows the
 * compiler turns into vector code. op = T/C: dot
 * form with a fixed summation scheme per column: the kernel table's gemv_t (real) or gemv_tc
 * (complex, T and C) kernel (4 columns per pass over x); complex types in the generic set, which
 * has no gemv_tc, the kernel table's dot down each column (a strided x through a contiguous copy;
 * gemv_dot without memory for it); so every y(j) is the same whichever way the columns are split.
 * Both forms give bit-identical results on any row (N) or column (T) sub-block, and large
 * products are split that way over threads (rows for N/R, columns for T/C). */
#include "drivers/level2_products.h"
#include "kernels/kernels.h"
#include "kernels/workspace.h"
#include "runtime/parallel.h"

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
    /* the kernel table's axpy-form kernel (y(i) updated once per column in increasing j, the
     * same arithmetic for every row); a strided y goes through a contiguous copy in chunks.
     * Complex: the generic set has none, the loops below serve it. */
#if SB_IS_COMPLEX
    SB_NAME(gemv_nc_fn) kc = SB_NAME(gemv_nc_kernel)();
#define GEMV_N_KERNEL(rows, ar, yr) kc(cj, (rows), n, alpha, (ar), lda, x, incx, (yr))
    if (kc) {
#else
    SB_NAME(gemv_n_fn) kn = SB_NAME(gemv_n_kernel)();
#define GEMV_N_KERNEL(rows, ar, yr) kn((rows), n, alpha, (ar), lda, x, incx, (yr))
    {
#endif
        if (incy == 1) {
            GEMV_N_KERNEL(m, a, y);
        } else {
            enum { CHUNK = 512 };
            sb_t buf[CHUNK];
            for (blas_int r0 = 0; r0 < m; r0 += CHUNK) {
                blas_int mr = SB_MIN(CHUNK, m - r0);
                sb_t *yr = y + (ptrdiff_t)r0 * incy;
                for (blas_int i = 0; i < mr; i++) buf[i] = yr[(ptrdiff_t)i * incy];
                GEMV_N_KERNEL(mr, a + r0, buf);
                for (blas_int i = 0; i < mr; i++) yr[(ptrdiff_t)i * incy] = buf[i];
            }
        }
        return;
    }
#undef GEMV_N_KERNEL
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
    /* the kernel table's dot-form kernel (4 columns per pass over x, fixed order per column);
     * complex in the generic set, which has none: the kernel table's dot down each column
     * (zgemv C n = 200 was 0.21x OpenBLAS's speed with gemv_dot, 0.7x with dot per column, 1.6x
     * with gemv_tc, one thread, Xeon 6/207). A strided x (LAPACK's bidiagonal reduction passes a row of A) goes
     * through a contiguous copy. */
#if SB_IS_COMPLEX
    const SB_NAME(gemv_tc_fn) tc = SB_NAME(gemv_tc_kernel)();
    const SB_NAME(dot_fn) dot = SB_NAME(dot_kernel)();
#define GEMV_T_KERNEL(xu)                                                                          \
    if (tc) tc(cj, m, n, alpha, a, lda, xu, y, incy);                                              \
    else                                                                                           \
        for (blas_int j = 0; j < n; j++) y[(ptrdiff_t)j * incy] += alpha * dot(m, a + (ptrdiff_t)j * lda, xu, cj)
#else
#define GEMV_T_KERNEL(xu) SB_NAME(gemv_t_kernel)()(m, n, alpha, a, lda, xu, y, incy)
#endif
    if (incx == 1) {
        GEMV_T_KERNEL(x);
        return;
    }
    int owned;
    sb_t *xc = sb_workspace_get((size_t)m * sizeof(sb_t), &owned);
    if (xc) {
        for (blas_int i = 0; i < m; i++) xc[i] = x[(ptrdiff_t)i * incx];
        GEMV_T_KERNEL(xc);
        sb_workspace_put(xc, owned);
        return;
    }
#undef GEMV_T_KERNEL
    for (blas_int j = 0; j < n; j++) {
        sb_t s = gemv_dot(m, a + (ptrdiff_t)j * lda, cj, x, incx);
        y[(ptrdiff_t)j * incy] += alpha * s;
    }
}

static void gemv_serial(int op, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
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

/* ---- parallel split: op N/R by rows (in multiples of GEMV_ROW_STEP), op T/C by columns (in
 * multiples of GEMV_COL_STEP); each part is the serial driver on its sub-block, whose y
 * elements get exactly the arithmetic they get in one serial call. */
#define GEMV_ROW_STEP 32
#define GEMV_COL_STEP 4
/* flop equivalents per flop: with the default threshold (2e6) a product goes to 2 threads at
 * m*n of about 500k (real; complex 125k), where one thread needs about 60-80 us: measured on
 * a 2-core Zen machine, 2 threads gained 1.4-2x from m = n = 1000 on and lost below ~500. */
#ifndef GEMV_W
#define GEMV_W 2.0
#endif

typedef struct {
    int op;
    blas_int m, n, lda, incx, incy, units, step;
    sb_t alpha, beta;
    const sb_t *a, *x;
    sb_t *y;
} gemv_job;

static void gemv_part(void *v, int p, int np)
{
    const gemv_job *g = v;
    blas_int u0 = (blas_int)((long long)g->units * p / np), u1 = (blas_int)((long long)g->units * (p + 1) / np);
    const int notrans = g->op == SB_OP_N || g->op == SB_OP_R;
    blas_int total = notrans ? g->m : g->n;
    blas_int lo = u0 * g->step, hi = SB_MIN(total, u1 * g->step);
    if (hi <= lo) return;
    if (notrans)
        gemv_serial(g->op, hi - lo, g->n, g->alpha, g->a + lo, g->lda, g->x, g->incx, g->beta,
                    g->y + (ptrdiff_t)lo * g->incy, g->incy);
    else
        gemv_serial(g->op, g->m, hi - lo, g->alpha, g->a + (ptrdiff_t)lo * g->lda, g->lda, g->x, g->incx, g->beta,
                    g->y + (ptrdiff_t)lo * g->incy, g->incy);
}

void SB_NAME(gemv_on)(int np, int op, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda,
                      const sb_t *x, blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    const int notrans = op == SB_OP_N || op == SB_OP_R;
    if (np > 1 && alpha != 0 && m > 0 && n > 0 && incy != 0) {
        blas_int step = notrans ? GEMV_ROW_STEP : GEMV_COL_STEP;
        blas_int units = ((notrans ? m : n) + step - 1) / step;
        if (units < np) np = (int)units;
        if (np > 1) {
            gemv_job g = {op, m, n, lda, incx, incy, units, step, alpha, beta, a, x, y};
            sb_parallel_run(np, gemv_part, &g);
            return;
        }
    }
    gemv_serial(op, m, n, alpha, a, lda, x, incx, beta, y, incy);
}

void SB_NAME(gemv)(int op, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                   blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    double mn = (double)m * (double)n;
    int np = 1;
    if (alpha != 0 && m > 0 && n > 0 && mn >= 4096 && incy != 0) {
        double w = GEMV_W * (SB_IS_COMPLEX ? 8.0 : 2.0) * mn;
        np = sb_threads_for(w);
        if (np <= 1) np = sb_threads_if_awake(w);
    }
    SB_NAME(gemv_on)(np, op, m, n, alpha, a, lda, x, incx, beta, y, incy);
}

void SB_NAME(gemv_n_nonzero_cols_on)(int np, int op, blas_int m, blas_int n, sb_t alpha, const sb_t *a,
                                     blas_int lda, const sb_t *x, blas_int incx, sb_t *y, blas_int incy)
{
    blas_int j = 0;
    while (j < n) {
        while (j < n && x[(ptrdiff_t)j * incx] == 0) j++;
        blas_int j0 = j;
        while (j < n && x[(ptrdiff_t)j * incx] != 0) j++;
        if (j > j0) {
            const sb_t *aj = a + (size_t)j0 * lda, *xj = x + (ptrdiff_t)j0 * incx;
            if (np > 0) SB_NAME(gemv_on)(np, op, m, j - j0, alpha, aj, lda, xj, incx, 1, y, incy);
            else SB_NAME(gemv)(op, m, j - j0, alpha, aj, lda, xj, incx, 1, y, incy);
        }
    }
}

void SB_NAME(gemv_n_nonzero_cols)(int op, blas_int m, blas_int n, sb_t alpha, const sb_t *a, blas_int lda,
                                  const sb_t *x, blas_int incx, sb_t *y, blas_int incy)
{
    SB_NAME(gemv_n_nonzero_cols_on)(0, op, m, n, alpha, a, lda, x, incx, y, incy);
}
