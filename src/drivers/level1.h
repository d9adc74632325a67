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

/* ---- parallel helpers (used by the driver files) ----
 * Reductions: the chunks are handed out in batches of at most SB_L1_BATCH; the parts of a batch
 * compute the partials of contiguous runs of its chunks into a caller-owned array (slot = chunk
 * index within the batch), and the caller folds them in chunk order. Which part computes which
 * chunk never changes a partial, so the result is the same bits at every thread count.
 * Updates (axpy, scal, copy, swap): elementwise, split into contiguous element ranges.
 *
 * Costs given to sb_threads_for are "flop equivalents": a level-1 loop is memory-bound, so each
 * routine scales its element count (SB_L1_W_*) so that the default threshold
 * (SB_DEFAULT_PARALLEL_THRESHOLD, 2e6) falls where two threads were measured to beat one on a
 * 2-core Zen machine; SAFEBLAS_PARALLEL_THRESHOLD=0 still forces every split. */
#include "runtime/output_pages.h"
#include "runtime/parallel.h"

#define SB_L1_BATCH 256         /* chunks per batch: 1 Mi elements */
#define SB_L1_UPD_MIN 1024      /* updates shorter than this never split */
#define SB_L1_UPD_ALIGN 64      /* split points of updates are multiples of this many elements */

typedef void (*sb_l1_chunk_fn)(void *ctx, blas_int chunk, int slot);
typedef struct {
    sb_l1_chunk_fn fn;
    void *ctx;
    blas_int c0;
    int nb;
} sb_l1_batch_job;

static inline void sb_l1_batch_part(void *v, int p, int np)
{
    const sb_l1_batch_job *j = (const sb_l1_batch_job *)v;
    int lo = (int)((long)j->nb * p / np), hi = (int)((long)j->nb * (p + 1) / np);
    for (int s = lo; s < hi; s++) j->fn(j->ctx, j->c0 + s, s);
}

/* Compute the partials of chunks [c0, c0 + nb) (nb <= SB_L1_BATCH) on up to nparts parts. */
static inline void sb_l1_run_batch(int nparts, blas_int c0, int nb, sb_l1_chunk_fn fn, void *ctx)
{
    sb_l1_batch_job j = {fn, ctx, c0, nb};
    if (nparts > nb) nparts = nb;
    if (nparts <= 1) sb_l1_batch_part(&j, 0, 1);
    else sb_parallel_run(nparts, sb_l1_batch_part, &j);
}

/* Parts for a reduction over n elements at `w` flop equivalents per element; 1 below two chunks. */
static inline int sb_l1_reduce_parts(blas_int n, double w)
{
    if (n < 2 * (blas_int)SB_L1_CHUNK) return 1;
    return sb_threads_for(w * (double)n);
}

typedef void (*sb_l1_range_fn)(void *ctx, blas_int lo, blas_int hi);
typedef struct {
    sb_l1_range_fn fn;
    void *ctx;
    blas_int n;
} sb_l1_range_job;

static inline blas_int sb_l1_split(blas_int n, int p, int np)
{
    if (p >= np) return n;
    blas_int b = (blas_int)((long long)n * p / np) / SB_L1_UPD_ALIGN * SB_L1_UPD_ALIGN;
    return b;
}

static inline void sb_l1_range_part(void *v, int p, int np)
{
    const sb_l1_range_job *j = (const sb_l1_range_job *)v;
    blas_int lo = sb_l1_split(j->n, p, np), hi = sb_l1_split(j->n, p + 1, np);
    if (hi > lo) j->fn(j->ctx, lo, hi);
}

/* The memory of a vector an update writes, as output_pages.h sees a matrix: n logical elements,
 * element 0 at p, inc apart (inc != 0, negative: walking down from p). Contiguous, one column;
 * strided, n one-element columns |inc| apart from the lowest address. */
static inline sb_output sb_l1_vector(sb_t *p, blas_int n, ptrdiff_t inc)
{
    if (inc < 0) {
        p += (ptrdiff_t)(n - 1) * inc;
        inc = -inc;
    }
    sb_output o = {p, sizeof(sb_t), inc == 1 ? n : 1, inc == 1 ? 1 : n, inc == 1 ? n : inc};
    return o;
}

/* Run fn over logical elements [0, n) split in contiguous ranges: in parallel when the update is
 * big enough (w flop equivalents per element), else as one call fn(ctx, 0, n). out (and also,
 * when not NULL: swap writes two vectors) is what the ranges write; before they go to the pool,
 * pages a fork left shared are made private from the calling thread (output_pages.h). Measured
 * on the Xeon 6 model 207 (KVM), daxpy n = 1e6 in a parent whose child lives on, 2 threads:
 * 7.0 ms with the writes copying the pages, 4.0 ms after one madvise (no fork: 0.3 ms). */
static inline void sb_l1_run_ranges(blas_int n, double w, sb_l1_range_fn fn, void *ctx, sb_output out,
                                    const sb_output *also)
{
    int np = n < SB_L1_UPD_MIN ? 1 : sb_threads_for(w * (double)n);
    if (np > 1 && (blas_int)np > n / SB_L1_UPD_ALIGN) np = (int)(n / SB_L1_UPD_ALIGN);
    if (np <= 1) {
        fn(ctx, 0, n);
        return;
    }
    sb_l1_range_job j = {fn, ctx, n};
    if (also) sb_output_make_private(also);
    sb_parallel_run_writing(np, sb_l1_range_part, &j, out.p, out.elem, out.m, out.n, out.ld);
}

/* Flop equivalents per element (see above). With the default threshold 2e6 a call goes to
 * 2 threads at about 2e6 / w elements: dot/dsdot and updates (axpy, scal, copy, swap) 62k
 * (complex 31k), asum 500k (250k), nrm2 62k (31k; its per-element work is a few compares and a
 * scaled square). Measured on an idle 2-core Zen machine (bench, n = 100000): a pool dispatch
 * to spinning workers costs a few us, and ddot/daxpy ran 1.7-1.9x faster on 2 threads; the
 * earlier weights (8: 250k elements) had been set while the machine was shared with other
 * work, where a dispatch cost 5-8 us and 2 threads gained only beyond 50-60 us of work. */
#ifndef SB_L1_W_DOT
#define SB_L1_W_DOT (SB_IS_COMPLEX ? 64.0 : 32.0)
#endif
#ifndef SB_L1_W_ASUM
#define SB_L1_W_ASUM (SB_IS_COMPLEX ? 8.0 : 4.0)
#endif
#ifndef SB_L1_W_NRM2
#define SB_L1_W_NRM2 (SB_IS_COMPLEX ? 64.0 : 32.0)
#endif
#ifndef SB_L1_W_UPD
#define SB_L1_W_UPD (SB_IS_COMPLEX ? 64.0 : 32.0)
#endif

#endif
