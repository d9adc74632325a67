/* The memory-bound section of safeblas-bench (see sbb_membw.h). */
#define _GNU_SOURCE
#include "sbb_membw.h"

#include <dlfcn.h>
#include <emmintrin.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* What a routine's bytes are measured against: READ routines only read their big operand (the
 * read bandwidth), UPDATE routines read and write it in place (the update bandwidth). */
enum { READ, UPDATE };

typedef struct {
    const char *label; /* as in the table: routine and options */
    const char *sym;   /* Fortran symbol */
    int level;         /* 1 or 2 */
    int yard;          /* READ or UPDATE */
    double bytes;      /* per element of the matrix (level 2, n^2 of them) or of the vectors (level 1, n) */
} routine_t;

/* Level 2: full storage counts n^2 elements (a triangle n^2 / 2), packed n^2 / 2; level 1 counts
 * every vector it reads or writes. */
static const routine_t routines[] = {
    {"dgemv N", "dgemv_", 2, READ, 8},        {"dgemv T", "dgemv_", 2, READ, 8},
    {"dsymv L", "dsymv_", 2, READ, 4},        {"dsymv U", "dsymv_", 2, READ, 4},
    {"dtrmv LN", "dtrmv_", 2, READ, 4},       {"dtrmv LT", "dtrmv_", 2, READ, 4},
    {"dtrmv UN", "dtrmv_", 2, READ, 4},       {"dtrmv UT", "dtrmv_", 2, READ, 4},
    {"dtrsv LN", "dtrsv_", 2, READ, 4},       {"dtrsv LT", "dtrsv_", 2, READ, 4},
    {"dtrsv UN", "dtrsv_", 2, READ, 4},       {"dtrsv UT", "dtrsv_", 2, READ, 4},
    {"dspmv L", "dspmv_", 2, READ, 4},        {"dtpmv LN", "dtpmv_", 2, READ, 4},
    {"dtpsv LN", "dtpsv_", 2, READ, 4},       {"dger", "dger_", 2, UPDATE, 16},
    {"dsyr L", "dsyr_", 2, UPDATE, 8},        {"dsyr2 L", "dsyr2_", 2, UPDATE, 8},
    {"dspr L", "dspr_", 2, UPDATE, 8},        {"zgemv N", "zgemv_", 2, READ, 16},
    {"zgemv C", "zgemv_", 2, READ, 16},       {"zhemv L", "zhemv_", 2, READ, 8},
    {"ztrmv LN", "ztrmv_", 2, READ, 8},       {"ztrsv UN", "ztrsv_", 2, READ, 8},
    {"ztrsv LC", "ztrsv_", 2, READ, 8},       {"zgerc", "zgerc_", 2, UPDATE, 32},
    {"zher L", "zher_", 2, UPDATE, 16},       {"dcopy", "dcopy_", 1, UPDATE, 16},
    {"dscal", "dscal_", 1, UPDATE, 16},       {"daxpy", "daxpy_", 1, UPDATE, 24},
    {"ddot", "ddot_", 1, READ, 16},           {"dnrm2", "dnrm2_", 1, READ, 8},
    {"dasum", "dasum_", 1, READ, 8},          {"idamax", "idamax_", 1, READ, 8},
    {"dswap", "dswap_", 1, UPDATE, 32},       {"drot", "drot_", 1, UPDATE, 32},
    {"zaxpy", "zaxpy_", 1, UPDATE, 48},       {"dznrm2", "dznrm2_", 1, READ, 16},
};
#define NROUT ((int)(sizeof routines / sizeof *routines))

typedef int fint;

/* ---- the bandwidth loops ---- */

typedef struct {
    double *a;
    size_t n;
    int update;
    double sum;
} bw_part;

/* SSE2 (every x86-64 has it), the part cut into STREAMS pieces walked side by side (one sequential
 * stream alone reached only 2/3 of what gemv T, reading several columns at once, did here), with a
 * sum or a store per stream in flight. */
