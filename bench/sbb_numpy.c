/* The linalg section of safeblas-bench (see sbb_numpy.h). */
#define _GNU_SOURCE
#include "sbb_numpy.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef SBB_NUMPY_SCRIPT
#define SBB_NUMPY_SCRIPT "bench/numpy_cases.py"
#endif
#define PYTHON "/usr/bin/python3"
#define REF_LAPACK_DIR "/usr/lib/x86_64-linux-gnu/lapack"

static const char *const cases[] = {"eigh", "eigvalsh", "svd", "qr", "lstsq", "solve", "inv", "det", "cholesky"};
#define NCASE ((int)(sizeof cases / sizeof *cases))
static const int sizes_full[] = {200, 1000, 2000}, sizes_quick[] = {200, 1000};
#define NSIZE_MAX 3
#define NLIB_MAX 6

typedef struct {
    double s[NLIB_MAX][2][NCASE][NSIZE_MAX]; /* best seconds (1 thread: CPU, 2: wall); 0: none */
    double wall1[NLIB_MAX][NCASE][NSIZE_MAX]; /* 1 thread, wall clock (for 2T/1T) */
    char mapped[NLIB_MAX][512], note[NLIB_MAX][2][160];
    const int *sizes;
    int nsizes, lib, t;
} np_results;

static void on_case_line(const char *line, void *ctx)
{
    np_results *r = ctx;
    char name[32];
    int n;
    double wall, cpu;
    if (!strncmp(line, "mapped ", 7) && !r->mapped[r->lib][0])
        snprintf(r->mapped[r->lib], sizeof r->mapped[0], "%s", line + 7);
    if (sscanf(line, "case %31s %d %lf %lf", name, &n, &wall, &cpu) != 4 || wall <= 0 || cpu <= 0) return;
    for (int c = 0; c < NCASE; c++)
        for (int s = 0; s < r->nsizes; s++)
            if (!strcmp(cases[c], name) && r->sizes[s] == n) {
                double *b = &r->s[r->lib][r->t][c][s], v = r->t == 0 ? cpu : wall;
                if (*b == 0 || v < *b) *b = v;
                double *w = &r->wall1[r->lib][c][s];
                if (r->t == 0 && (*w == 0 || wall < *w)) *w = wall;
            }
}

