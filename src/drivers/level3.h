/* Level-3 drivers (templated). Arguments are already checked and quick returns taken by the
 * interface; matrices are column-major. Transpose arguments are 'N', 'T' or 'C' (upper case).
 * beta == 0 means C is overwritten without being read (NaN/Inf in C vanish). */
#ifndef SB_DRIVERS_LEVEL3_H
#define SB_DRIVERS_LEVEL3_H

#include "common/blas.h"
#include "common/precision.h"

/* C := alpha*op(A)*op(B) + beta*C, C is m x n, op(A) m x k, op(B) k x n. Parallel through the
 * runtime when large enough; the k dimension is never split, so the result is bitwise the same
 * at every thread count. Safe to call from inside another driver's parallel part. */
void SB_NAME(gemm)(char transa, char transb, blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                   blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc);

#endif
