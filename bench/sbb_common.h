/* Shared by safeblas-bench and safeblas-demo: a BLAS library seen through function pointers
 * (dlopen'ed peers, or the SafeBLAS the program is linked with), timing, the measurements both
 * programs print, and running a measurement in a fresh worker process with a timeout.
 *
 * Every library is measured in its own process (the program re-executes itself as a worker with
 * the library's thread-count variable set), so two BLAS never share a process and one library's
 * threads never disturb another's timing. */
#ifndef SBB_COMMON_H
#define SBB_COMMON_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t sbb_int; /* LP64 interface integer: SafeBLAS and every Debian peer */

/* Fortran ABI entry points (hidden character lengths last). Scalars and arrays are void * so
 * one type serves all four precisions. */
typedef void (*sbb_gemm_fn)(const char *, const char *, const sbb_int *, const sbb_int *,
                            const sbb_int *, const void *, const void *, const sbb_int *,
                            const void *, const sbb_int *, const void *, void *, const sbb_int *,
                            size_t, size_t);
typedef void (*sbb_syrk_fn)(const char *, const char *, const sbb_int *, const sbb_int *,
                            const void *, const void *, const sbb_int *, const void *, void *,
                            const sbb_int *, size_t, size_t);
typedef void (*sbb_trsm_fn)(const char *, const char *, const char *, const char *,
                            const sbb_int *, const sbb_int *, const void *, const void *,
                            const sbb_int *, void *, const sbb_int *, size_t, size_t, size_t,
                            size_t);
typedef void (*sbb_gemv_fn)(const char *, const sbb_int *, const sbb_int *, const void *,
                            const void *, const sbb_int *, const void *, const sbb_int *,
                            const void *, void *, const sbb_int *, size_t);
typedef void (*sbb_symv_fn)(const char *, const sbb_int *, const void *, const void *,
                            const sbb_int *, const void *, const sbb_int *, const void *, void *,
                            const sbb_int *, size_t);
typedef void (*sbb_syr2_fn)(const char *, const sbb_int *, const void *, const void *,
                            const sbb_int *, const void *, const sbb_int *, void *, const sbb_int *,
                            size_t);
typedef double (*sbb_ddot_fn)(const sbb_int *, const double *, const sbb_int *, const double *,
                              const sbb_int *);
typedef void (*sbb_axpy_fn)(const sbb_int *, const void *, const void *, const sbb_int *, void *,
                            const sbb_int *);

typedef struct {
    const char *name;  /* "SafeBLAS", "OpenBLAS", ... */
    const char *path;  /* NULL: the library this program is linked with */
    void *handle;
    sbb_gemm_fn sgemm, dgemm, cgemm, zgemm;
    sbb_syrk_fn dsyrk;
    sbb_trsm_fn dtrsm;
    sbb_gemv_fn dgemv;
    sbb_symv_fn dsymv;
    sbb_syr2_fn dsyr2;
    sbb_ddot_fn ddot;
    sbb_axpy_fn daxpy;
    char served_by[512]; /* the file that really serves dgemm_ (dladdr) */
} sbb_lib;

/* The peers Debian installs, in table order (first: SafeBLAS itself, path filled in by the
 * caller). serial = 1 where the library has no threads (a 2-thread run would be the same). */
typedef struct {
    const char *name;
    const char *path;
    const char *threads_env; /* the variable it reads its thread count from, or NULL */
    int serial;
} sbb_peer;
extern const sbb_peer sbb_peers[];
extern const int sbb_npeers;

/* Load a library: path != NULL dlopen()s it RTLD_NOW|RTLD_LOCAL|RTLD_DEEPBIND (its own calls
 * bind inside it); path == NULL looks the symbols up in this process (the linked SafeBLAS).
 * Missing routines stay NULL. Returns 0, or -1 with a message in err. */
int sbb_lib_open(sbb_lib *lib, const char *name, const char *path, char *err, size_t errlen);

double sbb_now(void);                   /* monotonic seconds */
const char *sbb_cpu_model(void);        /* "model name" from /proc/cpuinfo */
int sbb_cpus_available(void);           /* sched_getaffinity count */
void sbb_fill(double *x, size_t n, unsigned seed);  /* uniform in [-1, 1) */
void sbb_fillf(float *x, size_t n, unsigned seed);

/* GFLOP/s of one routine at size n, best of several timed calls within about budget_s seconds
 * (calls too short to time are repeated in a loop; a call that est_gflops says outlasts the budget
 * is timed once, after a warm-up call at n/4). Routines: "dgemm" "sgemm" "zgemm" "cgemm"
 * (n x n x n), "dsyrk" (n x n, k = n), "dtrsm" (left, lower, n x n, n right-hand sides), "dgemv"
 * (n x n), "ddot", "daxpy" (length n). Returns < 0 when the routine is missing (-1) or a single
 * call would take longer than max_call_s (-2, estimated from est_gflops when > 0). */
double sbb_gflops(const sbb_lib *lib, const char *routine, int n, double budget_s,
                  double max_call_s, double est_gflops);
double sbb_flops(const char *routine, int n);

/* A linear solve built from the library's level 3 (blocked LU with partial pivoting: dtrsm +
 * dgemm, panels in plain C), the parent's work in the motivating loop. A is n x n (lda = n) and
 * is overwritten; b (n) becomes x. Returns 0, or -1 if a routine is missing / A singular. */
int sbb_lu_solve(const sbb_lib *lib, int n, double *A, double *b);
/* max |A x - b| / (|A| |x| n eps) for the original A, b (small when the solve is right). */
double sbb_solve_residual(int n, const double *A, const double *x, const double *b);

/* Run argv (argv[0] = the program to exec) with changes to this process's environment (NULL
 * terminated: "NAME=value" sets NAME, a bare "NAME" removes it), calling on_line for every line it
 * prints on stdout; kill it (SIGKILL) after timeout_s. Returns the exit status, 128 + signal when
 * killed by one, or -2 on timeout. */
int sbb_run_worker(char *const argv[], const char *const env_set[], double timeout_s,
                   void (*on_line)(const char *line, void *ctx), void *ctx);

/* An environment change list for sbb_run_worker, built up in place. */
#define SBB_ENV_MAX 48
typedef struct {
    const char *v[SBB_ENV_MAX + 1]; /* NULL terminated */
    char s[SBB_ENV_MAX][1024];      /* the copies */
    int n;
} sbb_env;
void sbb_env_init(sbb_env *e);
void sbb_env_add(sbb_env *e, const char *setting);   /* "NAME=value" or "NAME"; copied */
void sbb_env_threads(sbb_env *e, int threads);       /* every library's thread-count variable */

/* Every library once per round at 1 and then 2 threads, the first library rotating from round to
 * round (drift on a shared machine then hits all libraries alike): run(lib, threads, tidx, ctx)
 * with tidx 0 for 1 thread, 1 for 2. */
void sbb_interleave(int rounds, int nlibs, void (*run)(int lib, int threads, int tidx, void *ctx), void *ctx);

/* The path of this program (/proc/self/exe), and of the folder holding it. */
const char *sbb_self_exe(void);
const char *sbb_self_dir(void);

#endif
