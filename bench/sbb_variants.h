/* The variants section of safeblas-bench: every side/uplo/trans combination of dtrsm and dtrmm,
 * both sides and triangles of dsymm, both triangles and transpositions of dsyrk and dsyr2k, and
 * dgemm NN/NT/TN/TT, at a few sizes, as GFLOP/s and as a share of the same library's dgemm NN in
 * the same worker. A slow variant shows up here even when the one the speed table measures is
 * fast. */
#ifndef SBB_VARIANTS_H
#define SBB_VARIANTS_H

#include "sbb_common.h"
#include "sbb_peers.h"

#include <stdio.h>

/* Worker side ("--worker variants NAME PATH [--quick]"): loads PATH (NULL or "self": the linked
 * SafeBLAS) and prints "V <variant> <n> <GFLOP/s>" per variant and size ("E <text>" on failure). */
int sbb_variants_worker(const char *name, const char *path, int quick);

typedef struct {
    const char *name, *path;   /* path NULL: the linked SafeBLAS */
    const sbb_libinfo *info;   /* whose environment rules its workers follow */
} sbb_variants_lib;

/* Parent side: runs every library at 1 and 2 threads, `rounds` times, interleaved (a fresh
 * worker each time, the starting library rotating), keeps each library's best round per variant
 * and writes the markdown section to o. */
void sbb_variants_section(FILE *o, const sbb_variants_lib *libs, int nlibs, int rounds, int quick);

#endif