/* LD_LIBRARY_PATH for a library: its folder, with reference LAPACK where it has none */
static void lib_dirs(const sbb_numpy_lib *L, const char *compat_dir, char *buf, size_t len)
{
    if (!L->path) {
        snprintf(buf, len, "%s", compat_dir);
        return;
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", L->path);
    char *s = strrchr(dir, '/');
    if (s) *s = '\0';
    char lapack[4200];
    snprintf(lapack, sizeof lapack, "%s/liblapack.so.3", dir);
    if (access(lapack, R_OK) == 0) snprintf(buf, len, "%s", dir);
    else snprintf(buf, len, "%s:%s", dir, REF_LAPACK_DIR);
}

static void lib_env(const sbb_numpy_lib *L, const char *compat_dir, int threads, sbb_env *e)
{
    sbb_env_init(e);
    sbb_env_threads(e, threads);
    sbb_libinfo_env(L->info, e);
    char dirs[4300], ld[4400];
    lib_dirs(L, compat_dir, dirs, sizeof dirs);
    snprintf(ld, sizeof ld, "LD_LIBRARY_PATH=%s", dirs);
    sbb_env_add(e, ld);
}

static void size_list(const np_results *r, char *buf, size_t len)
{
    buf[0] = '\0';
    for (int s = 0; s < r->nsizes; s++)
        snprintf(buf + strlen(buf), len - strlen(buf), "%s%d", s ? "," : "", r->sizes[s]);
}

static void run_cases(const sbb_numpy_lib *L, const char *compat_dir, int threads, int quick, np_results *r)
{
    sbb_env e;
    lib_env(L, compat_dir, threads, &e);
    char sizes[64];
    size_list(r, sizes, sizeof sizes);
    char *argv[] = {PYTHON, SBB_NUMPY_SCRIPT, "--rounds", "1", "--sizes", sizes, "--max-seconds", quick ? "2" : "5",
                    NULL};
    double timeout = quick ? 300 : 900, t0 = sbb_now();
    fprintf(stderr, "bench: %-9s linalg %d thread%s ...", L->name, threads, threads > 1 ? "s" : " ");
    int rc = sbb_run_worker(argv, e.v, timeout, on_case_line, r);
    fprintf(stderr, " %.1f s%s\n", sbb_now() - t0, rc == -2 ? " (TIMED OUT: killed)" : rc ? " (failed)" : "");
    if (rc == -2) snprintf(r->note[r->lib][r->t], sizeof r->note[0][0], "timed out after %.0f s", timeout);
    else if (rc) snprintf(r->note[r->lib][r->t], sizeof r->note[0][0], "python3 exit status %d", rc);
}

/* ---- the profile of one case ---- */

typedef struct {
    FILE *o;
    int shown;
} perf_ctx;

static void on_perf_line(const char *line, void *vctx)
{
    perf_ctx *c = vctx;
    while (*line == ' ') line++;
    if (!*line || *line == '#' || c->shown >= 12 || !strchr(line, '%')) return;
    fprintf(c->o, "    %s\n", line);
    c->shown++;
}

static const char *find_perf(void)
{
    static const char *const where[] = {"/usr/bin/perf", "/usr/local/bin/perf", NULL};
    for (int i = 0; where[i]; i++)
        if (access(where[i], X_OK) == 0) return where[i];
    return NULL;
}

/* sec: the case's time, to repeat it for about two seconds (a short case would show python's start) */
static void profile(FILE *o, const char *perf, const sbb_numpy_lib *L, const char *compat_dir, const char *name,
                    int n, double sec)
{
    char data[] = "/tmp/sbb-perf-XXXXXX";
    int fd = mkstemp(data);
    if (fd < 0) return;
    close(fd);
    sbb_env e;
    lib_env(L, compat_dir, 1, &e);
    char sz[16], rounds[16];
    snprintf(sz, sizeof sz, "%d", n);
    double k = sec > 0 ? 2.0 / sec : 2;
    snprintf(rounds, sizeof rounds, "%d", k < 2 ? 2 : k > 5000 ? 5000 : (int)k);
    char *rec[] = {(char *)perf, "record", "-q", "-e", "cpu-clock", "-o", data, "--", PYTHON, SBB_NUMPY_SCRIPT,
                   "--cases", (char *)name, "--sizes", sz, "--rounds", rounds, "--max-seconds", "100", NULL};
    int rc = sbb_run_worker(rec, e.v, 300, NULL, NULL);
    fprintf(o, "\n%s, 1 thread, %s %d repeated %s times (`perf record -e cpu-clock`, top symbols):\n\n", L->name,
            name, n, rounds);
    if (rc) {
        fprintf(o, "    perf record failed (exit status %d; perf_event_paranoid?)\n", rc);
    } else {
        char *rep[] = {(char *)perf, "report", "-i", data, "--stdio", "--sort", "dso,sym", "--percent-limit", "1",
                       NULL};
        perf_ctx c = {o, 0};
        sbb_run_worker(rep, NULL, 120, on_perf_line, &c);
        if (!c.shown) fprintf(o, "    (perf report printed nothing)\n");
    }
    unlink(data);
}

/* ---- the section ---- */

static void cell(char *buf, size_t len, double s)
{
    if (s <= 0) snprintf(buf, len, "—");
    else if (s < 0.01) snprintf(buf, len, "%.3f", 1e3 * s);
    else if (s < 1) snprintf(buf, len, "%.1f", 1e3 * s);
    else snprintf(buf, len, "%.0f", 1e3 * s);
}

typedef struct {
    const sbb_numpy_lib *libs;
    const char *compat_dir;
    int quick;
    np_results *r;
} np_round;

static void np_round_run(int lib, int threads, int tidx, void *vctx)
{
    np_round *ctx = vctx;
    ctx->r->lib = lib;
    ctx->r->t = tidx;
    run_cases(&ctx->libs[lib], ctx->compat_dir, threads, ctx->quick, ctx->r);
}

void sbb_numpy_section(FILE *o, const sbb_numpy_lib *libs, int nlibs, const char *compat_dir, int rounds, int quick)
{
    if (nlibs > NLIB_MAX) nlibs = NLIB_MAX;
    if (access(PYTHON, X_OK) != 0 || access(SBB_NUMPY_SCRIPT, R_OK) != 0) {
        fprintf(o, "\n## numpy.linalg (issue 14)\n\nNot run: %s or %s is missing.\n", PYTHON, SBB_NUMPY_SCRIPT);
        return;
    }
    np_results *r = calloc(1, sizeof *r);
    if (!r) return;
    r->sizes = quick ? sizes_quick : sizes_full;
    r->nsizes = quick ? 2 : 3;
    static const int tcount[2] = {1, 2};
    np_round rc = {libs, compat_dir, quick, r};
    sbb_interleave(rounds, nlibs, np_round_run, &rc);

    int ob = -1;
    for (int k = 1; k < nlibs; k++)
        if (!strcmp(libs[k].name, "OpenBLAS")) ob = k;
    fprintf(o, "\n## numpy.linalg (issue 14)\n\n%s with Debian's numpy, each library in its own process through "
               "LD_LIBRARY_PATH (SafeBLAS: <build>/compat; a peer: its libblas.so.3 folder, with reference LAPACK "
               "where it has none), peers at their best as above. ms, best of %d round%s (every library once per "
               "round, interleaved; in each round a short case is called for 0.3 s, up to 200 times); 1 thread in the process's CPU time (steady on a shared machine), 2 threads in "
               "wall-clock time. lstsq: n × n/4, one right-hand side; solve: 100 right-hand sides; eigh, eigvalsh, "
               "cholesky on a positive definite matrix. A case over %s s is measured once and its larger sizes "
               "skipped. SB/OB: SafeBLAS's time over OpenBLAS's (below 1: SafeBLAS is faster); 2T/1T: SafeBLAS's "
               "2-thread time over its 1-thread time, both wall clock (goal: at most 1).\n",
            PYTHON, rounds, rounds > 1 ? "s" : "", quick ? "2" : "5");
    double worst = 0;
    int worst_c = -1, worst_s = 0, worst_i = 0;
    for (int t = 0; t < 2; t++) {
        fprintf(o, "\n### %d thread%s\n\n| case | n |", tcount[t], t ? "s" : "");
        for (int k = 0; k < nlibs; k++) fprintf(o, " %s |", libs[k].name);
        fprintf(o, "%s%s\n|---|---:|", ob > 0 ? " SB/OB |" : "", t ? " 2T/1T |" : "");
        for (int k = 0; k < nlibs + (ob > 0) + t; k++) fprintf(o, "---:|");
        fprintf(o, "\n");
        for (int c = 0; c < NCASE; c++)
            for (int s = 0; s < r->nsizes; s++) {
                double sb = r->s[0][t][c][s];
                fprintf(o, "| %s | %d |", cases[c], r->sizes[s]);
                for (int k = 0; k < nlibs; k++) {
                    char b[32];
                    cell(b, sizeof b, r->s[k][t][c][s]);
                    fprintf(o, " %s |", b);
                }
                if (ob > 0) {
                    double p = r->s[ob][t][c][s];
                    if (sb > 0 && p > 0) {
                        fprintf(o, " %.2f |", sb / p);
                        /* the slowest case, from the steadier one-thread times: one worth profiling */
                        if (t == 0 && sb / p > worst) {
                            worst = sb / p;
                            worst_c = c;
                            worst_s = r->sizes[s];
                            worst_i = s;
                        }
                    } else fprintf(o, " — |");
                }
                if (t) {
                    double one = r->wall1[0][c][s];
                    if (sb > 0 && one > 0) fprintf(o, " %.2f |", sb / one);
                    else fprintf(o, " — |");
                }
                fprintf(o, "\n");
            }
    }
    for (int k = 0; k < nlibs; k++) {
        if (r->mapped[k][0]) fprintf(o, "\n%s: the process mapped %s\n", libs[k].name, r->mapped[k]);
        for (int t = 0; t < 2; t++)
            if (r->note[k][t][0])
                fprintf(o, "\n%s, %d thread%s: %s\n", libs[k].name, tcount[t], t ? "s" : "", r->note[k][t]);
    }
    if (worst_c >= 0) {
        fprintf(o, "\n### Profile of the slowest case: %s %d (1 thread: SafeBLAS %.2f × OpenBLAS's time)\n",
                cases[worst_c], worst_s, worst);
        const char *perf = find_perf();
        if (!perf) {
            fprintf(o, "\n`perf` is not installed (Debian: linux-perf): no profile.\n");
        } else {
            fprintf(stderr, "bench: profiling %s %d ...\n", cases[worst_c], worst_s);
            profile(o, perf, &libs[0], compat_dir, cases[worst_c], worst_s, r->s[0][0][worst_c][worst_i]);
            if (ob > 0) profile(o, perf, &libs[ob], compat_dir, cases[worst_c], worst_s, r->s[ob][0][worst_c][worst_i]);
        }
    }
    free(r);
}
