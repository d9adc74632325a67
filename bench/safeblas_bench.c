/* safeblas-bench: SafeBLAS against the BLAS libraries Debian installs, side by side in one run.
 *
 *   safeblas-bench [--quick] [--large] [--rounds N] [--out FILE] [--plots DIR | --no-plots]
 *                  [--own-kernels] [--safeblas PATH] [--libs NAME,NAME,...]
 *                  [--sections speed,fork,loop,lapack,numpy,variants,linalg,small,parked,membw]
 *
 * Prints a markdown report on stdout (and into FILE): the CPU and its measured FMA peak (sbb_peak.c),
 * the libraries with the kernel each runs (sbb_peers.c: peers at their best), GFLOP/s of each library
 * for dgemm/sgemm/zgemm/cgemm over n = 16..2048 (--large: 4096 too), dsyrk, dtrsm, dgemv, dsymv,
 * dsyr2 (the level-2 rows at n = 1000..4000: issue 14's target), ddot, daxpy at 1 and 2 threads with the level-3 rows as % of the peak and the ratio SafeBLAS/peer (> 1:
 * SafeBLAS is faster), and the fork measurements of issues 3 and 12 (sbb_fork.c: fork + wait before and
 * after the library has run, against C's own copy-on-write, faults per fork, the first parallel call
 * in a child after fork; the motivating fork loop at 8 and 16 threads against 2) for the
 * threaded libraries; dgetrf and dpotrf at n = 1000, 2000, 4000 on 1 and 2 threads (SafeBLAS,
 * OpenBLAS's LAPACK, reference LAPACK on reference BLAS up to n = 1000) as GFLOP/s, % of the same
 * library's dgemm at that n and % of peak; numpy.linalg.inv at n = 216 and 2000 under
 * /usr/bin/python3 with SafeBLAS (through <build>/compat) and with the system's OpenBLAS.
 * The variants section (sbb_variants.c): every side/uplo/trans of dtrsm, dtrmm, dsymm, dsyrk, dsyr2k
 * and dgemm NN/NT/TN/TT at n = 1024 and 2048, SafeBLAS and the threaded peers, as % of SafeBLAS's
 * own dgemm and as ratios.
 * The small section (sbb_small.c): calls/s of gemm at n = 4, 8, 16 (NN, TN/CN; s, d, c, z) on one
 * thread, as a share of the library's real NN and as ratios.
 * The linalg section (sbb_numpy.c): numpy.linalg's eigh, eigvalsh, svd, qr, lstsq, solve, inv, det,
 * cholesky at n = 200, 1000, 2000 under each threaded library, and a perf profile of the slowest case.
 * The membw section (sbb_membw.c): level-2 routines (every uplo/trans of dtrmv and dtrsv, gemv, symv,
 * ger, syr, syr2, packed, complex) on matrices and level-1 routines on vectors far beyond the last-level
 * cache, in GB/s and as a share of the memory bandwidth measured in the same workers, 1 and 2 threads.
 * The parked section (sbb_parked.c): dgemv, dgemm and dsyrk near the parallel thresholds at 1 and 2
 * threads, in runs of back-to-back calls and with every call after a pause (the workers asleep).
 * PNG plots (GFLOP/s against n, sbb_plot.c) go to DIR, else beside FILE, else bench/results/.
 *
 * Each library runs in its own worker process (this program re-executed with --worker), with its
 * thread-count variable set before it is loaded, so two BLAS never share a process. The speed rows
 * are measured in rounds, every library once per row and round in a fresh worker (the starting
 * library rotating), and each library keeps its best round: drift on a shared machine hits all
 * libraries alike instead of whichever ran during a slow minute. */
#define _GNU_SOURCE
#include "sbb_common.h"
#include "sbb_cpu.h"
#include "sbb_fork.h"
#include "sbb_lapack.h"
#include "sbb_numpy.h"
#include "sbb_peak.h"
#include "sbb_peers.h"
#include "sbb_plot.h"
#include "sbb_small.h"
#include "sbb_membw.h"
#include "sbb_variants.h"
#include "sbb_parked.h"

#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef SBB_RESULTS_DIR
#define SBB_RESULTS_DIR "bench/results"
#endif

/* ------------------------------------------------------------------------------------------ */
/* What is measured                                                                            */

typedef struct {
    const char *routine;
    int n;
} row_t;

/* gemm at powers of two (the plots' x axis); level 1 at a cache-resident and a memory-bound size;
 * level 2 at a cache-resident size and at n = 1000..4000, where dsytrd (numpy's eigvalsh) calls
 * dsymv and LAPACK's blocked solvers call dgemv (issue 14). --large adds n = 4096 to each gemm. */
static const int gemm_n_full[] = {16, 32, 64, 128, 256, 512, 1024, 2048};
static const int gemm_n_quick[] = {16, 64, 256};
static const row_t rows_tail_full[] = {
    {"dsyrk", 64}, {"dsyrk", 256}, {"dsyrk", 1024}, {"dtrsm", 64}, {"dtrsm", 256}, {"dtrsm", 1024},
    {"dgemv", 256}, {"dgemv", 1000}, {"dgemv", 2048}, {"dgemv", 4000},
    {"dsymv", 1000}, {"dsymv", 2000}, {"dsymv", 4000}, {"dsyr2", 1000}, {"dsyr2", 2000}, {"dsyr2", 4000},
    {"ddot", 4096}, {"ddot", 1000000}, {"daxpy", 4096}, {"daxpy", 1000000},
};
static const row_t rows_tail_quick[] = {
    {"dsyrk", 256}, {"dtrsm", 256}, {"dgemv", 1000}, {"dsymv", 2000}, {"ddot", 100000}, {"daxpy", 100000},
};
static const char *const gemms[] = {"dgemm", "sgemm", "zgemm", "cgemm"};
#define MAX_ROWS 64
#define MAX_LIBS 8

static int quick, large;
static row_t rows[MAX_ROWS];
static int nrows;

static void make_rows(void)
{
    nrows = 0;
    if (!quick) { /* small dgemm: the call overhead */
        rows[nrows++] = (row_t){"dgemm", 4};
        rows[nrows++] = (row_t){"dgemm", 8};
    } else {
        rows[nrows++] = (row_t){"dgemm", 8};
    }
    const int *gn = quick ? gemm_n_quick : gemm_n_full;
    int ngn = quick ? (int)(sizeof gemm_n_quick / sizeof *gemm_n_quick) : (int)(sizeof gemm_n_full / sizeof *gemm_n_full);
    for (int r = 0; r < 4; r++) {
        for (int i = 0; i < ngn; i++) rows[nrows++] = (row_t){gemms[r], gn[i]};
        if (large) rows[nrows++] = (row_t){gemms[r], 4096};
    }
    const row_t *tail = quick ? rows_tail_quick : rows_tail_full;
    int ntail = quick ? (int)(sizeof rows_tail_quick / sizeof *rows_tail_quick) : (int)(sizeof rows_tail_full / sizeof *rows_tail_full);
    for (int i = 0; i < ntail; i++) rows[nrows++] = tail[i];
}

/* Level-3 rows are shown as a share of the FMA peak of their precision. */
static int is_level3(const char *r)
{
    return strstr(r, "gemm") || !strcmp(r, "dsyrk") || !strcmp(r, "dtrsm") || !strcmp(r, "dgetrf") ||
           !strcmp(r, "dpotrf");
}
static int single_precision(const char *r) { return r[0] == 's' || r[0] == 'c'; }

