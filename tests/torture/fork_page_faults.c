/* Torture case: what fork() leaves behind in the parent and in a child.
 *
 * 1. Page faults: the packing buffers are kept out of children (MADV_DONTFORK), so after a fork
 *    the parent's next parallel dgemm faults only on the pages of its own C (copy-on-write,
 *    any program pays them), not on every page of every thread's buffers.
 * 2. fork() from a signal handler in the middle of a single-threaded dgemm: the child returns
 *    from the handler into that call, whose buffer the fork must have copied; the child checks
 *    the result of the call it finished and exits with it. The parent's calls stay exact. */
#include <sys/resource.h>

#include "torture.h"

#define N 256
#define ROUNDS 6

static long minor_faults(void)
{
    struct rusage r;
    getrusage(RUSAGE_SELF, &r);
    return r.ru_minflt;
}

static double *A, *B, *C, *EXPECT;

static int faults_after_fork(int threads)
{
    int bad = 0;
    safeblas_set_num_threads(threads);
    long c_pages = (long)((sizeof(double) * N * N + 4095) / 4096) + 1;
    /* without fork: what a call faults anyway (a worker's first buffer, say) */
    long calm = 0;
    for (int r = 0; r < 3 * ROUNDS; r++) {
        long f0 = minor_faults();
        tt_dgemm(N, N, N, 1.0, A, B, 0.0, C);
        long f = minor_faults() - f0;
        if (r >= ROUNDS && f > calm) calm = f;
    }
    long worst = 0;
    for (int r = 0; r < ROUNDS; r++) {
        pid_t p = fork();
        if (p == 0) _exit(0);
        if (tt_wait(p) != 0) bad++;
        long f0 = minor_faults();
        tt_dgemm(N, N, N, 1.0, A, B, 0.0, C);
        long f = minor_faults() - f0;
        if (f > worst) worst = f;
        if (tt_relerr(C, EXPECT, N * N) > TT_TOL) bad++;
    }
    /* the bound: a call's faults without fork, C's pages, and a little (the threads' stacks,
     * the pool's own words); the buffers of two threads alone are several hundred pages */
    long bound = calm + c_pages + 16 + 8 * threads;
    printf("threads %d: worst page faults in the dgemm after a fork: %ld (without fork: %ld; C has %ld pages; "
           "bound %ld)\n",
           threads, worst, calm, c_pages, bound);
    if (worst > bound) bad++;
    return bad;
}

/* ---- fork from a signal handler ---- */
static volatile sig_atomic_t in_child, forks;
static pid_t kids[4096];
static volatile sig_atomic_t nkids;

static void fork_handler(int sig)
{
    (void)sig;
    if (in_child || nkids >= (int)(sizeof kids / sizeof kids[0])) return;
    pid_t p = fork();
    if (p == 0) in_child = 1;
    else if (p > 0) kids[nkids++] = p;
}

static atomic_int stop_kicker;
static pthread_t main_thread;

static void *kicker(void *arg)
{
    (void)arg;
    while (!atomic_load(&stop_kicker)) {
        pthread_kill(main_thread, SIGUSR1);
        usleep(700);
    }
    return NULL;
}

static int fork_in_handler(void)
{
    int bad = 0;
    safeblas_set_num_threads(1);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fork_handler;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &sa, NULL);
    main_thread = pthread_self();
    pthread_t k;
    pthread_create(&k, NULL, kicker, NULL);
    double t_end = tt_now() + 3.0;
    long calls = 0;
    while (tt_now() < t_end && nkids < 200) {
        tt_dgemm(N, N, N, 1.0, A, B, 0.0, C);
        int wrong = tt_relerr(C, EXPECT, N * N) > TT_TOL;
        if (in_child) _exit(wrong ? 3 : 0); /* the child finished the call the fork interrupted */
        bad += wrong;
        calls++;
    }
    atomic_store(&stop_kicker, 1);
    pthread_join(k, NULL);
    signal(SIGUSR1, SIG_IGN);
    int child_bad = 0;
    for (int i = 0; i < nkids; i++)
        if (tt_wait(kids[i]) != 0) child_bad++;
    printf("fork in a signal handler: %ld parent calls, %d children, %d children failed, %d parent results wrong\n",
           calls, (int)nkids, child_bad, bad);
    if (nkids < 5) {
        printf("too few forks happened to test anything\n");
        bad++;
    }
    return bad + child_bad;
}

int main(void)
{
    tt_init(240);
    A = tt_rand_mat(N, N, 1);
    B = tt_rand_mat(N, N, 2);
    C = malloc(sizeof(double) * N * N);
    EXPECT = malloc(sizeof(double) * N * N);
    tt_ref_gemm(N, N, N, 1.0, A, B, 0.0, EXPECT);
    int bad = 0;
    tt_case = "page faults after fork, 2 threads";
    bad += faults_after_fork(2);
    tt_case = "page faults after fork, 8 threads";
    bad += faults_after_fork(8);
    tt_case = "fork in a signal handler";
    bad += fork_in_handler();
    printf("%s\n", bad ? "FAILED" : "passed");
    return bad != 0;
}
