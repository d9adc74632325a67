/* Torture case: parallel calls that write memory a fork left shared with a live process.
 *
 * After fork() the parent's matrices are shared copy-on-write with the child until written.
 * Before a parallel job writes its output, SafeBLAS makes that output's pages private from the
 * calling thread (src/runtime/output_pages.h). This checks what must hold whatever it does:
 *
 * 1. Parent, child alive (blocked on a pipe): dgemm, dsyrk, dtrsm and dgetrf on 2 and 8
 *    threads into matrices made before the fork give the bits of the same calls on one thread
 *    into private copies; the child, afterwards, still sees the matrices as they were at the fork.
 * 2. A block of a taller matrix (columns 32 KiB apart): the result is right, and the
 *    pages between the block's columns, which no call writes, are still shared with the child
 *    afterwards (/proc/self/pagemap; skipped where it cannot be read): making an output private
 *    must not copy memory the call never writes.
 * 3. The child's first parallel calls, into matrices it inherited: the same bits.
 * 4. Level-1 updates long enough to split on any thread count above one (daxpy with a negative
 *    increment, dswap with a stride of 2 and a second output, dscal, dcopy) into the middle third
 *    of a vector made before the fork: the same bits, and pages of the outer thirds, which no
 *    call writes, still shared with the child afterwards.
 * Every case runs under the watchdog; the child is killed if the parent fails. */
#include <fcntl.h>
#include <stdint.h>

#include "safeblas_lapack.h"
#include "torture.h"

#define N 192
#define TALL 4096 /* rows of the matrix the block sits in: 32 KiB between its columns */
#define BLOCK 96 /* 96 x 96 x 192: past the small kernel, so the call goes to the pool */
#define NV (512 * 1024) /* level-1 length: 4 MiB, past every threshold for two threads */

static double *A, *B, *C, *S, *T, *L, *G, *BIG, *V, *W, *XV;
static blas_int ipiv[N];

/* what the cases compute, on one thread, into private copies: the oracle */
static double *X_C, *X_S, *X_T, *X_G, *X_BIG, *X_V, *X_W;
static blas_int x_ipiv[N];

static void fill_outputs(void)
{
    for (size_t i = 0; i < (size_t)N * N; i++) {
        C[i] = 0.25 * (double)(i % 13);
        S[i] = 0.5 * (double)(i % 7);
        T[i] = B[i];
        G[i] = A[i] + (i % (N + 1) == 0 ? N : 0); /* diagonally dominant enough to pivot little */
    }
    for (size_t i = 0; i < (size_t)TALL * BLOCK; i++) BIG[i] = (double)(i % 17);
    for (size_t i = 0; i < (size_t)3 * NV; i++) V[i] = (double)(i % 11) - 5.0;
    for (size_t i = 0; i < (size_t)NV / 2; i++) W[i] = (double)(i % 5);
}

static void compute(double *c, double *s, double *t, double *g, blas_int *piv, double *big, double *v,
                    double *w)
{
    blas_int n = N, blk = BLOCK, tall = TALL, info, nv = NV, half_nv = NV / 2, inc1 = 1, inc2 = 2, dec1 = -1;
    double one = 1.0, half = 0.5, third = 1.0 / 3.0;
    dgemm_("N", "N", &n, &n, &n, &one, A, &n, B, &n, &half, c, &n, 1, 1);
    dsyrk_("L", "N", &n, &n, &one, A, &n, &half, s, &n, 1, 1);
    dtrsm_("L", "L", "N", "N", &n, &n, &one, L, &n, t, &n, 1, 1, 1, 1);
    dgetrf_(&n, &n, g, &n, piv, &info);
    /* a BLOCK x BLOCK block at row 8 of a TALL x BLOCK matrix */
    dgemm_("N", "T", &blk, &blk, &n, &one, A, &n, B, &blk, &half, big + 8, &tall, 1, 1);
    /* the middle third of v: [NV, 2 NV) */
    daxpy_(&nv, &third, XV, &inc1, v + NV, &dec1);
    dswap_(&half_nv, w, &inc1, v + NV, &inc2);
    dscal_(&nv, &half, v + NV, &inc1);
    dcopy_(&half_nv, XV, &inc1, v + NV + 1, &inc2);
}

static int same(const char *what, const double *x, const double *y, size_t len)
{
    if (memcmp(x, y, sizeof(double) * len) == 0) return 1;
    printf("FAIL: %s differs from the one-thread result\n", what);
    return 0;
}

/* 1 if the page at addr is still shared with another process, 0 if not, -1 if unknown */
static int page_shared(const void *addr)
{
    int fd = open("/proc/self/pagemap", O_RDONLY);
    if (fd < 0) return -1;
    uint64_t e;
    long page = sysconf(_SC_PAGESIZE);
    int r = -1;
    if (pread(fd, &e, sizeof e, (off_t)((uintptr_t)addr / (uintptr_t)page * sizeof e)) == (ssize_t)sizeof e &&
        (e & (1ull << 63)))
        r = !(e & (1ull << 56));
    close(fd);
    return r;
}

static int check_all(const char *who)
{
    int ok = same("dgemm", C, X_C, (size_t)N * N) & same("dsyrk", S, X_S, (size_t)N * N) &
             same("dtrsm", T, X_T, (size_t)N * N) & same("dgetrf", G, X_G, (size_t)N * N) &
             same("dgemm into a block", BIG, X_BIG, (size_t)TALL * BLOCK) &
             same("level-1 updates", V, X_V, (size_t)3 * NV) & same("dswap's x", W, X_W, (size_t)NV / 2);
    if (memcmp(ipiv, x_ipiv, sizeof ipiv) != 0) {
        printf("FAIL: dgetrf's pivots differ\n");
        ok = 0;
    }
    printf("%s: %s\n", who, ok ? "same bits as one thread" : "DIFFERENT");
    return ok;
}