/* GFLOP/s for the tables, or what a negative code from sbb_gflops / run_row means. */
static void fmt_g(char *buf, size_t len, double g)
{
    if (g > 0) snprintf(buf, len, g >= 100 ? "%.0f" : g >= 10 ? "%.1f" : g >= 0.01 ? "%.2f" : "%.1e", g);
    else if (g == -1) snprintf(buf, len, "n/a");
    else if (g == -2) snprintf(buf, len, "slow");
    else if (g == 0) snprintf(buf, len, "—");
    else snprintf(buf, len, "err");
}

/* ------------------------------------------------------------------------------------------ */
/* Worker side: one library, one thread count, one kind of measurement; results as lines.     */

/* One speed row: "R routine n gflops" (see sbb_gflops for the negative codes). */
static void worker_row(const sbb_lib *L, const char *routine, int n, double budget, double est, double max_call)
{
    double g = sbb_gflops(L, routine, n, budget, max_call, est);
    printf("R %s %d %.6g\n", routine, n, g);
    fflush(stdout);
}

static volatile sig_atomic_t loop_round;
static void loop_alarm(int sig)
{
    (void)sig;
    char msg[64];
    int len = snprintf(msg, sizeof msg, "L hang_round %d\n", (int)loop_round);
    if (write(1, msg, (size_t)len) < 0) {}
    _exit(3);
}

static void worker_loop(const sbb_lib *L)
{
    int rounds = quick ? 6 : 20;
    double budget = quick ? 6.0 : 20.0;
    const int nmax = 512;
    size_t nn = (size_t)nmax * nmax;
    double *A0 = malloc(nn * 8), *A = malloc(nn * 8), *b0 = malloc(nmax * 8), *x = malloc(nmax * 8);
    sbb_fill(A0, nn, 7);
    sbb_fill(b0, nmax, 8);
    /* The program has used BLAS before it forks (numpy imports, earlier work). */
    memcpy(A, A0, 216 * 216 * 8);
    memcpy(x, b0, 216 * 8);
    if (sbb_lu_solve(L, 216, A, x) != 0) {
        printf("E solve needs dgemm_ and dtrsm_\n");
        return;
    }
    signal(SIGALRM, loop_alarm);
    int done = 0, failures = 0;
    double start = sbb_now(), worst = 0.0;
    for (int r = 0; r < rounds; r++) {
        loop_round = r;
        alarm(60);
        double s = sbb_now();
        pid_t p = fork();
        if (p == 0) _exit(0);
        if (p > 0) while (waitpid(p, NULL, 0) < 0 && errno == EINTR) {}
        int n = 216 + (r * 41) % 297; /* 216 .. 512 */
        for (int j = 0; j < n; j++) memcpy(A + (size_t)j * n, A0 + (size_t)j * nmax, (size_t)n * 8);
        memcpy(x, b0, (size_t)n * 8);
        double *Acopy = malloc((size_t)n * n * 8);
        memcpy(Acopy, A, (size_t)n * n * 8);
        int rc = sbb_lu_solve(L, n, A, x);
        if (rc != 0 || !(sbb_solve_residual(n, Acopy, x, b0) < 100.0)) failures++;
        free(Acopy);
        double t = sbb_now() - s;
        if (t > worst) worst = t;
        alarm(0);
        done++;
        if (sbb_now() - start > budget && done >= 2) break;
    }
    double total = sbb_now() - start;
    printf("L rounds %d\nL failures %d\nL ms_per_round %.2f\nL worst_ms %.2f\n", done, failures,
           total / done * 1e3, worst * 1e3);
    fflush(stdout);
}

/* LAPACK rows: dgemm (the yardstick), dgetrf, dpotrf at each n. */
static const int lapack_n_full[] = {1000, 2000, 4000}, lapack_n_quick[] = {500, 1000};
static const char *const lapack_r[] = {"dgemm", "dgetrf", "dpotrf"};
#define LAPACK_NR 3
#define LAPACK_NN 3
static const int *lapack_n;
static int lapack_nn;

static void worker_lapack(void *h, int maxn)
{
    double budget = quick ? 0.3 : 2.0, max_call = quick ? 2.0 : 10.0;
    for (int r = 0; r < LAPACK_NR; r++) {
        double last = 0.0;
        for (int i = 0; i < lapack_nn; i++) {
            int n = lapack_n[i];
            double g = -2.0;
            if (!maxn || n <= maxn) {
                /* estimate from the smaller size (the rate grows with n: conservative) */
                g = sbb_lapack_gflops(h, lapack_r[r], n, budget, max_call, last * 0.7);
                if (g > 0) last = g;
            }
            printf("P %s %d %.4f\n", lapack_r[r], n, g);
            fflush(stdout);
        }
    }
}

static int worker_main(int argc, char **argv)
{
    /* --worker MODE NAME PATH [--quick] [--maxn N] [--row ROUTINE N BUDGET EST MAXCALL] */
    if (argc < 5) return 2;
    const char *mode = argv[2], *name = argv[3], *path = argv[4];
    int maxn = 0, row_n = 0;
    const char *row_r = NULL;
    double budget = 0.1, est = 0.0, max_call = 3.0;
    for (int i = 5; i < argc; i++) {
        if (!strcmp(argv[i], "--quick")) quick = 1;
        else if (!strcmp(argv[i], "--maxn") && i + 1 < argc) maxn = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--row") && i + 5 < argc) {
            row_r = argv[++i];
            row_n = atoi(argv[++i]);
            budget = atof(argv[++i]);
            est = atof(argv[++i]);
            max_call = atof(argv[++i]);
        }
    }
    lapack_n = quick ? lapack_n_quick : lapack_n_full;
    lapack_nn = quick ? 2 : 3;
    if (!strcmp(mode, "fork")) return sbb_fork_worker(name, path, quick);
    if (!strcmp(mode, "variants")) return sbb_variants_worker(name, path, quick);
    if (!strcmp(mode, "parked")) return sbb_parked_worker(name, path, quick);
    if (!strcmp(mode, "small")) return sbb_small_worker(name, path, quick);
    if (!strcmp(mode, "membw")) return sbb_membw_worker(name, path, quick);
    if (!strcmp(mode, "lapack")) {
        void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
        if (!h) {
            printf("E cannot load %s: %s\n", path, dlerror());
            return 1;
        }
        worker_lapack(h, maxn);
        return 0;
    }
    sbb_lib L;
    char err[512];
    if (sbb_lib_open(&L, name, path, err, sizeof err) != 0) {
        printf("E cannot load %s: %s\n", path, err);
        return 1;
    }
    if (!strcmp(mode, "row") && row_r) worker_row(&L, row_r, row_n, budget, est, max_call);
    else if (!strcmp(mode, "loop")) worker_loop(&L);
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Parent side: run the workers, collect, print the report.                                   */

typedef struct {
    const char *name, *path, *env;
    int serial, present;
    sbb_libinfo info;               /* kernel, version, the environment its workers get */
    double speed[3][MAX_ROWS];      /* [threads 1|2][row], best round; 0 = not measured */
    double loop_ms[3], loop_worst[3]; /* [2, 8, 16 threads] */
    int loop_rounds[3], loop_fail[3], loop_hang[3];
    char note[3][3][128];           /* [mode: speed, fork, loop][thread index] */
} libres_t;

typedef struct {
    libres_t *lib;
    const char *mode;
    int tidx, midx;
} collect_t;

