/* The parked section of safeblas-bench (see sbb_parked.h). */
#define _GNU_SOURCE
#include "sbb_parked.h"

#include <dlfcn.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void (*set_threads_fn)(int);
typedef void (*blis_set_threads_fn)(long); /* BLIS: dim_t */
static blis_set_threads_fn blis_set;
static void blis_set_threads(int n) { blis_set(n); }

/* Sizes around the default thresholds: dgemm and dsyrk go parallel from about 2e6 flops
 * (n = 100 and 126), dgemv from n = 768 or so; a SafeBLAS dgemm that finds its workers asleep
 * wakes them from n = 183 on (six times the threshold), so 160 and 180 show that boundary. */
typedef struct {
    const char *routine;
    int n;
} parked_case;
static const parked_case cases_full[] = {
    {"dgemv", 768}, {"dgemv", 1024}, {"dgemv", 2048}, {"dgemm", 100}, {"dgemm", 128}, {"dgemm", 160},
    {"dgemm", 180}, {"dgemm", 200}, {"dgemm", 256}, {"dgemm", 400}, {"dsyrk", 128}, {"dsyrk", 192}, {"dsyrk", 256}, {"dsyrk", 400},
};
static const parked_case cases_quick[] = {{"dgemv", 1024}, {"dgemm", 128}, {"dsyrk", 192}};
#define NCASE_MAX ((int)(sizeof cases_full / sizeof *cases_full))
#define PAUSE_US 2000 /* 40x the SafeBLAS workers' spin: they sleep */
#define NMAX 2048

typedef struct {
    sbb_gemm_fn gemm;
    sbb_syrk_fn syrk;
    sbb_gemv_fn gemv;
    set_threads_fn set_threads;
} parked_routines;

static double *A, *B, *C;

static void call(const parked_routines *R, const parked_case *k)
{
    const double one = 1.0, zero = 0.0;
    sbb_int n = k->n, inc = 1;
    if (!strcmp(k->routine, "dgemv")) R->gemv("N", &n, &n, &one, A, &n, B, &inc, &zero, C, &inc, 1);
    else if (!strcmp(k->routine, "dgemm")) R->gemm("N", "N", &n, &n, &n, &one, A, &n, B, &n, &zero, C, &n, 1, 1);
    else R->syrk("L", "N", &n, &n, &one, A, &n, &zero, C, &n, 1, 1);
}

static void pause_us(long us)
{
    struct timespec t = {0, us * 1000L};
    while (nanosleep(&t, &t) != 0) {
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *x, int n)
{
    qsort(x, (size_t)n, sizeof *x, cmp_double);
    return x[n / 2];
}

/* Medians in µs of one call at 1 and at 2 threads, interleaved. parked: each call after a pause.
 * tight: runs of back-to-back calls, about 1 ms untimed (the pool wakes and settles) and then
 * about 2 ms timed, every call. */
static void measure(const parked_routines *R, const parked_case *k, int parked, int rounds, double *m1, double *m2)
{
    enum { PER_RUN_MAX = 64, ROUNDS_MAX = 64 };
    static double t[2][ROUNDS_MAX * PER_RUN_MAX];
    int cnt[2] = {0, 0};
    call(R, k); /* warm: pool, buffers, pages */
    double s = sbb_now();
    call(R, k);
    double one = fmax(sbb_now() - s, 1e-7);
    int per_run = parked ? 1 : (int)fmin(PER_RUN_MAX, fmax(4, 2e-3 / one));
    int settle = parked ? 0 : (int)fmin(PER_RUN_MAX, fmax(2, 1e-3 / one));
    if (rounds > ROUNDS_MAX) rounds = ROUNDS_MAX;
    for (int r = 0; r < rounds; r++)
        for (int i = 0; i < 2; i++) {
            /* 1, 2, 2, 1, 1, 2, ...: strictly alternating, a thread woken from its pause tends to
             * land on the other CPU each time (caches cold or warm by turns), which made the very
             * same 1-thread code 12-30% slower at "2 threads" than at 1 in every run */
            int th = r & 1 ? 1 - i : i;
            R->set_threads(th + 1);
            for (int c = 0; c < settle; c++) call(R, k);
            for (int c = 0; c < per_run; c++) {
                if (parked) pause_us(PAUSE_US);
                double t0 = sbb_now();
                call(R, k);
                t[th][cnt[th]++] = (sbb_now() - t0) * 1e6;
            }
        }
    *m1 = median(t[0], cnt[0]);
    *m2 = median(t[1], cnt[1]);
}

int sbb_parked_worker(const char *name, const char *path, int quick)
{
    (void)name;
    void *h = path && strcmp(path, "self") ? dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND) : RTLD_DEFAULT;
    if (!h) {
        printf("E cannot load %s: %s\n", path, dlerror());
        return 1;
    }
    parked_routines R = {(sbb_gemm_fn)dlsym(h, "dgemm_"), (sbb_syrk_fn)dlsym(h, "dsyrk_"),
                         (sbb_gemv_fn)dlsym(h, "dgemv_"), (set_threads_fn)dlsym(h, "openblas_set_num_threads")};
    if (!R.set_threads && (blis_set = (blis_set_threads_fn)dlsym(h, "bli_thread_set_num_threads")))
        R.set_threads = blis_set_threads;
    if (!R.gemm || !R.syrk || !R.gemv || !R.set_threads) {
        printf("E %s has no dgemm_/dsyrk_/dgemv_ or no call to set its thread count\n", path ? path : "self");
        return 1;
    }
    size_t nn = (size_t)NMAX * NMAX;
    A = malloc(nn * sizeof(double));
    B = malloc(nn * sizeof(double));
    C = malloc(nn * sizeof(double));
    if (!A || !B || !C) {
        printf("E out of memory\n");
        return 1;
    }
    sbb_fill(A, nn, 31);
    sbb_fill(B, nn, 32);
    sbb_fill(C, nn, 33);
    const parked_case *cases = quick ? cases_quick : cases_full;
    int ncase = quick ? (int)(sizeof cases_quick / sizeof *cases_quick) : NCASE_MAX;
    for (int i = 0; i < ncase; i++)
        for (int parked = 0; parked < 2; parked++) {
            double m1, m2;
            /* a call after a pause varies by a third: more of them for the median */
            measure(&R, &cases[i], parked, quick ? 9 : parked ? 63 : 31, &m1, &m2);
            printf("P %s %d %s %.3f %.3f\n", cases[i].routine, cases[i].n, parked ? "parked" : "tight", m1, m2);
            fflush(stdout);
        }
    return 0;
}

