/* Thread configuration: how many threads SafeBLAS may use, where that number came from, and the
 * tunables of the pool. Internal to the runtime (the public face is include/safeblas.h).
 *
 * Sources, in order: the per-calling-thread setting (safeblas_set_num_threads_local), the global
 * setting (safeblas_set_num_threads / openblas_set_num_threads), and at first use the
 * environment: SAFEBLAS_NUM_THREADS, else OPENBLAS_NUM_THREADS, else OMP_NUM_THREADS (first
 * entry of a list), else the CPUs this process may use (sched_getaffinity, capped by a cgroup
 * v2 cpu.max or v1 cfs quota). An environment value that is not a whole number from 1 to
 * SB_MAX_THREADS (abc, -1, 0, 100000, empty) gets one warning on stderr and is skipped.
 *
 * Everything here is lock-free (atomics, first writer wins), so a fork() at any moment leaves
 * nothing the child could wait on. */
#ifndef SB_THREAD_CONFIG_H
#define SB_THREAD_CONFIG_H

#include <stddef.h>

/* Thread-local storage of the runtime: initial-exec (why: parallel.c). */
#define SB_TLS _Thread_local __attribute__((tls_model("initial-exec")))

/* Hard cap on threads, from any source. The environment rejects larger values (warning, then
 * the next source); the API clamps to it. */
#define SB_MAX_THREADS 256

/* Make sure the configuration is read (idempotent, cheap after the first call). On the first
 * call prints the warnings for bad environment values and, with SAFEBLAS_VERBOSE=1, the
 * configuration. */
void sb_config_init(void);

/* CPUs this process may use (>= 1). */
int sb_cpus_available(void);

/* Threads the calling thread may use: its own setting if it has one, else the global one. */
int sb_config_threads(void);
/* The global setting. */
int sb_config_threads_global(void);
/* Set the global count; n < 1 means "back to the default" (environment, else CPUs); n is
 * clamped to SB_MAX_THREADS. */
void sb_config_set_threads(int n);
/* Per-calling-thread count; n < 1 removes it. Returns the previous value (0 = none). */
int sb_config_set_threads_local(int n);

/* Jobs of fewer floating-point operations than this run on one thread. Default
 * SB_DEFAULT_PARALLEL_THRESHOLD; the undocumented, test-only environment variable
 * SAFEBLAS_PARALLEL_THRESHOLD (a number of flops, 0 = go parallel whenever allowed) overrides it. */
#define SB_DEFAULT_PARALLEL_THRESHOLD 2.0e6
double sb_config_parallel_threshold(void);

/* How long an idle worker spins before sleeping, in nanoseconds (SAFEBLAS_SPIN_US, default 50 µs,
 * at most 10 ms). */
long sb_config_spin_ns(void);

/* Test-only fault injection (SAFEBLAS_TEST_FAIL_THREAD_CREATE=k): the k-th and later worker
 * creations fail as if pthread_create had returned EAGAIN. -1 when unset. */
int sb_config_fail_create_after(void);

/* One-line description: version, CPU, kernel set, threads. Writes at most len bytes. */
void sb_config_describe(char *buf, size_t len);
/* The kernel set's name ("generic" until the kernel table says otherwise). */
const char *sb_config_kernel_name(void);

/* Reset after fork() in the child: nothing to do today (the configuration is plain data that
 * is valid in the child), kept so the fork story of each runtime module is written down. */
void sb_config_atfork_child(void);

#endif
