/* The fork section of safeblas-bench; see sbb_fork.h. */
#define _GNU_SOURCE
#include "sbb_fork.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define N 256

/* ---- worker side ---- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* On a shared machine other processes only ever add time: the best sample is the cost. */
static double best_of(const double *v, int n)
{
    double b = v[0];
    for (int i = 1; i < n; i++)
        if (v[i] < b) b = v[i];
    return b;
}

typedef struct {
    double s;                   /* fork + waitpid, seconds */
    long parent_faults, child_faults;
} forked;

static forked fork_wait(void)
{
    struct rusage before, after, child;
    memset(&child, 0, sizeof child);
    getrusage(RUSAGE_SELF, &before);
    forked f;
    double t = sbb_now();
    pid_t p = fork();
    if (p == 0) _exit(0);
    if (p > 0)
        while (wait4(p, NULL, 0, &child) < 0 && errno == EINTR) {
        }
    f.s = sbb_now() - t;
    getrusage(RUSAGE_SELF, &after);
    f.parent_faults = after.ru_minflt - before.ru_minflt;
    f.child_faults = child.ru_minflt;
    return f;
}

/* Best fork + waitpid of reps (after 3 unmeasured), and the mean faults per fork. */
static double fork_wait_best(int reps, double *parent_faults, double *child_faults)
{
    double *t = malloc(sizeof(double) * (size_t)reps);
    long pf = 0, cf = 0;
    for (int i = 0; i < 3; i++) fork_wait();
    for (int i = 0; i < reps; i++) {
        forked f = fork_wait();
        t[i] = f.s;
        pf += f.parent_faults;
        cf += f.child_faults;
    }
    double b = best_of(t, reps);
    free(t);
    if (parent_faults) *parent_faults = (double)pf / reps;
    if (child_faults) *child_faults = (double)cf / reps;
    return b;
}

/* The price of the threads themselves, which no library avoids while its threads live: fork +
 * waitpid in a copy of this process (the same memory, no library) that runs nthreads - 1 idle
 * threads of its own (glibc's stacks, blocked in read). glibc takes and resets more locks around a
 * fork when a process has threads, and the kernel copies each thread's stack mappings. Measured in
 * a child process, so that these threads' stacks (which glibc caches after a join) do not stay in
 * this one. Returns seconds, or 0 when it could not be measured. */
static void *idle_thread(void *arg)
{
    char c;
    while (read(*(int *)arg, &c, 1) < 0 && errno == EINTR) {
    }
    return NULL;
}

static double fork_wait_plain_threads(int nthreads, int reps)
{
    int res[2], hold[2];
    if (pipe(res) != 0) return 0;
    if (pipe(hold) != 0) {
        close(res[0]);
        close(res[1]);
        return 0;
    }
    pid_t p = fork();
    if (p == 0) {
        close(res[0]);
        close(hold[1]);
        alarm(60);
        double t = 0;
        int started = 0;
        for (int i = 0; i < nthreads - 1; i++) {
            pthread_t tid;
            if (pthread_create(&tid, NULL, idle_thread, &hold[0]) == 0) started++;
        }
        if (started == nthreads - 1) {
            usleep(20000); /* every thread blocked in read */
            t = fork_wait_best(reps, NULL, NULL);
        }
        if (write(res[1], &t, sizeof t) != (ssize_t)sizeof t) _exit(2);
        _exit(0);
    }
    close(res[1]);
    close(hold[0]);
    double t = 0;
    struct pollfd pf = {res[0], POLLIN, 0};
    if (p < 0 || poll(&pf, 1, 60000) != 1 || read(res[0], &t, sizeof t) != (ssize_t)sizeof t) t = 0;
    close(res[0]);
    close(hold[1]); /* the child's threads end with it */
    if (p > 0) {
        if (t == 0) kill(p, SIGKILL);
        waitpid(p, NULL, 0);
    }
    return t;
}

static void dgemm_n(const sbb_lib *L, const double *A, const double *B, double *C)
{
    const sbb_int nn = N;
    const double one = 1.0, zero = 0.0;
    L->dgemm("N", "N", &nn, &nn, &nn, &one, A, &nn, B, &nn, &zero, C, &nn, 1, 1);
}