static int mode_index(const char *mode)
{
    return !strcmp(mode, "speed") ? 0 : !strcmp(mode, "fork") ? 1 : 2;
}

static void on_line(const char *line, void *vctx)
{
    collect_t *c = vctx;
    libres_t *L = c->lib;
    char key[64];
    double v;
    if (!strncmp(line, "E ", 2)) {
        snprintf(L->note[c->midx][c->tidx], sizeof L->note[0][0], "%s", line + 2);
        fprintf(stderr, "bench: %s: %s\n", L->name, line + 2);
    } else if (line[0] == 'L' && sscanf(line, "L %63s %lf", key, &v) == 2) {
        int t = c->tidx;
        if (!strcmp(key, "rounds")) L->loop_rounds[t] = (int)v;
        else if (!strcmp(key, "failures")) L->loop_fail[t] = (int)v;
        else if (!strcmp(key, "ms_per_round")) L->loop_ms[t] = v;
        else if (!strcmp(key, "worst_ms")) L->loop_worst[t] = v;
        else if (!strcmp(key, "hang_round")) L->loop_hang[t] = 1;
    }
}

static int run_one(libres_t *L, const char *mode, int threads, int tidx, double timeout)
{
    sbb_env e;
    sbb_env_init(&e);
    sbb_env_threads(&e, threads);
    sbb_libinfo_env(&L->info, &e);
    char *argv[8];
    int a = 0;
    argv[a++] = (char *)sbb_self_exe();
    argv[a++] = "--worker";
    argv[a++] = (char *)mode;
    argv[a++] = (char *)L->name;
    argv[a++] = (char *)L->path;
    if (quick) argv[a++] = "--quick";
    argv[a] = NULL;
    collect_t c = {L, mode, tidx, mode_index(mode)};
    char *note = L->note[c.midx][tidx];
    double s = sbb_now();
    fprintf(stderr, "bench: %-9s %-5s %2d thread%s ...", L->name, mode, threads, threads > 1 ? "s" : " ");
    int rc = sbb_run_worker(argv, e.v, timeout, on_line, &c);
    fprintf(stderr, " %.1f s%s\n", sbb_now() - s,
            rc == -2 ? " (TIMED OUT: killed)" : rc ? " (worker failed)" : "");
    if (rc == -2) snprintf(note, 128, "worker timed out after %.0f s (hang or very slow)", timeout);
    else if (rc != 0 && !note[0]) snprintf(note, 128, "worker exit status %d", rc);
    return rc;
}

/* ---- the speed rows: every library once per row and round, each in a fresh worker ---- */

typedef struct {
    double g;
    char err[128];
} rowres_t;

static void on_row_line(const char *line, void *ctx)
{
    rowres_t *r = ctx;
    char routine[32];
    int n;
    double v;
    if (sscanf(line, "R %31s %d %lf", routine, &n, &v) == 3) r->g = v == 0 ? -4 : v;
    else if (!strncmp(line, "E ", 2)) snprintf(r->err, sizeof r->err, "%s", line + 2);
}

/* GFLOP/s of row i, or sbb_gflops's negative codes; -5: the worker failed (note says why). */
static double run_row(libres_t *L, int i, int threads, double budget, double est, double max_call, char *note)
{
    sbb_env e;
    sbb_env_init(&e);
    sbb_env_threads(&e, threads);
    sbb_libinfo_env(&L->info, &e);
    char nb[16], bb[32], eb[32], mb[32];
    snprintf(nb, sizeof nb, "%d", rows[i].n);
    snprintf(bb, sizeof bb, "%g", budget);
    snprintf(eb, sizeof eb, "%g", est);
    snprintf(mb, sizeof mb, "%g", max_call);
    char *argv[] = {(char *)sbb_self_exe(), "--worker", "row", (char *)L->name, (char *)L->path, "--row",
                    (char *)rows[i].routine, nb, bb, eb, mb, NULL};
    rowres_t r = {0.0, ""};
    double timeout = 30.0 + 4.0 * max_call;
    int rc = sbb_run_worker(argv, e.v, timeout, on_row_line, &r);
    if (r.err[0]) snprintf(note, 128, "%s", r.err);
    else if (rc == -2) snprintf(note, 128, "%s n = %d: worker timed out after %.0f s", rows[i].routine, rows[i].n, timeout);
    else if (rc != 0) snprintf(note, 128, "%s n = %d: worker exit status %d", rows[i].routine, rows[i].n, rc);
    if (rc != 0 || r.err[0]) return -5;
    return r.g;
}

static void speed_section(libres_t *libs, int nlibs, int rounds, double t_start)
{
    /* per row and round: ~0.1 s of calls (0.05 quick); a library whose one call would take longer
     * than max_call (judged from its rate at the previous n) is marked "slow" and not run */
    const double budget = quick ? 0.05 : 0.1, max_call = large ? 20.0 : quick ? 1.5 : 3.0;
    int steps = 2 * nrows, step = 0;
    for (int t = 0; t < 2; t++) {
        for (int i = 0; i < nrows; i++) {
            double s = sbb_now();
            for (int r = 0; r < rounds; r++)
                for (int k = 0; k < nlibs; k++) {
                    libres_t *L = &libs[(k + r) % nlibs]; /* a different library starts each round */
                    if (!L->present || (L->serial && t) || L->info.error[0]) continue;
                    double *cur = &L->speed[t][i];
                    if (*cur < 0 && *cur != -5) continue; /* missing, slow: no second try */
                    double est = *cur > 0 ? *cur : 0.0;
                    if (!est && i > 0 && !strcmp(rows[i - 1].routine, rows[i].routine) && L->speed[t][i - 1] > 0)
                        est = L->speed[t][i - 1];
                    double g = run_row(L, i, t + 1, budget, est, max_call, L->note[0][t]);
                    if (g > *cur || *cur == 0) *cur = g;
                }
            char line[512];
            int len = snprintf(line, sizeof line, "bench: [%3d/%d] %d thread%s %s n=%d:", ++step, steps, t + 1,
                               t ? "s" : " ", rows[i].routine, rows[i].n);
            for (int l = 0; l < nlibs; l++) {
                if (!libs[l].present || (libs[l].serial && t)) continue;
                double g = libs[l].speed[t][i];
                char gb[32];
                fmt_g(gb, sizeof gb, g);
                len += snprintf(line + len, sizeof line - (size_t)len, " %s %s", libs[l].name, gb);
                if (len >= (int)sizeof line) break;
            }
            fprintf(stderr, "%s GFLOP/s (%.1f s; %.0f s so far)\n", line, sbb_now() - s, sbb_now() - t_start);
        }
    }
}

/* ---- LAPACK and numpy sections ---- */

typedef struct {
    const char *name, *path, *env; /* env: one extra setting for the worker, or NULL */
    int serial, maxn, present;
    const sbb_libinfo *info;       /* whose environment rules its workers follow */
    double g[2][LAPACK_NR][LAPACK_NN];
    char note[2][160];
} lapres_t;

typedef struct {
    lapres_t *lib;
    int t;
} lapctx_t;

static void on_lapack_line(const char *line, void *vctx)
{
    lapctx_t *c = vctx;
    char r[32];
    int n;
    double v;
    if (!strncmp(line, "E ", 2)) snprintf(c->lib->note[c->t], sizeof c->lib->note[0], "%s", line + 2);
    else if (sscanf(line, "P %31s %d %lf", r, &n, &v) == 3)
        for (int i = 0; i < LAPACK_NR; i++)
            for (int j = 0; j < lapack_nn; j++)
                if (!strcmp(lapack_r[i], r) && lapack_n[j] == n) c->lib->g[c->t][i][j] = v == 0 ? -4 : v;
}