#define STREAMS 8
static void *bw_run(void *v)
{
    bw_part *p = v;
    double *a = p->a;
    size_t len = p->n / STREAMS & ~(size_t)1, i;
    const __m128d c = _mm_set1_pd(0.999);
    __m128d s[STREAMS];
    for (int k = 0; k < STREAMS; k++) s[k] = _mm_setzero_pd();
    for (i = 0; i < len; i += 2)
        for (int k = 0; k < STREAMS; k++) {
            double *q = a + (size_t)k * len + i;
            if (p->update) _mm_storeu_pd(q, _mm_mul_pd(_mm_loadu_pd(q), c));
            else s[k] = _mm_add_pd(s[k], _mm_loadu_pd(q));
        }
    double t[2], sum = 0;
    for (int k = 0; k < STREAMS; k++) {
        _mm_storeu_pd(t, s[k]);
        sum += t[0] + t[1];
    }
    for (i = (size_t)STREAMS * len; i < p->n; i++) { /* the rest */
        if (p->update) a[i] *= 0.999;
        else sum += a[i];
    }
    p->sum = sum + a[0];
    return NULL;
}

/* Best GB/s of `passes` passes over a (n doubles), split over `threads` threads. */
static double bandwidth(double *a, size_t n, int threads, int update, int passes)
{
    double best = 0;
    volatile double sink = 0;
    for (int r = 0; r < passes; r++) {
        bw_part parts[8];
        pthread_t th[8];
        int started[8] = {0};
        size_t chunk = n / (size_t)threads;
        double t = sbb_now();
        for (int k = 0; k < threads; k++) {
            parts[k] = (bw_part){a + (size_t)k * chunk, k == threads - 1 ? n - (size_t)k * chunk : chunk, update, 0};
            if (k > 0) started[k] = pthread_create(&th[k], NULL, bw_run, &parts[k]) == 0;
        }
        bw_run(&parts[0]);
        for (int k = 1; k < threads; k++) {
            if (started[k]) pthread_join(th[k], NULL);
            else bw_run(&parts[k]); /* no thread: this one does it */
        }
        t = sbb_now() - t;
        for (int k = 0; k < threads; k++) sink += parts[k].sum;
        double g = (update ? 16.0 : 8.0) * (double)n / t * 1e-9;
        if (g > best) best = g;
    }
    (void)sink;
    return best;
}

/* ---- one routine's call ---- */

typedef struct {
    fint n;
    double *A, *x, *y; /* A: n x n (complex: 2n^2 doubles); x, y: 2n doubles (level 1: 2n each) */
} operands;

