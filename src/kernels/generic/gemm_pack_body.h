/* The gemm packing routines (format in kernels.h) as a body included by a templated source that
 * defines SB_PACK_A_NAME and SB_PACK_B_NAME first: generic/gemm_pack.c (portable build) and
 * avx2/gemm_pack_avx2.c (the same C compiled with AVX2, so the fixed-size copies vectorize).
 * Conjugation ('C', 'R') is applied here, so the microkernels never conjugate.
 *
 * Two access patterns, both reading the source along its columns (long contiguous runs) and
 * writing the packed buffer sequentially within each sliver:
 *   contiguous along i (A 'N'/'R', B 'T'/'C'): column p of the source gives row p of every sliver;
 *   contiguous along p (A 'T'/'C', B 'N'/'R'): the r source columns of a sliver are read together.
 * The common register blocks are instantiated with a constant r so the copies unroll. */
#include "kernels/kernels.h"

#include <string.h>

/* columns of the source copied per pass over the slivers (see pack_cont_i) */
#define SB_PACK_PB 8
/* the next pass's columns are prefetched only while they are this short (bytes each; an A block's
 * mc rows are, a B panel's nc columns packed from op(B) = B' are not): see pack_cont_i */
#ifndef SB_PACK_PREFETCH_MAX
#define SB_PACK_PREFETCH_MAX 2048
#endif

#define SB_PACK_INLINE static inline __attribute__((always_inline))

/* buf[s*r*cols + p*r + i] = op(x)(s*r + i, p), op(x)(i, p) = x[i + p*ldx] (conjugated if cj).
 * In passes of SB_PACK_PB source columns, sliver after sliver: each pass writes SB_PACK_PB*r
 * consecutive elements of a sliver. (Column by column instead, one row of every sliver at a
 * time, the writes go to slivers r*cols elements apart, which for the usual cols are a
 * multiple of 4 KiB: all in one L1 set, which then thrashes.) The source lines a sliver shares
 * with the next are still in L1 when the next one reads them. */
SB_PACK_INLINE void pack_cont_i(blas_int rows, blas_int cols, const sb_t *x, blas_int ldx, sb_t *buf, const int r,
                                const int cj)
{
    blas_int full = rows / r, rem = rows - full * r;
    size_t sliver = (size_t)r * cols;
    for (blas_int p0 = 0; p0 < cols; p0 += SB_PACK_PB) {
        blas_int np = cols - p0 < SB_PACK_PB ? cols - p0 : SB_PACK_PB;
        /* the next pass's source columns on their way: a large A comes from memory, and a column
         * of an mc-row block is a run too short for the hardware prefetcher (Zen 5, n = 1500, one
         * thread, best of 5 interleaved rounds, GFLOP/s without/with: d 102/103, s 207/216,
         * c 213/216, z 111/113; dgemm n = 2000 on 2 threads 208/219). Not for long columns: eight
         * columns of a whole B panel (nc rows, op(B) = B') outrun L1 before they are read (Xeon
         * 6/207, 344 x 1024 doubles packed from memory at 9.8 GB/s with, 12.2 without; 384 x 2048:
         * 7.5 / 11.7) */
        if (p0 + SB_PACK_PB < cols && (size_t)rows * sizeof(sb_t) <= SB_PACK_PREFETCH_MAX) {
            blas_int nq = cols - p0 - SB_PACK_PB < SB_PACK_PB ? cols - p0 - SB_PACK_PB : SB_PACK_PB;
            for (blas_int q = 0; q < nq; q++) {
                const char *col = (const char *)(x + (size_t)(p0 + SB_PACK_PB + q) * ldx);
                for (size_t off = 0; off < (size_t)rows * sizeof(sb_t); off += 64) __builtin_prefetch(col + off, 0, 3);
            }
        }
        for (blas_int s = 0; s <= full; s++) {
            blas_int ib = s < full ? r : rem;
            if (ib == 0) break;
            const sb_t *sp = x + (size_t)s * r + (size_t)p0 * ldx;
            sb_t *dp = buf + (size_t)s * sliver + (size_t)p0 * r;
            for (blas_int p = 0; p < np; p++, sp += ldx, dp += r) {
                if (ib < r) {
                    for (blas_int i = 0; i < ib; i++) dp[i] = cj ? sb_conj(sp[i]) : sp[i];
                    for (blas_int i = ib; i < r; i++) dp[i] = 0;
                } else if (cj) {
                    for (int i = 0; i < r; i++) dp[i] = sb_conj(sp[i]);
                } else {
                    memcpy(dp, sp, sizeof(sb_t) * (size_t)r); /* fixed size for the constant r */
                }
            }
        }
    }
}

