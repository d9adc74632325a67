/* Torture case 5: dgemm (and the pool job) called from inside an OpenMP parallel region with 4
 * OpenMP threads. Inside the region SafeBLAS must run on the calling thread (no pool, no
 * oversubscription, no deadlock with libgomp); outside it goes parallel as usual. */
#include "torture.h"

#ifndef TT_NO_OPENMP
#include <omp.h>
#endif

#define N 96

/* Everything the region shares is file-scope: libgomp is not built with ThreadSanitizer, and a
 * local captured by the region travels in a block libgomp hands over unseen by TSan. */
static double *a, *b, *expect, *plain;
static atomic_long bad_gemm, bad_pool, not_inline, team;
static atomic_int region_start, region_end;

int main(void)
{
    tt_init(240);
#ifdef TT_NO_OPENMP
    printf("built without OpenMP: case skipped\n");
    return sbt_finish("torture_openmp_nested");
#else
    a = tt_rand_mat(N, N, 41), b = tt_rand_mat(N, N, 42);
    expect = malloc(sizeof(double) * N * N);
    tt_ref_gemm(N, N, N, 1.0, a, b, 0.0, expect);
    plain = tt_plain_product(N, N, N, a, b);
    safeblas_set_num_threads(4);
    const int regions = TT_TSAN ? 5 : 20;
    tt_case = "dgemm inside an OpenMP parallel region";
    /* TSan cannot see that the region's start and end order the threads (libgomp is not
     * instrumented); these release/acquire pairs state that order explicitly. */
    for (int r = 0; r < regions; r++) {
        atomic_store_explicit(&region_start, r, memory_order_release);
#pragma omp parallel num_threads(4)
        {
            (void)atomic_load_explicit(&region_start, memory_order_acquire);
            if (omp_get_thread_num() == 0) atomic_store(&team, omp_get_num_threads());
            double *c = malloc(sizeof(double) * N * N);
            for (int i = 0; i < 3; i++) {
                tt_dgemm(N, N, N, 1.0, a, b, 0.0, c);
                if (tt_relerr(c, expect, N * N) > TT_TOL) atomic_fetch_add(&bad_gemm, 1);
                int d = tt_pool_gemm(8, N, N, N, a, b, plain, 0);
                if (d < 0) atomic_fetch_add(&bad_pool, 1);
                if (d != 1) atomic_fetch_add(&not_inline, 1); /* all parts on this thread */
            }
            free(c);
            atomic_fetch_add_explicit(&region_end, 1, memory_order_release);
        }
        (void)atomic_load_explicit(&region_end, memory_order_acquire);
        /* between regions: parallel again */
        double *c = malloc(sizeof(double) * N * N);
        tt_dgemm(N, N, N, 1.0, a, b, 0.0, c);
        CHECK(tt_relerr(c, expect, N * N) <= TT_TOL, "dgemm between regions");
        free(c);
    }
    CHECK(team == 4, "OpenMP team had %ld threads", (long)team);
    CHECK(bad_gemm == 0, "%ld wrong dgemm results inside the region", (long)bad_gemm);
    CHECK(bad_pool == 0, "%ld wrong pool jobs inside the region", (long)bad_pool);
    CHECK(not_inline == 0, "%ld jobs inside the region used pool threads", (long)not_inline);
    CHECK(tt_pool_parallel(4, N, N, N, a, b, plain, 0.0005) >= 2, "outside the region the pool is used");
    printf("%d regions x 4 OpenMP threads x 3 calls\n", regions);
    return sbt_finish("torture_openmp_nested");
#endif
}