/* What the dgemm's own writes to C cost after a fork without any library: one write per page. */
static void touch_pages(double *C)
{
    volatile double *c = C;
    for (size_t i = 0; i < (size_t)N * N; i += 4096 / sizeof(double)) c[i] = c[i] + 1.0;
}

/* The child's first parallel dgemm right after fork, and its second (medians). */
static void child_calls(const sbb_lib *L, const double *A, const double *B, double *C, int quick)
{
    int tries = quick ? 3 : 5, got = 0;
    double first[5], second[5], budget = quick ? 4.0 : 10.0, t_begin = sbb_now();
    for (int i = 0; i < tries; i++) {
        if (i >= 1 && sbb_now() - t_begin > budget) break;
        int fds[2];
        if (pipe(fds) != 0) break;
        pid_t p = fork();
        if (p == 0) {
            close(fds[0]);
            alarm(20);
            double v[2], s = sbb_now();
            dgemm_n(L, A, B, C);
            v[0] = sbb_now() - s;
            s = sbb_now();
            dgemm_n(L, A, B, C);
            v[1] = sbb_now() - s;
            if (write(fds[1], v, sizeof v) != (ssize_t)sizeof v) _exit(2);
            _exit(0);
        }
        close(fds[1]);
        double v[2];
        struct pollfd pf = {fds[0], POLLIN, 0};
        int ok = p > 0 && poll(&pf, 1, 25000) == 1 && read(fds[0], v, sizeof v) == (ssize_t)sizeof v;
        close(fds[0]);
        if (p > 0) {
            if (!ok) kill(p, SIGKILL);
            waitpid(p, NULL, 0);
        }
        if (!ok) {
            printf("F child_hang 1\n");
            return;
        }
        first[got] = v[0];
        second[got] = v[1];
        got++;
    }
    if (got)
        printf("F child_first_ms %.3f\nF child_second_ms %.3f\n", median(first, got) * 1e3,
               median(second, got) * 1e3);
}

int sbb_fork_worker(const char *name, const char *path, int quick)
{
    const int reps = quick ? 15 : 41;
    size_t nn = (size_t)N * N;
    double *A = malloc(nn * 8), *B = malloc(nn * 8), *C = malloc(nn * 8);
    double *t1 = malloc(sizeof(double) * reps), *t2 = malloc(sizeof(double) * reps),
           *t3 = malloc(sizeof(double) * reps);
    sbb_fill(A, nn, 1);
    sbb_fill(B, nn, 2);
    sbb_fill(C, nn, 3);

    /* 1. fork + waitpid before the library is loaded (the same matrices mapped), after it is
     * loaded, and after it has run in parallel */
    printf("F plain_us %.1f\n", fork_wait_best(reps, NULL, NULL) * 1e6);
    const char *tenv = getenv("SAFEBLAS_NUM_THREADS"); /* the bench sets every library's variable alike */
    int nthreads = tenv ? atoi(tenv) : 0;
    if (nthreads > 1) printf("F threads_us %.1f\n", fork_wait_plain_threads(nthreads, reps) * 1e6);
    fflush(stdout);
    sbb_lib L;
    char err[512];
    if (sbb_lib_open(&L, name, path && strcmp(path, "self") ? path : NULL, err, sizeof err) != 0 || !L.dgemm) {
        printf("E cannot load %s: %s\n", path, L.dgemm ? err : "no dgemm_");
        return 1;
    }
    double loaded = fork_wait_best(reps, NULL, NULL);
    for (int i = 0; i < 3; i++) dgemm_n(&L, A, B, C); /* the threads exist and have run */
    double pf, cf, after = fork_wait_best(reps, &pf, &cf);
    printf("F loaded_us %.1f\nF after_us %.1f\nF after_ratio %.3f\nF parent_faults %.1f\nF child_faults %.1f\n",
           loaded * 1e6, after * 1e6, after / loaded, pf, cf);
    fflush(stdout);

    /* 2. dgemm alone, fork + waitpid + dgemm, fork + waitpid + C's pages written without BLAS,
     * interleaved so drift hits all alike (a slow library gets fewer samples: about 10 s, 4 s quick) */
    double budget = quick ? 4.0 : 10.0, t_begin = sbb_now();
    int taken = 0;
    for (int i = 0; i < reps; i++) {
        if (i >= 3 && sbb_now() - t_begin > budget) break;
        taken++;
        double s = sbb_now();
        dgemm_n(&L, A, B, C);
        t1[i] = sbb_now() - s;
        s = sbb_now();
        fork_wait();
        dgemm_n(&L, A, B, C);
        t2[i] = sbb_now() - s;
        s = sbb_now();
        fork_wait();
        touch_pages(C);
        t3[i] = sbb_now() - s;
    }
    double alone = best_of(t1, taken), with = best_of(t2, taken), touch = best_of(t3, taken);
    printf("F dgemm_us %.1f\nF forkdgemm_us %.1f\nF touch_us %.1f\nF cost_us %.1f\nF cow_ratio %.3f\n", alone * 1e6,
           with * 1e6, touch * 1e6, (with - alone) * 1e6, (with - alone) / touch);
    fflush(stdout);

    /* 3. a parent whose child lives on (a process pool): the first dgemm after each fork writes a
     * C that the child still shares, so its pages are copied as they are written */
    double *t4 = malloc(sizeof(double) * reps);
    int live = 0;
    t_begin = sbb_now();
    for (int i = 0; i < reps; i++) {
        if (i >= 3 && sbb_now() - t_begin > budget) break;
        int fds[2];
        if (pipe(fds) != 0) break;
        pid_t p = fork();
        if (p == 0) {
            char c;
            close(fds[1]);
            alarm(20);
            while (read(fds[0], &c, 1) < 0 && errno == EINTR) {
            }
            _exit(0);
        }
        close(fds[0]);
        double s = sbb_now();
        dgemm_n(&L, A, B, C);
        t4[live++] = sbb_now() - s;
        close(fds[1]); /* the child reads end of file and exits */
        if (p > 0) waitpid(p, NULL, 0);
        if (p < 0) break;
    }
    if (live) printf("F live_us %.1f\n", best_of(t4, live) * 1e6);
    free(t4);
    fflush(stdout);

    /* 4. the child's first parallel call */
    child_calls(&L, A, B, C, quick);
    fflush(stdout);
    return 0;
}

