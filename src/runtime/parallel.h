/* The runtime's one service to the drivers: run a job split into independent parts.
 *
 * A driver decides how to split (for level 3: over m and n, never over k, so results are the
 * same bitwise at every thread count) and calls sb_parallel_run(); the runtime decides which
 * threads run the parts. Drivers never create threads or look at fork, OpenMP or the
 * environment themselves. */
#ifndef SB_PARALLEL_H
#define SB_PARALLEL_H

/* part(ctx, i, nparts) is called exactly once for each i in [0, nparts), on the calling thread
 * and/or pool workers, and sb_parallel_run returns when all calls have returned. Parts must be
 * independent of one another. nparts <= 1 runs part(ctx, 0, 1) inline. */
typedef void (*sb_part_fn)(void *ctx, int part, int nparts);
void sb_parallel_run(int nparts, sb_part_fn part, void *ctx);

/* How many threads a job of about `flops` floating-point operations should use: 1 when it is
 * too small to gain, when called from a SafeBLAS worker or inside an OpenMP parallel region,
 * else at most the configured thread count. */
int sb_threads_for(double flops);

#endif
