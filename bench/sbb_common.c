/* Shared measurement code of safeblas-bench and safeblas-demo (see sbb_common.h). */
#define _GNU_SOURCE
#include "sbb_common.h"

#include <dlfcn.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const sbb_peer sbb_peers[] = {
    {"SafeBLAS", NULL, "SAFEBLAS_NUM_THREADS", 0},
    {"OpenBLAS", "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3", "OPENBLAS_NUM_THREADS", 0},
    {"BLIS", "/usr/lib/x86_64-linux-gnu/blis-pthread/libblas.so.3", "BLIS_NUM_THREADS", 0},
    {"ATLAS", "/usr/lib/x86_64-linux-gnu/atlas/libblas.so.3", NULL, 1},
    {"reference", "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3", NULL, 1},
};
const int sbb_npeers = (int)(sizeof sbb_peers / sizeof sbb_peers[0]);

double sbb_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

const char *sbb_cpu_model(void)
{
    static char model[256];
    if (model[0]) return model;
    snprintf(model, sizeof model, "unknown CPU");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f) return model;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0) {
            char *p = strchr(line, ':');
            if (!p) continue;
            p++;
            while (*p == ' ' || *p == '\t') p++;
            p[strcspn(p, "\n")] = '\0';
            snprintf(model, sizeof model, "%s", p);
            break;
        }
    }
    fclose(f);
    return model;
}

int sbb_cpus_available(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static unsigned sbb_rand(unsigned *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

void sbb_fill(double *x, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) x[i] = (double)sbb_rand(&seed) / 8388608.0 - 1.0;
}

void sbb_fillf(float *x, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) x[i] = (float)((double)sbb_rand(&seed) / 8388608.0 - 1.0);
}

int sbb_lib_open(sbb_lib *lib, const char *name, const char *path, char *err, size_t errlen)
{
    memset(lib, 0, sizeof *lib);
    lib->name = name;
    lib->path = path;
    void *h;
    if (path) {
        h = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
        if (!h) {
            snprintf(err, errlen, "%s", dlerror());
            return -1;
        }
    } else {
        h = RTLD_DEFAULT;
    }
    lib->handle = h;
    lib->sgemm = (sbb_gemm_fn)dlsym(h, "sgemm_");
    lib->dgemm = (sbb_gemm_fn)dlsym(h, "dgemm_");
    lib->cgemm = (sbb_gemm_fn)dlsym(h, "cgemm_");
    lib->zgemm = (sbb_gemm_fn)dlsym(h, "zgemm_");
    lib->dsyrk = (sbb_syrk_fn)dlsym(h, "dsyrk_");
    lib->dtrsm = (sbb_trsm_fn)dlsym(h, "dtrsm_");
    lib->dgemv = (sbb_gemv_fn)dlsym(h, "dgemv_");
    lib->dsymv = (sbb_symv_fn)dlsym(h, "dsymv_");
    lib->dsyr2 = (sbb_syr2_fn)dlsym(h, "dsyr2_");
    lib->ddot = (sbb_ddot_fn)dlsym(h, "ddot_");
    lib->daxpy = (sbb_axpy_fn)dlsym(h, "daxpy_");
    Dl_info info;
    if (lib->dgemm && dladdr((void *)lib->dgemm, &info) && info.dli_fname) {
        char *real = realpath(info.dli_fname, NULL);
        snprintf(lib->served_by, sizeof lib->served_by, "%s", real ? real : info.dli_fname);
        free(real);
    } else {
        snprintf(lib->served_by, sizeof lib->served_by, "(no dgemm_)");
    }
    return 0;
}

double sbb_flops(const char *r, int n)
{
    double d = (double)n;
    if (!strcmp(r, "dgemm") || !strcmp(r, "sgemm")) return 2.0 * d * d * d;
    if (!strcmp(r, "zgemm") || !strcmp(r, "cgemm")) return 8.0 * d * d * d;
    if (!strcmp(r, "dsyrk")) return d * (d + 1.0) * d;
    if (!strcmp(r, "dtrsm")) return d * d * d;
    if (!strcmp(r, "dgemv") || !strcmp(r, "dsymv") || !strcmp(r, "dsyr2")) return 2.0 * d * d;
    if (!strcmp(r, "ddot") || !strcmp(r, "daxpy")) return 2.0 * d;
    return 0.0;
}

/* One call of the routine on prepared operands. */
typedef struct {
    const sbb_lib *lib;
    const char *r;
    sbb_int n;
    void *a, *b, *c, *bsave;
    double sink;
} sbb_call;