/* The child: waits for the parent's word, checks its view is the fork's, then (case 3) runs the
 * same calls on `threads` threads on what it inherited. Exit 0 when all holds. */
static int child(int rd, int threads, const double *c_at_fork, const double *big_at_fork, const double *v_at_fork)
{
    char go;
    if (read(rd, &go, 1) != 1) return 3;
    int ok = 1;
    if (memcmp(C, c_at_fork, sizeof(double) * (size_t)N * N) != 0 ||
        memcmp(BIG, big_at_fork, sizeof(double) * (size_t)TALL * BLOCK) != 0 ||
        memcmp(V, v_at_fork, sizeof(double) * (size_t)3 * NV) != 0) {
        printf("FAIL: the child's matrices changed after the parent's calls\n");
        ok = 0;
    }
    safeblas_set_num_threads(threads);
    compute(C, S, T, G, ipiv, BIG, V, W);
    ok &= check_all("  child, its first parallel calls");
    return ok ? 0 : 1;
}

static int round_at(int threads)
{
    char name[64];
    snprintf(name, sizeof name, "parent with a live child, %d threads", threads);
    tt_case = "fork_shared_output";
    fill_outputs();
    double *c_at_fork = malloc(sizeof(double) * (size_t)N * N), *big_at_fork = malloc(sizeof(double) * TALL * BLOCK);
    memcpy(c_at_fork, C, sizeof(double) * (size_t)N * N);
    memcpy(big_at_fork, BIG, sizeof(double) * (size_t)TALL * BLOCK);
    double *v_at_fork = malloc(sizeof(double) * 3 * NV);
    memcpy(v_at_fork, V, sizeof(double) * 3 * NV);
    int fds[2];
    if (pipe(fds) != 0) return 0;
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[1]);
        _exit(child(fds[0], threads, c_at_fork, big_at_fork, v_at_fork));
    }
    close(fds[0]);
    safeblas_set_num_threads(threads);
    compute(C, S, T, G, ipiv, BIG, V, W);
    int ok = check_all(name);
    /* the page in the middle of the gap between the block's first two columns */
    const char *gap = (const char *)(BIG + TALL / 2);
    int shared = page_shared(gap);
    if (shared < 0) printf("  gap page: /proc/self/pagemap not readable here, check skipped\n");
    else if (!shared) {
        printf("FAIL: a page between the block's columns, which no call writes, was copied\n");
        ok = 0;
    } else printf("  gap page between the block's columns: still shared with the child\n");
    /* pages in the middle of the outer thirds of v, around the part the level-1 calls write */
    int below = page_shared(V + NV / 2), above = page_shared(V + 5 * (size_t)NV / 2);
    if (below >= 0 && above >= 0) {
        if (!below || !above) {
            printf("FAIL: a page of the vector outside what the level-1 calls write was copied (%s)\n",
                   !below ? "below" : "above");
            ok = 0;
        } else printf("  pages around the level-1 calls' output: still shared with the child\n");
    }
    if (write(fds[1], "g", 1) != 1) ok = 0;
    close(fds[1]);
    int st = tt_wait(pid);
    if (st != 0) {
        printf("FAIL: child exit status %d\n", st);
        ok = 0;
    }
    free(c_at_fork);
    free(big_at_fork);
    free(v_at_fork);
    return ok;
}

int main(void)
{
    tt_init(240);
    A = tt_rand_mat(N, N, 1);
    B = tt_rand_mat(N, N, 2);
    L = tt_tri_mat(N, 3);
    C = malloc(sizeof(double) * N * N);
    S = malloc(sizeof(double) * N * N);
    T = malloc(sizeof(double) * N * N);
    G = malloc(sizeof(double) * N * N);
    BIG = malloc(sizeof(double) * TALL * BLOCK);
    X_C = malloc(sizeof(double) * N * N);
    X_S = malloc(sizeof(double) * N * N);
    X_T = malloc(sizeof(double) * N * N);
    X_G = malloc(sizeof(double) * N * N);
    X_BIG = malloc(sizeof(double) * TALL * BLOCK);
    V = malloc(sizeof(double) * 3 * NV);
    W = malloc(sizeof(double) * NV / 2);
    XV = tt_rand_mat(NV, 1, 4);
    X_V = malloc(sizeof(double) * 3 * NV);
    X_W = malloc(sizeof(double) * NV / 2);
    /* the oracle: one thread, private memory (no fork yet) */
    fill_outputs();
    memcpy(X_C, C, sizeof(double) * N * N);
    memcpy(X_S, S, sizeof(double) * N * N);
    memcpy(X_T, T, sizeof(double) * N * N);
    memcpy(X_G, G, sizeof(double) * N * N);
    memcpy(X_BIG, BIG, sizeof(double) * TALL * BLOCK);
    memcpy(X_V, V, sizeof(double) * 3 * NV);
    memcpy(X_W, W, sizeof(double) * NV / 2);
    safeblas_set_num_threads(1);
    compute(X_C, X_S, X_T, X_G, x_ipiv, X_BIG, X_V, X_W);
    int ok = 1;
    static const int threads[] = {2, 8};
    for (int i = 0; i < 2; i++) ok &= round_at(threads[i]);
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
