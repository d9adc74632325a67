/* gemm: C := alpha*op(A)*op(B) + beta*C, BLIS-style: the five loops around the microkernel
 * (gemm_loops.c) on blocks of C.
 * Parallel: C is cut into a grid of pm x pn blocks (over m and n only); each part runs the five
 * loops on its block with its own packing buffers. The k loop is the same for every element at
 * every thread count and the microkernel's arithmetic does not depend on a tile's position, so
 * the result is bitwise the same whatever the number of parts. */
#include <stdlib.h>
#include <string.h>

#include "drivers/level3.h"
#include "drivers/level3/gemm_small.h"
#include "kernels/kernels.h"
#include "kernels/workspace.h"
#include "runtime/parallel.h"

void SB_NAME(gemm_scale)(blas_int m, blas_int n, sb_t beta, sb_t *c, blas_int ldc)
{
    if (beta == 1) return;
    for (blas_int j = 0; j < n; j++) {
        sb_t *cj = c + (size_t)j * ldc;
        if (beta == 0)
            for (blas_int i = 0; i < m; i++) cj[i] = 0;
        else
            for (blas_int i = 0; i < m; i++) cj[i] = beta * cj[i];
    }
}

/* The small kernel reads A down its columns (and gemm_simple sums in order only then): op(A)
 * transposed or conjugated is copied first as a column-major m x k matrix, by pack_a with one
 * sliver of m rows (its vector transposes), on the stack when it is small, else in the packing
 * workspace; then the small kernel (simple = 0) or gemm_simple runs on it. Returns 0 (nothing
 * done) when no memory was found. The copy costs m*k moves against the m*n*k multiply-adds, and
 * packing would copy A as well. */
static __attribute__((noinline)) int gemm_copied_a(const sb_gemm_kernels_t *kt, int simple, char transa, char transb,
                                                  blas_int m, blas_int n, blas_int k, const sb_t *alpha, const sb_t *a,
                                                  blas_int lda, const sb_t *b, blas_int ldb, const sb_t *beta, sb_t *c,
                                                  blas_int ldc)
{
    _Alignas(64) sb_t local[8192 / sizeof(sb_t)];
    size_t elems = (size_t)m * (size_t)k;
    int owned = 0;
    sb_t *buf = elems <= sizeof local / sizeof local[0] ? local : sb_workspace_get(elems * sizeof(sb_t), &owned);
    if (!buf) return 0;
    /* up to 4 x 4 a plain loop costs less than the call (dgemm TN 22 -> 24M calls/s; 8 x 8: 3% slower) */
    if (elems <= 16 && transa != 'R') {
        for (blas_int i = 0; i < m; i++)
            for (blas_int l = 0; l < k; l++) {
                sb_t v = a[l + (size_t)i * lda];
                buf[i + (size_t)l * m] = transa == 'C' ? sb_conj(v) : v;
            }
    } else
        kt->pack_a(transa, m, k, a, lda, buf, (int)m);
    if (simple) SB_NAME(gemm_simple)('N', transb, m, n, k, *alpha, buf, m, b, ldb, *beta, c, ldc, NULL);
    else kt->small(m, n, k, alpha, buf, m, transb, b, ldb, beta, c, ldc);
    if (buf != local) sb_workspace_put(buf, owned);
    return 1;
}

typedef struct {
    const sb_gemm_kernels_t *kt;
    char ta, tb;
    blas_int m, n, k;
    sb_t alpha, beta;
    const sb_t *a, *b;
    sb_t *c;
    blas_int lda, ldb, ldc;
    int pm, pn;
    const sb_l3_sym *sym; /* symm: A (sym_side 'L') or B ('R') is this symmetric matrix */
    char sym_side;
} gemm_job;

/* Start of piece i of n elements cut into p pieces, on multiples of r. */
static blas_int cut(blas_int n, int p, int i, blas_int r)
{
    if (i >= p) return n;
    blas_int units = (n + r - 1) / r;
    blas_int s = (blas_int)((long long)units * i / p) * r;
    return SB_MIN(s, n);
}