static void sbb_do_call(sbb_call *k)
{
    const sbb_int n = k->n, one = 1;
    const double d1 = 1.0, d0 = 0.0, tiny = 1e-12;
    const float f1 = 1.0f, f0 = 0.0f;
    const double z1[2] = {1.0, 0.0}, z0[2] = {0.0, 0.0};
    const float c1[2] = {1.0f, 0.0f}, c0[2] = {0.0f, 0.0f};
    const sbb_lib *L = k->lib;
    if (!strcmp(k->r, "dgemm")) L->dgemm("N", "N", &n, &n, &n, &d1, k->a, &n, k->b, &n, &d0, k->c, &n, 1, 1);
    else if (!strcmp(k->r, "sgemm")) L->sgemm("N", "N", &n, &n, &n, &f1, k->a, &n, k->b, &n, &f0, k->c, &n, 1, 1);
    else if (!strcmp(k->r, "zgemm")) L->zgemm("N", "N", &n, &n, &n, z1, k->a, &n, k->b, &n, z0, k->c, &n, 1, 1);
    else if (!strcmp(k->r, "cgemm")) L->cgemm("N", "N", &n, &n, &n, c1, k->a, &n, k->b, &n, c0, k->c, &n, 1, 1);
    else if (!strcmp(k->r, "dsyrk")) L->dsyrk("L", "N", &n, &n, &d1, k->a, &n, &d0, k->c, &n, 1, 1);
    else if (!strcmp(k->r, "dtrsm")) {
        memcpy(k->b, k->bsave, (size_t)n * (size_t)n * sizeof(double)); /* n^2 against n^3 */
        L->dtrsm("L", "L", "N", "N", &n, &n, &d1, k->a, &n, k->b, &n, 1, 1, 1, 1);
    } else if (!strcmp(k->r, "dgemv")) L->dgemv("N", &n, &n, &d1, k->a, &n, k->b, &one, &d0, k->c, &one, 1);
    else if (!strcmp(k->r, "dsymv")) L->dsymv("L", &n, &d1, k->a, &n, k->b, &one, &d0, k->c, &one, 1);
    else if (!strcmp(k->r, "dsyr2")) L->dsyr2("L", &n, &tiny, k->b, &one, k->c, &one, k->a, &n, 1); /* A barely moves */
    else if (!strcmp(k->r, "ddot")) k->sink += L->ddot(&n, k->a, &one, k->b, &one);
    else if (!strcmp(k->r, "daxpy")) L->daxpy(&n, &tiny, k->a, &one, k->b, &one);
}

static int sbb_have(const sbb_lib *L, const char *r)
{
    if (!strcmp(r, "dgemm")) return L->dgemm != NULL;
    if (!strcmp(r, "sgemm")) return L->sgemm != NULL;
    if (!strcmp(r, "zgemm")) return L->zgemm != NULL;
    if (!strcmp(r, "cgemm")) return L->cgemm != NULL;
    if (!strcmp(r, "dsyrk")) return L->dsyrk != NULL;
    if (!strcmp(r, "dtrsm")) return L->dtrsm != NULL;
    if (!strcmp(r, "dgemv")) return L->dgemv != NULL;
    if (!strcmp(r, "dsymv")) return L->dsymv != NULL;
    if (!strcmp(r, "dsyr2")) return L->dsyr2 != NULL;
    if (!strcmp(r, "ddot")) return L->ddot != NULL;
    if (!strcmp(r, "daxpy")) return L->daxpy != NULL;
    return 0;
}

