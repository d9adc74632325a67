/* The runtime's one service to the drivers: run a job split into independent parts.
 *
 * A driver decides how to split (for level 3: over m and n, never over k, so results are the
 * same bitwise at every thread count) and calls sb_parallel_run(); the runtime decides which
 * threads run the parts. Drivers never create threads or look at fork, OpenMP or the
 * environment themselves. */
#ifndef SB_PARALLEL_H
#define SB_PARALLEL_H

#include <stddef.h>

/* part(ctx, i, nparts) is called exactly once for each i in [0, nparts), on the calling thread
 * and/or pool workers, and sb_parallel_run returns when all calls have returned. Parts must be
 * independent of one another. nparts <= 1 runs part(ctx, 0, 1) inline.
 *
 * Which thread runs which part is not fixed (parts are handed out first come, first served),
 * so a part's result must depend only on its index. At most sb_config_threads() threads (the
 * caller's setting) work on one job. The call never waits on another caller: when the pool is
 * busy with another caller's job, when called from a pool worker or a running part, or from
 * inside an OpenMP parallel region, all parts run on the calling thread, in order. */
typedef void (*sb_part_fn)(void *ctx, int part, int nparts);
void sb_parallel_run(int nparts, sb_part_fn part, void *ctx);

/* The same for a job whose parts write the column-major matrix at out (m x n elements of elem
 * bytes, ld apart): when the job goes to the pool, the calling thread first makes the matrix's
 * pages private if a fork left them shared (output_pages.h), so that the parts' writes do not
 * copy them with an interrupt to every other CPU running the job. */
void sb_parallel_run_writing(int nparts, sb_part_fn part, void *ctx, void *out, size_t elem, long m, long n, long ld);

/* sb_parallel_run_writing with more parts than threads: at most `threads` threads take the
 * nparts parts between them (first come, first served), so a thread that starts late takes
 * fewer parts instead of holding the others up with a whole share. */
void sb_parallel_run_writing_on(int threads, int nparts, sb_part_fn part, void *ctx, void *out, size_t elem, long m,
                                long n, long ld);

/* How many threads a job of about `flops` floating-point operations should use: 1 when it is
 * too small to gain, when called from a SafeBLAS worker or inside an OpenMP parallel region,
 * else at most the configured thread count. */
int sb_threads_for(double flops);

/* sb_threads_for for a compute-bound (level-3) job: the same, except that one too short for a
 * sleeping worker to arrive in time (under twice the threshold) runs on the calling thread when
 * the pool's first worker sleeps, even in a run of calls. */
int sb_threads_for_compute(double flops);

/* For a memory-bound level-2 call that sb_threads_for() kept on one thread: 2 when it is at
 * least a quarter of the threshold and the pool's first worker is awake (a part costs it a few
 * microseconds, not a wake-up), else 1. */
int sb_threads_if_awake(double flops);

/* 1 when the calling thread must stay single-threaded: it is a pool worker, it is running a
 * part of a job, or it is inside an OpenMP parallel region. */
int sb_in_parallel(void);

/* Test hooks, exported but not part of the documented API (tests/torture uses them so the pool
 * is exercised whatever the drivers do): run a job on the pool as sb_parallel_run does, and
 * report the pool's live worker threads and its generation (bumped in the child at each fork). */
void safeblas_test_parallel_run(int nparts, sb_part_fn part, void *ctx);
int safeblas_test_pool_workers(void);
unsigned safeblas_test_pool_generation(void);

#endif