static void run_lapack(lapres_t *L, int threads, int t, double timeout)
{
    sbb_env e;
    sbb_env_init(&e);
    sbb_env_threads(&e, threads);
    sbb_libinfo_env(L->info, &e);
    if (L->env) sbb_env_add(&e, L->env);
    char maxn[16];
    snprintf(maxn, sizeof maxn, "%d", L->maxn);
    char *argv[10];
    int a = 0;
    argv[a++] = (char *)sbb_self_exe();
    argv[a++] = "--worker";
    argv[a++] = "lapack";
    argv[a++] = (char *)L->name;
    argv[a++] = (char *)L->path;
    argv[a++] = "--maxn";
    argv[a++] = maxn;
    if (quick) argv[a++] = "--quick";
    argv[a] = NULL;
    lapctx_t c = {L, t};
    double s = sbb_now();
    fprintf(stderr, "bench: %-9s lapack %d thread%s ...", L->name, threads, threads > 1 ? "s" : " ");
    int rc = sbb_run_worker(argv, e.v, timeout, on_lapack_line, &c);
    fprintf(stderr, " %.1f s%s\n", sbb_now() - s, rc == -2 ? " (TIMED OUT: killed)" : rc ? " (worker failed)" : "");
    if (rc == -2) snprintf(L->note[t], sizeof L->note[0], "worker timed out after %.0f s", timeout);
    else if (rc != 0 && !L->note[t][0]) snprintf(L->note[t], sizeof L->note[0], "worker exit status %d", rc);
}

typedef struct {
    const char *name;
    int present;
    const sbb_libinfo *info;
    double ms[2][2], err[2][2]; /* [threads 1|2][size] */
    char mapped[2][512], note[2][160];
} npres_t;

static const int numpy_n[2] = {216, 2000};

typedef struct {
    npres_t *lib;
    int t;
} npctx_t;

static void on_numpy_line(const char *line, void *vctx)
{
    npctx_t *c = vctx;
    int n, k;
    double ms, err;
    if (sscanf(line, "N %d %lf %d %lf", &n, &ms, &k, &err) == 4) {
        for (int j = 0; j < 2; j++)
            if (numpy_n[j] == n) {
                c->lib->ms[c->t][j] = ms;
                c->lib->err[c->t][j] = err;
            }
    } else if (!strncmp(line, "M ", 2)) snprintf(c->lib->mapped[c->t], sizeof c->lib->mapped[0], "%s", line + 2);
}

static void run_numpy(npres_t *P, const char *ld_path, int threads, int t, double timeout)
{
    sbb_env e;
    sbb_env_init(&e);
    sbb_env_threads(&e, threads);
    sbb_libinfo_env(P->info, &e);
    char ld[4300];
    snprintf(ld, sizeof ld, "LD_LIBRARY_PATH=%s", ld_path ? ld_path : "");
    sbb_env_add(&e, ld);
    char n1[16], n2[16];
    snprintf(n1, sizeof n1, "%d", numpy_n[0]);
    snprintf(n2, sizeof n2, "%d", numpy_n[1]);
    char *argv[] = {"/usr/bin/python3", "-c", (char *)sbb_numpy_script, n1, n2, NULL};
    npctx_t c = {P, t};
    double s = sbb_now();
    fprintf(stderr, "bench: %-9s numpy  %d thread%s ...", P->name, threads, threads > 1 ? "s" : " ");
    int rc = sbb_run_worker(argv, e.v, timeout, on_numpy_line, &c);
    fprintf(stderr, " %.1f s%s\n", sbb_now() - s, rc == -2 ? " (TIMED OUT: killed)" : rc ? " (failed)" : "");
    if (rc == -2) snprintf(P->note[t], sizeof P->note[0], "timed out after %.0f s", timeout);
    else if (rc != 0) snprintf(P->note[t], sizeof P->note[0], "python3 exit status %d", rc);
}

/* The peak a row is compared with: its precision's widest FMA peak per thread x threads; 0 for
 * level 1 and 2 (bound by memory, not by FMAs). */
static double row_peak(const sbb_peak *p, const char *routine, int threads)
{
    if (!is_level3(routine)) return 0.0;
    return (single_precision(routine) ? sbb_peak_sp(p) : sbb_peak_dp(p)) * threads;
}

static double max_pct; /* the highest % peak printed: above 100, the peak was measured low */

static void fmt_pct(char *buf, size_t len, double g, double peak)
{
    if (g > 0 && peak > 0 && 100.0 * g / peak > max_pct) max_pct = 100.0 * g / peak;
    if (g > 0 && peak > 0) snprintf(buf, len, "%.0f%%", 100.0 * g / peak);
    else snprintf(buf, len, peak > 0 ? "—" : "");
}

static void fmt_ratio(char *buf, size_t len, double sb, double peer)
{
    if (sb > 0 && peer > 0) snprintf(buf, len, "%.2f", sb / peer);
    else snprintf(buf, len, "—");
}

/* ---- plots: one PNG per level-3 routine, a panel per thread count ---- */

static void plot_panel_peak(sbb_plot_panel *P, const sbb_peak *pk, const char *routine, int threads)
{
    P->peak = row_peak(pk, routine, threads);
    snprintf(P->peak_label, sizeof P->peak_label, "FMA peak (%s %s%s)", pk->zmm_dp > pk->ymm_dp ? "zmm" : "ymm",
             single_precision(routine) ? "SP" : "DP", threads > 1 ? ", × 2 threads" : "");
}

/* mkdir -p: the plots' folder is made if it is missing (a typo'd path then shows up as a new
 * folder beside the report instead of eight failed writes). */
static int make_folder(const char *dir, char *why, size_t whylen)
{
    char path[4200];
    snprintf(path, sizeof path, "%s", dir);
    for (char *p = path + 1;; p++) {
        int end = *p == '\0';
        if (*p == '/' || end) {
            *p = '\0';
            if (mkdir(path, 0777) != 0 && errno != EEXIST) {
                snprintf(why, whylen, "cannot create %s: %s", path, strerror(errno));
                return -1;
            }
            if (end) break;
            *p = '/';
        }
    }
    return 0;
}

/* Writes the plots into dir as <stem>-<routine>.png; their names, or why there are none, into
 * list (markdown). */
