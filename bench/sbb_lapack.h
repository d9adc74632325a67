/* The LAPACK part of safeblas-bench: dgetrf / dpotrf (and dgemm at the same n, the yardstick)
 * of a dlopen'ed library, and the numpy program the inv section runs under /usr/bin/python3. */
#ifndef SBB_LAPACK_H
#define SBB_LAPACK_H

#include "sbb_common.h"

/* Flops of "dgemm" (2n^3), "dgetrf" (LAPACK's count for m = n), "dpotrf". */
double sbb_lapack_flops(const char *routine, int n);

/* GFLOP/s of one call on an n x n matrix (fresh copy before every call, not timed), best of the
 * calls made within budget_s (at least 2). dpotrf: uplo 'L' on a positive definite matrix.
 * -1: routine missing; -2: one call would exceed max_call_s (from est_gflops); -3: failure. */
double sbb_lapack_gflops(void *handle, const char *routine, int n, double budget_s, double max_call_s,
                         double est_gflops);

/* python3 -c SCRIPT N N ...: prints "N n best_ms calls max|A inv(A) - I|" per size, then
 * "M <the BLAS/LAPACK files mapped>". */
extern const char *sbb_numpy_script;

#endif
