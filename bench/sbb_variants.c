/* The variants section of safeblas-bench (see sbb_variants.h). */
#define _GNU_SOURCE
#include "sbb_variants.h"

#include <dlfcn.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef void (*gemm_fn)(const char *, const char *, const sbb_int *, const sbb_int *, const sbb_int *,
                        const double *, const double *, const sbb_int *, const double *, const sbb_int *,
                        const double *, double *, const sbb_int *, size_t, size_t);
typedef void (*tr_fn)(const char *, const char *, const char *, const char *, const sbb_int *, const sbb_int *,
                      const double *, const double *, const sbb_int *, double *, const sbb_int *, size_t, size_t,
                      size_t, size_t);
typedef void (*symm_fn)(const char *, const char *, const sbb_int *, const sbb_int *, const double *,
                        const double *, const sbb_int *, const double *, const sbb_int *, const double *,
                        double *, const sbb_int *, size_t, size_t);
typedef void (*syrk_fn)(const char *, const char *, const sbb_int *, const sbb_int *, const double *,
                        const double *, const sbb_int *, const double *, double *, const sbb_int *, size_t,
                        size_t);
typedef void (*syr2k_fn)(const char *, const char *, const sbb_int *, const sbb_int *, const double *,
                         const double *, const sbb_int *, const double *, const sbb_int *, const double *,
                         double *, const sbb_int *, size_t, size_t);

/* The variants: routine and its option letters (gemm: transa transb; trsm/trmm: side uplo transa,
 * non-unit diagonal; symm: side uplo; syrk/syr2k: uplo trans). "gemm NN" first: the yardstick. */
static const char *const variants[] = {
    "gemm NN", "gemm NT", "gemm TN", "gemm TT",
    "trsm LLN", "trsm LLT", "trsm LUN", "trsm LUT", "trsm RLN", "trsm RLT", "trsm RUN", "trsm RUT",
    "trmm LLN", "trmm LLT", "trmm LUN", "trmm LUT", "trmm RLN", "trmm RLT", "trmm RUN", "trmm RUT",
    "symm LL", "symm LU", "symm RL", "symm RU",
    "syrk LN", "syrk LT", "syrk UN", "syrk UT",
    "syr2k LN", "syr2k LT", "syr2k UN", "syr2k UT",
};
#define NVAR ((int)(sizeof variants / sizeof *variants))
static const int sizes_full[] = {1024, 2048}, sizes_quick[] = {512};
#define NSIZE_MAX 2

static double variant_flops(const char *v, int n)
{
    double d = n;
    if (!strncmp(v, "gemm", 4) || !strncmp(v, "symm", 4)) return 2 * d * d * d;
    if (!strncmp(v, "syr2k", 5)) return 2 * d * d * (d + 1);
    if (!strncmp(v, "syrk", 4)) return d * d * (d + 1);
    return d * d * d; /* trsm, trmm */
}

typedef struct {
    gemm_fn gemm;
    tr_fn trsm, trmm;
    symm_fn symm;
    syrk_fn syrk;
    syr2k_fn syr2k;
} routines;

/* One call of variant v on n x n operands; B is restored first for the in-place trsm/trmm (n^2
 * copy, done before the clock starts: see time_variant). */
static int call_variant(const routines *R, const char *v, sbb_int n, const double *A, const double *B, double *C)
{
    const double one = 1.0;
    const char o0[2] = {v[strcspn(v, " ") + 1], 0}, o1[2] = {v[strcspn(v, " ") + 2], 0};
    if (!strncmp(v, "gemm", 4)) {
        if (!R->gemm) return -1;
        R->gemm(o0, o1, &n, &n, &n, &one, A, &n, B, &n, &one, C, &n, 1, 1);
    } else if (!strncmp(v, "trsm", 4) || !strncmp(v, "trmm", 4)) {
        tr_fn f = v[2] == 's' ? R->trsm : R->trmm;
        if (!f) return -1;
        const char o2[2] = {v[strcspn(v, " ") + 3], 0};
        f(o0, o1, o2, "N", &n, &n, &one, A, &n, C, &n, 1, 1, 1, 1);
    } else if (!strncmp(v, "symm", 4)) {
        if (!R->symm) return -1;
        R->symm(o0, o1, &n, &n, &one, A, &n, B, &n, &one, C, &n, 1, 1);
    } else if (!strncmp(v, "syr2k", 5)) {
        if (!R->syr2k) return -1;
        R->syr2k(o0, o1, &n, &n, &one, A, &n, B, &n, &one, C, &n, 1, 1);
    } else {
        if (!R->syrk) return -1;
        R->syrk(o0, o1, &n, &n, &one, A, &n, &one, C, &n, 1, 1);
    }
    return 0;
}

