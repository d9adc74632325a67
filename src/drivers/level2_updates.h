/* Level-2 rank updates and triangular solves (templated): the arithmetic behind
 * ?ger/?geru/?gerc, ?syr/?her, ?spr/?hpr, ?syr2/?her2, ?spr2/?hpr2, ?trsv, ?tbsv, ?tpsv.
 * Arguments are already checked; n > 0 (m > 0 for ger) and alpha != 0 for the updates.
 * Increments may be negative (reference meaning) or zero (every element is the same one;
 * only reachable through the CBLAS row-major paths, which copy x in the reference). */
#ifndef SB_DRIVERS_LEVEL2_UPDATES_H
#define SB_DRIVERS_LEVEL2_UPDATES_H

#include "common/blas.h"
#include "common/precision.h"

#include <math.h>

/* A := alpha*x*y^T + A, A m x n column-major; conjy = 1: y replaced by conj(y) (gerc);
 * conjy = 2: x replaced by conj(x) (CBLAS row-major gerc). */
void SB_NAME(ger)(blas_int m, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, const sb_t *y,
                  blas_int incy, sb_t *a, blas_int lda, int conjy);

/* Symmetric (herm = 0): A := alpha*x*x^T + A.  Hermitian (herm = 1, alpha real):
 * A := alpha*x*x^H + A, imaginary parts of the diagonal set to zero.  Only the `upper` (1) or
 * lower (0) triangle is referenced.  conjx: use conj(x) in place of x (CBLAS row-major).
 * syr: full storage with lda; spr: packed storage. */
void SB_NAME(syr)(int upper, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, sb_t *a, blas_int lda,
                  int herm, int conjx);
void SB_NAME(spr)(int upper, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, sb_t *ap, int herm,
                  int conjx);

/* Symmetric: A := alpha*x*y^T + alpha*y*x^T + A.  Hermitian: A := alpha*x*y^H + conj(alpha)*y*x^H + A,
 * diagonal imaginary parts set to zero.  conjxy: use conj(x), conj(y) in place of x, y. */
void SB_NAME(syr2)(int upper, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, const sb_t *y,
                   blas_int incy, sb_t *a, blas_int lda, int herm, int conjxy);
void SB_NAME(spr2)(int upper, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, const sb_t *y,
                   blas_int incy, sb_t *ap, int herm, int conjxy);

/* Triangular solves op(A)*x = b, x overwritten. */
enum { SB_TR_N = 0, SB_TR_T = 1, SB_TR_C = 2, SB_TR_R = 3 /* conj(A), not transposed */ };
void SB_NAME(trsv)(int upper, int trans, int unit, blas_int n, const sb_t *a, blas_int lda, sb_t *x,
                   blas_int incx);
void SB_NAME(tbsv)(int upper, int trans, int unit, blas_int n, blas_int k, const sb_t *a, blas_int lda,
                   sb_t *x, blas_int incx);
void SB_NAME(tpsv)(int upper, int trans, int unit, blas_int n, const sb_t *ap, sb_t *x, blas_int incx);

/* The precision letter in lower case, for CBLAS names in error reports: "cblas_" SB_L2U_LOWER "syr". */
#if defined(SB_PREC_S)
#define SB_L2U_LOWER "s"
#elif defined(SB_PREC_D)
#define SB_L2U_LOWER "d"
#elif defined(SB_PREC_C)
#define SB_L2U_LOWER "c"
#else
#define SB_L2U_LOWER "z"
#endif

/* Offset of the first logical element for n elements with increment inc. */
static inline ptrdiff_t sb_l2u_vstart(blas_int n, blas_int inc)
{
    return inc < 0 ? (ptrdiff_t)(1 - n) * inc : 0;
}

/* The first column of part p of np when a triangle's columns are split into parts of equal area
 * (syr, syr2 and their packed forms over the threads; any split gives the same bits there). */
static inline blas_int sb_l2u_tri_part_start(int upper, blas_int n, int p, int np)
{
    if (p <= 0) return 0;
    if (p >= np) return n;
    double f = (double)p / np;
    blas_int j = (blas_int)(upper ? n * sqrt(f) : n * (1.0 - sqrt(1.0 - f)));
    return j < n ? j : n;
}

#endif