static double call_once(const routine_t *r, void *f, const operands *o)
{
    const fint *n = &o->n, one = 1;
    const double al[2] = {1.0, 0.0}, be[2] = {1.0, 0.0}, c = 0.8, s = 0.6, sc[2] = {0.999, 0.0};
    const char *L = r->label;
    char uplo[2] = {0, 0}, tr[2] = {0, 0}, diag[2] = "N";
    const char *opt = strchr(L, ' ');
    if (opt) {
        if (!strncmp(L, "dgemv", 5) || !strncmp(L, "zgemv", 5)) tr[0] = opt[1];
        else {
            uplo[0] = opt[1];
            tr[0] = opt[2] ? opt[2] : 'N';
        }
    }
    double t = sbb_now();
    volatile double sink = 0;
    if (!strcmp(r->sym, "dgemv_") || !strcmp(r->sym, "zgemv_"))
        ((void (*)(const char *, const fint *, const fint *, const double *, const double *, const fint *,
                   const double *, const fint *, const double *, double *, const fint *, size_t))f)(
            tr, n, n, al, o->A, n, o->x, &one, be, o->y, &one, 1);
    else if (!strcmp(r->sym, "dsymv_") || !strcmp(r->sym, "zhemv_"))
        ((void (*)(const char *, const fint *, const double *, const double *, const fint *, const double *,
                   const fint *, const double *, double *, const fint *, size_t))f)(uplo, n, al, o->A, n, o->x, &one,
                                                                                   be, o->y, &one, 1);
    else if (!strcmp(r->sym, "dtrmv_") || !strcmp(r->sym, "dtrsv_") || !strcmp(r->sym, "ztrmv_") ||
             !strcmp(r->sym, "ztrsv_"))
        ((void (*)(const char *, const char *, const char *, const fint *, const double *, const fint *, double *,
                   const fint *, size_t, size_t, size_t))f)(uplo, tr, diag, n, o->A, n, o->x, &one, 1, 1, 1);
    else if (!strcmp(r->sym, "dspmv_"))
        ((void (*)(const char *, const fint *, const double *, const double *, const double *, const fint *,
                   const double *, double *, const fint *, size_t))f)(uplo, n, al, o->A, o->x, &one, be, o->y, &one,
                                                                     1);
    else if (!strcmp(r->sym, "dtpmv_") || !strcmp(r->sym, "dtpsv_"))
        ((void (*)(const char *, const char *, const char *, const fint *, const double *, double *, const fint *,
                   size_t, size_t, size_t))f)(uplo, tr, diag, n, o->A, o->x, &one, 1, 1, 1);
    else if (!strcmp(r->sym, "dger_") || !strcmp(r->sym, "zgerc_"))
        ((void (*)(const fint *, const fint *, const double *, const double *, const fint *, const double *,
                   const fint *, double *, const fint *))f)(n, n, al, o->x, &one, o->y, &one, o->A, n);
    else if (!strcmp(r->sym, "dsyr_") || !strcmp(r->sym, "zher_"))
        ((void (*)(const char *, const fint *, const double *, const double *, const fint *, double *, const fint *,
                   size_t))f)(uplo, n, al, o->x, &one, o->A, n, 1);
    else if (!strcmp(r->sym, "dsyr2_"))
        ((void (*)(const char *, const fint *, const double *, const double *, const fint *, const double *,
                   const fint *, double *, const fint *, size_t))f)(uplo, n, al, o->x, &one, o->y, &one, o->A, n, 1);
    else if (!strcmp(r->sym, "dspr_"))
        ((void (*)(const char *, const fint *, const double *, const double *, const fint *, double *, size_t))f)(
            uplo, n, al, o->x, &one, o->A, 1);
    else if (!strcmp(r->sym, "dcopy_") || !strcmp(r->sym, "dswap_"))
        ((void (*)(const fint *, double *, const fint *, double *, const fint *))f)(n, o->x, &one, o->y, &one);
    else if (!strcmp(r->sym, "dscal_"))
        ((void (*)(const fint *, const double *, double *, const fint *))f)(n, sc, o->x, &one);
    else if (!strcmp(r->sym, "daxpy_") || !strcmp(r->sym, "zaxpy_"))
        ((void (*)(const fint *, const double *, const double *, const fint *, double *, const fint *))f)(
            n, al, o->x, &one, o->y, &one);
    else if (!strcmp(r->sym, "drot_"))
        ((void (*)(const fint *, double *, const fint *, double *, const fint *, const double *, const double *))f)(
            n, o->x, &one, o->y, &one, &c, &s);
    else if (!strcmp(r->sym, "ddot_"))
        sink = ((double (*)(const fint *, const double *, const fint *, const double *, const fint *))f)(
            n, o->x, &one, o->y, &one);
    else if (!strcmp(r->sym, "idamax_"))
        sink = ((fint(*)(const fint *, const double *, const fint *))f)(n, o->x, &one);
    else /* dnrm2, dasum, dznrm2 */
        sink = ((double (*)(const fint *, const double *, const fint *))f)(n, o->x, &one);
    (void)sink;
    return sbb_now() - t;
}

