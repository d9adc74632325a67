/* Placeholder until the thread pool lands: every job runs on the calling thread. */
#include "runtime/parallel.h"

void sb_parallel_run(int nparts, sb_part_fn part, void *ctx)
{
    if (nparts < 1) nparts = 1;
    for (int i = 0; i < nparts; i++) part(ctx, i, nparts);
}

int sb_threads_for(double flops)
{
    (void)flops;
    return 1;
}
