/* Shared helpers of the torture programs (header-only: each .c file in tests/torture is one program).
 *
 *  - a watchdog: tt_watchdog(seconds) arms alarm(); on expiry the program prints which case
 *    hung (tt_case) and exits 2, so a hang is a named failure even before CTest's TIMEOUT;
 *  - the Fortran BLAS prototypes the cases call and plain oracles for them;
 *  - a pool job (tt_pool_gemm) run through the exported test hook safeblas_test_parallel_run,
 *    so the thread pool is exercised whatever the drivers do; it records which threads ran parts;
 *  - SAFEBLAS_PARALLEL_THRESHOLD=0 (tt_init): every routine that can go parallel does, even
 *    for the small matrices used here.
 * Under ThreadSanitizer (TT_TSAN) the round counts shrink and die_after_fork is turned off. */
#ifndef SB_TORTURE_H
#define SB_TORTURE_H

#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "safeblas.h"
#include "testutil.h"

#if defined(__SANITIZE_THREAD__)
#define TT_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TT_TSAN 1
#endif
#endif
#ifndef TT_TSAN
#define TT_TSAN 0
#endif

#if TT_TSAN
/* fork() in a threaded process: the child here starts threads (that is the point of the
 * test), which TSan refuses by default (die_after_fork=1). SafeBLAS's child handler resets all
 * state, so the child is sound; tell TSan to let it run. */
__attribute__((visibility("default"), used)) const char *__tsan_default_options(void);
__attribute__((visibility("default"), used)) const char *__tsan_default_options(void)
{
    return "die_after_fork=0:halt_on_error=0:exitcode=66";
}
#endif

#define TT_UNUSED __attribute__((unused))

/* ---- the exported test hooks of the runtime (src/runtime/parallel.h) ---- */
typedef void (*tt_part_fn)(void *ctx, int part, int nparts);
void safeblas_test_parallel_run(int nparts, tt_part_fn part, void *ctx);
int safeblas_test_pool_workers(void);
unsigned safeblas_test_pool_generation(void);

/* ---- Fortran BLAS (gfortran ABI: hidden lengths at the end) ---- */
void dgemm_(const char *ta, const char *tb, const blas_int *m, const blas_int *n, const blas_int *k,
            const double *alpha, const double *a, const blas_int *lda, const double *b, const blas_int *ldb,
            const double *beta, double *c, const blas_int *ldc, size_t, size_t);
void dsyrk_(const char *uplo, const char *trans, const blas_int *n, const blas_int *k, const double *alpha,
            const double *a, const blas_int *lda, const double *beta, double *c, const blas_int *ldc, size_t,
            size_t);
void dsymm_(const char *side, const char *uplo, const blas_int *m, const blas_int *n, const double *alpha,
            const double *a, const blas_int *lda, const double *b, const blas_int *ldb, const double *beta, double *c,
            const blas_int *ldc, size_t, size_t);
void dtrsm_(const char *side, const char *uplo, const char *transa, const char *diag, const blas_int *m,
            const blas_int *n, const double *alpha, const double *a, const blas_int *lda, double *b,
            const blas_int *ldb, size_t, size_t, size_t, size_t);
void dtrmm_(const char *side, const char *uplo, const char *transa, const char *diag, const blas_int *m,
            const blas_int *n, const double *alpha, const double *a, const blas_int *lda, double *b,
            const blas_int *ldb, size_t, size_t, size_t, size_t);
double ddot_(const blas_int *n, const double *x, const blas_int *incx, const double *y, const blas_int *incy);
void daxpy_(const blas_int *n, const double *alpha, const double *x, const blas_int *incx, double *y,
            const blas_int *incy);
void dswap_(const blas_int *n, double *x, const blas_int *incx, double *y, const blas_int *incy);
void dscal_(const blas_int *n, const double *alpha, double *x, const blas_int *incx);
void dcopy_(const blas_int *n, const double *x, const blas_int *incx, double *y, const blas_int *incy);

/* ---- watchdog ---- */
static const char *volatile tt_case = "start";

static void tt_alarm(int sig)
{
    (void)sig;
    const char *c = tt_case;
    char msg[256];
    size_t n = 0;
    const char *pre = "TORTURE HANG: watchdog expired in case: ";
    for (const char *p = pre; *p && n < sizeof msg - 2; p++) msg[n++] = *p;
    for (const char *p = c; *p && n < sizeof msg - 2; p++) msg[n++] = *p;
    msg[n++] = '\n';
    ssize_t r = write(2, msg, n);
    (void)r;
    _exit(2);
}

static TT_UNUSED void tt_watchdog(unsigned seconds)
{
    signal(SIGALRM, tt_alarm);
    alarm(seconds);
}