/* ---- parent side ---- */

static const char *const keys[] = {"plain_us",  "loaded_us", "after_us",       "after_ratio",     "parent_faults",
                                   "child_faults", "dgemm_us", "forkdgemm_us", "touch_us",        "cost_us",
                                   "cow_ratio", "child_first_ms", "child_second_ms", "child_hang", "threads_us", "live_us"};
enum { K_PLAIN, K_LOADED, K_AFTER, K_AFTER_RATIO, K_PF, K_CF, K_ALONE, K_WITH, K_TOUCH, K_COST, K_COW_RATIO,
       K_FIRST, K_SECOND, K_HANG, K_THREADS, K_LIVE, NKEYS };

typedef struct {
    double v[NKEYS]; /* 0: not reported */
    char note[160];
} fork_result;

static void on_fork_line(const char *line, void *vctx)
{
    fork_result *r = vctx;
    char key[64];
    double v;
    if (!strncmp(line, "E ", 2)) {
        snprintf(r->note, sizeof r->note, "%s", line + 2);
        return;
    }
    if (sscanf(line, "F %63s %lf", key, &v) != 2) return;
    for (int k = 0; k < NKEYS; k++)
        if (!strcmp(keys[k], key)) r->v[k] = v;
}

static void run_fork(const sbb_fork_lib *L, int threads, int quick, fork_result *r)
{
    sbb_run_lib_worker("fork", L->name, L->path, L->info, threads, quick, quick ? 90 : 180, on_fork_line, r, r->note,
                       sizeof r->note);
}

/* "%.0f", or a dash when not measured */
static const char *num(char *buf, size_t len, double v, const char *fmt)
{
    if (v > 0) snprintf(buf, len, fmt, v);
    else snprintf(buf, len, "—");
    return buf;
}

