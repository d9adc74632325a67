/* ?gemm in the small kernel's box (gemm_small.h: up to 100^3 multiply-adds for real, 64^3 for
 * complex with op(A) = A) split over threads: with SAFEBLAS_PARALLEL_THRESHOLD=0 every such
 * product from half the default threshold on is cut into parts that run the small kernel
 * (gemm.c's gemm_part). Shapes either side of the box's edges, every transb, alpha 1 or any,
 * beta 0 (NaN in C), 1 or any: the result at 2, 3 and 4 threads, in runs of calls back to back
 * (which wake the pool), is bitwise the one-thread result, near the oracle's, and nothing outside
 * C's m x n block is written (guard bands, ldc > m). The pool must have started: the products
 * did go parallel. */
#include <math.h>
#include <stdlib.h>

#include "test_prec.h"
#include "runtime/parallel.h"
#include "safeblas.h"

void SB_F77(gemm)(const char *transa, const char *transb, const blas_int *m, const blas_int *n, const blas_int *k,
                  const sb_t *alpha, const sb_t *a, const blas_int *lda, const sb_t *b, const blas_int *ldb,
                  const sb_t *beta, sb_t *c, const blas_int *ldc, size_t la, size_t lb);

static sb_t op_b(char tb, const sbt_mat *b, blas_int l, blas_int j)
{
    if (tb == 'N') return sbt_mat_orig(b, l, j);
    sb_t v = sbt_mat_orig(b, j, l);
    return tb == 'C' ? sb_conj(v) : v;
}

static void run_one(blas_int m, blas_int n, blas_int k, char tb, int variant)
{
    sbt_mat a = sbt_mat_new(m, k, m + 3), b = tb == 'N' ? sbt_mat_new(k, n, k + 1) : sbt_mat_new(n, k, n + 2);
    sbt_mat c = sbt_mat_new(m, n, m + 5);
    sb_t alpha = variant % 2 ? sbt_rand_elem() : 1, beta = variant == 0 ? 0 : variant == 1 ? 1 : sbt_rand_elem();
    if (beta == 0) { /* beta = 0: C is not read */
        sb_r q = (sb_r)NAN;
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < m; i++) c.a[i + (size_t)j * c.ld] = sb_make(q, q);
        sbt_mat_snapshot(&c);
    }
    char N = 'N';
    sb_t *first = malloc(c.total * sizeof(sb_t));
    safeblas_set_num_threads(1);
    SB_F77(gemm)(&N, &tb, &m, &n, &k, &alpha, a.a, &a.ld, b.a, &b.ld, &beta, c.a, &c.ld, 1, 1);
    memcpy(first, c.buf, c.total * sizeof(sb_t));
    double worst = 0;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < m; i++) {
            sb_t s = 0;
            double mag = 0;
            for (blas_int l = 0; l < k; l++) {
                sb_t p = sbt_mat_orig(&a, i, l) * op_b(tb, &b, l, j);
                s += p;
                mag += sb_abs1(p);
            }
            sb_t want = alpha * s + (beta == 0 ? 0 : beta * sbt_mat_orig(&c, i, j));
            double err = sb_abs1(c.a[i + (size_t)j * c.ld] - want) / (mag * sb_abs1(alpha) + sb_abs1(want) + 1e-30);
            if (!(err <= worst)) worst = err;
        }
    CHECK(worst <= 64 * SBT_EPS, "%dx%dx%d N%c: one thread off the oracle by %g", (int)m, (int)n, (int)k, tb, worst);
    CHECK(sbt_mat_guards_intact(&c, NULL, NULL), "%dx%dx%d N%c: written outside C", (int)m, (int)n, (int)k, tb);
    static const int threads[] = {2, 3, 4};
    for (int t = 0; t < 3; t++) {
        safeblas_set_num_threads(threads[t]);
        int differ = 0;
        for (int r = 0; r < 4; r++) {
            memcpy(c.buf, c.copy, c.total * sizeof(sb_t));
            SB_F77(gemm)(&N, &tb, &m, &n, &k, &alpha, a.a, &a.ld, b.a, &b.ld, &beta, c.a, &c.ld, 1, 1);
            if (!sbt_bytes_equal(first, c.buf, c.total * sizeof(sb_t))) differ++;
        }
        CHECK(differ == 0, "%dx%dx%d N%c: %d of 4 calls at %d threads differ from one thread", (int)m, (int)n, (int)k,
              tb, differ, threads[t]);
    }
    free(first);
    sbt_mat_free(&a);
    sbt_mat_free(&b);
    sbt_mat_free(&c);
}

int main(void)
{
    setenv("SAFEBLAS_PARALLEL_THRESHOLD", "0", 1); /* before the first call reads it */
    /* in the box first (from 1e6 flops on, its products may split), then just outside it */
#if SB_IS_COMPLEX
    static const blas_int shapes[][3] = {{64, 64, 64}, {63, 65, 64}, {40, 64, 100},
                                         {96, 48, 56}, {64, 64, 65}, {17, 80, 300}};
#else
    static const blas_int shapes[][3] = {{100, 100, 100}, {99, 101, 100}, {80, 100, 125}, {160, 40, 100},
                                         {100, 100, 101}, {33, 150, 203}};
#endif
    enum { INSIDE = 4 };
    static const char tbs[] = {'N', 'T', 'C'};
    for (int s = 0; s < (int)(sizeof shapes / sizeof shapes[0]); s++) {
        for (int t = 0; t < (SB_IS_COMPLEX ? 3 : 2); t++)
            run_one(shapes[s][0], shapes[s][1], shapes[s][2], tbs[t], (s + t) % 3);
        if (s == INSIDE - 1)
            CHECK(safeblas_test_pool_workers() > 0, "no product in the box went parallel (the pool never started)");
    }
    return sbt_finish("level3_gemm_box_threads_" SB_UPPER);
}
