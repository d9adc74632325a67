/* Level-1 drivers (templated): the arithmetic behind the interface, arguments already checked
 * (n > 0 unless a routine says otherwise). Increments may be negative or zero, with the
 * reference BLAS meaning: a negative increment walks the vector from its last element in memory
 * back to its first; logical element i (0-based) is at x[sb_vstart(n, inc) + i * inc].
 *
 * Reductions (dot, nrm2, asum) are built from fixed-size chunks: the vector is cut into pieces
 * of SB_L1_CHUNK logical elements, each piece gives a partial result (the *_part functions),
 * and the partials are combined strictly in chunk order. The serial drivers below do exactly
 * that, so a parallel version that computes the partials on any number of threads and then
 * combines them in chunk order gets the same bits at every thread count. */
#ifndef SB_DRIVERS_LEVEL1_H
#define SB_DRIVERS_LEVEL1_H

#include "common/blas.h"
#include "common/precision.h"

/* Offset of the first logical element for n elements with increment inc. */
static inline ptrdiff_t sb_vstart(blas_int n, blas_int inc) { return inc < 0 ? (ptrdiff_t)(1 - n) * inc : 0; }

/* Logical elements per reduction chunk (a power of two, fixed: results depend on it). */
#define SB_L1_CHUNK 4096

/* ---- vector updates ---- */
/* y := alpha*x + y (the interface has already returned for alpha == 0) */
void SB_NAME(axpy)(blas_int n, sb_t alpha, const sb_t *x, blas_int incx, sb_t *y, blas_int incy);
/* y := alpha*x + beta*y; beta == 0 does not read y, alpha == 0 does not read x */
void SB_NAME(axpby)(blas_int n, sb_t alpha, const sb_t *x, blas_int incx, sb_t beta, sb_t *y, blas_int incy);
/* y := x */
void SB_NAME(copy)(blas_int n, const sb_t *x, blas_int incx, sb_t *y, blas_int incy);
/* x <-> y */
void SB_NAME(swap)(blas_int n, sb_t *x, blas_int incx, sb_t *y, blas_int incy);
/* x := alpha*x, incx > 0; always multiplies (alpha = 0 turns Inf/NaN into NaN, as reference) */
void SB_NAME(scal)(blas_int n, sb_t alpha, sb_t *x, blas_int incx);
#if SB_IS_COMPLEX
/* x := alpha*x with real alpha, component by component (csscal, zdscal), incx > 0 */
void SB_NAME(rscal)(blas_int n, sb_r alpha, sb_t *x, blas_int incx);
#endif
/* plane rotation: x := c*x + s*y, y := c*y - s*x (srot, drot, csrot, zdrot) */
void SB_NAME(rot)(blas_int n, sb_t *x, blas_int incx, sb_t *y, blas_int incy, sb_r c, sb_r s);

/* ---- rotation generators (no n; always run) ---- */
/* real: a, b in/out as reference srotg (a := r, b := z); complex: a := r, b unchanged */
void SB_NAME(rotg)(sb_t *a, sb_t *b, sb_r *c, sb_t *s);
#if !SB_IS_COMPLEX
/* modified rotation: apply H given in param (param[0] = flag); the caller returned for
 * flag == -2 and n <= 0 */
void SB_NAME(rotm)(blas_int n, sb_t *x, blas_int incx, sb_t *y, blas_int incy, const sb_t *param);
/* construct the modified rotation (d1, d2, x1 in/out, y1 in, param out) */
void SB_NAME(rotmg)(sb_t *d1, sb_t *d2, sb_t *x1, sb_t y1, sb_t *param);
#endif

/* ---- reductions ---- */
/* sum of x_i * y_i (conjx = 0) or conj(x_i) * y_i (conjx = 1); n >= 1 */
sb_t SB_NAME(dot_part)(blas_int n, const sb_t *x, ptrdiff_t incx, const sb_t *y, ptrdiff_t incy, int conjx);
sb_t SB_NAME(dot)(blas_int n, const sb_t *x, blas_int incx, const sb_t *y, blas_int incy, int conjx);

/* sum of |re| + |im| (asum), incx > 0 */
sb_r SB_NAME(asum_part)(blas_int n, const sb_t *x, ptrdiff_t incx);
sb_r SB_NAME(asum)(blas_int n, const sb_t *x, blas_int incx);

/* Euclidean norm (any incx, n >= 1): double precision with Blue's three accumulators as
 * reference 3.11; single precision sums the squares in double (see nrm2.c). */
typedef struct {
#if SB_IS_DOUBLE
    sb_r asml, amed, abig;
#else
    double sumsq;
#endif
} SB_NAME(nrm2_acc);
void SB_NAME(nrm2_part)(blas_int n, const sb_t *x, ptrdiff_t incx, SB_NAME(nrm2_acc) *acc);
sb_r SB_NAME(nrm2)(blas_int n, const sb_t *x, blas_int incx);

/* 1-based index of the first element of largest (iamax) / smallest (iamin) |re| + |im|;
 * n >= 1, incx > 0. NaN as reference: a NaN in the first element wins, a later one never does. */
blas_int SB_NAME(iamax)(blas_int n, const sb_t *x, blas_int incx);
blas_int SB_NAME(iamin)(blas_int n, const sb_t *x, blas_int incx);

#if defined(SB_PREC_S)
/* sum of x_i * y_i over float vectors, accumulated in double (sdsdot, dsdot); n >= 1 */
double sb_s_dsdot_part(blas_int n, const float *x, ptrdiff_t incx, const float *y, ptrdiff_t incy);
double sb_s_dsdot(blas_int n, const float *x, blas_int incx, const float *y, blas_int incy, double init);
#endif

#endif