static TT_UNUSED void tt_init(unsigned watchdog_seconds)
{
    setenv("SAFEBLAS_PARALLEL_THRESHOLD", "0", 1);
    setvbuf(stdout, NULL, _IOLBF, 0);
    tt_watchdog(watchdog_seconds);
}

static TT_UNUSED double tt_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Wait for a child; returns its exit status, 128+signal when killed, -1 on error. */
static TT_UNUSED int tt_wait(pid_t pid)
{
    int st;
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return -1;
}

/* ---- matrices and oracles (column-major) ---- */
static TT_UNUSED double *tt_rand_mat(int rows, int cols, uint64_t seed)
{
    double *a = malloc(sizeof(double) * (size_t)rows * (size_t)cols + 8);
    sbt_seed(seed);
    for (size_t i = 0; i < (size_t)rows * (size_t)cols; i++) a[i] = sbt_rand();
    return a;
}

/* C := alpha*A*B + beta*C, A m x k, B k x n */
static TT_UNUSED void tt_ref_gemm(int m, int n, int k, double alpha, const double *a, const double *b, double beta,
                                  double *c)
{
    for (int j = 0; j < n; j++)
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int l = 0; l < k; l++) s += a[i + (size_t)l * m] * b[l + (size_t)j * k];
            c[i + (size_t)j * m] = alpha * s + (beta == 0 ? 0 : beta * c[i + (size_t)j * m]);
        }
}

/* upper triangle of C := alpha*A*A^T + beta*C, A n x k */
static TT_UNUSED void tt_ref_syrk_un(int n, int k, double alpha, const double *a, double beta, double *c)
{
    for (int j = 0; j < n; j++)
        for (int i = 0; i <= j; i++) {
            double s = 0;
            for (int l = 0; l < k; l++) s += a[i + (size_t)l * n] * a[j + (size_t)l * n];
            c[i + (size_t)j * n] = alpha * s + beta * c[i + (size_t)j * n];
        }
}

/* B := alpha * inv(L) * B, L lower triangular (non-unit) m x m, B m x n */
static TT_UNUSED void tt_ref_trsm_lln(int m, int n, double alpha, const double *l, double *b)
{
    for (int j = 0; j < n; j++) {
        double *x = b + (size_t)j * m;
        for (int i = 0; i < m; i++) x[i] *= alpha;
        for (int i = 0; i < m; i++) {
            double s = x[i];
            for (int p = 0; p < i; p++) s -= l[i + (size_t)p * m] * x[p];
            x[i] = s / l[i + (size_t)i * m];
        }
    }
}

/* B := alpha * U * B, U upper triangular (non-unit) m x m */
static TT_UNUSED void tt_ref_trmm_lun(int m, int n, double alpha, const double *u, double *b)
{
    double *t = malloc(sizeof(double) * (size_t)m);
    for (int j = 0; j < n; j++) {
        double *x = b + (size_t)j * m;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int p = i; p < m; p++) s += u[i + (size_t)p * m] * x[p];
            t[i] = alpha * s;
        }
        memcpy(x, t, sizeof(double) * (size_t)m);
    }
    free(t);
}

/* A well-conditioned triangular matrix: random entries, diagonal m + 1. */
static TT_UNUSED double *tt_tri_mat(int m, uint64_t seed)
{
    double *a = tt_rand_mat(m, m, seed);
    for (int i = 0; i < m; i++) a[i + (size_t)i * m] = m + 1.0;
    return a;
}

/* max |x - y| / (1 + max |y|) */
static TT_UNUSED double tt_relerr(const double *x, const double *y, size_t len)
{
    double d = 0, s = 0;
    for (size_t i = 0; i < len; i++) {
        double e = fabs(x[i] - y[i]);
        if (!(e <= d)) d = e; /* NaN propagates */
        if (fabs(y[i]) > s) s = fabs(y[i]);
    }
    return d / (1 + s);
}

#define TT_TOL 1e-12

/* The helpers below call the library directly; a program that loads it with dlopen instead
 * (dlopen_loop.c) defines TT_NOT_LINKED. */
#ifndef TT_NOT_LINKED

/* Fortran calls, column-major, full leading dimensions */
static TT_UNUSED void tt_dgemm(int m, int n, int k, double alpha, const double *a, const double *b, double beta,
                               double *c)
{
    blas_int M = m, N = n, K = k;
    dgemm_("N", "N", &M, &N, &K, &alpha, a, &M, b, &K, &beta, c, &M, 1, 1);
}

static TT_UNUSED void tt_dsyrk(int n, int k, double alpha, const double *a, double beta, double *c)
{
    blas_int N = n, K = k;
    dsyrk_("U", "N", &N, &K, &alpha, a, &N, &beta, c, &N, 1, 1);
}

