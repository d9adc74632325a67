/* The thread-control API of safeblas.h and the OpenBLAS names mapped onto it: global and
 * per-thread counts, clamping, defaults, the configuration string, and that the pool really
 * uses the count that applies to the calling thread. */
#include "torture.h"

#define N 64

static double *A, *B, *PLAIN;

static void *other_thread(void *arg)
{
    int *seen = arg;
    seen[0] = safeblas_get_num_threads();                  /* global, not the main thread's local */
    seen[1] = safeblas_set_num_threads_local(2);           /* none before: 0 */
    seen[2] = safeblas_get_num_threads();                  /* 2 */
    seen[3] = tt_pool_parallel(2, N, N, N, A, B, PLAIN, 0.0005); /* at most 2 threads */
    return NULL;
}

int main(void)
{
    tt_init(120);
    A = tt_rand_mat(N, N, 91);
    B = tt_rand_mat(N, N, 92);
    PLAIN = tt_plain_product(N, N, N, A, B);
    int procs = openblas_get_num_procs();
    CHECK(procs >= 1, "openblas_get_num_procs %d", procs);
    tt_case = "thread API";

    safeblas_set_num_threads(3);
    CHECK(safeblas_get_num_threads() == 3, "set 3 -> %d", safeblas_get_num_threads());
    CHECK(openblas_get_num_threads() == 3, "openblas_get_num_threads %d", openblas_get_num_threads());
    openblas_set_num_threads(5);
    CHECK(safeblas_get_num_threads() == 5, "openblas_set_num_threads(5) -> %d", safeblas_get_num_threads());
    goto_set_num_threads(6);
    CHECK(safeblas_get_num_threads() == 6, "goto_set_num_threads(6) -> %d", safeblas_get_num_threads());
    safeblas_set_num_threads(100000);
    CHECK(safeblas_get_num_threads() == 256, "clamped to 256: %d", safeblas_get_num_threads());
    unsetenv("SAFEBLAS_NUM_THREADS"), unsetenv("OPENBLAS_NUM_THREADS"), unsetenv("OMP_NUM_THREADS");
    safeblas_set_num_threads(0);
    int dflt = safeblas_get_num_threads();
    CHECK(dflt >= 1 && dflt <= 256, "set 0 -> default %d", dflt);
    safeblas_set_num_threads(-5);
    CHECK(safeblas_get_num_threads() == dflt, "set -5 -> default %d", safeblas_get_num_threads());
    CHECK(openblas_get_parallel() == 1, "openblas_get_parallel %d", openblas_get_parallel());
    const char *core = openblas_get_corename();
    CHECK(core && *core, "openblas_get_corename");

    /* per-thread setting */
    safeblas_set_num_threads(4);
    CHECK(safeblas_set_num_threads_local(3) == 0, "local: no previous");
    CHECK(safeblas_get_num_threads() == 3, "local 3 -> %d", safeblas_get_num_threads());
    CHECK(safeblas_set_num_threads_local(1) == 3, "local: previous 3");
    /* 1 thread for this caller: the pool job runs on this thread only */
    CHECK(tt_pool_gemm(8, N, N, N, A, B, PLAIN, 0.0005) == 1, "local 1: job on the calling thread only");
    int seen[4];
    pthread_t t;
    pthread_create(&t, NULL, other_thread, seen);
    pthread_join(t, NULL);
    CHECK(seen[0] == 4, "other thread sees global 4, got %d", seen[0]);
    CHECK(seen[1] == 0, "other thread: no previous local, got %d", seen[1]);
    CHECK(seen[2] == 2, "other thread local 2, got %d", seen[2]);
    CHECK(seen[3] == 2, "other thread at 2 threads used %d", seen[3]);
    CHECK(openblas_set_num_threads_local(0) == 1, "openblas_set_num_threads_local returns previous");
    CHECK(safeblas_get_num_threads() == 4, "local removed -> global 4, got %d", safeblas_get_num_threads());
    CHECK(tt_pool_parallel(4, N, N, N, A, B, PLAIN, 0.0005) >= 2, "global 4: parallel");

    /* at most the caller's count of threads take part */
    safeblas_set_num_threads(2);
    int most = 0;
    for (int i = 0; i < 5; i++) {
        int d = tt_pool_gemm(16, N, N, N, A, B, PLAIN, 0.0005);
        if (d > most) most = d;
    }
    CHECK(most <= 2, "2 threads set, %d took part", most);

    /* configuration string */
    safeblas_set_num_threads(3);
    const char *cfg = safeblas_get_config();
    CHECK(strncmp(cfg, "SafeBLAS ", 9) == 0, "config: %s", cfg);
    CHECK(strstr(cfg, "threads 3") != NULL, "config mentions threads: %s", cfg);
    CHECK(strstr(cfg, "kernels ") != NULL && strstr(cfg, "cpu ") != NULL, "config: %s", cfg);
    CHECK(strcmp(openblas_get_config(), cfg) == 0, "openblas_get_config = safeblas_get_config");
    printf("config: %s\ncorename: %s\n", safeblas_get_config(), openblas_get_corename());
    return sbt_finish("torture_thread_api");
}