/* The matrices: diagonal 1 and the other elements in [-0.5/n, 0.5/n), so that repeated
 * triangular products and solves keep x within a few times its start. Layouts: 0 real full, 1
 * complex full (the same reals, interleaved), 2 real packed lower (the diagonal of column j at
 * j(2n - j + 1)/2). */
enum { FULL_REAL, FULL_COMPLEX, PACKED_REAL };
static void fill_matrix(double *A, size_t elems, fint n, int layout)
{
    sbb_fill(A, elems, 31);
    double s = 0.5 / (double)n;
    for (size_t i = 0; i < elems; i++) A[i] *= s;
    for (fint j = 0; j < n; j++) {
        size_t d = (size_t)j + (size_t)j * (size_t)n;
        if (layout == FULL_COMPLEX) A[2 * d] = 1, A[2 * d + 1] = 0;
        else if (layout == FULL_REAL) A[d] = 1;
        else A[(size_t)j * (2 * (size_t)n - (size_t)j + 1) / 2] = 1;
    }
}

int sbb_membw_worker(const char *name, const char *path, int quick)
{
    (void)name;
    void *h = path && strcmp(path, "self") ? dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND) : dlopen(NULL, RTLD_NOW);
    if (!h) {
        printf("E cannot load %s: %s\n", path, dlerror());
        return 1;
    }
    const char *te = getenv("OMP_NUM_THREADS");
    int threads = te ? atoi(te) : 1;
    if (threads < 1 || threads > 8) threads = 1;
    /* level 2: a double matrix of n2^2 (200 MB at 5000), complex twice that; level 1: vectors of
     * n1 doubles (128 MB each at 2^24), complex twice that: all far beyond any L3 cache here */
    fint n2 = quick ? 3000 : 5000, n1 = quick ? (1 << 22) : (1 << 24);
    size_t melems = 2 * (size_t)n2 * (size_t)n2, velems = 2 * (size_t)n1;
    double *A = malloc(melems * sizeof(double)), *x = malloc(velems * sizeof(double)), *y = malloc(velems * sizeof(double));
    if (!A || !x || !y) {
        printf("E out of memory\n");
        return 1;
    }
    sbb_fill(x, velems, 32);
    sbb_fill(y, velems, 33);
    /* the bandwidth, before and after the routines (the better of each kind is kept) */
    double rd = bandwidth(x, velems, threads, 0, quick ? 3 : 5), up = bandwidth(y, velems, threads, 1, quick ? 3 : 5);
    printf("W read %.3f\nW update %.3f\n", rd, up);
    fflush(stdout);
    int calls = quick ? 3 : 5;
    int filled = -1;
    for (int k = 0; k < NROUT; k++) {
        const routine_t *r = &routines[k];
        void *f = dlsym(h, r->sym);
        fint n = r->level == 2 ? n2 : n1;
        if (!f) {
            printf("M %s %d -1\n", r->label, (int)n);
            continue;
        }
        int layout = r->sym[0] == 'z' ? FULL_COMPLEX : r->sym[1] == 's' && r->sym[2] == 'p' ? PACKED_REAL
                     : r->sym[1] == 't' && r->sym[2] == 'p' ? PACKED_REAL : FULL_REAL;
        if (r->level == 2 && filled != layout) { /* (updates change A: a new layout refills it) */
            fill_matrix(A, layout == FULL_COMPLEX ? melems : melems / 2, n2, layout);
            filled = layout;
        }
        operands o = {n, A, x, y};
        call_once(r, f, &o); /* warm-up: pages touched, threads started */
        double best = 1e30;
        for (int c = 0; c < calls; c++) {
            double t = call_once(r, f, &o);
            if (t < best) best = t;
        }
        double elems = r->level == 2 ? (double)n * (double)n : (double)n;
        printf("M %s %d %.3f\n", r->label, (int)n, r->bytes * elems / best * 1e-9);
        fflush(stdout);
    }
    double rd2 = bandwidth(x, velems, threads, 0, quick ? 3 : 5), up2 = bandwidth(y, velems, threads, 1, quick ? 3 : 5);
    printf("W read %.3f\nW update %.3f\n", rd2, up2);
    free(A), free(x), free(y);
    return 0;
}