static void make_plots(const libres_t *libs, int nlibs, const lapres_t *laps, int nlaps, int with_lapack,
                       const sbb_peak *pk, const char *dir, const char *stem, char *list, size_t listlen)
{
    char why[160];
    list[0] = '\0';
    if (!sbb_plot_available(why, sizeof why) || make_folder(dir, why, sizeof why) != 0) {
        fprintf(stderr, "bench: no plots: %s\n", why);
        snprintf(list, listlen, "No plots: %s.\n", why);
        return;
    }
    char title_cpu[256];
    snprintf(title_cpu, sizeof title_cpu, "%s (family %d model %d), %d CPUs", sbb_cpu_model(), sbb_cpu_get()->family,
             sbb_cpu_get()->model_id, sbb_cpus_available());
    static const char *const routines[] = {"dgemm", "sgemm", "zgemm", "cgemm", "dsyrk", "dtrsm", "dgetrf", "dpotrf"};
    size_t used = 0;
    for (int r = 0; r < 8; r++) {
        const char *R = routines[r];
        int lapack = !strcmp(R, "dgetrf") || !strcmp(R, "dpotrf");
        if (lapack && !with_lapack) continue;
        static sbb_plot_panel P[2];
        memset(P, 0, sizeof P);
        int points = 0;
        for (int t = 0; t < 2; t++) {
            snprintf(P[t].title, sizeof P[t].title, "%d thread%s", t + 1, t ? "s" : "");
            plot_panel_peak(&P[t], pk, R, t + 1);
            if (lapack) {
                int ri = !strcmp(R, "dgetrf") ? 1 : 2;
                for (int j = 0; j < lapack_nn && j < SBB_PLOT_PTS; j++) P[t].n[P[t].npts++] = lapack_n[j];
                for (int l = 0; l < nlaps && P[t].nlibs < SBB_PLOT_LIBS; l++) {
                    if (!laps[l].present || (laps[l].serial && t)) continue;
                    P[t].lib[P[t].nlibs] = laps[l].name;
                    for (int j = 0; j < P[t].npts; j++) P[t].g[P[t].nlibs][j] = laps[l].g[t][ri][j];
                    P[t].nlibs++;
                }
            } else {
                int idx[SBB_PLOT_PTS], k = 0;
                for (int i = 0; i < nrows && k < SBB_PLOT_PTS; i++)
                    if (!strcmp(rows[i].routine, R)) idx[k++] = i;
                for (int j = 0; j < k; j++) P[t].n[P[t].npts++] = rows[idx[j]].n;
                for (int l = 0; l < nlibs && P[t].nlibs < SBB_PLOT_LIBS; l++) {
                    if (!libs[l].present || (libs[l].serial && t)) continue;
                    P[t].lib[P[t].nlibs] = libs[l].name;
                    for (int j = 0; j < k; j++) P[t].g[P[t].nlibs][j] = libs[l].speed[t][idx[j]];
                    P[t].nlibs++;
                }
            }
            if (P[t].npts > points) points = P[t].npts;
        }
        if (points < 2) continue; /* a line needs two points */
        char path[4400], title[512], err[200];
        snprintf(path, sizeof path, "%s/%s-%s.png", dir, stem, R);
        snprintf(title, sizeof title, "%s, GFLOP/s against n — %s", R, title_cpu);
        if (sbb_plot_png(path, title, P, 2, err, sizeof err) != 0) {
            fprintf(stderr, "bench: plot %s: %s\n", path, err);
            continue;
        }
        fprintf(stderr, "bench: plot written to %s\n", path);
        const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        int k = used ? snprintf(list + used, listlen - used, ", `%s`", base)
                     : snprintf(list + used, listlen - used, "Plots in `%s`: `%s`", dir, base);
        if (k > 0 && (size_t)k < listlen - used) used += (size_t)k;
    }
    if (used && used + 2 < listlen) strcat(list, "\n");
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "--worker")) return worker_main(argc, argv);
    if (argc > 1 && !strcmp(argv[1], "--kernel-worker")) return sbb_kernel_worker_main(argc, argv);

    const char *out_path = NULL, *sb_path = NULL, *only = NULL, *sections = "speed,fork,loop,lapack,numpy,variants,linalg,small,parked,membw";
    const char *plot_dir = NULL;
    int rounds = 0, plots = 1, try_kernels = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick")) quick = 1;
        else if (!strcmp(argv[i], "--large")) large = 1;
        else if (!strcmp(argv[i], "--rounds") && i + 1 < argc) rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--out") && i + 1 < argc) out_path = argv[++i];
        else if (!strcmp(argv[i], "--plots") && i + 1 < argc) plot_dir = argv[++i];
        else if (!strcmp(argv[i], "--no-plots")) plots = 0;
        else if (!strcmp(argv[i], "--own-kernels")) try_kernels = 0;
        else if (!strcmp(argv[i], "--safeblas") && i + 1 < argc) sb_path = argv[++i];
        else if (!strcmp(argv[i], "--libs") && i + 1 < argc) only = argv[++i];
        else if (!strcmp(argv[i], "--sections") && i + 1 < argc) sections = argv[++i];
        else {
            fprintf(stderr,
                    "usage: %s [--quick] [--large] [--rounds N] [--out FILE] [--plots DIR | --no-plots]\n"
                    "          [--own-kernels]\n"
                    "          [--safeblas PATH] [--libs NAME,NAME] [--sections speed,fork,loop,lapack,numpy,variants,linalg,small,parked,membw]\n"
                    "  --quick: fewer rows, shorter; --large: gemm at n = 4096 too; --rounds: rounds per\n"
                    "  speed row (3, quick 2); plots go to DIR, else beside FILE, else %s;\n"
                    "  --own-kernels: every peer keeps the kernel its own detection picks (no other tried)\n"
                    "  NAME: SafeBLAS OpenBLAS BLIS ATLAS reference\n", argv[0], SBB_RESULTS_DIR);
            return 2;
        }
    }
    if (rounds < 1) rounds = quick ? 2 : 3;
    make_rows();
    lapack_n = quick ? lapack_n_quick : lapack_n_full;
    lapack_nn = quick ? 2 : 3;
    char secs[128];
    snprintf(secs, sizeof secs, ",%s,", sections);
