/* Torture case 2: the child of a fork uses SafeBLAS in parallel at once, at several thread
 * counts, and so do grandchildren; also forks from a non-main thread and posix_spawn/system
 * (vfork-style children) while the pool is alive. The child must see an empty pool (no
 * workers, generation bumped), go parallel on more than one thread, and get correct results. */
#include <spawn.h>

#include "torture.h"

#define N 96

extern char **environ;

static double *A, *B, *EXPECT, *PLAIN;

/* The checks a (grand)child makes; returns the number of failures. */
static int child_work(int nt, unsigned parent_gen)
{
    int bad = 0;
    if (safeblas_test_pool_workers() != 0) bad++;              /* parent's workers are not here */
    if (safeblas_test_pool_generation() != parent_gen + 1) bad++; /* the child handler ran */
    safeblas_set_num_threads(nt);
    for (int rep = 0; rep < 3; rep++) {
        double *c = malloc(sizeof(double) * N * N);
        tt_dgemm(N, N, N, 1.0, A, B, 0.0, c);
        if (tt_relerr(c, EXPECT, N * N) > TT_TOL) bad++;
        free(c);
        /* parts sleep 2 ms so that the workers certainly get some */
        int d = tt_pool_parallel(nt, N, N, N, A, B, PLAIN, 0.001);
        if (d < 2) bad++;
    }
    return bad;
}

static int fork_and_check(int nt, int depth)
{
    unsigned gen = safeblas_test_pool_generation();
    pid_t pid = fork();
    if (pid == 0) {
        alarm(60); /* a hung child dies; the parent then reports it */
        int bad = child_work(nt, gen);
        if (depth > 0) {
            int st = fork_and_check(nt == 2 ? 3 : 2, depth - 1); /* grandchild, other count */
            if (st != 0) bad++;
        }
        _exit(bad > 100 ? 100 : bad);
    }
    return pid < 0 ? -1 : tt_wait(pid);
}

static void *forker_thread(void *arg)
{
    int *result = arg;
    *result = fork_and_check(4, 1);
    return NULL;
}

int main(void)
{
    tt_init(240);
    A = tt_rand_mat(N, N, 11);
    B = tt_rand_mat(N, N, 12);
    EXPECT = malloc(sizeof(double) * N * N);
    tt_ref_gemm(N, N, N, 1.0, A, B, 0.0, EXPECT);
    PLAIN = tt_plain_product(N, N, N, A, B);

    const int counts[] = {2, 3, 4, 8, 16};
    const int rounds = TT_TSAN ? 3 : 10;
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "child goes parallel, parent at %d threads", counts[i]);
        tt_case = name;
        safeblas_set_num_threads(counts[i]);
        int d = tt_pool_parallel(counts[i], N, N, N, A, B, PLAIN, 0.0005); /* parent's pool is up */
        CHECK(d >= 2, "parent at %d threads used %d", counts[i], d);
        for (int r = 0; r < rounds; r++) {
            int nt = counts[(i + r) % (sizeof counts / sizeof counts[0])];
            int st = fork_and_check(nt, 2);
            CHECK(st == 0, "child (parent %d threads, child %d) exited %d", counts[i], nt, st);
        }
        /* the parent carries on in parallel, pool untouched */
        CHECK(tt_pool_parallel(counts[i], N, N, N, A, B, PLAIN, 0.0005) >= 2, "parent after forks");
    }

    tt_case = "fork from a non-main thread";
    for (int r = 0; r < 5; r++) {
        pthread_t t;
        int st = -1;
        pthread_create(&t, NULL, forker_thread, &st);
        pthread_join(t, NULL);
        CHECK(st == 0, "fork from a second thread: child exited %d", st);
    }

    tt_case = "posix_spawn and system with a live pool";
    for (int r = 0; r < 5; r++) {
        safeblas_set_num_threads(4);
        CHECK(tt_pool_gemm(4, N, N, N, A, B, PLAIN, 0) >= 1, "pool before spawn");
        pid_t pid;
        char *argv[] = {"true", NULL};
        int rc = posix_spawnp(&pid, "true", NULL, NULL, argv, environ);
        CHECK(rc == 0 && tt_wait(pid) == 0, "posix_spawn(true)");
        CHECK(system("exit 0") == 0, "system()");
        CHECK(tt_pool_parallel(4, N, N, N, A, B, PLAIN, 0.0005) >= 2, "pool after spawn");
    }
    printf("children ran at 2, 3, 4, 8 and 16 threads with grandchildren (%d rounds each)\n", rounds);
    return sbt_finish("torture_fork_child_parallel");
}
