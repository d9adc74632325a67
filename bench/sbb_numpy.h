/* The linalg section of safeblas-bench (issue 14): numpy.linalg as users call it (eigh, eigvalsh,
 * svd, qr, lstsq, solve, inv, det, cholesky at n = 200, 1000, 2000) under /usr/bin/python3 with
 * Debian's numpy, each library in its own process, then a perf profile of the case where
 * SafeBLAS is furthest behind OpenBLAS. The cases are in bench/numpy_cases.py. */
#ifndef SBB_NUMPY_H
#define SBB_NUMPY_H

#include "sbb_peers.h"

#include <stdio.h>

typedef struct {
    const char *name, *path;   /* path: the library's libblas.so.3 (NULL for SafeBLAS) */
    const sbb_libinfo *info;   /* whose environment rules its processes follow */
} sbb_numpy_lib;

/* Runs every library at 1 and 2 threads, `rounds` times, interleaved (the starting library
 * rotating), keeps each case's best time and writes the markdown section to o. SafeBLAS runs
 * through compat_dir (its libblas.so.3/liblapack.so.3); a peer through the folder of its
 * libblas.so.3, with Debian's reference LAPACK where that folder has no liblapack.so.3. */
void sbb_numpy_section(FILE *o, const sbb_numpy_lib *libs, int nlibs, const char *compat_dir, int rounds, int quick);

#endif