#define SECTION(x) (strstr(secs, "," x ",") != NULL)

    static char sb_default[4200];
    if (!sb_path) {
        snprintf(sb_default, sizeof sb_default, "%s/libsafeblas.so.0", sbb_self_dir());
        sb_path = sb_default;
    }

    static libres_t libs[MAX_LIBS];
    int nlibs = 0;
    for (int i = 0; i < sbb_npeers && nlibs < MAX_LIBS; i++) {
        libres_t *L = &libs[nlibs];
        memset(L, 0, sizeof *L);
        L->name = sbb_peers[i].name;
        L->path = i == 0 ? sb_path : sbb_peers[i].path;
        L->env = sbb_peers[i].threads_env;
        L->serial = sbb_peers[i].serial;
        if (only) {
            char list[256];
            snprintf(list, sizeof list, ",%s,", only);
            char want[64];
            snprintf(want, sizeof want, ",%s,", L->name);
            if (!strcasestr(list, want)) continue;
        }
        L->present = access(L->path, R_OK) == 0;
        if (!L->present) fprintf(stderr, "bench: %s not installed (%s), skipped\n", L->name, L->path);
        nlibs++;
    }
    /* LAPACK: SafeBLAS's own, OpenBLAS's (its liblapack.so.3 over libopenblas), reference LAPACK on
     * reference BLAS (its libblas.so.3 found through LD_LIBRARY_PATH; slow: n <= 1000 only). */
    static lapres_t laps[3] = {
        {.name = "SafeBLAS"},
        {.name = "OpenBLAS", .path = "/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3"},
        {.name = "reference", .path = "/usr/lib/x86_64-linux-gnu/lapack/liblapack.so.3",
         .env = "LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas", .serial = 1, .maxn = 1000},
    };
    static npres_t nps[2] = {{.name = "SafeBLAS"}, {.name = "OpenBLAS"}};
    laps[0].path = sb_path;
    int nlaps = 0, nnps = 0;
    for (int i = 0; i < 3; i++) {
        char list[256], want[64];
        snprintf(list, sizeof list, ",%s,", only ? only : laps[i].name);
        snprintf(want, sizeof want, ",%s,", laps[i].name);
        if (only && !strcasestr(list, want)) continue;
        laps[nlaps] = laps[i];
        laps[nlaps].present = access(laps[nlaps].path, R_OK) == 0;
        nlaps++;
        if (i < 2) {
            nps[nnps] = nps[i];
            nps[nnps].present = access("/usr/bin/python3", X_OK) == 0;
            nnps++;
        }
    }
    static char compat_dir[4200];
    snprintf(compat_dir, sizeof compat_dir, "%s/compat", sbb_self_dir());

    double t_start = sbb_now();
    double fork_timeout = quick ? 90 : 180;

    /* 0. the machine's FMA peak (nothing else of ours runs yet), and each library's kernel: the
     * peers in a clean environment, tried with the kernel for the CPU's level where their own
     * detection falls short (sbb_peers.h) */
    sbb_peak peak;
    fprintf(stderr, "bench: measuring the FMA peak ...");
    sbb_peak_measure(&peak, 0.2);
    fprintf(stderr, " ymm %.1f DP / %.1f SP, zmm %.1f DP / %.1f SP GFLOP/s per thread\n", peak.ymm_dp, peak.ymm_sp,
            peak.zmm_dp, peak.zmm_sp);
    for (int l = 0; l < nlibs; l++) {
        libres_t *L = &libs[l];
        if (!L->present) continue;
        sbb_libinfo_get(L->name, L->path, try_kernels, &L->info);
        sbb_libinfo *I = &L->info;
        if (I->error[0]) fprintf(stderr, "bench: %s: %s; skipped\n", L->name, I->error);
        else if (I->set[0])
            fprintf(stderr, "bench: %s: kernel %s (%s; its own choice, %s, ran dgemm n=512 at %.1f GFLOP/s, %s at %.1f)\n",
                    L->name, I->kernel, I->set, I->own, I->own_g, I->kernel, I->set_g);
        else fprintf(stderr, "bench: %s: kernel %s\n", L->name, I->kernel);
    }
    /* LAPACK and numpy workers follow the environment rules of the BLAS under them */
    static sbb_libinfo clean_peer = {.is_peer = 1}, own_env = {.is_peer = 0};
    for (int i = 0; i < nlaps; i++) {
        laps[i].info = strcmp(laps[i].name, "SafeBLAS") ? &clean_peer : &own_env;
        for (int l = 0; l < nlibs; l++)
            if (!strcmp(libs[l].name, laps[i].name) && libs[l].present) laps[i].info = &libs[l].info;
    }
    for (int i = 0; i < nnps; i++) {
        nps[i].info = strcmp(nps[i].name, "SafeBLAS") ? &clean_peer : &own_env;
        for (int l = 0; l < nlibs; l++)
            if (!strcmp(libs[l].name, nps[i].name) && libs[l].present) nps[i].info = &libs[l].info;
    }

    /* 1. throughput at 1 and 2 threads */
    const int tcount[2] = {1, 2};
    if (SECTION("speed")) speed_section(libs, nlibs, rounds, t_start);
    /* 2. fork cost (sbb_fork.c) is measured while the report is written */
    /* (--quick: SafeBLAS and OpenBLAS only; BLIS oversubscribed takes seconds per call here) */
