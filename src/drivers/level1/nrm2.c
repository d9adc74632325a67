/* Euclidean norm.
 *
 * Single precision (s, sc): the square of any float, subnormal to FLT_MAX, is an exact-range
 * double, so the squares are summed in double with no scaling at all. That is more accurate than
 * the reference's single-precision sum (scipy's test_stable accepts the reference's 0.0 or the
 * correctly rounded 0.5 for norm([1e4] + [1]*10000) - 1e4; a chunked float sum gives neither) and
 * keeps the reference's NaN/Inf results: Inf if some |x| is Inf and none is NaN, NaN if any is.
 *
 * Double precision (d, dz): reference BLAS 3.11's algorithm (Blue's scaling, as revised by Anderson):
 * squares of small, medium and big magnitudes go to three accumulators, scaled so that none can
 * overflow or underflow destructively, and are combined at the end exactly as the reference
 * does, which fixes the NaN/Inf results (Inf if any |x| is Inf and no NaN, NaN if any NaN).
 * For complex vectors the real and imaginary parts are two entries each.
 * Chunked (level1.h): each chunk fills its own three accumulators; chunks are added in order
 * (for large vectors the chunks' accumulators are computed in parallel, then added in order).
 * A chunk is accumulated by the kernel table's nrm2 loop (kernels.h; the real precision's on the
 * 2n reals for complex), a strided one gathered in blocks of 256 elements, each block added onto
 * the same accumulators (the generic kernel's scan then runs on as over the whole chunk). */
#include <float.h>

#include "drivers/level1.h"
#include "kernels/kernels.h"
#include "kernels/generic/level1_gather.h"
#include "kernels/generic/level1_nrm2_blue.h"

/* The accumulators of the n elements x[0], x[incx], ... (incx may be negative or 0) */
void SB_NAME(nrm2_part)(blas_int n, const sb_t *x, ptrdiff_t incx, SB_NAME(nrm2_acc) *acc)
{
    double a[3] = {0, 0, 0};
    if (incx == 1) {
        SB_REAL_KERNEL(nrm2)()((1 + SB_IS_COMPLEX) * n, (const sb_r *)x, a);
    } else {
        /* strided: gathered in blocks, each added onto the accumulators by the kernel */
        enum { BLOCK = 256 };
        sb_t buf[BLOCK];
        for (blas_int i0 = 0; i0 < n; i0 += BLOCK) {
            blas_int cnt = SB_MIN(BLOCK, n - i0);
            sb_l1_gather(cnt, x + i0 * incx, incx, buf);
            SB_REAL_KERNEL(nrm2)()((1 + SB_IS_COMPLEX) * cnt, (const sb_r *)buf, a);
        }
    }
#if SB_IS_DOUBLE
    acc->asml = a[0];
    acc->amed = a[1];
    acc->abig = a[2];
#else
    acc->sumsq = a[1];
#endif
}

/* The partial accumulators of chunks [c0, c0 + nb) into part[0 .. nb), on np parts. */
typedef struct {
    const sb_t *x;
    ptrdiff_t incx;
    blas_int n;
    SB_NAME(nrm2_acc) *part;
} nrm2_job;

static void nrm2_chunk(void *v, blas_int c, int slot)
{
    const nrm2_job *j = v;
    ptrdiff_t i = (ptrdiff_t)c * SB_L1_CHUNK;
    blas_int len = (blas_int)SB_MIN((ptrdiff_t)SB_L1_CHUNK, j->n - i);
    SB_NAME(nrm2_part)(len, j->x + i * j->incx, j->incx, &j->part[slot]);
}

/* Calls fold(acc, &part) for every chunk in chunk order: on this thread, or with the partials
 * computed in parallel in batches (same partials, same order, same bits). */
#define NRM2_FOLD(FOLD)                                                                              \
    do {                                                                                             \
        int np_ = sb_l1_reduce_parts(n, SB_L1_W_NRM2);                                               \
        if (np_ <= 1) {                                                                              \
            for (blas_int i_ = 0; i_ < n; i_ += SB_L1_CHUNK) {                                       \
                SB_NAME(nrm2_acc) p_;                                                                \
                SB_NAME(nrm2_part)(SB_MIN(SB_L1_CHUNK, n - i_), x + (ptrdiff_t)i_ * incx, incx, &p_); \
                FOLD(p_);                                                                            \
            }                                                                                        \
        } else {                                                                                     \
            SB_NAME(nrm2_acc) parts_[SB_L1_BATCH];                                                   \
            nrm2_job j_ = {x, incx, n, parts_};                                                      \
            blas_int nch_ = (blas_int)(((ptrdiff_t)n + SB_L1_CHUNK - 1) / SB_L1_CHUNK);              \
            for (blas_int c0_ = 0; c0_ < nch_; c0_ += SB_L1_BATCH) {                                 \
                int nb_ = (int)SB_MIN((blas_int)SB_L1_BATCH, nch_ - c0_);                            \
                sb_l1_run_batch(np_, c0_, nb_, nrm2_chunk, &j_);                                     \
                for (int s_ = 0; s_ < nb_; s_++) FOLD(parts_[s_]);                                   \
            }                                                                                        \
        }                                                                                            \
    } while (0)

#if !SB_IS_DOUBLE

sb_r SB_NAME(nrm2)(blas_int n, const sb_t *x, blas_int incx)
{
    x += sb_vstart(n, incx);
    double sum = 0;
#define FOLD_S(p) (sum += (p).sumsq)
    NRM2_FOLD(FOLD_S);
#undef FOLD_S
    return (sb_r)sqrt(sum);
}

#else /* double precision: reference 3.11's algorithm */

#define SSML SB_NRM2_SSML
#define SBIG SB_NRM2_SBIG
#define MAXN DBL_MAX

sb_r SB_NAME(nrm2)(blas_int n, const sb_t *x, blas_int incx)
{
    x += sb_vstart(n, incx);
    sb_r asml = 0, amed = 0, abig = 0;
#define FOLD_D(p) (asml += (p).asml, amed += (p).amed, abig += (p).abig)
    NRM2_FOLD(FOLD_D);
#undef FOLD_D
    /* (reference stops adding small values once a big one was seen; they are ignored below
     * whenever abig > 0, so the result is the same) */
    sb_r scl, sumsq;
    if (abig > 0) {
        /* combine abig and amed */
        if (amed > 0 || amed > MAXN || amed != amed) abig += (amed * SBIG) * SBIG;
        scl = 1 / SBIG;
        sumsq = abig;
    } else if (asml > 0) {
        /* combine amed and asml */
        if (amed > 0 || amed > MAXN || amed != amed) {
            amed = sb_rsqrt(amed);
            asml = sb_rsqrt(asml) / SSML;
            sb_r ymin, ymax;
            if (asml > amed) {
                ymin = amed;
                ymax = asml;
            } else {
                ymin = asml;
                ymax = amed;
            }
            scl = 1;
            sb_r q = ymin / ymax;
            sumsq = ymax * ymax * (1 + q * q);
        } else {
            scl = 1 / SSML;
            sumsq = asml;
        }
    } else {
        scl = 1;
        sumsq = amed;
    }
    return scl * sb_rsqrt(sumsq);
}

#endif
