/* y := alpha*A*x + beta*y, A symmetric or hermitian (see SB_SYM/SB_HERM/SB_HERM_T), full storage,
 * and the blocked real path spmv shares (lda = 0: packed storage).
 *
 * The kernel table's symv kernel (real) or hemv kernel (complex: hermitian or complex symmetric),
 * which reads each stored element once for both halves of the product. The columns are cut into
 * a number of blocks chosen from n alone (symv_blocks), of about equal triangle area; block b
 * accumulates its share of A*x into its own zeroed buffer w_b, and then
 * y(i) += alpha * (w_0(i) + w_1(i) + ...), in block order. Threads take whole blocks, so the
 * result is the same bits at every thread count. The transposed hermitian product (SB_HERM_T,
 * row-major CBLAS) is conj(H conj(x)) with H the hermitian matrix: the kernel runs on conj(x)
 * and y(i) += alpha * conj(w_0(i) + ...). The generic loop is left for no workspace. */
#include "drivers/level2_products.h"
#include "kernels/kernels.h"
#include "kernels/workspace.h"
#include "runtime/parallel.h"

#include <math.h>

/* Columns per block at least, and at most this many blocks: n = 256 is cut in 2, 512 in 4, 1024
 * and more in 8; one block below 256. More, smaller blocks cost one thread more (each has its own
 * buffer to clear and add; with 64 columns a block n = 600 took 15% longer), fewer leave nothing
 * for a second thread where LAPACK's reductions spend their time (dsytrd at n = 1000 calls symv
 * at every n below it). */
#define SYMV_BLOCK_COLS 128
#define SYMV_MAX_BLOCKS 8
/* Flop equivalents per flop for sb_threads_for(): with the default threshold (2e6) a second thread
 * joins from n = 183 on, so from the first n with two blocks (256). The matrix is read from cache
 * in LAPACK's reductions (the trailing matrix of dsytrd), where two cores read twice as fast:
 * numpy's eigvalsh at n = 1000 on 2 threads took 90 ms with threads from n = 1000 on (weight 1)
 * and 55 ms with this weight (1 thread: 89 ms), on the 2-vCPU Xeon 6 model 207, machine quiet. */
#ifndef SYMV_W
#define SYMV_W 30.0
#endif

static int symv_blocks(blas_int n)
{
    int nb = 1;
    while (nb < SYMV_MAX_BLOCKS && (blas_int)(2 * nb) * SYMV_BLOCK_COLS <= n) nb *= 2;
    return nb;
}

/* First column of block b of nb: equal areas of the stored triangle, rounded to a multiple of 4
 * (the kernel's column group). */
static blas_int symv_block_start(int upper, blas_int n, int b, int nb)
{
    if (b <= 0) return 0;
    if (b >= nb) return n;
    double f = (double)b / nb;
    double c = upper ? n * sqrt(f) : n * (1.0 - sqrt(1.0 - f));
    blas_int j = (blas_int)c / 4 * 4;
    return j < n ? j : n;
}

typedef struct {
    int upper, herm, nb;
    blas_int n, lda;
    const sb_t *a, *x;
    sb_t *w; /* nb buffers of n */
#if SB_IS_COMPLEX
    SB_NAME(hemv_fn) kernel;
#define SYMV_KERNEL_RUN(g, j0, j1, w) (g)->kernel((g)->herm, (g)->upper, (g)->n, j0, j1, (g)->a, (g)->lda, (g)->x, w)
#else
    SB_NAME(symv_fn) kernel;
#define SYMV_KERNEL_RUN(g, j0, j1, w) (g)->kernel((g)->upper, (g)->n, j0, j1, (g)->a, (g)->lda, (g)->x, w)
#endif
} symv_job;

static void symv_part(void *v, int p, int np)
{
    const symv_job *g = v;
    for (int b = g->nb * p / np; b < g->nb * (p + 1) / np; b++) {
        sb_t *w = g->w + (ptrdiff_t)b * g->n;
        for (blas_int i = 0; i < g->n; i++) w[i] = 0;
        SYMV_KERNEL_RUN(g, symv_block_start(g->upper, g->n, b, g->nb), symv_block_start(g->upper, g->n, b + 1, g->nb),
                        w);
    }
}

int SB_NAME(symv_blocked)(int upper, int mode, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                          blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    const int nb = symv_blocks(n);
    const int conjx = SB_IS_COMPLEX && mode == SB_HERM_T;
    size_t need = ((size_t)nb + (incx != 1 || conjx)) * (size_t)n * sizeof(sb_t);
    int owned;
    sb_t *ws = sb_workspace_get(need, &owned);
    if (!ws) return 0;
    SB_NAME(l2p_scal_y)(n, beta, y, incy);
    const sb_t *xc = x;
    if (incx != 1 || conjx) { /* the kernel takes a unit-stride x */
        sb_t *xb = ws + (ptrdiff_t)nb * n;
        for (blas_int i = 0; i < n; i++) xb[i] = sb_conj_if(conjx, x[(ptrdiff_t)i * incx]);
        xc = xb;
    }
#if SB_IS_COMPLEX
    symv_job g = {upper, mode != SB_SYM, nb, n, lda, a, xc, ws, SB_NAME(hemv_kernel)()};
#else
    symv_job g = {upper, 0, nb, n, lda, a, xc, ws, SB_NAME(symv_kernel)()};
#endif
    double w = SYMV_W * (SB_IS_COMPLEX ? 8.0 : 2.0) * (double)n * (double)n;
    int np = nb > 1 ? sb_threads_for(w) : 1;
    if (nb > 1 && np <= 1) np = sb_threads_if_awake(w);
    if (np > nb) np = nb;
    if (np > 1) sb_parallel_run(np, symv_part, &g);
    else symv_part(&g, 0, 1);
    for (blas_int i = 0; i < n; i++) { /* the blocks' shares in block order */
        sb_t s = ws[i];
        for (int b = 1; b < nb; b++) s += ws[(ptrdiff_t)b * n + i];
        y[(ptrdiff_t)i * incy] += alpha * sb_conj_if(conjx, s);
    }
    sb_workspace_put(ws, owned);
    return 1;
}

void SB_NAME(symv)(int upper, int mode, blas_int n, sb_t alpha, const sb_t *a, blas_int lda, const sb_t *x,
                   blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    if (n > 0 && alpha != 0 && SB_NAME(symv_blocked)(upper, mode, n, alpha, a, lda, x, incx, beta, y, incy)) return;
    if (upper) sb_l2p_sym_generic(SB_L2P_FULL, 1, mode, n, 0, alpha, a, lda, x, incx, beta, y, incy);
    else sb_l2p_sym_generic(SB_L2P_FULL, 0, mode, n, 0, alpha, a, lda, x, incx, beta, y, incy);
}