#define FORK_PEER(L) ((L)->present && !(L)->serial && (!quick || strcmp((L)->name, "BLIS") != 0))
    /* 3. the motivating loop at 2, 8, 16 threads */
    const int ltcount[3] = {2, 8, 16};
    for (int l = 0; l < nlibs && SECTION("loop"); l++) {
        if (!FORK_PEER(&libs[l])) continue;
        for (int t = 0; t < 3; t++) run_one(&libs[l], "loop", ltcount[t], t, fork_timeout);
    }
    /* 4. dgetrf / dpotrf at 1 and 2 threads */
    for (int t = 0; t < 2 && SECTION("lapack"); t++)
        for (int l = 0; l < nlaps; l++) {
            if (!laps[l].present || (laps[l].serial && t)) continue;
            run_lapack(&laps[l], tcount[t], t, quick ? 180 : 900);
        }
    /* 5. numpy inv at 1 and 2 threads */
    for (int t = 0; t < 2 && SECTION("numpy"); t++)
        for (int l = 0; l < nnps; l++) {
            if (!nps[l].present) continue;
            run_numpy(&nps[l], strcmp(nps[l].name, "SafeBLAS") ? NULL : compat_dir, tcount[t], t, quick ? 120 : 300);
        }

    /* the peak again, after the run: the better of the two counts (a busy minute only lowers it) */
    {
        sbb_peak again;
        sbb_peak_measure(&again, 0.2);
        sbb_peak_keep_best(&peak, &again);
    }

    /* ---- the plots: into --plots DIR, else beside --out FILE, else bench/results/ ---- */
    char plot_list[2048] = "";
    if (plots && (SECTION("speed") || SECTION("lapack"))) {
        char dir[4200], stem[256];
        if (plot_dir) snprintf(dir, sizeof dir, "%s", plot_dir);
        else if (out_path && strrchr(out_path, '/')) snprintf(dir, sizeof dir, "%.*s", (int)(strrchr(out_path, '/') - out_path), out_path);
        else if (out_path) snprintf(dir, sizeof dir, ".");
        else {
            struct stat st;
            snprintf(dir, sizeof dir, "%s", stat(SBB_RESULTS_DIR, &st) == 0 && S_ISDIR(st.st_mode) ? SBB_RESULTS_DIR : ".");
        }
        if (out_path) { /* the report's name without its extension */
            const char *b = strrchr(out_path, '/') ? strrchr(out_path, '/') + 1 : out_path;
            snprintf(stem, sizeof stem, "%.*s", (int)(strrchr(b, '.') ? strrchr(b, '.') - b : (long)strlen(b)), b);
        } else {
            sbb_cpu_slug(stem, sizeof stem);
            if (quick) strcat(stem, "-quick");
        }
        if (!dir[0]) snprintf(dir, sizeof dir, "/");
        make_plots(libs, nlibs, laps, nlaps, SECTION("lapack"), &peak, dir, stem, plot_list, sizeof plot_list);
    }

    /* ---- the report ---- */
    char *text = NULL;
    size_t textlen = 0;
    FILE *o = open_memstream(&text, &textlen);
    time_t now = time(NULL);
    char date[64];
    strftime(date, sizeof date, "%Y-%m-%d", gmtime(&now));
    fprintf(o, "# SafeBLAS benchmark%s\n\n", quick ? " (quick run)" : "");
    char cpu[320];
    sbb_cpu_describe(cpu, sizeof cpu);
    fprintf(o, "- CPU: %s — %s; %d CPUs available to the process\n", sbb_cpu_model(), cpu, sbb_cpus_available());
    fprintf(o, "- FMA peak per thread, measured here (a register-resident loop of independent FMAs, best 1 ms slice "
               "of 0.2 s, at the start and at the end of the run): ");
    if (peak.ymm_dp > 0) fprintf(o, "ymm (AVX2) %.1f DP / %.1f SP GFLOP/s", peak.ymm_dp, peak.ymm_sp);
    else fprintf(o, "no AVX2+FMA");
    if (peak.zmm_dp > 0) fprintf(o, "; zmm (AVX-512) %.1f DP / %.1f SP", peak.zmm_dp, peak.zmm_sp);
    if (peak.all_threads > 1)
        fprintf(o, "; all %d CPUs at once: %.1f DP (%.2f × one thread)", peak.all_threads, peak.all_dp,
                peak.all_dp / sbb_peak_dp(&peak));
    if (sbb_peak_dp(&peak) > 0)
        fprintf(o, ". \"%% peak\" below: GFLOP/s ÷ (%.1f DP or %.1f SP, the %s figure, × threads)", sbb_peak_dp(&peak),
                sbb_peak_sp(&peak), peak.zmm_dp > peak.ymm_dp ? "zmm" : "ymm");
    fprintf(o, "\n- date: %s; run time %.0f s\n", date, sbb_now() - t_start);
    char present[512];
    sbb_overrides_present(present, sizeof present);
    /* what a machine's profile sets to override a peer's detection is part of the result */
    if (present[0])
        fprintf(o, "- Peers' environment: %s set here, removed for the peers (SafeBLAS kept it); every peer runs "
                   "without %s.\n", present, sbb_overrides_list());
    else
        fprintf(o, "- Peers' environment: none of %s (overrides of a peer's own CPU detection and tuning) is set "
                   "here.\n", sbb_overrides_list());
    fprintf(o, "\n## Libraries\n\n| library | kernel | how the kernel was chosen | file | version |\n|---|---|---|---|---|\n");
    for (int l = 0; l < nlibs; l++) {
        libres_t *L = &libs[l];
        if (!L->present) {
            fprintf(o, "| %s | — | not installed | %s | |\n", L->name, L->path);
            continue;
        }
        char how[512];
        sbb_libinfo_how(&L->info, how, sizeof how);
        fprintf(o, "| %s | %s | %s | %s | %s%s%s |\n", L->name, L->info.kernel, L->info.error[0] ? L->info.error : how,
                L->info.served_by[0] ? L->info.served_by : L->path, L->info.version[0] ? "`" : "", L->info.version,
                L->info.version[0] ? "`" : "");
    }
    if (SECTION("speed"))
        fprintf(o, "\nGFLOP/s, the best of %d rounds (each library once per row and round, in a fresh process; "
                   "within a round the best of repeated calls); %% peak: level-3 rows only; ratio = SafeBLAS / peer "
                   "(above 1: SafeBLAS is faster). Square problems: gemm n×n×n, dsyrk n×n with k = n, dtrsm left lower "
                   "n×n with n right-hand sides, dgemv n×n (no transpose), dsymv and dsyr2 n×n lower (2n² flops each), "
                   "ddot/daxpy length n. \"slow\": skipped, one call would "
                   "take too long; \"n/a\": routine missing.\n", rounds);
    for (int t = 0; t < 2 && SECTION("speed"); t++) {
        double *sb = libs[0].present && !strcmp(libs[0].name, "SafeBLAS") ? libs[0].speed[t] : NULL;
        fprintf(o, "\n## %d thread%s\n\n| routine | n |", tcount[t], t ? "s" : "");
        for (int l = 0; l < nlibs; l++) {
            if (!libs[l].present || (libs[l].serial && t)) continue;
            fprintf(o, l == 0 && sb ? " %s | %% peak |" : " %s | %% peak | ratio |", libs[l].name);
        }
        if (t) fprintf(o, " SafeBLAS 2T/1T |");
        fprintf(o, "\n|---|---:|");
        for (int l = 0; l < nlibs; l++) {
            if (!libs[l].present || (libs[l].serial && t)) continue;
            fprintf(o, l == 0 && sb ? "---:|---:|" : "---:|---:|---:|");
        }
        if (t) fprintf(o, "---:|");
        fprintf(o, "\n");
        for (int i = 0; i < nrows; i++) {
            fprintf(o, "| %s | %d |", rows[i].routine, rows[i].n);
            double pk = row_peak(&peak, rows[i].routine, tcount[t]);
            for (int l = 0; l < nlibs; l++) {
                if (!libs[l].present || (libs[l].serial && t)) continue;
                char g[32], r[32], pc[32];
                fmt_g(g, sizeof g, libs[l].speed[t][i]);
                fmt_pct(pc, sizeof pc, libs[l].speed[t][i], pk);
                if (l == 0 && sb) fprintf(o, " %s | %s |", g, pc);
                else {
                    fmt_ratio(r, sizeof r, sb ? sb[i] : 0, libs[l].speed[t][i]);
                    fprintf(o, " %s | %s | %s |", g, pc, r);
                }
            }
            if (t) {
                char r[32];
                fmt_ratio(r, sizeof r, sb ? sb[i] : 0, sb ? libs[0].speed[0][i] : 0);
                fprintf(o, " %s |", r);
            }
            fprintf(o, "\n");
        }
        for (int l = 0; l < nlibs; l++)
            if (libs[l].note[0][t][0]) fprintf(o, "\n%s: %s\n", libs[l].name, libs[l].note[0][t]);
    }

    if (SECTION("fork")) {
        sbb_fork_lib fl[MAX_LIBS];
        int nfl = 0;
        for (int l = 0; l < nlibs; l++)
            if (FORK_PEER(&libs[l])) fl[nfl++] = (sbb_fork_lib){libs[l].name, libs[l].path, &libs[l].info};
        sbb_fork_section(o, fl, nfl, quick);
    }
    if (SECTION("loop")) {
    fprintf(o, "\n## The motivating loop (issue 3)\n\nEach round: `fork()`, the child exits at once, the parent "
               "solves A x = b (n = 216..512, blocked LU on the library's dtrsm + dgemm) and checks the "
               "residual. ms per round; goal for SafeBLAS: 8 and 16 threads ≤ 1.2 × the 2-thread time.\n\n");
    fprintf(o, "| library | 2 threads | 8 threads | 16 threads | 8T / 2T | 16T / 2T | rounds | failures |\n"
               "|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int l = 0; l < nlibs; l++) {
        libres_t *L = &libs[l];
        if (!FORK_PEER(L)) continue;
        fprintf(o, "| %s |", L->name);
        int rounds = 0, fails = 0;
        for (int t = 0; t < 3; t++) {
            if (L->loop_hang[t]) fprintf(o, " HANG |");
            else if (L->loop_ms[t] > 0) fprintf(o, " %.1f |", L->loop_ms[t]);
            else fprintf(o, " — |");
            rounds += L->loop_rounds[t];
            fails += L->loop_fail[t] + L->loop_hang[t];
        }
        for (int t = 1; t < 3; t++) {
            if (L->loop_ms[0] > 0 && L->loop_ms[t] > 0) fprintf(o, " %.2f |", L->loop_ms[t] / L->loop_ms[0]);
            else fprintf(o, " — |");
        }
        fprintf(o, " %d | %d |\n", rounds, fails);
    }
    for (int l = 0; l < nlibs; l++)
        for (int t = 0; t < 3; t++)
            if (libs[l].present && !libs[l].serial && libs[l].note[2][t][0])
                fprintf(o, "\n%s, %d threads: %s\n", libs[l].name, ltcount[t], libs[l].note[2][t]);
    }
    if (SECTION("lapack")) {
        fprintf(o, "\n## LAPACK: dgetrf and dpotrf (issue 4)\n\nGFLOP/s (LAPACK's flop counts: dgetrf 2n³/3, "
                   "dpotrf n³/3), best of repeated calls on a fresh copy; %% dgemm = the rate as a share of the "
                   "same library's dgemm at the same n and thread count (goal for SafeBLAS at n = 4000: at least "
                   "90%%); %% peak as in the speed tables (DP); ratio = SafeBLAS / OpenBLAS. Reference = reference "
                   "LAPACK on reference BLAS, one "
                   "thread, n ≤ 1000 (\"slow\": not run). dpotrf: lower.\n");
        for (int t = 0; t < 2; t++) {
            fprintf(o, "\n### %d thread%s\n\n| routine | n |", tcount[t], t ? "s" : "");
            for (int l = 0; l < nlaps; l++)
                if (laps[l].present && !(laps[l].serial && t)) fprintf(o, " %s | %% dgemm | %% peak |", laps[l].name);
            fprintf(o, " SafeBLAS / OpenBLAS |\n|---|---:|");
            for (int l = 0; l < nlaps; l++)
                if (laps[l].present && !(laps[l].serial && t)) fprintf(o, "---:|---:|---:|");
            fprintf(o, "---:|\n");
            for (int r = 0; r < LAPACK_NR; r++)
                for (int j = 0; j < lapack_nn; j++) {
                    fprintf(o, "| %s | %d |", lapack_r[r], lapack_n[j]);
                    double sbg = 0, obg = 0;
                    for (int l = 0; l < nlaps; l++) {
                        if (!laps[l].present || (laps[l].serial && t)) continue;
                        double g = laps[l].g[t][r][j], gm = laps[l].g[t][0][j];
                        char gb[32], pc[32];
                        fmt_g(gb, sizeof gb, g);
                        fmt_pct(pc, sizeof pc, g, row_peak(&peak, lapack_r[r], tcount[t]));
                        if (r > 0 && g > 0 && gm > 0) fprintf(o, " %s | %.0f%% | %s |", gb, 100.0 * g / gm, pc);
                        else fprintf(o, " %s | — | %s |", gb, pc);
                        if (!strcmp(laps[l].name, "SafeBLAS")) sbg = g;
                        if (!strcmp(laps[l].name, "OpenBLAS")) obg = g;
                    }
                    char rb[32];
                    fmt_ratio(rb, sizeof rb, sbg, obg);
                    fprintf(o, " %s |\n", rb);
                }
            for (int l = 0; l < nlaps; l++)
                if (laps[l].note[t][0]) fprintf(o, "\n%s, %d thread%s: %s\n", laps[l].name, tcount[t], t ? "s" : "", laps[l].note[t]);
        }
    }
    if (SECTION("numpy")) {
        fprintf(o, "\n## numpy.linalg.inv (issue 4)\n\n/usr/bin/python3 with Debian's numpy; SafeBLAS through "
                   "LD_LIBRARY_PATH=<build>/compat, OpenBLAS as the system's default. ms, best of repeated calls. "
                   "Goal: 2 threads never slower than 1.\n\n| library | n | 1 thread ms | 2 threads ms | 2T / 1T |\n"
                   "|---|---:|---:|---:|---:|\n");
        for (int l = 0; l < nnps; l++)
            for (int j = 0; j < 2; j++) {
                double a = nps[l].ms[0][j], b = nps[l].ms[1][j];
                fprintf(o, "| %s | %d |", nps[l].name, numpy_n[j]);
                for (int t = 0; t < 2; t++) {
                    double v = nps[l].ms[t][j];
                    if (v > 0) fprintf(o, v < 10 ? " %.2f |" : " %.1f |", v);
                    else fprintf(o, " — |");
                }
                if (a > 0 && b > 0) fprintf(o, " %.2f |\n", b / a);
                else fprintf(o, " — |\n");
            }
        for (int l = 0; l < nnps; l++)
            for (int t = 0; t < 2; t++) {
                if (nps[l].mapped[t][0] && t == 0) fprintf(o, "\n%s: the process mapped %s\n", nps[l].name, nps[l].mapped[t]);
                if (nps[l].note[t][0]) fprintf(o, "\n%s, %d thread%s: %s\n", nps[l].name, tcount[t], t ? "s" : "", nps[l].note[t]);
                for (int j = 0; j < 2; j++)
                    if (nps[l].err[t][j] > 1e-6)
                        fprintf(o, "\n%s, %d thread%s, n = %d: max |A inv(A) - I| = %.3g (wrong result?)\n", nps[l].name,
                                tcount[t], t ? "s" : "", numpy_n[j], nps[l].err[t][j]);
            }
    }
    if (SECTION("variants")) { /* measured last, while the report is written: ratios only, no peak */
        sbb_variants_lib vl[MAX_LIBS];
        int nvl = 0;
        for (int l = 0; l < nlibs; l++) /* the threaded libraries: the serial ones take minutes per variant */
            if (libs[l].present && !libs[l].serial && !libs[l].info.error[0])
                vl[nvl++] = (sbb_variants_lib){libs[l].name, libs[l].path, &libs[l].info};
        sbb_variants_section(o, vl, nvl, quick ? 1 : 2, quick);
    }
    if (SECTION("parked")) { /* calls near the thresholds, workers spinning or asleep: the threaded libraries */
        sbb_parked_lib pl[MAX_LIBS];
        int npl = 0;
        for (int l = 0; l < nlibs; l++)
            if (libs[l].present && !libs[l].serial && !libs[l].info.error[0])
                pl[npl++] = (sbb_parked_lib){libs[l].name, libs[l].path, &libs[l].info};
        sbb_parked_section(o, pl, npl, quick ? 1 : 3, quick);
    }
    if (SECTION("small")) { /* small calls, one thread, every library */
        sbb_small_lib sl[MAX_LIBS];
        int nsl = 0;
        for (int l = 0; l < nlibs; l++)
            if (libs[l].present && !libs[l].info.error[0])
                sl[nsl++] = (sbb_small_lib){libs[l].name, libs[l].path, &libs[l].info};
        sbb_small_section(o, sl, nsl, quick ? 1 : 2, quick);
    }
    if (SECTION("membw")) { /* memory-bound level 2 and 1, every library, 1 and 2 threads */
        sbb_membw_lib ml[MAX_LIBS];
        int nml = 0;
        for (int l = 0; l < nlibs; l++)
            if (libs[l].present && !libs[l].info.error[0])
                ml[nml++] = (sbb_membw_lib){libs[l].name, libs[l].path, &libs[l].info, libs[l].serial};
        sbb_membw_section(o, ml, nml, quick ? 1 : 2, quick);
    }
    if (SECTION("linalg")) { /* numpy.linalg under each threaded library, measured last as well */
        sbb_numpy_lib nl[MAX_LIBS];
        int nnl = 0;
        for (int l = 0; l < nlibs; l++)
            if (libs[l].present && !libs[l].serial && !libs[l].info.error[0])
                nl[nnl++] = (sbb_numpy_lib){libs[l].name, l == 0 ? NULL : libs[l].path, &libs[l].info};
        sbb_numpy_section(o, nl, nnl, compat_dir, quick ? 1 : 3, quick);
    }
    if (max_pct > 102)
        fprintf(o, "\nNote: a row reached %.0f%% of the measured peak: the machine was busy while the peak was "
                   "measured (another process on the same core, or a lower clock then), so every %% peak above "
                   "reads high.\n", max_pct);
    if (plot_list[0]) fprintf(o, "\n%s", plot_list);
    fclose(o);
    fputs(text, stdout);
    fflush(stdout);
    if (out_path) {
        FILE *f = fopen(out_path, "w");
        if (!f) { fprintf(stderr, "bench: cannot write %s: %s\n", out_path, strerror(errno)); free(text); return 1; }
        fputs(text, f);
        fclose(f);
        fprintf(stderr, "bench: report written to %s\n", out_path);
    }
    free(text);
    return 0;
}