/* ---- parent side ---- */

#define NLIB_MAX 8
typedef struct {
    double us[NLIB_MAX][NCASE_MAX][2][2]; /* [lib][case][tight, parked][1 thread, 2]: best round, 0 none */
    char note[NLIB_MAX][160];
    const parked_case *cases;
    int ncase, lib;
} parked_results;

static void on_parked_line(const char *line, void *vctx)
{
    parked_results *r = vctx;
    char routine[16], mode[16];
    int n;
    double a, b;
    if (!strncmp(line, "E ", 2)) {
        snprintf(r->note[r->lib], sizeof r->note[0], "%s", line + 2);
        return;
    }
    if (sscanf(line, "P %15s %d %15s %lf %lf", routine, &n, mode, &a, &b) != 5) return;
    int m = !strcmp(mode, "parked");
    for (int i = 0; i < r->ncase; i++)
        if (!strcmp(r->cases[i].routine, routine) && r->cases[i].n == n) {
            double *cell = r->us[r->lib][i][m]; /* each thread count's best round */
            if (cell[0] == 0 || a < cell[0]) cell[0] = a;
            if (cell[1] == 0 || b < cell[1]) cell[1] = b;
        }
}

typedef struct {
    const sbb_parked_lib *libs;
    int quick;
    parked_results *r;
} parked_round;

static void parked_round_run(int lib, int threads, int tidx, void *vctx)
{
    parked_round *ctx = vctx;
    if (tidx != 1) return; /* one worker per library and round, started at 2 threads */
    ctx->r->lib = lib;
    const sbb_parked_lib *L = &ctx->libs[lib];
    sbb_run_lib_worker("parked", L->name, L->path, L->info, threads, ctx->quick, ctx->quick ? 120 : 300,
                       on_parked_line, ctx->r, ctx->r->note[lib], sizeof ctx->r->note[0]);
}

void sbb_parked_section(FILE *o, const sbb_parked_lib *libs, int nlibs, int rounds, int quick)
{
    if (nlibs > NLIB_MAX) nlibs = NLIB_MAX;
    parked_results *r = calloc(1, sizeof *r);
    if (!r) return;
    r->cases = quick ? cases_quick : cases_full;
    r->ncase = quick ? (int)(sizeof cases_quick / sizeof *cases_quick) : NCASE_MAX;
    parked_round pc = {libs, quick, r};
    sbb_interleave(rounds, nlibs, parked_round_run, &pc);

    fprintf(o, "\n## Calls near the thresholds, workers spinning or asleep (issue 12)\n\n"
               "Median µs of one call, 1 and 2 threads interleaved in one worker process (the library's own "
               "call switches them). tight: runs of back-to-back calls, about 1 ms untimed and then 2 ms "
               "timed; "
               "parked: every call after a %d µs pause, so a pool's threads have gone to sleep. Each thread count's "
               "best median of %d round%s (a fresh worker each, libraries interleaved). "
               "2T/1T above 1: the second thread made the call slower (goal for SafeBLAS: never).\n\n"
               "| routine | n | mode |",
            PAUSE_US, rounds, rounds > 1 ? "s" : "");
    for (int k = 0; k < nlibs; k++) fprintf(o, " %s 1T | 2T | 2T/1T |", libs[k].name);
    fprintf(o, "\n|---|---:|---|");
    for (int k = 0; k < nlibs; k++) fprintf(o, "---:|---:|---:|");
    fprintf(o, "\n");
    int slower = 0, total = 0;
    for (int i = 0; i < r->ncase; i++)
        for (int m = 0; m < 2; m++) {
            fprintf(o, "| %s | %d | %s |", r->cases[i].routine, r->cases[i].n, m ? "parked" : "tight");
            for (int k = 0; k < nlibs; k++) {
                const double *c = r->us[k][i][m];
                if (c[0] > 0 && c[1] > 0) {
                    fprintf(o, " %.1f | %.1f | %.2f |", c[0], c[1], c[1] / c[0]);
                    if (k == 0) {
                        total++;
                        if (c[1] > c[0] * 1.05) slower++;
                    }
                } else fprintf(o, " — | — | — |");
            }
            fprintf(o, "\n");
        }
    fprintf(o, "\n%s: 2 threads more than 5%% slower than 1 in %d of %d cases.\n", libs[0].name, slower, total);
    for (int k = 0; k < nlibs; k++)
        if (r->note[k][0]) fprintf(o, "\n%s: %s\n", libs[k].name, r->note[k]);
    free(r);
}