/* ---- parent side ---- */

#define NLIB_MAX 8
typedef struct {
    double r[NLIB_MAX][2][NROUT]; /* best GB/s; 0 not measured, < 0 missing */
    double bw[2][2];              /* [tidx][READ/UPDATE]: the best any worker measured */
    int n[NROUT];
    char note[NLIB_MAX][160];
    int lib, tidx;
    const sbb_membw_lib *libs;
    int quick;
} membw_results;

static void on_line(const char *line, void *vctx)
{
    membw_results *r = vctx;
    char label[32], kind[16];
    int n;
    double v;
    if (!strncmp(line, "E ", 2)) {
        snprintf(r->note[r->lib], sizeof r->note[0], "%s", line + 2);
        return;
    }
    if (sscanf(line, "W %15s %lf", kind, &v) == 2) {
        double *b = &r->bw[r->tidx][strcmp(kind, "read") ? UPDATE : READ];
        if (v > *b) *b = v;
        return;
    }
    /* "M <label with spaces> <n> <GB/s>": the label is everything before the last two fields */
    if (strncmp(line, "M ", 2)) return;
    const char *end = line + strlen(line);
    const char *p2 = end;
    while (p2 > line && p2[-1] != ' ') p2--; /* the rate */
    const char *p1 = p2 - 1;
    while (p1 > line && p1[-1] != ' ') p1--; /* n */
    size_t ll = (size_t)(p1 - 1 - (line + 2));
    if (p1 - 1 <= line + 2 || ll >= sizeof label) return;
    memcpy(label, line + 2, ll);
    label[ll] = 0;
    n = atoi(p1);
    v = atof(p2);
    for (int k = 0; k < NROUT; k++)
        if (!strcmp(routines[k].label, label)) {
            double *cell = &r->r[r->lib][r->tidx][k];
            r->n[k] = n;
            if (v < 0) *cell = v;
            else if (v > *cell) *cell = v;
        }
}

static void round_run(int lib, int threads, int tidx, void *vctx)
{
    membw_results *r = vctx;
    const sbb_membw_lib *L = &r->libs[lib];
    if (threads > 1 && L->serial) return;
    r->lib = lib;
    r->tidx = tidx;
    sbb_run_lib_worker("membw", L->name, L->path, L->info, threads, r->quick, 300, on_line, r, r->note[lib],
                       sizeof r->note[0]);
}

