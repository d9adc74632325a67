/* Level-1 drivers (templated): the arithmetic behind the interface, arguments already checked
 * (n > 0). Increments may be negative or zero, with the reference BLAS meaning: a negative
 * increment walks the vector from its last element in memory back to its first. */
#ifndef SB_DRIVERS_LEVEL1_H
#define SB_DRIVERS_LEVEL1_H

#include "common/blas.h"
#include "common/precision.h"

/* Offset of the first logical element for n elements with increment inc. */
static inline ptrdiff_t sb_vstart(blas_int n, blas_int inc) { return inc < 0 ? (ptrdiff_t)(1 - n) * inc : 0; }

void SB_NAME(axpy)(blas_int n, sb_t alpha, const sb_t *x, blas_int incx, sb_t *y, blas_int incy);

#endif