/* buf[s*r*cols + p*r + i] = op(x)(s*r + i, p), op(x)(i, p) = x[p + i*ldx] (conjugated if cj). */
SB_PACK_INLINE void pack_cont_p(blas_int rows, blas_int cols, const sb_t *x, blas_int ldx, sb_t *buf, const int r,
                                const int cj)
{
    blas_int s0;
    for (s0 = 0; s0 + r <= rows; s0 += r) {
        const sb_t *src = x + (size_t)s0 * ldx;
        for (blas_int p = 0; p < cols; p++) {
            sb_t *dp = buf + (size_t)p * r;
            if (cj)
                for (int i = 0; i < r; i++) dp[i] = sb_conj(src[p + (size_t)i * ldx]);
            else
#pragma GCC unroll 16
                for (int i = 0; i < r; i++) dp[i] = src[p + (size_t)i * ldx];
        }
        buf += (size_t)r * cols;
    }
    if (s0 < rows) {
        blas_int ib = rows - s0;
        const sb_t *src = x + (size_t)s0 * ldx;
        for (blas_int p = 0; p < cols; p++) {
            sb_t *dp = buf + (size_t)p * r;
            for (blas_int i = 0; i < ib; i++) dp[i] = cj ? sb_conj(src[p + (size_t)i * ldx]) : src[p + (size_t)i * ldx];
            for (blas_int i = ib; i < r; i++) dp[i] = 0;
        }
    }
}

#define SB_PACK_CASE(fn, R, CJ)                                                                      \
    case R:                                                                                          \
        fn(rows, cols, x, ldx, buf, R, CJ);                                                          \
        return;

/* Instantiations with a constant r for the register blocks in use (kernels.h), else any r. */
#define SB_PACK_DISPATCH(fn, CJ)                                                                     \
    switch (r) {                                                                                     \
        SB_PACK_CASE(fn, 3, CJ)                                                                      \
        SB_PACK_CASE(fn, 4, CJ)                                                                      \
        SB_PACK_CASE(fn, 6, CJ)                                                                      \
        SB_PACK_CASE(fn, 8, CJ)                                                                      \
        SB_PACK_CASE(fn, 12, CJ)                                                                     \
        SB_PACK_CASE(fn, 16, CJ)                                                                     \
        SB_PACK_CASE(fn, 24, CJ)                                                                     \
        SB_PACK_CASE(fn, 48, CJ)                                                                     \
    default:                                                                                         \
        fn(rows, cols, x, ldx, buf, r, CJ);                                                          \
        return;                                                                                      \
    }

/* Rows of op(X) (rows x cols) in slivers of r rows: buf[s*r*cols + p*r + i] = op(X)(s*r + i, p). */
static void pack_rows(char trans, blas_int rows, blas_int cols, const sb_t *x, blas_int ldx, sb_t *buf, int r)
{
    if (rows <= 0 || cols <= 0) return;
    int notrans = trans == 'N' || trans == 'R';
#if SB_IS_COMPLEX
    int cj = trans == 'C' || trans == 'R';
    if (cj) {
        if (notrans) SB_PACK_DISPATCH(pack_cont_i, 1)
        else SB_PACK_DISPATCH(pack_cont_p, 1)
    }
#endif
    if (notrans) SB_PACK_DISPATCH(pack_cont_i, 0)
    else SB_PACK_DISPATCH(pack_cont_p, 0)
}

void SB_PACK_A_NAME(char trans, blas_int m, blas_int k, const sb_t *a, blas_int lda, sb_t *buf, int mr)
{
    pack_rows(trans, m, k, a, lda, buf, mr);
}

/* Columns of op(B) are the rows of op(B)^T, which is B under the opposite transposition. */
void SB_PACK_B_NAME(char trans, blas_int k, blas_int n, const sb_t *b, blas_int ldb, sb_t *buf, int nr)
{
    char flip = trans == 'N' ? 'T' : trans == 'T' ? 'N' : trans == 'C' ? 'R' : 'C';
    pack_rows(flip, n, k, b, ldb, buf, nr);
}
