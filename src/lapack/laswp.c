/* ?LASWP: a series of row interchanges, rows i and ipiv(i) for i = k1..k2 (backwards when
 * incx < 0). Columns are independent, so large jobs are split over column blocks and run in
 * parallel through the runtime; each block applies the interchanges in order, LASWP_COLS columns
 * at a time. Same result at every thread count. */
#include "lapack/lapack.h"
#include "runtime/parallel.h"

/* Columns swapped together, each interchange on all of them before the next. 8 (their pointers
 * in registers, the loop over them unrolled) rather than 32 with the column offsets computed per
 * element: on the Xeon 6/207, 192 interchanges (as one dgetrf step) on 128 columns of 1000 rows
 * took 0.93 instead of 1.23 ns a swap, 2000 rows 1.17 instead of 1.59, and on 512 columns of
 * 4000 rows (out of L2) 3.0 instead of 3.8. */
#define LASWP_COLS 8
/* The smallest share of the columns a thread takes. */
#define LASWP_MIN_PIECE 32

typedef struct {
    blas_int n, lda, i1, i2, inc, ix0, incx, piece;
    sb_t *a;
    const blas_int *ipiv;
} laswp_job;

/* The interchanges on one column: ipiv entries from ix0 by incx, rows i1 to i2 by inc. */
static void swap_one(const laswp_job *job, sb_t *col)
{
    const blas_int *ipiv = job->ipiv;
    blas_int ix = job->ix0;
    for (blas_int i = job->i1;; i += job->inc) {
        blas_int ip = ipiv[ix - 1];
        sb_t t = col[i - 1];
        col[i - 1] = col[ip - 1];
        col[ip - 1] = t;
        ix += job->incx;
        if (i == job->i2) break;
    }
}

static void swap_cols(const laswp_job *job, blas_int j0, blas_int j1)
{
    const blas_int *ipiv = job->ipiv;
    const blas_int i1 = job->i1, i2 = job->i2, inc = job->inc, incx = job->incx;
    blas_int j = j0;
    for (; j + LASWP_COLS <= j1; j += LASWP_COLS) {
        sb_t *c[LASWP_COLS];
        for (int q = 0; q < LASWP_COLS; q++) c[q] = job->a + (size_t)(j + q) * job->lda;
        blas_int ix = job->ix0;
        for (blas_int i = i1;; i += inc) {
            blas_int ip = ipiv[ix - 1];
            if (ip != i) {
#pragma GCC unroll 8
                for (int q = 0; q < LASWP_COLS; q++) {
                    sb_t t = c[q][i - 1];
                    c[q][i - 1] = c[q][ip - 1];
                    c[q][ip - 1] = t;
                }
            }
            ix += incx;
            if (i == i2) break;
        }
    }
    for (; j < j1; j++) swap_one(job, job->a + (size_t)j * job->lda);
}

static void part(void *ctx, int p, int np)
{
    const laswp_job *job = ctx;
    blas_int j0 = (blas_int)p * job->piece, j1 = SB_MIN(job->n, j0 + job->piece);
    if (j0 < j1) swap_cols(job, j0, j1);
}

void SB_NAME(lp_laswp)(blas_int n, sb_t *a, blas_int lda, blas_int k1, blas_int k2, const blas_int *ipiv,
                       blas_int incx)
{
    laswp_job job;
    if (n <= 0 || incx == 0 || k2 < k1) return;
    job.n = n;
    job.lda = lda;
    job.a = a;
    job.ipiv = ipiv;
    job.incx = incx;
    if (incx > 0) {
        job.ix0 = k1;
        job.i1 = k1;
        job.i2 = k2;
        job.inc = 1;
    } else {
        job.ix0 = k1 + (k1 - k2) * incx;
        job.i1 = k2;
        job.i2 = k1;
        job.inc = -1;
    }
    /* about 3 memory operations per swapped element; parallel only when it pays, in pieces of at
     * least LASWP_MIN_PIECE columns */
    int nt = n >= 2 * LASWP_MIN_PIECE ? sb_threads_for(24.0 * (double)n * (double)(k2 - k1 + 1)) : 1;
    int np = nt;
    if (np > (n + LASWP_MIN_PIECE - 1) / LASWP_MIN_PIECE) np = (int)((n + LASWP_MIN_PIECE - 1) / LASWP_MIN_PIECE);
    if (np <= 1) {
        swap_cols(&job, 0, n);
        return;
    }
    job.piece = (n + np - 1) / np;
    job.piece = (job.piece + LASWP_COLS - 1) / LASWP_COLS * LASWP_COLS;
    np = (int)((n + job.piece - 1) / job.piece);
    sb_parallel_run(np, part, &job);
}

SB_API void SB_F77(laswp)(const blas_int *n, sb_t *a, const blas_int *lda, const blas_int *k1, const blas_int *k2,
                          const blas_int *ipiv, const blas_int *incx)
{
    SB_NAME(lp_laswp)(*n, a, *lda, *k1, *k2, ipiv, *incx);
}
