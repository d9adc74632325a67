/* The small-calls section of safeblas-bench: calls per second of gemm on n x n operands,
 * n = 4, 8, 16, one thread, for the kinds numpy makes of small products: dgemm NN and TN
 * (A.T @ B), zgemm NN and CN, sgemm NN and TN, cgemm NN and CN; each as a share of the same
 * library's real NN at the same n and precision, and as ratios to the peers. Per-call overhead
 * shows here, not in the GFLOP/s tables. */
#ifndef SBB_SMALL_H
#define SBB_SMALL_H

#include "sbb_peers.h"

#include <stdio.h>

/* Worker side ("--worker small NAME PATH [--quick]"): loads PATH ("self": the SafeBLAS of this
 * process) and prints "S <kind> <n> <calls/s>" per kind and size ("E <text>" on failure). */
int sbb_small_worker(const char *name, const char *path, int quick);

typedef struct {
    const char *name, *path;
    const sbb_libinfo *info; /* whose environment rules its workers follow */
} sbb_small_lib;

/* Parent side: every library at one thread, `rounds` times interleaved (a fresh worker each
 * time), each keeping its best round per kind and size; writes the markdown section to o. */
void sbb_small_section(FILE *o, const sbb_small_lib *libs, int nlibs, int rounds, int quick);

#endif
