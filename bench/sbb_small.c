/* The small-calls section of safeblas-bench (see sbb_small.h). */
#define _GNU_SOURCE
#include "sbb_small.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The kinds: precision letter, transa, transb. Each precision's real NN comes first: the yardstick
 * of its complex kinds as well (z against d, c against s). */
static const char *const kinds[] = {"dNN", "dTN", "zNN", "zCN", "sNN", "sTN", "cNN", "cCN"};
#define NKIND ((int)(sizeof kinds / sizeof *kinds))
static const int sizes[] = {4, 8, 16};
#define NSIZE 3

/* CPU seconds of this process: a worker runs one thread, and other work on a shared machine
 * does not count against it. */
static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Best calls/s over `batches` batches of about `batch_s` CPU seconds each (after a warm-up),
 * C := A*B + C with op by the kind's letters, alpha = beta = 1. */
static double calls_per_s(sbb_gemm_fn f, const char *kind, sbb_int n, const void *alpha, const void *a, const void *b,
                          void *c, int batches, double batch_s)
{
    const char ta[2] = {kind[1], 0}, tb[2] = {kind[2], 0};
    long calls = 64;
    for (;;) { /* calls per batch: double until a batch takes a tenth of batch_s */
        double s = cpu_now();
        for (long i = 0; i < calls; i++) f(ta, tb, &n, &n, &n, alpha, a, &n, b, &n, alpha, c, &n, 1, 1);
        double t = cpu_now() - s;
        if (t > batch_s / 10 || calls > (1L << 30)) {
            calls = (long)((double)calls * batch_s / (t > 1e-9 ? t : 1e-9));
            break;
        }
        calls *= 2;
    }
    if (calls < 1) calls = 1;
    double best = 0;
    for (int r = 0; r < batches; r++) {
        double s = cpu_now();
        for (long i = 0; i < calls; i++) f(ta, tb, &n, &n, &n, alpha, a, &n, b, &n, alpha, c, &n, 1, 1);
        double t = cpu_now() - s;
        if (t > 0 && calls / t > best) best = calls / t;
    }
    return best;
}

int sbb_small_worker(const char *name, const char *path, int quick)
{
    sbb_lib L;
    char err[512];
    if (sbb_lib_open(&L, name, path && strcmp(path, "self") ? path : NULL, err, sizeof err) != 0) {
        printf("E cannot load %s: %s\n", path, err);
        return 1;
    }
    /* operands for the largest n, complex double (the most bytes); values small enough that C,
     * growing by A*B each call, stays far from overflow */
    enum { ELEMS = 16 * 16 * 2 };
    double *A = malloc(ELEMS * sizeof(double)), *B = malloc(ELEMS * sizeof(double));
    double *C = malloc(ELEMS * sizeof(double));
    float *Af = malloc(ELEMS * sizeof(float)), *Bf = malloc(ELEMS * sizeof(float)), *Cf = malloc(ELEMS * sizeof(float));
    if (!A || !B || !C || !Af || !Bf || !Cf) {
        printf("E out of memory\n");
        return 1;
    }
    sbb_fill(A, ELEMS, 21);
    sbb_fill(B, ELEMS, 22);
    sbb_fillf(Af, ELEMS, 21);
    sbb_fillf(Bf, ELEMS, 22);
    for (int i = 0; i < ELEMS; i++) A[i] *= 1e-3, Af[i] *= 1e-3f;
    const double one[2] = {1, 0};
    const float onef[2] = {1, 0};
    int batches = quick ? 3 : 5;
    double batch_s = quick ? 0.01 : 0.02;
    for (int k = 0; k < NKIND; k++) {
        char p = kinds[k][0];
        sbb_gemm_fn f = p == 'd' ? L.dgemm : p == 'z' ? L.zgemm : p == 's' ? L.sgemm : L.cgemm;
        int dbl = p == 'd' || p == 'z';
        for (int s = 0; s < NSIZE; s++) {
            memset(C, 0, ELEMS * sizeof(double));
            memset(Cf, 0, ELEMS * sizeof(float));
            const void *al = dbl ? (const void *)one : (const void *)onef;
            const void *a = dbl ? (const void *)A : (const void *)Af, *b = dbl ? (const void *)B : (const void *)Bf;
            void *c = dbl ? (void *)C : (void *)Cf;
            double r = f ? calls_per_s(f, kinds[k], sizes[s], al, a, b, c, batches, batch_s) : -1.0;
            printf("S %s %d %.0f\n", kinds[k], sizes[s], r);
            fflush(stdout);
        }
    }
    free(A), free(B), free(C), free(Af), free(Bf), free(Cf);
    return 0;
}