static TT_UNUSED void tt_dtrsm(int m, int n, double alpha, const double *l, double *b)
{
    blas_int M = m, N = n;
    dtrsm_("L", "L", "N", "N", &M, &N, &alpha, l, &M, b, &M, 1, 1, 1, 1);
}

static TT_UNUSED void tt_dtrmm(int m, int n, double alpha, const double *u, double *b)
{
    blas_int M = m, N = n;
    dtrmm_("L", "U", "N", "N", &M, &N, &alpha, u, &M, b, &M, 1, 1, 1, 1);
}

/* ---- a pool job: C = A*B split over column blocks, run by the runtime's pool ---- */
#define TT_MAX_PARTS 512
typedef struct {
    int m, n, k;
    const double *a, *b;
    double *c;
    double part_sleep_s;             /* optional: each part also sleeps this long */
    atomic_int ran[TT_MAX_PARTS];    /* how often each part ran (must be exactly once) */
    pthread_t who[TT_MAX_PARTS];     /* which thread ran it */
} tt_job;

static void tt_job_part(void *ctx, int part, int nparts)
{
    tt_job *j = ctx;
    int j0 = (int)((long)j->n * part / nparts), j1 = (int)((long)j->n * (part + 1) / nparts);
    for (int col = j0; col < j1; col++)
        for (int i = 0; i < j->m; i++) {
            double s = 0;
            for (int l = 0; l < j->k; l++) s += j->a[i + (size_t)l * j->m] * j->b[l + (size_t)col * j->k];
            j->c[i + (size_t)col * j->m] = s;
        }
    if (j->part_sleep_s > 0) {
        struct timespec ts = {0, (long)(j->part_sleep_s * 1e9)};
        nanosleep(&ts, NULL);
    }
    if (part < TT_MAX_PARTS) {
        j->who[part] = pthread_self();
        atomic_fetch_add(&j->ran[part], 1);
    }
}

/* Runs the pool job; returns the number of distinct threads that ran parts, or -1 when a part
 * did not run exactly once or the product is wrong (compared with `expect`, the oracle's). */
static TT_UNUSED int tt_pool_gemm(int nparts, int m, int n, int k, const double *a, const double *b,
                                  const double *expect, double part_sleep_s)
{
    tt_job *j = calloc(1, sizeof *j);
    double *c = malloc(sizeof(double) * (size_t)m * n);
    for (size_t i = 0; i < (size_t)m * n; i++) c[i] = NAN;
    j->m = m, j->n = n, j->k = k, j->a = a, j->b = b, j->c = c, j->part_sleep_s = part_sleep_s;
    if (nparts > TT_MAX_PARTS) nparts = TT_MAX_PARTS;
    safeblas_test_parallel_run(nparts, tt_job_part, j);
    int ok = 1, distinct = 0;
    for (int p = 0; p < nparts; p++) {
        if (atomic_load(&j->ran[p]) != 1) ok = 0;
        int seen = 0;
        for (int q = 0; q < p; q++)
            if (pthread_equal(j->who[q], j->who[p])) seen = 1;
        if (!seen) distinct++;
    }
    if (expect && memcmp(c, expect, sizeof(double) * (size_t)m * n) != 0) ok = 0;
    free(c);
    free(j);
    return ok ? distinct : -1;
}

/* The pool job with threads: 4*nt parts sleeping `part_sleep_s` each, repeated (up to 8 times,
 * each time with parts twice as long, up to 50 ms) until more than one thread took part, since
 * a loaded machine may starve the workers for a while. Returns the most distinct threads seen,
 * or -1 when any run was wrong. */
static TT_UNUSED int tt_pool_parallel(int nt, int m, int n, int k, const double *a, const double *b,
                                      const double *expect, double part_sleep_s)
{
    int best = 0;
    for (int tries = 0; tries < 8 && best < 2; tries++) {
        int d = tt_pool_gemm(4 * nt, m, n, k, a, b, expect, part_sleep_s);
        if (d < 0) return -1;
        if (d > best) best = d;
        if (part_sleep_s < 0.05) part_sleep_s *= 2;
    }
    return best;
}

#endif /* TT_NOT_LINKED */

/* The same product computed the way tt_job_part does (the pool result must match it bitwise). */
static TT_UNUSED double *tt_plain_product(int m, int n, int k, const double *a, const double *b)
{
    double *c = malloc(sizeof(double) * (size_t)m * n);
    tt_ref_gemm(m, n, k, 1.0, a, b, 0.0, c);
    return c;
}

/* Threads of this process (entries of /proc/self/task). */
#include <dirent.h>
static TT_UNUSED int tt_thread_count(void)
{
    DIR *d = opendir("/proc/self/task");
    if (!d) return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') n++;
    closedir(d);
    return n;
}

#endif
