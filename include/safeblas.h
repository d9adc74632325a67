/* SafeBLAS: thread control and configuration.
 *
 * SafeBLAS runs level 3 (and large level 2/1) on a pool of threads that is safe with fork(),
 * with any number of application threads calling at once, and inside OpenMP. This header is
 * the control surface; the BLAS itself is in cblas.h (and the Fortran ABI, dgemm_ ...).
 *
 * Thread count, first match wins:
 *   1. the calling thread's own setting, safeblas_set_num_threads_local();
 *   2. the program's global setting, safeblas_set_num_threads() (or openblas_set_num_threads);
 *   3. the environment at first use: SAFEBLAS_NUM_THREADS, else OPENBLAS_NUM_THREADS, else
 *      OMP_NUM_THREADS (first entry of a list such as "4,2");
 *   4. the CPUs this process may use: its affinity mask, reduced to a cgroup CPU quota
 *      (cgroup v2 cpu.max, v1 cpu.cfs_quota_us) when one is set; under MPI (Open MPI, MPICH,
 *      MVAPICH local-size variables) shared among the ranks estimated to share those CPUs, so
 *      that the ranks on a node together use about one thread per CPU.
 * An environment value that is not a whole number from 1 to 256 (e.g. "abc", "-1", "0",
 * "100000", "") is ignored with one warning on stderr and the next source is used. Counts
 * passed to the functions below are clamped to 256; a count below 1 means "the default"
 * (sources 3-4) for the global setting and "none" for the per-thread one.
 *
 * Calls from inside an OpenMP parallel region or from inside SafeBLAS itself run on the calling
 * thread. SAFEBLAS_VERBOSE=1 prints safeblas_get_config() to stderr once, at first use.
 * SAFEBLAS_SPIN_US (default 50) is how long idle workers spin before they sleep. */
#ifndef SAFEBLAS_H
#define SAFEBLAS_H

#include "safeblas_int.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Global thread count for every thread without a setting of its own. */
void safeblas_set_num_threads(int n);
/* The thread count that applies to the calling thread (its own setting, else the global one). */
int safeblas_get_num_threads(void);
/* The calling thread's own thread count (n < 1 removes it). Returns the previous one, 0 = none. */
int safeblas_set_num_threads_local(int n);
/* "SafeBLAS <version>: cpu <cpu>; kernels <set>; threads <n> (...)". The string belongs to the
 * calling thread and stays valid until its next call. */
const char *safeblas_get_config(void);

/* The OpenBLAS names, for programs and tools (threadpoolctl) that call them. */
void openblas_set_num_threads(int n);      /* = safeblas_set_num_threads */
int openblas_get_num_threads(void);        /* = safeblas_get_num_threads */
int openblas_set_num_threads_local(int n); /* = safeblas_set_num_threads_local */
int openblas_get_num_procs(void);          /* CPUs this process may use */
int openblas_get_parallel(void);           /* 1: threaded with pthreads */
char *openblas_get_config(void);           /* = safeblas_get_config */
char *openblas_get_corename(void);         /* the kernel set, e.g. "generic" */
void goto_set_num_threads(int n);          /* = safeblas_set_num_threads */

#ifdef __cplusplus
}
#endif

#endif
