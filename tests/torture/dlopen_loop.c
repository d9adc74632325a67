/* Torture case 8: dlopen/dlclose the library 100 times with a parallel call each time. The
 * library's destructor joins its idle workers, so afterwards the process has as many threads
 * as at the start (and the library is really gone after each dlclose). This program is not
 * linked with SafeBLAS; SB_LIBRARY_PATH comes from CMake. */
#include <dlfcn.h>

#define TT_NOT_LINKED
#include "torture.h"

#define N 64

typedef void (*set_fn)(int);
typedef void (*run_fn)(int, tt_part_fn, void *);
typedef int (*workers_fn)(void);
typedef void (*dgemm_fn)(const char *, const char *, const blas_int *, const blas_int *, const blas_int *,
                         const double *, const double *, const blas_int *, const double *, const blas_int *,
                         const double *, double *, const blas_int *, size_t, size_t);

static void part(void *ctx, int p, int np)
{
    atomic_int *count = ctx;
    struct timespec ts = {0, 200000};
    nanosleep(&ts, NULL);
    atomic_fetch_add(&count[p], 1);
    (void)np;
}

int main(void)
{
    tt_init(240);
    double *a = tt_rand_mat(N, N, 71), *b = tt_rand_mat(N, N, 72);
    double *expect = malloc(sizeof(double) * N * N), *c = malloc(sizeof(double) * N * N);
    tt_ref_gemm(N, N, N, 1.0, a, b, 0.0, expect);
    int start = tt_thread_count();
    int bad_load = 0, bad_result = 0, bad_threads = 0, still_loaded = 0, max_workers = 0;
    const int loops = 100;
    tt_case = "dlopen/dlclose loop";
    for (int i = 0; i < loops; i++) {
        void *h = dlopen(SB_LIBRARY_PATH, RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            bad_load++;
            fprintf(stderr, "dlopen: %s\n", dlerror());
            continue;
        }
        set_fn set = (set_fn)dlsym(h, "safeblas_set_num_threads");
        run_fn run = (run_fn)dlsym(h, "safeblas_test_parallel_run");
        workers_fn workers = (workers_fn)dlsym(h, "safeblas_test_pool_workers");
        dgemm_fn dgemm = (dgemm_fn)dlsym(h, "dgemm_");
        if (!set || !run || !workers || !dgemm) {
            bad_load++;
            dlclose(h);
            continue;
        }
        set(4);
        atomic_int count[8] = {0};
        run(8, part, count);
        for (int p = 0; p < 8; p++)
            if (atomic_load(&count[p]) != 1) bad_result++;
        if (workers() > max_workers) max_workers = workers();
        blas_int n = N;
        double one = 1, zero = 0;
        dgemm("N", "N", &n, &n, &n, &one, a, &n, b, &n, &zero, c, &n, 1, 1);
        if (tt_relerr(c, expect, N * N) > TT_TOL) bad_result++;
        dlclose(h);
        void *again = dlopen(SB_LIBRARY_PATH, RTLD_NOW | RTLD_NOLOAD);
        if (again) {
            still_loaded++;
            dlclose(again);
        }
        if (tt_thread_count() != start) bad_threads++;
    }
    int end = tt_thread_count();
    printf("%d dlopen/dlclose rounds: threads at start %d, at end %d; pool had up to %d workers; "
           "library still mapped after dlclose in %d rounds\n",
           loops, start, end, max_workers, still_loaded);
    CHECK(bad_load == 0, "%d loads failed", bad_load);
    CHECK(bad_result == 0, "%d wrong results", bad_result);
    CHECK(max_workers >= 1, "the pool never started a worker");
    CHECK(still_loaded == 0, "library not unloaded by dlclose in %d rounds", still_loaded);
    CHECK(bad_threads == 0, "thread count differed from the start after %d dlcloses", bad_threads);
    CHECK(end == start, "threads: %d at start, %d at end", start, end);
    return sbt_finish("torture_dlopen_loop");
}
