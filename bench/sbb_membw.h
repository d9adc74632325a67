/* The memory-bound section of safeblas-bench: level-2 routines on matrices far larger than the
 * last-level cache and level-1 routines on vectors far larger than it, in GB/s of the bytes each
 * call must move at least (a matrix read once, an updated one read and written once), as a share
 * of the memory bandwidth the same worker measures (a vector read, and an in-place update, by
 * plain loops on as many threads as the row), at 1 and 2 threads, beside the peers (issue 11:
 * level 2 at >= 90% of the measured bandwidth out of cache). */
#ifndef SBB_MEMBW_H
#define SBB_MEMBW_H

#include "sbb_peers.h"

#include <stdio.h>

/* Worker side ("--worker membw NAME PATH [--quick]"): loads PATH ("self": the process), reads its
 * thread count from OMP_NUM_THREADS, prints "W read|update <GB/s>" for the bandwidth loops and
 * "M <routine> <n> <GB/s>" per routine (GB/s < 0: the library lacks it), "E <text>" on failure. */
int sbb_membw_worker(const char *name, const char *path, int quick);

typedef struct {
    const char *name, *path;
    const sbb_libinfo *info; /* whose environment rules its workers follow */
    int serial;              /* no threads: not run at 2 */
} sbb_membw_lib;

/* Parent side: every library at 1 and 2 threads, `rounds` times interleaved (a fresh worker
 * each), each keeping its best round per routine; writes the markdown section to o. */
void sbb_membw_section(FILE *o, const sbb_membw_lib *libs, int nlibs, int rounds, int quick);

#endif