/* ---- parent side ---- */

#define NLIB_MAX 8
typedef struct {
    double r[NLIB_MAX][NKIND][NSIZE]; /* best round's calls/s; 0 not measured, < 0 missing */
    char note[NLIB_MAX][160];
    int lib;
    const sbb_small_lib *libs;
    int quick;
} small_results;

static void on_small_line(const char *line, void *vctx)
{
    small_results *r = vctx;
    char kind[8];
    int n;
    double v;
    if (!strncmp(line, "E ", 2)) {
        snprintf(r->note[r->lib], sizeof r->note[0], "%s", line + 2);
        return;
    }
    if (sscanf(line, "S %7s %d %lf", kind, &n, &v) != 3) return;
    for (int k = 0; k < NKIND; k++)
        for (int s = 0; s < NSIZE; s++)
            if (!strcmp(kinds[k], kind) && sizes[s] == n) {
                double *cell = &r->r[r->lib][k][s];
                if (v < 0) *cell = v;
                else if (v > *cell) *cell = v;
            }
}

static void small_round_run(int lib, int threads, int tidx, void *vctx)
{
    small_results *r = vctx;
    (void)tidx;
    if (threads != 1) return; /* small calls run on the calling thread */
    r->lib = lib;
    const sbb_small_lib *L = &r->libs[lib];
    sbb_run_lib_worker("small", L->name, L->path, L->info, 1, r->quick, 120, on_small_line, r, r->note[lib],
                       sizeof r->note[0]);
}

/* "12.3M" style calls/s */
static void rate(char *buf, size_t len, double v)
{
    if (v > 0) snprintf(buf, len, "%.2fM", v * 1e-6);
    else snprintf(buf, len, v < 0 ? "n/a" : "—");
}

void sbb_small_section(FILE *o, const sbb_small_lib *libs, int nlibs, int rounds, int quick)
{
    if (nlibs > NLIB_MAX) nlibs = NLIB_MAX;
    small_results *r = calloc(1, sizeof *r);
    if (!r) return;
    r->libs = libs;
    r->quick = quick;
    sbb_interleave(rounds, nlibs, small_round_run, r);
    fprintf(o, "\n## Small calls (gemm, one thread)\n\n"
               "Calls per second (millions) of C := op(A) op(B) + C on n x n operands, best of %d round%s "
               "(every library once per round, in a fresh worker), each a best of batches timed in process "
               "CPU time. \"vs NN\": the library's rate as a share of its own real NN at the same n and "
               "precision (z, c against d, s); \"SB/x\": SafeBLAS's rate over library x's (above 1: SafeBLAS "
               "is faster). TN is numpy's A.T @ B.\n\n| kind | n | %s | vs NN |",
            rounds, rounds > 1 ? "s" : "", libs[0].name);
    for (int l = 1; l < nlibs; l++) fprintf(o, " %s | SB/%s |", libs[l].name, libs[l].name);
    fprintf(o, "\n|---|---:|---:|---:|");
    for (int l = 1; l < nlibs; l++) fprintf(o, "---:|---:|");
    fprintf(o, "\n");
    for (int k = 0; k < NKIND; k++)
        for (int s = 0; s < NSIZE; s++) {
            int nn = kinds[k][0] == 'd' || kinds[k][0] == 'z' ? 0 : 4; /* the real NN of its precision */
            double sb = r->r[0][k][s], base = r->r[0][nn][s];
            char b[32], share[16];
            rate(b, sizeof b, sb);
            if (sb > 0 && base > 0) snprintf(share, sizeof share, "%.0f%%", 100 * sb / base);
            else snprintf(share, sizeof share, "—");
            fprintf(o, "| %cgemm %.2s | %d | %s | %s |", kinds[k][0], kinds[k] + 1, sizes[s], b, share);
            for (int l = 1; l < nlibs; l++) {
                double p = r->r[l][k][s];
                char pb[32], ratio[16];
                rate(pb, sizeof pb, p);
                if (sb > 0 && p > 0) snprintf(ratio, sizeof ratio, "%.2f", sb / p);
                else snprintf(ratio, sizeof ratio, "—");
                fprintf(o, " %s | %s |", pb, ratio);
            }
            fprintf(o, "\n");
        }
    for (int l = 0; l < nlibs; l++)
        if (r->note[l][0]) fprintf(o, "\n%s: %s\n", libs[l].name, r->note[l]);
    free(r);
}
