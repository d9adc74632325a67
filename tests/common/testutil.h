/* Test support shared by every SafeBLAS test program (precision-independent part).
 *
 * A test program counts checks with CHECK(); main() ends with `return sbt_finish("name");`,
 * which prints "<name>: N passed, N failed" and returns non-zero on any failure.
 *
 * Error-path checks: test programs are linked with -rdynamic, so the xerbla_ and cblas_xerbla
 * defined in testutil.c replace the library's, exactly as in the reference testers; they record
 * the last call, which sbt_expect_xerbla() compares. */
#ifndef SB_TESTUTIL_H
#define SB_TESTUTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "safeblas_int.h"

typedef safeblas_int blas_int;

extern long sbt_passed, sbt_failed;

#define CHECK(cond, ...)                                                           \
    do {                                                                           \
        if (cond) {                                                                \
            sbt_passed++;                                                          \
        } else {                                                                   \
            sbt_failed++;                                                          \
            if (sbt_failed <= 50) {                                                \
                fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);               \
                fprintf(stderr, __VA_ARGS__);                                      \
                fputc('\n', stderr);                                               \
            }                                                                      \
        }                                                                          \
    } while (0)

/* Prints the closing "N passed, N failed" line; returns the exit status. */
int sbt_finish(const char *name);

/* ---- xerbla capture ---- */
/* Forget the last recorded error. */
void sbt_xerbla_reset(void);
/* 1 when the last recorded error was in routine `name` (compared case-insensitively, trailing
 * blanks ignored; for CBLAS give "cblas_dgemm") with parameter number `info`; records a check. */
int sbt_expect_xerbla(const char *name, blas_int info, const char *what);
/* 1 when nothing was reported since the last reset; records a check. */
int sbt_expect_no_xerbla(const char *what);

/* ---- deterministic random numbers in [-1, 1) ---- */
void sbt_seed(uint64_t seed);
double sbt_rand(void);

/* ---- guard bands: a buffer whose unowned bytes must stay untouched ----
 * sbt_guard_fill() fills n bytes with a fixed byte pattern; sbt_guard_same() compares two
 * buffers byte for byte and reports the first difference. */
void sbt_guard_fill(void *p, size_t nbytes);
int sbt_bytes_equal(const void *a, const void *b, size_t nbytes);

/* Sizes that matter: 0, 1, small odd ones, and some that cross any blocking boundary. */
extern const int sbt_small_sizes[];
extern const int sbt_num_small_sizes;

#endif