void sbb_fork_section(FILE *o, const sbb_fork_lib *libs, int nlibs, int quick)
{
    static const int tcount[2] = {2, 16};
    fork_result *res = calloc((size_t)nlibs * 2, sizeof *res);
    for (int l = 0; l < nlibs; l++)
        for (int t = 0; t < 2; t++) run_fork(&libs[l], tcount[t], quick, &res[2 * l + t]);

    fprintf(o, "\n## Fork (issues 3 and 12)\n\nWhat `fork()` costs a program that computes with the library's "
               "threads (dgemm n = 256), each figure the best of %d samples in one worker process. "
               "fork+wait: `fork()`, the child `_exit`s, `waitpid()`; measured before the library is loaded, "
               "after it is loaded, and after parallel calls (page faults per fork: parent / child). "
               "Goal for SafeBLAS: after calls ≤ 1.2 × loaded. plain threads: fork+wait in a copy of the same "
               "process without a library, running threads − 1 idle threads of its own (glibc's price for a "
               "process with threads, and the kernel's for their stacks: what no library avoids while its "
               "threads live). fork+touch C: fork+wait, then one write to "
               "each page of C without BLAS (C's own copy-on-write); goal: (fork+dgemm − dgemm) ≤ 1.3 × "
               "fork+touch C. Child: its first parallel dgemm right after fork, and its second.\n\n",
            quick ? 15 : 41);
    fprintf(o, "| library | threads | fork+wait µs: no library | plain threads | loaded | after calls | after / loaded | "
               "after / plain threads | faults / fork | dgemm µs | fork+dgemm µs | fork+touch C µs | "
               "(fork+dgemm − dgemm) / fork+touch | child 1st ms | child 2nd ms |\n"
               "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int l = 0; l < nlibs; l++)
        for (int t = 0; t < 2; t++) {
            const double *v = res[2 * l + t].v;
            char b[14][32];
            fprintf(o, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", libs[l].name, tcount[t],
                    num(b[0], 32, v[K_PLAIN], "%.0f"), num(b[11], 32, v[K_THREADS], "%.0f"),
                    num(b[1], 32, v[K_LOADED], "%.0f"), num(b[2], 32, v[K_AFTER], "%.0f"),
                    num(b[3], 32, v[K_AFTER_RATIO], "%.2f"),
                    num(b[12], 32, v[K_THREADS] > 0 ? v[K_AFTER] / v[K_THREADS] : 0, "%.2f"),
                    v[K_AFTER] > 0 ? (snprintf(b[4], 32, "%.0f / %.0f", v[K_PF], v[K_CF]), b[4]) : "—",
                    num(b[5], 32, v[K_ALONE], "%.0f"), num(b[6], 32, v[K_WITH], "%.0f"),
                    num(b[7], 32, v[K_TOUCH], "%.0f"), num(b[8], 32, v[K_COW_RATIO], "%.2f"));
            if (v[K_HANG]) fprintf(o, " HANG | HANG |\n");
            else fprintf(o, " %s | %s |\n", num(b[9], 32, v[K_FIRST], "%.2f"), num(b[10], 32, v[K_SECOND], "%.2f"));
        }
    fprintf(o, "\nA parent whose child lives on (a process pool): the first dgemm after each fork writes a C "
               "the child still shares, so its pages are copied as they are written; with several threads "
               "each copy also interrupts the other CPUs running the call (best of the samples; dgemm alone "
               "as above).\n\n| library | threads | dgemm µs | first dgemm after fork, child alive µs | ratio |\n"
               "|---|---:|---:|---:|---:|\n");
    for (int l = 0; l < nlibs; l++)
        for (int t = 0; t < 2; t++) {
            const double *v = res[2 * l + t].v;
            char b[3][32];
            fprintf(o, "| %s | %d | %s | %s | %s |\n", libs[l].name, tcount[t], num(b[0], 32, v[K_ALONE], "%.0f"),
                    num(b[1], 32, v[K_LIVE], "%.0f"),
                    num(b[2], 32, v[K_ALONE] > 0 && v[K_LIVE] > 0 ? v[K_LIVE] / v[K_ALONE] : 0, "%.2f"));
        }
    for (int l = 0; l < nlibs; l++)
        for (int t = 0; t < 2; t++)
            if (res[2 * l + t].note[0])
                fprintf(o, "\n%s, %d threads: %s\n", libs[l].name, tcount[t], res[2 * l + t].note);
    free(res);
}