static void gemm_part(void *ctx, int part, int nparts)
{
    const gemm_job *g = ctx;
    (void)nparts;
    int pi = part % g->pm, pj = part / g->pm;
    blas_int i0 = cut(g->m, g->pm, pi, g->kt->mr), i1 = cut(g->m, g->pm, pi + 1, g->kt->mr);
    blas_int j0 = cut(g->n, g->pn, pj, g->kt->nr), j1 = cut(g->n, g->pn, pj + 1, g->kt->nr);
    if (i1 <= i0 || j1 <= j0) return;
    if (g->sym) {
        sb_l3_sym s = *g->sym; /* the part's block of the symmetric operand */
        const sb_t *x = g->sym_side == 'L' ? g->b + (size_t)j0 * g->ldb : g->a + i0;
        if (g->sym_side == 'L') s.r0 += i0;
        else s.c0 += j0;
        SB_NAME(gemm_block_sym)(g->sym_side, &s, i1 - i0, j1 - j0, g->k, g->alpha, x,
                                g->sym_side == 'L' ? g->ldb : g->lda, g->beta, g->c + i0 + (size_t)j0 * g->ldc, g->ldc);
        return;
    }
    const sb_t *a = sb_l3_op_at(g->ta, g->a, g->lda, i0, 0), *b = sb_l3_op_at(g->tb, g->b, g->ldb, 0, j0);
    /* A part within the small kernel's sizes (gemm_small.h) takes it, with the same bits: a part
     * that a late worker leaves to the caller then costs what the one-thread call does (dgemm 128
     * on 2 threads after a pause, Zen 5 VM: median 85-94 us, against about 50 on one thread,
     * with each half packed) */
    if (gemm_small_in_size(g->kt, g->ta, i1 - i0, j1 - j0, g->k)) {
        g->kt->small(i1 - i0, j1 - j0, g->k, &g->alpha, a, g->lda, g->tb, b, g->ldb, &g->beta,
                     g->c + i0 + (size_t)j0 * g->ldc, g->ldc);
        return;
    }
    SB_NAME(gemm_block)(g->ta, g->tb, i1 - i0, j1 - j0, g->k, g->alpha, a, g->lda, b, g->ldb, g->beta,
                        g->c + i0 + (size_t)j0 * g->ldc, g->ldc, NULL);
}

/* Grid pm x pn = nparts with blocks as square as possible (in units of MR x NR tiles). */
static void grid(int nparts, blas_int m, blas_int n, int mr, int nr, int *pm, int *pn)
{
    double best = -1;
    *pm = 1;
    *pn = nparts;
    for (int x = 1; x <= nparts; x++) {
        if (nparts % x) continue;
        int y = nparts / x;
        double tm = (double)((m + mr - 1) / mr), tn = (double)((n + nr - 1) / nr);
        if (tm < x || tn < y) continue; /* a part would get no tile */
        double bm = (double)m / x, bn = (double)n / y;
        double score = bm < bn ? bm / bn : bn / bm; /* 1 = square */
        if (score > best) best = score, *pm = x, *pn = y;
    }
    if (best < 0) *pm = *pn = 1;
}