double sbb_gflops(const sbb_lib *lib, const char *r, int n, double budget_s, double max_call_s,
                  double est_gflops)
{
    if (!sbb_have(lib, r)) return -1.0;
    double flops = sbb_flops(r, n);
    if (est_gflops > 0 && flops / (est_gflops * 1e9) > max_call_s) return -2.0;

    size_t nn = (size_t)n * (size_t)n;
    int is_vec = !strcmp(r, "ddot") || !strcmp(r, "daxpy");
    int is_gemv = !strcmp(r, "dgemv") || !strcmp(r, "dsymv") || !strcmp(r, "dsyr2"); /* n x n matrix, two n-vectors */
    size_t elem = 8;
    if (!strcmp(r, "sgemm")) elem = 4;
    if (!strcmp(r, "cgemm")) elem = 8;
    if (!strcmp(r, "zgemm")) elem = 16;
    size_t na = is_vec ? (size_t)n : nn, nb = is_vec || is_gemv ? (size_t)n : nn;
    size_t nc = is_gemv ? (size_t)n : (is_vec ? 1 : nn);
    sbb_call k = {lib, r, n, NULL, NULL, NULL, NULL, 0.0};
    k.a = malloc(na * elem);
    k.b = malloc(nb * elem);
    k.c = malloc(nc * elem);
    if (!k.a || !k.b || !k.c) {
        free(k.a); free(k.b); free(k.c);
        return -3.0;
    }
    if (!strcmp(r, "sgemm") || !strcmp(r, "cgemm")) {
        size_t words = elem / sizeof(float);
        sbb_fillf(k.a, na * words, 1);
        sbb_fillf(k.b, nb * words, 2);
        sbb_fillf(k.c, nc * words, 3);
    } else {
        sbb_fill(k.a, na * (elem / 8), 1);
        sbb_fill(k.b, nb * (elem / 8), 2);
        sbb_fill(k.c, nc * (elem / 8), 3);
    }
    if (!strcmp(r, "dtrsm")) {
        double *A = k.a;
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
                A[i + (size_t)j * n] = i == j ? 2.0 + 0.5 * A[i + (size_t)j * n]
                                              : A[i + (size_t)j * n] / (double)n;
        k.bsave = malloc(nn * sizeof(double));
        memcpy(k.bsave, k.b, nn * sizeof(double));
    }

    /* A call expected to outlast the budget is timed once: the caller measures in rounds and
     * keeps the best. A call at n/4 first (1/64 of the work) starts the library's threads and
     * allocates most of its buffers, so those first-call costs stay out of the sample. */
    if (est_gflops > 0 && flops / (est_gflops * 1e9) > budget_s) {
        k.n = n / 4;
        sbb_do_call(&k);
        k.n = n;
        double s = sbb_now();
        sbb_do_call(&k);
        double t = sbb_now() - s;
        free(k.a); free(k.b); free(k.c); free(k.bsave);
        return flops / t / 1e9;
    }

    /* Warm up once (first-call costs: thread start, page faults), then find how many calls make a
     * sample of at least 1 ms, then keep the best sample within the budget. */
    double t0 = sbb_now();
    sbb_do_call(&k);
    double first = sbb_now() - t0;
    long inner = 1;
    if (first < 1e-3) {
        while (inner < (1L << 24)) {
            double s = sbb_now();
            for (long i = 0; i < inner; i++) sbb_do_call(&k);
            if (sbb_now() - s >= 1e-3) break;
            inner *= 2;
        }
    }
    double best = INFINITY, start = sbb_now();
    int samples = 0;
    do {
        double s = sbb_now();
        for (long i = 0; i < inner; i++) sbb_do_call(&k);
        double t = (sbb_now() - s) / (double)inner;
        if (t < best) best = t;
        samples++;
    } while ((sbb_now() - start < budget_s && samples < 1000) || samples < 2);
    if (k.sink == 12345.678) fprintf(stderr, "?");
    free(k.a); free(k.b); free(k.c); free(k.bsave);
    return flops / best / 1e9;
}

int sbb_lu_solve(const sbb_lib *lib, int n, double *A, double *b)
{
    if (!lib->dgemm || !lib->dtrsm) return -1;
    const sbb_int lda = n, nb = 64, one = 1;
    const double d1 = 1.0, dm1 = -1.0;
    int *ipiv = malloc((size_t)n * sizeof(int));
    if (!ipiv) return -1;
#define A_(i, j) A[(size_t)(i) + (size_t)(j) * (size_t)lda]
    for (int j = 0; j < n; j += nb) {
        int jb = n - j < nb ? n - j : nb;
        /* panel: columns j..j+jb-1, partial pivoting, row swaps across the whole matrix */
        for (int c = j; c < j + jb; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++)
                if (fabs(A_(r, c)) > fabs(A_(p, c))) p = r;
            ipiv[c] = p;
            if (A_(p, c) == 0.0) { free(ipiv); return -1; }
            if (p != c)
                for (int q = 0; q < n; q++) { double t = A_(c, q); A_(c, q) = A_(p, q); A_(p, q) = t; }
            double inv = 1.0 / A_(c, c);
            for (int r = c + 1; r < n; r++) A_(r, c) *= inv;
            for (int q = c + 1; q < j + jb; q++) {
                double u = A_(c, q);
                for (int r = c + 1; r < n; r++) A_(r, q) -= A_(r, c) * u;
            }
        }
        int rest = n - j - jb;
        if (rest > 0) {
            const sbb_int m = rest, k = jb;
            lib->dtrsm("L", "L", "N", "U", &k, &m, &d1, &A_(j, j), &lda, &A_(j, j + jb), &lda, 1, 1, 1, 1);
            lib->dgemm("N", "N", &m, &m, &k, &dm1, &A_(j + jb, j), &lda, &A_(j, j + jb), &lda, &d1,
                       &A_(j + jb, j + jb), &lda, 1, 1);
        }
    }
    for (int c = 0; c < n; c++)
        if (ipiv[c] != c) { double t = b[c]; b[c] = b[ipiv[c]]; b[ipiv[c]] = t; }
    const sbb_int nn = n;
    lib->dtrsm("L", "L", "N", "U", &nn, &one, &d1, A, &lda, b, &lda, 1, 1, 1, 1);
    lib->dtrsm("L", "U", "N", "N", &nn, &one, &d1, A, &lda, b, &lda, 1, 1, 1, 1);