/* Best GFLOP/s of `calls` timed calls after one warm-up; C is refilled from C0 before each call. */
static double time_variant(const routines *R, const char *v, int n, const double *A, const double *B,
                           const double *C0, double *C, int calls)
{
    size_t bytes = (size_t)n * (size_t)n * sizeof(double);
    double best = INFINITY;
    for (int c = 0; c <= calls; c++) {
        memcpy(C, C0, bytes);
        double s = sbb_now();
        if (call_variant(R, v, n, A, B, C) != 0) return -1.0;
        double t = sbb_now() - s;
        if (c > 0 && t < best) best = t;
    }
    return variant_flops(v, n) / best * 1e-9;
}

int sbb_variants_worker(const char *name, const char *path, int quick)
{
    (void)name;
    void *h = path && strcmp(path, "self") ? dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND) : RTLD_DEFAULT;
    if (!h) {
        printf("E cannot load %s: %s\n", path, dlerror());
        return 1;
    }
    routines R = {(gemm_fn)dlsym(h, "dgemm_"), (tr_fn)dlsym(h, "dtrsm_"),   (tr_fn)dlsym(h, "dtrmm_"),
                  (symm_fn)dlsym(h, "dsymm_"), (syrk_fn)dlsym(h, "dsyrk_"), (syr2k_fn)dlsym(h, "dsyr2k_")};
    const int *sizes = quick ? sizes_quick : sizes_full;
    int nsizes = quick ? 1 : 2;
    for (int s = 0; s < nsizes; s++) {
        int n = sizes[s];
        size_t nn = (size_t)n * (size_t)n;
        double *A = malloc(nn * sizeof(double)), *B = malloc(nn * sizeof(double));
        double *C0 = malloc(nn * sizeof(double)), *C = malloc(nn * sizeof(double));
        if (!A || !B || !C0 || !C) {
            printf("E out of memory at n = %d\n", n);
            return 1;
        }
        sbb_fill(A, nn, 11);
        sbb_fill(B, nn, 12);
        sbb_fill(C0, nn, 13);
        /* a well-conditioned triangle in both halves of A: trsm stays finite */
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) A[i + (size_t)j * n] = i == j ? 2.0 + 0.5 * A[i + (size_t)j * n] : A[i + (size_t)j * n] / n;
        int calls = n >= 2048 ? 2 : 3;
        for (int v = 0; v < NVAR; v++) {
            printf("V %s %d %.4f\n", variants[v], n, time_variant(&R, variants[v], n, A, B, C0, C, calls));
            fflush(stdout);
        }
        free(A);
        free(B);
        free(C0);
        free(C);
    }
    return 0;
}

/* ---- parent side ---- */

#define NLIB_MAX 8
typedef struct {
    double g[NLIB_MAX][2][NVAR][NSIZE_MAX]; /* best round; 0 not measured, < 0 missing */
    char note[NLIB_MAX][2][160];
    const int *sizes;
    int nsizes, lib, t;
} var_results;

static void on_variant_line(const char *line, void *vctx)
{
    var_results *r = vctx;
    char routine[16], opts[8];
    int n;
    double g;
    if (!strncmp(line, "E ", 2)) {
        snprintf(r->note[r->lib][r->t], sizeof r->note[0][0], "%s", line + 2);
        return;
    }
    if (sscanf(line, "V %15s %7s %d %lf", routine, opts, &n, &g) != 4) return;
    char v[24];
    snprintf(v, sizeof v, "%s %s", routine, opts);
    for (int i = 0; i < NVAR; i++)
        for (int s = 0; s < r->nsizes; s++)
            if (!strcmp(variants[i], v) && r->sizes[s] == n) {
                double *cell = &r->g[r->lib][r->t][i][s];
                if (g < 0) *cell = g;
                else if (g > *cell) *cell = g;
            }
}

static void run_variants(const sbb_variants_lib *L, int threads, int quick, var_results *r)
{
    sbb_run_lib_worker("variants", L->name, L->path, L->info, threads, quick, quick ? 300 : 900, on_variant_line, r,
                       r->note[r->lib][r->t], sizeof r->note[0][0]);
}

