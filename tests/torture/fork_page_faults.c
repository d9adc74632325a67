/* Torture case: what fork() leaves behind in the parent and in a child.
 *
 * 1. Page faults: the packing buffers are kept out of children (MADV_DONTFORK), so after a fork
 *    the parent's next dgemm does not fault on every page of every thread's buffers. C is the
 *    program's own memory: here it is kept out of the children too, so that what the dgemm
 *    faults on after a fork is SafeBLAS's alone (C's copy-on-write faults are not one per page
 *    anyway: threads that write the same page at once each count a fault).
 *    - 1 thread: exact. The calling thread always uses its own cached block (~190 pages).
 *    - 2 and 8 threads: which pool thread takes which part is first come first served, so a
 *      worker may take its first part (and fault its block in for the first time) in any
 *      round, forked or not. That happens at most once per thread, or once more when its block
 *      grows; copy-on-write faults on a buffer happen at every fork. So up to 2 rounds per
 *      worker may go over the bound, and at least ROUNDS rounds must stay within it.
 * 2. fork() from a signal handler in the middle of a single-threaded dgemm: the child returns
 *    from the handler into that call, whose buffer the fork must have copied; the child checks
 *    the result of the call it finished and exits with it. The parent's calls stay exact. */
#include <sys/mman.h>
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

static double *A, *B, *C, *C_PARENT_ONLY, *EXPECT;

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

static int faults_after_fork(int threads)
{
    int bad = 0;
    safeblas_set_num_threads(threads);
    /* without fork: what a call faults anyway. The median, so that a worker faulting its block
     * in for the first time in one of these rounds does not loosen the bound. */
    long calm_f[2 * ROUNDS];
    for (int r = 0; r < 3 * ROUNDS; r++) {
        long f0 = minor_faults();
        tt_dgemm(N, N, N, 1.0, A, B, 0.0, C_PARENT_ONLY);
        if (r >= ROUNDS) calm_f[r - ROUNDS] = minor_faults() - f0;
    }
    qsort(calm_f, 2 * ROUNDS, sizeof calm_f[0], cmp_long);
    long calm = calm_f[ROUNDS];
    /* the bound: a call's faults without fork and a little (the threads' stacks, the pool's
     * own words, libc's); the buffer of a single thread alone is ~100-190 pages */
    long bound = calm + 16 + 8 * threads;
    int allowed_over = 2 * (threads - 1); /* first touches of the workers' blocks */
    int rounds = ROUNDS + allowed_over, over = 0;
    printf("threads %d: page faults in the dgemm after each fork:", threads);
    for (int r = 0; r < rounds; r++) {
        pid_t p = fork();
        if (p == 0) _exit(0);
        if (tt_wait(p) != 0) bad++;
        long f0 = minor_faults();
        tt_dgemm(N, N, N, 1.0, A, B, 0.0, C_PARENT_ONLY);
        long f = minor_faults() - f0;
        printf(" %ld", f);
        if (f > bound) over++;
        if (tt_relerr(C_PARENT_ONLY, EXPECT, N * N) > TT_TOL) bad++;
    }
    printf("\n  without fork (median): %ld; bound %ld; %d of %d rounds over it (%d allowed)\n", calm, bound, over,
           rounds, allowed_over);
    if (over > allowed_over) bad++;
    return bad;
}

/* ---- fork from a signal handler ---- */
/* in_loop: the handler forks only while the main thread is in the loop of calls; a child forked
 * there leaves at the end of the call it was in. A fork after the loop (the kicker's last signal
 * can land while main joins it) made a child that went on to wait for its siblings as if they
 * were its own and failed: seen under load, 3 runs in 72 at 12 at once. */
static volatile sig_atomic_t in_child, in_loop, forks;
static pid_t kids[4096];
static volatile sig_atomic_t nkids;

static void fork_handler(int sig)
{
    (void)sig;
    if (in_child || !in_loop || nkids >= (int)(sizeof kids / sizeof kids[0])) return;
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
    in_loop = 1;
    while (tt_now() < t_end && nkids < 200) {
        tt_dgemm(N, N, N, 1.0, A, B, 0.0, C);
        int wrong = tt_relerr(C, EXPECT, N * N) > TT_TOL;
        if (in_child) _exit(wrong ? 3 : 0); /* the child finished the call the fork interrupted */
        bad += wrong;
        calls++;
    }
    in_loop = 0;
    if (in_child) _exit(0); /* forked between the last check and here: no call was interrupted */
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
    /* the page-fault cases' C: a mapping of its own that children do not get (see the top) */
    C_PARENT_ONLY = mmap(NULL, sizeof(double) * N * N, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (C_PARENT_ONLY == MAP_FAILED || madvise(C_PARENT_ONLY, sizeof(double) * N * N, MADV_DONTFORK) != 0) {
        perror("mmap/madvise C");
        return 1;
    }
    EXPECT = malloc(sizeof(double) * N * N);
    tt_ref_gemm(N, N, N, 1.0, A, B, 0.0, EXPECT);
    int bad = 0;
    tt_case = "page faults after fork, 1 thread";
    bad += faults_after_fork(1);
    tt_case = "page faults after fork, 2 threads";
    bad += faults_after_fork(2);
    tt_case = "page faults after fork, 8 threads";
    bad += faults_after_fork(8);
    tt_case = "fork in a signal handler";
    bad += fork_in_handler();
    printf("%s\n", bad ? "FAILED" : "passed");
    return bad != 0;
}