#undef A_
    free(ipiv);
    return 0;
}

double sbb_solve_residual(int n, const double *A, const double *x, const double *b)
{
    double rmax = 0.0, anorm = 0.0, xmax = 0.0;
    for (int i = 0; i < n; i++) {
        double s = -b[i], rowsum = 0.0;
        for (int j = 0; j < n; j++) {
            s += A[i + (size_t)j * n] * x[j];
            rowsum += fabs(A[i + (size_t)j * n]);
        }
        if (fabs(s) > rmax || isnan(s)) rmax = isnan(s) ? INFINITY : fabs(s);
        if (rowsum > anorm) anorm = rowsum;
        if (fabs(x[i]) > xmax) xmax = fabs(x[i]);
    }
    return rmax / (anorm * xmax * n * DBL_EPSILON + DBL_MIN);
}

int sbb_run_worker(char *const argv[], const char *const env_set[], double timeout_s,
                   void (*on_line)(const char *line, void *ctx), void *ctx)
{
    int fds[2];
    if (pipe(fds) != 0) return -1;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) { close(fds[0]); close(fds[1]); return -1; }
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 1);
        close(fds[1]);
        for (int i = 0; env_set && env_set[i]; i++) {
            if (strchr(env_set[i], '=')) putenv((char *)env_set[i]);
            else unsetenv(env_set[i]);
        }
        execv(argv[0], argv);
        fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    char buf[8192];
    size_t len = 0;
    double deadline = sbb_now() + timeout_s;
    int timed_out = 0;
    for (;;) {
        double left = deadline - sbb_now();
        if (left <= 0) { timed_out = 1; break; }
        struct pollfd p = {fds[0], POLLIN, 0};
        int rc = poll(&p, 1, (int)(left * 1000.0) + 1);
        if (rc < 0 && errno == EINTR) continue;
        if (rc <= 0) continue;
        ssize_t got = read(fds[0], buf + len, sizeof buf - 1 - len);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        len += (size_t)got;
        buf[len] = '\0';
        char *nl;
        while ((nl = strchr(buf, '\n')) != NULL) {
            *nl = '\0';
            if (on_line) on_line(buf, ctx);
            size_t used = (size_t)(nl - buf) + 1;
            memmove(buf, nl + 1, len - used + 1);
            len -= used;
        }
        if (len == sizeof buf - 1) len = 0; /* an absurd line: drop it */
    }
    if (timed_out) kill(pid, SIGKILL);
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (timed_out) return -2;
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

void sbb_env_init(sbb_env *e)
{
    e->n = 0;
    e->v[0] = NULL;
}

void sbb_env_add(sbb_env *e, const char *setting)
{
    if (e->n >= SBB_ENV_MAX) return;
    snprintf(e->s[e->n], sizeof e->s[0], "%s", setting);
    e->v[e->n] = e->s[e->n];
    e->n++;
    e->v[e->n] = NULL;
}

void sbb_env_threads(sbb_env *e, int threads)
{
    static const char *const names[] = {"SAFEBLAS_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS",
                                        "OMP_NUM_THREADS", "GOTO_NUM_THREADS"};
    char b[64];
    for (int i = 0; i < 5; i++) {
        snprintf(b, sizeof b, "%s=%d", names[i], threads);
        sbb_env_add(e, b);
    }
}

const char *sbb_self_exe(void)
{
    static char path[4096];
    if (!path[0]) {
        ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
        if (n > 0) path[n] = '\0'; else snprintf(path, sizeof path, "/proc/self/exe");
    }
    return path;
}

const char *sbb_self_dir(void)
{
    static char dir[4096];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "%s", sbb_self_exe());
        char *s = strrchr(dir, '/');
        if (s && s != dir) *s = '\0';
    }
    return dir;
}

void sbb_interleave(int rounds, int nlibs, void (*run)(int lib, int threads, int tidx, void *ctx), void *ctx)
{
    for (int round = 0; round < rounds; round++)
        for (int t = 0; t < 2; t++)
            for (int k = 0; k < nlibs; k++) run((k + round) % nlibs, t + 1, t, ctx);
}