/* Everything but the small calls of gemm below (m, n > 0; real trans letters normalized). */
static __attribute__((noinline)) void gemm_general(char transa, char transb, blas_int m, blas_int n, blas_int k,
                                                   sb_t alpha, const sb_t *a, blas_int lda, const sb_t *b,
                                                   blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (alpha == 0 || k <= 0) {
        SB_NAME(gemm_scale)(m, n, beta, c, ldc);
        return;
    }
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    double flops = (SB_IS_COMPLEX ? 8.0 : 2.0) * (double)m * (double)n * (double)k;
    /* small: no packing */
    if (kt->small && gemm_use_small(kt, transa, m, n, k)) {
        if (transa == 'N') {
            kt->small(m, n, k, &alpha, a, lda, transb, b, ldb, &beta, c, ldc);
            return;
        }
        if (gemm_copied_a(kt, 0, transa, transb, m, n, k, &alpha, a, lda, b, ldb, &beta, c, ldc)) return;
    }
    /* tiny, without a small kernel: in order as the packed path, so op(A) transposed is copied */
    if ((double)m * n * k <= 8.0 * 8 * 8 && k <= 16) {
        if (transa == 'N' || transa == 'R')
            SB_NAME(gemm_simple)(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, NULL);
        else if (!gemm_copied_a(kt, 1, transa, transb, m, n, k, &alpha, a, lda, b, ldb, &beta, c, ldc))
            SB_NAME(gemm_simple)(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, NULL);
        return;
    }
    int nparts = sb_threads_for_compute(flops);
    gemm_job g = {kt, transa, transb, m, n, k, alpha, beta, a, b, c, lda, ldb, ldc, 1, 1, NULL, 0};
    if (nparts > 1) grid(nparts, m, n, kt->mr, kt->nr, &g.pm, &g.pn);
    if (g.pm * g.pn <= 1) {
        SB_NAME(gemm_block)(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, NULL);
        return;
    }
    sb_parallel_run_writing(g.pm * g.pn, gemm_part, &g, c, sizeof(sb_t), m, n, ldc);
}

/* symm's product: gemm's grid and loops, the symmetric operand packed from its triangle. */
int SB_NAME(gemm_sym)(char side, const sb_l3_sym *sym, blas_int m, blas_int n, sb_t alpha, const sb_t *x,
                      blas_int ldx, sb_t beta, sb_t *c, blas_int ldc, int may_decline)
{
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    blas_int k = side == 'L' ? m : n;
    if (may_decline && kt->small && gemm_use_small(kt, 'N', m, n, k)) return 0;
    if (may_decline && (double)m * n * k <= 8.0 * 8 * 8 && k <= 16) return 0;
    const sb_t *a = side == 'L' ? NULL : x, *b = side == 'L' ? x : NULL;
    blas_int lda = side == 'L' ? 1 : ldx, ldb = side == 'L' ? ldx : 1;
    gemm_job g = {kt, 'N', 'N', m, n, k, alpha, beta, a, b, c, lda, ldb, ldc, 1, 1, sym, side};
    int nparts = sb_threads_for_compute((SB_IS_COMPLEX ? 8.0 : 2.0) * (double)m * (double)n * (double)k);
    if (nparts > 1) grid(nparts, m, n, kt->mr, kt->nr, &g.pm, &g.pn);
    sb_parallel_run_writing(g.pm * g.pn, gemm_part, &g, c, sizeof(sb_t), m, n, ldc);
    return 1;
}

/* The small kernel's calls first (op(A) other than A copied), in a function with no stack frame
 * of its own to set up; everything else in gemm_general. */
void SB_NAME(gemm)(char transa, char transb, blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                   blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (m <= 0 || n <= 0) return;
    if (!SB_IS_COMPLEX) {
        if (transa == 'C') transa = 'T';
        if (transa == 'R') transa = 'N';
        if (transb == 'C') transb = 'T';
        if (transb == 'R') transb = 'N';
    }
    if (transa == 'N') {
        if (gemm_small_nn(transb, m, n, k, &alpha, a, lda, b, ldb, &beta, c, ldc)) return;
    } else if (k > 0 && alpha != 0) {
        /* the set's own copy of op(A) for the small ones (gemm_small.h), else gemm_copied_a's */
        if (transa != 'R' && gemm_small_t(transa, transb, m, n, k, &alpha, a, lda, b, ldb, &beta, c, ldc)) return;
        const sb_gemm_kernels_t *kt = sb_gemm_kernels();
        if (kt->small && gemm_use_small(kt, transa, m, n, k) &&
            gemm_copied_a(kt, 0, transa, transb, m, n, k, &alpha, a, lda, b, ldb, &beta, c, ldc))
            return;
    }
    gemm_general(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
