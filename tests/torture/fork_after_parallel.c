/* Torture case 1, the motivating bug: a parallel call, fork(), the child _exit(0)s at once, the
 * parent calls again. OpenBLAS 0.3.30 hangs the PARENT here. 200 rounds at 2, 4, 16 and 32
 * threads; every parallel result is checked (dgemm against the oracle, the pool job bitwise),
 * and dgetrf too when the library has it. */
#include <dlfcn.h>

#include "torture.h"

#define N 64

typedef void (*dgetrf_fn)(const blas_int *, const blas_int *, double *, const blas_int *, blas_int *, blas_int *);

int main(void)
{
    tt_init(240);
    const int threads[] = {2, 4, 16, 32};
    const int rounds = TT_TSAN ? 30 : 200;
    double *a = tt_rand_mat(N, N, 1), *b = tt_rand_mat(N, N, 2);
    double *expect = malloc(sizeof(double) * N * N), *c = malloc(sizeof(double) * N * N);
    tt_ref_gemm(N, N, N, 1.0, a, b, 0.0, expect);
    double *plain = tt_plain_product(N, N, N, a, b);

    /* dgetrf once LAPACK is in the library: looked up, so this builds before it lands */
    dgetrf_fn dgetrf = (dgetrf_fn)dlsym(RTLD_DEFAULT, "dgetrf_");
    double *lu0 = NULL, *lu = malloc(sizeof(double) * N * N);
    blas_int ipiv0[N], ipiv[N], nn = N, info = 0;
    if (dgetrf) {
        lu0 = tt_rand_mat(N, N, 3);
        safeblas_set_num_threads(1);
        dgetrf(&nn, &nn, lu0, &nn, ipiv0, &info);
        CHECK(info == 0, "dgetrf info %d", (int)info);
    } else {
        printf("note: dgetrf_ not in the library yet; fork rounds use dgemm and the pool job\n");
    }

    long total_rounds = 0;
    double t0 = tt_now();
    for (size_t ti = 0; ti < sizeof threads / sizeof threads[0]; ti++) {
        int nt = threads[ti];
        safeblas_set_num_threads(nt);
        char name[64];
        snprintf(name, sizeof name, "fork after parallel, %d threads", nt);
        tt_case = name;
        int bad_gemm = 0, bad_pool = 0, bad_child = 0, bad_lu = 0, max_distinct = 0;
        for (int r = 0; r <= rounds; r++) {
            /* "the parent calls again": every round after the first follows a fork */
            tt_dgemm(N, N, N, 1.0, a, b, 0.0, c);
            if (tt_relerr(c, expect, N * N) > TT_TOL) bad_gemm++;
            int d = tt_pool_gemm(nt, N, N, N, a, b, plain, 0);
            if (d < 0) bad_pool++;
            if (d > max_distinct) max_distinct = d;
            if (dgetrf) {
                double *src = tt_rand_mat(N, N, 3);
                memcpy(lu, src, sizeof(double) * N * N);
                free(src);
                dgetrf(&nn, &nn, lu, &nn, ipiv, &info);
                if (info != 0 || memcmp(lu, lu0, sizeof(double) * N * N) != 0 ||
                    memcmp(ipiv, ipiv0, sizeof ipiv) != 0)
                    bad_lu++;
            }
            if (r == rounds) break;
            pid_t pid = fork();
            if (pid == 0) _exit(0);
            if (pid < 0 || tt_wait(pid) != 0) bad_child++;
            total_rounds++;
        }
        CHECK(bad_gemm == 0, "%d threads: %d wrong dgemm results", nt, bad_gemm);
        CHECK(bad_pool == 0, "%d threads: %d wrong pool jobs", nt, bad_pool);
        CHECK(bad_child == 0, "%d threads: %d children failed", nt, bad_child);
        CHECK(bad_lu == 0, "%d threads: %d dgetrf results differ", nt, bad_lu);
        /* On a loaded machine the caller can finish every part before a worker is scheduled, so
         * a job whose parts sleep gives the (post-fork) pool time to show it really has workers. */
        for (int tries = 0; tries < 3 && max_distinct < 2; tries++) {
            int d = tt_pool_gemm(nt, N, N, N, a, b, plain, 0.02);
            if (d < 0) bad_pool++;
            if (d > max_distinct) max_distinct = d;
        }
        CHECK(bad_pool == 0, "%d threads: %d wrong pool jobs (slow parts)", nt, bad_pool);
        CHECK(max_distinct >= 2, "%d threads: the pool never ran a job on more than one thread", nt);
        printf("%2d threads: %d rounds, up to %d threads seen in one job\n", nt, rounds, max_distinct);
    }
    printf("%ld fork rounds in %.2f s\n", total_rounds, tt_now() - t0);
    free(a), free(b), free(c), free(expect), free(plain), free(lu), free(lu0);
    return sbt_finish("torture_fork_after_parallel");
}
