/* Torture case 3: thread A is inside long parallel calls (the pool job and dgemm) while thread B
 * forks again and again. In the child only B exists: it must not wait for A's job or its
 * workers, and must compute in parallel at once; the parent must carry on unharmed. */
#include "torture.h"

#define N 160

static double *A, *B, *EXPECT, *PLAIN;
static atomic_int stop;
static atomic_long a_calls, a_bad;

static void *busy_thread(void *arg)
{
    (void)arg;
    double *c = malloc(sizeof(double) * N * N);
    while (!atomic_load(&stop)) {
        tt_dgemm(N, N, N, 1.0, A, B, 0.0, c);
        if (tt_relerr(c, EXPECT, N * N) > TT_TOL) atomic_fetch_add(&a_bad, 1);
        if (tt_pool_gemm(8, N, N, N, A, B, PLAIN, 0.0005) < 1) atomic_fetch_add(&a_bad, 1);
        atomic_fetch_add(&a_calls, 1);
    }
    free(c);
    return NULL;
}

static int child_work(void)
{
    int bad = 0;
    if (safeblas_test_pool_workers() != 0) bad++;
    safeblas_set_num_threads(4);
    double *c = malloc(sizeof(double) * N * N);
    tt_dgemm(N, N, N, 1.0, A, B, 0.0, c);
    if (tt_relerr(c, EXPECT, N * N) > TT_TOL) bad++;
    if (tt_pool_parallel(4, N, N, N, A, B, PLAIN, 0.0005) < 2) bad++;
    free(c);
    return bad;
}

int main(void)
{
    tt_init(240);
    A = tt_rand_mat(N, N, 21);
    B = tt_rand_mat(N, N, 22);
    EXPECT = malloc(sizeof(double) * N * N);
    tt_ref_gemm(N, N, N, 1.0, A, B, 0.0, EXPECT);
    PLAIN = tt_plain_product(N, N, N, A, B);

    const int counts[] = {2, 4, 16};
    const int forks = TT_TSAN ? 10 : 40;
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "fork while another thread computes, %d threads", counts[i]);
        tt_case = name;
        safeblas_set_num_threads(counts[i]);
        atomic_store(&stop, 0);
        pthread_t t;
        pthread_create(&t, NULL, busy_thread, NULL);
        while (atomic_load(&a_calls) == 0) usleep(100);
        int bad_children = 0;
        for (int f = 0; f < forks; f++) {
            usleep(200 + 397 * (f % 7)); /* land at different moments of A's calls */
            pid_t pid = fork();
            if (pid == 0) {
                alarm(60);
                _exit(child_work());
            }
            int st = pid < 0 ? -1 : tt_wait(pid);
            if (st != 0) {
                bad_children++;
                fprintf(stderr, "child %d at %d threads exited %d\n", f, counts[i], st);
            }
        }
        atomic_store(&stop, 1);
        pthread_join(t, NULL);
        CHECK(bad_children == 0, "%d threads: %d children failed", counts[i], bad_children);
        /* the parent computes and checks too */
        double *c = malloc(sizeof(double) * N * N);
        tt_dgemm(N, N, N, 1.0, A, B, 0.0, c);
        CHECK(tt_relerr(c, EXPECT, N * N) <= TT_TOL, "parent dgemm after forks");
        CHECK(tt_pool_parallel(counts[i], N, N, N, A, B, PLAIN, 0.0005) >= 2, "parent pool after forks");
        free(c);
        printf("%2d threads: %d forks during parallel calls\n", counts[i], forks);
    }
    CHECK(atomic_load(&a_bad) == 0, "thread A: %ld wrong results", atomic_load(&a_bad));
    printf("thread A made %ld parallel calls\n", atomic_load(&a_calls));
    return sbt_finish("torture_fork_during_call");
}
