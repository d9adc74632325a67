/* ?LASWP: a series of row interchanges, rows i and ipiv(i) for i = k1..k2 (backwards when
 * incx < 0). Columns are independent, so large jobs are split over column blocks and run in
 * parallel through the runtime; each block applies the interchanges in order, 32 columns at a
 * time (the rows touched stay in cache). Same result at every thread count. */
#include "lapack/lapack.h"
#include "runtime/parallel.h"

#define LASWP_COLS 32

typedef struct {
    blas_int n, lda, i1, i2, inc, ix0, incx, piece;
    sb_t *a;
    const blas_int *ipiv;
} laswp_job;

static void swap_cols(const laswp_job *job, blas_int j0, blas_int j1)
{
    for (blas_int jb = j0; jb < j1; jb += LASWP_COLS) {
        blas_int je = SB_MIN(jb + LASWP_COLS, j1);
        blas_int ix = job->ix0;
        for (blas_int i = job->i1;; i += job->inc) {
            blas_int ip = job->ipiv[ix - 1];
            if (ip != i) {
                sb_t *r1 = job->a + (i - 1), *r2 = job->a + (ip - 1);
                for (blas_int j = jb; j < je; j++) {
                    size_t o = (size_t)j * job->lda;
                    sb_t t = r1[o];
                    r1[o] = r2[o];
                    r2[o] = t;
                }
            }
            ix += job->incx;
            if (i == job->i2) break;
        }
    }
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
    /* about 3 memory operations per swapped element; parallel only when it pays */
    int nt = n >= 2 * LASWP_COLS ? sb_threads_for(24.0 * (double)n * (double)(k2 - k1 + 1)) : 1;
    int np = nt;
    if (np > (n + LASWP_COLS - 1) / LASWP_COLS) np = (int)((n + LASWP_COLS - 1) / LASWP_COLS);
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