void sbb_membw_section(FILE *o, const sbb_membw_lib *libs, int nlibs, int rounds, int quick)
{
    if (nlibs > NLIB_MAX) nlibs = NLIB_MAX;
    membw_results *r = calloc(1, sizeof *r);
    if (!r) return;
    r->libs = libs;
    r->quick = quick;
    sbb_interleave(rounds, nlibs, round_run, r);
    /* the yardstick: the loops' bandwidth, or the best rate any library reached on a routine of the
     * same kind in this run where that is higher (a plain loop is a lower bound of the machine's) */
    double loop_bw[2][2];
    memcpy(loop_bw, r->bw, sizeof loop_bw);
    for (int t = 0; t < 2; t++)
        for (int l = 0; l < nlibs; l++)
            for (int k = 0; k < NROUT; k++) {
                double *b = &r->bw[t][routines[k].yard];
                if (r->r[l][t][k] > *b) *b = r->r[l][t][k];
            }
    fprintf(o,
            "\n## Memory-bound level 2 and level 1 (issue 11)\n\n"
            "GB/s of the bytes each call must move at least (a matrix read once: full n², a triangle or "
            "packed n²/2 elements; an updated matrix or vector read and written once; the vectors of level 1 "
            "each once), on matrices of order %d (%.0f MB in double) and vectors of %d elements (%.0f MB), far "
            "beyond the last-level cache; best of a few calls after a warm-up call, wall clock, best of %d "
            "round%s (every library once per round, in a fresh worker). \"%% bw\": the share of the memory "
            "bandwidth at the same thread count, for the routines that only read their large operand the "
            "read bandwidth, for those that write it the update bandwidth: each the higher of a plain loop "
            "in the same workers (the sum of a vector, and x := 0.999 x in place, walked as 8 streams side "
            "by side, the best of all workers) and the best rate any library reached on a routine of that "
            "kind in this run (dcopy writes another vector, so it moves more than it is counted for unless "
            "it bypasses the cache). Real options: L/U the stored triangle, "
            "N/T/C op(A). Issue 11's goal: level 2 at >= 90%% of the bandwidth.\n",
            quick ? 3000 : 5000, (quick ? 3000.0 * 3000 : 5000.0 * 5000) * 8 / 1e6, quick ? (1 << 22) : (1 << 24),
            (quick ? (1 << 22) : (1 << 24)) * 8.0 / 1e6, rounds, rounds > 1 ? "s" : "");
    for (int t = 0; t < 2; t++) {
        fprintf(o, "\n### %d thread%s\n\nBandwidth: read %.1f GB/s (the loop: %.1f), update %.1f GB/s (the loop: "
                   "%.1f).\n\n| routine | n |",
                t + 1, t ? "s" : "", r->bw[t][READ], loop_bw[t][READ], r->bw[t][UPDATE], loop_bw[t][UPDATE]);
        for (int l = 0; l < nlibs; l++) {
            if (t && libs[l].serial) continue;
            fprintf(o, l ? " %s | %% bw | SB/%s |" : " %s | %% bw |", libs[l].name, libs[l].name);
        }
        fprintf(o, "\n|---|---:|");
        for (int l = 0; l < nlibs; l++) {
            if (t && libs[l].serial) continue;
            fprintf(o, l ? "---:|---:|---:|" : "---:|---:|");
        }
        fprintf(o, "\n");
        int below = 0, behind = 0, l2rows = 0;
        for (int k = 0; k < NROUT; k++) {
            double bw = r->bw[t][routines[k].yard], sb = r->r[0][t][k];
            fprintf(o, "| %s | %d |", routines[k].label, r->n[k]);
            for (int l = 0; l < nlibs; l++) {
                if (t && libs[l].serial) continue;
                double v = r->r[l][t][k];
                char g[32], pct[16], ratio[16];
                if (v > 0) snprintf(g, sizeof g, "%.1f", v);
                else snprintf(g, sizeof g, v < 0 ? "n/a" : "—");
                if (v > 0 && bw > 0) snprintf(pct, sizeof pct, "%.0f%%", 100 * v / bw);
                else snprintf(pct, sizeof pct, "—");
                if (l == 0) {
                    fprintf(o, " %s | %s |", g, pct);
                    continue;
                }
                if (sb > 0 && v > 0) snprintf(ratio, sizeof ratio, "%.2f", sb / v);
                else snprintf(ratio, sizeof ratio, "—");
                fprintf(o, " %s | %s | %s |", g, pct, ratio);
                if (sb > 0 && v > 0 && sb < 0.9 * v && !strcmp(libs[l].name, "OpenBLAS")) behind++;
            }
            fprintf(o, "\n");
            if (routines[k].level == 2 && sb > 0 && bw > 0) {
                l2rows++;
                if (sb < 0.9 * bw) below++;
            }
        }
        fprintf(o, "\nSafeBLAS: %d of %d level-2 rows below 90%% of the measured bandwidth; %d rows more than 10%% "
                   "behind OpenBLAS.\n", below, l2rows, behind);
    }
    for (int l = 0; l < nlibs; l++)
        if (r->note[l][0]) fprintf(o, "\n%s: %s\n", libs[l].name, r->note[l]);
    free(r);
}
