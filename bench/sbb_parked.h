/* The parked section of safeblas-bench (issue 12): what a second thread does for a call near the
 * parallel thresholds, when the calls come back to back (the workers spin between them) and when
 * each follows a pause long enough for the workers to sleep. dgemv, dgemm and dsyrk at sizes
 * around the thresholds, 1 and 2 threads interleaved in one process, medians. */
#ifndef SBB_PARKED_H
#define SBB_PARKED_H

#include "sbb_common.h"
#include "sbb_peers.h"

#include <stdio.h>

/* Worker side ("--worker parked NAME PATH [--quick]", started at 2 threads): loads PATH (NULL or
 * "self": the linked SafeBLAS), switches between 1 and 2 threads with the library's own call, and
 * prints "P <routine> <n> <tight|parked> <median µs, 1 thread> <median µs, 2 threads>" per case
 * ("E <text>" on failure). */
int sbb_parked_worker(const char *name, const char *path, int quick);

typedef struct {
    const char *name, *path;   /* path NULL: the linked SafeBLAS */
    const sbb_libinfo *info;
} sbb_parked_lib;

/* Parent side: one worker per library and round (interleaved), each case's best round kept;
 * writes the markdown section to o. */
void sbb_parked_section(FILE *o, const sbb_parked_lib *libs, int nlibs, int rounds, int quick);

#endif