static void cell(char *buf, size_t len, double g)
{
    if (g > 0) snprintf(buf, len, "%.1f", g);
    else snprintf(buf, len, g < 0 ? "n/a" : "—");
}

typedef struct {
    const sbb_variants_lib *libs;
    int quick;
    var_results *r;
} var_round;

static void var_round_run(int lib, int threads, int tidx, void *vctx)
{
    var_round *ctx = vctx;
    ctx->r->lib = lib;
    ctx->r->t = tidx;
    run_variants(&ctx->libs[lib], threads, ctx->quick, ctx->r);
}

void sbb_variants_section(FILE *o, const sbb_variants_lib *libs, int nlibs, int rounds, int quick)
{
    if (nlibs > NLIB_MAX) nlibs = NLIB_MAX;
    var_results *r = calloc(1, sizeof *r);
    if (!r) return;
    r->sizes = quick ? sizes_quick : sizes_full;
    r->nsizes = quick ? 1 : 2;
    static const int tcount[2] = {1, 2};
    var_round rc = {libs, quick, r};
    sbb_interleave(rounds, nlibs, var_round_run, &rc);

    {
        FILE *f = o;
        fprintf(f, "\n## Level-3 variants (double precision)\n\n"
                   "GFLOP/s, best of %d round%s (every library once per round, in a fresh worker); "
                   "\"%% dgemm\": SafeBLAS's rate as a share of its own dgemm NN at the same n in the same "
                   "worker; \"SB/x\": SafeBLAS's rate over library x's (above 1: SafeBLAS is faster). "
                   "trsm/trmm options: side, uplo, transa (non-unit diagonal); symm: side, uplo; "
                   "syrk/syr2k: uplo, trans. Flops: gemm/symm 2n³, trsm/trmm n³, syrk n²(n+1), syr2k 2n²(n+1).\n",
                rounds, rounds > 1 ? "s" : "");
        for (int t = 0; t < 2; t++) {
            fprintf(f, "\n### %d thread%s\n\n| variant | n | %s | %% dgemm |", tcount[t], t ? "s" : "", libs[0].name);
            for (int k = 1; k < nlibs; k++) fprintf(f, " %s | SB/%s |", libs[k].name, libs[k].name);
            fprintf(f, "\n|---|---:|---:|---:|");
            for (int k = 1; k < nlibs; k++) fprintf(f, "---:|---:|");
            fprintf(f, "\n");
            double worst = INFINITY;
            const char *worst_v = "";
            int worst_n = 0, behind[NLIB_MAX] = {0};
            for (int s = 0; s < r->nsizes; s++)
                for (int v = 0; v < NVAR; v++) {
                    double sb = r->g[0][t][v][s], own = r->g[0][t][0][s];
                    char b[32], pc[16];
                    cell(b, sizeof b, sb);
                    if (sb > 0 && own > 0) {
                        snprintf(pc, sizeof pc, "%.0f%%", 100 * sb / own);
                        if (v > 0 && sb / own < worst) {
                            worst = sb / own;
                            worst_v = variants[v];
                            worst_n = r->sizes[s];
                        }
                    } else snprintf(pc, sizeof pc, "—");
                    fprintf(f, "| %s | %d | %s | %s |", variants[v], r->sizes[s], b, pc);
                    for (int k = 1; k < nlibs; k++) {
                        double pg = r->g[k][t][v][s];
                        char pb[32], ratio[16];
                        cell(pb, sizeof pb, pg);
                        if (sb > 0 && pg > 0) {
                            snprintf(ratio, sizeof ratio, "%.2f", sb / pg);
                            if (sb < pg) behind[k]++;
                        } else snprintf(ratio, sizeof ratio, "—");
                        fprintf(f, " %s | %s |", pb, ratio);
                    }
                    fprintf(f, "\n");
                }
            if (worst < INFINITY)
                fprintf(f, "\nSlowest SafeBLAS variant at %d thread%s: %s at n = %d, %.0f%% of its dgemm NN.",
                        tcount[t], t ? "s" : "", worst_v, worst_n, 100 * worst);
            for (int k = 1; k < nlibs; k++)
                fprintf(f, " Behind %s in %d of %d cases.", libs[k].name, behind[k], NVAR * r->nsizes);
            fprintf(f, "\n");
            for (int k = 0; k < nlibs; k++)
                if (r->note[k][t][0]) fprintf(f, "\n%s: %s\n", libs[k].name, r->note[k][t]);
        }
    }
    free(r);
}
