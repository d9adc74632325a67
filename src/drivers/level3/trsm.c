/* trsm: op(A)*X = alpha*B (side 'L') or X*op(A) = alpha*B (side 'R'), X overwrites B.
 *
 * Recursive over A on the whole of B: A is split in two near the middle (at a multiple of 16),
 * one half is solved, the coupling block goes through one large gemm over all right-hand sides
 * (gemm splits it over the threads itself), then the other half. A diagonal block of order
 * <= TRSM_PK is solved by a packed macro-kernel in the style of BLIS's gemmtrsm, in the form
 * Y * D = T for both sides (side 'L' transposed: Y = X^T, D = op(A)^T): the part of D each tile
 * reads is packed once in the gemm microkernel's B format, and the right-hand sides are walked
 * MR at a time; per tile of NR unknowns, the kernel table's trsm_ukr takes alpha*B minus the
 * unknowns already solved (a packed sliver the kernel itself fills) times their coupling rows
 * of D through the gemm microkernel, then solves the tile's small triangle on whole columns of
 * MR right-hand sides (vector code), dividing by the diagonal as the reference does (the avx2
 * kernels multiply by its reciprocal where that is a normal number, kernels.h). The
 * right-hand sides of a diagonal block are cut into equal shares (columns for side 'L', rows for
 * side 'R') that run in parallel; every element is computed by the same arithmetic whatever share
 * holds it, and the recursion points and gemm calls depend only on the problem, so the result is
 * bitwise the same at every thread count.
 * Without memory for the packed buffers the unpacked recursive solver below is used. One or two
 * right-hand sides are solved by trsv instead (few_rhs). */
#include <stdlib.h>

#include "drivers/level3.h"
#include "drivers/level3_structured.h"
#include "drivers/level3/triangular_operand.h"
#include "drivers/level2_updates.h"
#include "kernels/kernels.h"
#include "kernels/workspace.h"
#include "runtime/parallel.h"

/* Order of the diagonal blocks the packed macro-kernel solves. 512 rather than 256: on the Xeon
 * 6/207 (avx512 set, one thread, best of 5) left solves gain 2-7% (dtrsm LLN n = 1024 60.3 ->
 * 63.7 GFLOP/s, 2048 64.7 -> 67.4, 300 41.5 -> 46.2), right ones stay within noise. */
#ifndef SB_TRSM_PK
#define SB_TRSM_PK 512
#endif
enum { TRSM_BASE = 32, TRSM_PK = SB_TRSM_PK };

/* A left solve of up to this order is one packed block, with no recursion and so no coupling
 * gemm: for side 'L' that gemm packs the solved rows of B, the gemm's B operand, with a
 * transposing gather over all right-hand sides, and runs on an m/2-deep product. On the Xeon 6/207
 * (avx512, one thread, best of 8 interleaved, ld = m) at m = n = 1024: LLN 61.0 -> 64.7 GFLOP/s, LLT
 * 62.8 -> 65.4, LUN 62.3 -> 63.4, LUT 62.7 -> 65.5; m = 700, n = 1024 55.7 -> 60.6. Not for side
 * 'R' (its coupling gemm packs B contiguously; RUT 1024 lost 4%), nor as the block order of
 * larger left solves (m = 2048 in blocks of 1024: -0.2% to -1.5%), nor with few right-hand sides
 * (n < m/4), where the packed triangle is not amortized: m = 1000, n = 50 lost 8%, n = 100 3%
 * (m = 1024, n = 256 gained 1.7%, m = 800, n = 200 1.5%). */
enum { TRSM_PK_LEFT_WHOLE = 1024 };

/* On several threads the right-hand sides of a diagonal block go in parts of whole groups of MR,
 * up to this many parts per thread, taken first come first served (the pool hands them out).
 * A worker woken from sleep starts 40-60 µs after the wake on the 2-vCPU Xeon 6 model 207 (KVM):
 * with one part per thread the caller, done with its own, waited for the worker's whole part
 * (dgetrs n = 200 with 100 right-hand sides, numpy's solve: 25 µs a call); with small parts it
 * has taken most of them by the time the worker comes, and waits at most for one. Each
 * element's arithmetic is the same in any part, so the bits do not depend on who runs what.
 * 16 rather than 4: a thread waits at the end for up to one part, and at dtrsm m = n = 1024 (one
 * packed block, 43 groups of 24 right-hand sides, about 0.37 ms of one core each) 8 parts on 2
 * threads were 5-6 groups, up to 2 ms (one thread's share is 8 ms); 32 parts are 1-2 groups.
 * Problems of up to 4 groups a thread are cut as before, a group a part. */
enum { PK_PARTS_PER_THREAD = 16 };


/* op(A) of a diagonal block of order m <= TRSM_BASE as a dense tile (ld TRSM_BASE): zeros outside
 * the triangle, the diagonal left unset (and A's never read) when it is a unit diagonal. */
static void op_tile(const tr_ctx *x, blas_int m, const sb_t *a, sb_t *t)
{
    for (blas_int l = 0; l < m; l++)
        for (blas_int i = 0; i < m; i++) {
            int in = x->lower ? i > l : i < l;
            if (i == l) in = x->diag != 'U';
            t[i + l * TRSM_BASE] = in ? opa(x, a, i, l) : 0;
        }
}

/* Side 'L', order m <= TRSM_BASE, nc columns: substitution down (op(A) lower) or up the columns. */
static void base_left(const tr_ctx *x, blas_int m, blas_int nc, sb_t alpha, const sb_t *a, sb_t *b)
{
    sb_t t[TRSM_BASE * TRSM_BASE];
    op_tile(x, m, a, t);
    int unit = x->diag == 'U';
    for (blas_int j = 0; j < nc; j++) {
        sb_t *bj = b + (size_t)j * x->ldb;
        if (alpha != 1)
            for (blas_int i = 0; i < m; i++) bj[i] = alpha * bj[i];
        for (blas_int ll = 0; ll < m; ll++) {
            blas_int l = x->lower ? ll : m - 1 - ll;
            if (!unit) bj[l] = bj[l] / t[l + l * TRSM_BASE];
            sb_t v = bj[l];
            const sb_t *tl = t + l * TRSM_BASE;
            if (x->lower)
                for (blas_int i = l + 1; i < m; i++) bj[i] -= v * tl[i];
            else
                for (blas_int i = 0; i < l; i++) bj[i] -= v * tl[i];
        }
    }
}

/* Side 'R', order n <= TRSM_BASE, mr rows: X*op(A) = alpha*B column by column. */
static void base_right(const tr_ctx *x, blas_int n, blas_int mr, sb_t alpha, const sb_t *a, sb_t *b)
{
    int unit = x->diag == 'U';
    for (blas_int jj = 0; jj < n; jj++) {
        blas_int j = x->lower ? n - 1 - jj : jj;
        sb_t *bj = b + (size_t)j * x->ldb;
        if (alpha != 1)
            for (blas_int i = 0; i < mr; i++) bj[i] = alpha * bj[i];
        /* op(A) upper: columns l < j are solved; lower: l > j */
        blas_int l0 = x->lower ? j + 1 : 0, l1 = x->lower ? n : j;
        for (blas_int l = l0; l < l1; l++) {
            sb_t f = opa(x, a, l, j);
            const sb_t *bl = b + (size_t)l * x->ldb;
            for (blas_int i = 0; i < mr; i++) bj[i] -= bl[i] * f;
        }
        if (!unit) {
            sb_t d = opa(x, a, j, j);
            for (blas_int i = 0; i < mr; i++) bj[i] = bj[i] / d;
        }
    }
}

static void solve_left(const tr_ctx *x, blas_int m, blas_int nc, sb_t alpha, const sb_t *a, sb_t *b)
{
    if (m <= TRSM_BASE) {
        base_left(x, m, nc, alpha, a, b);
        return;
    }
    blas_int m1 = split(m), m2 = m - m1;
    const sb_t *a22 = a + m1 + (size_t)m1 * x->lda;
    if (x->lower) {
        solve_left(x, m1, nc, alpha, a, b);
        SB_NAME(gemm)(x->trans, 'N', m2, nc, m1, -1, op21(x, a, m1), x->lda, b, x->ldb, alpha, b + m1, x->ldb);
        solve_left(x, m2, nc, 1, a22, b + m1);
    } else {
        solve_left(x, m2, nc, alpha, a22, b + m1);
        SB_NAME(gemm)(x->trans, 'N', m1, nc, m2, -1, op12(x, a, m1), x->lda, b + m1, x->ldb, alpha, b, x->ldb);
        solve_left(x, m1, nc, 1, a, b);
    }
}

static void solve_right(const tr_ctx *x, blas_int n, blas_int mr, sb_t alpha, const sb_t *a, sb_t *b)
{
    if (n <= TRSM_BASE) {
        base_right(x, n, mr, alpha, a, b);
        return;
    }
    blas_int n1 = split(n), n2 = n - n1;
    const sb_t *a22 = a + n1 + (size_t)n1 * x->lda;
    sb_t *b2 = b + (size_t)n1 * x->ldb;
    if (!x->lower) {
        solve_right(x, n1, mr, alpha, a, b);
        SB_NAME(gemm)('N', x->trans, mr, n2, n1, -1, b, x->ldb, op12(x, a, n1), x->lda, alpha, b2, x->ldb);
        solve_right(x, n2, mr, 1, a22, b2);
    } else {
        solve_right(x, n2, mr, alpha, a22, b2);
        SB_NAME(gemm)('N', x->trans, mr, n1, n2, -1, b2, x->ldb, op21(x, a, n1), x->lda, alpha, b, x->ldb);
        solve_right(x, n1, mr, 1, a, b);
    }
}

/* ---- packed macro-kernel for one diagonal block ----
 * Both sides are solved in the form Y * D = T of the kernel table's trsm_ukr: side 'R' is that with
 * Y = X (rows of B are right-hand sides) and D = op(A); side 'L' is its transpose, Y = X^T (columns
 * of B are right-hand sides, read and written through swapped strides) and D = op(A)^T, upper when
 * op(A) is lower. So each register tile holds MR right-hand sides by NR unknowns, and the
 * substitution runs on whole columns of the tile (vectors of MR right-hand sides). */

typedef struct {
    const tr_ctx *x;
    const sb_gemm_kernels_t *kt;
    blas_int nb;    /* order of the diagonal block */
    blas_int nrhs;  /* right-hand sides: columns (side 'L') or rows (side 'R') of B */
    blas_int rs, cs; /* Y(p, j) at b[p*rs + j*cs]: p a right-hand side, j an unknown */
    int upper, unit; /* D upper triangular; unit diagonal */
    sb_t alpha;
    const sb_t *a;  /* the diagonal block of A */
    sb_t *b;        /* its rows (side 'L') or columns (side 'R') of B */
    const sb_t *dpk; /* D packed in pack_b format (slivers of NR columns), see pack_d */
    const size_t *drow0; /* row p of sliver s at dpk + drow0[s] + p*NR (the rows it holds) */
    const sb_t *dt;  /* diagonal tiles of D: tile s at dt + s*NR*NR, D(l, j) at l + j*NR */
} pk_ctx;

static void *pk_alloc(size_t elems)
{
    void *p = NULL;
    if (posix_memalign(&p, 64, (elems ? elems : 1) * sizeof(sb_t)) != 0) return NULL;
    return p;
}

/* Part `part` of nparts: an equal share of the right-hand sides in whole groups of MR (the last
 * group may be short), so every part starts on a multiple of MR; per MR right-hand sides, the
 * tiles of NR unknowns from the first solved to the last. Each tile gets alpha*B minus the solved unknowns (the packed sliver `ys`,
 * MR right-hand sides in the packed A format) times their coupling rows of D, then its own
 * triangle solved, written back to B and into its place in the sliver. */
static void pk_part(void *ctx, int part, int nparts)
{
    const pk_ctx *p = ctx;
    const tr_ctx *x = p->x;
    const blas_int MR = p->kt->mr, NR = p->kt->nr, nb = p->nb, rs = p->rs, cs = p->cs;
    const blas_int nsl = (nb + NR - 1) / NR;
    const blas_int groups = (p->nrhs + MR - 1) / MR;
    const blas_int r0 = (blas_int)((long long)groups * part / nparts) * MR;
    const blas_int r1 = SB_MIN(p->nrhs, (blas_int)((long long)groups * (part + 1) / nparts) * MR);
    if (r1 <= r0) return;
    sb_t *ys = pk_alloc((size_t)nsl * NR * MR); /* whole tiles: trsm_ukr may write all NR columns */
    if (!ys) {
        if (x->side == 'L') solve_left(x, nb, r1 - r0, p->alpha, p->a, p->b + (size_t)r0 * x->ldb);
        else solve_right(x, nb, r1 - r0, p->alpha, p->a, p->b + r0);
        return;
    }
    for (blas_int ir = r0; ir < r1; ir += MR) {
        blas_int mr = SB_MIN(MR, r1 - ir);
        sb_t *br = p->b + (size_t)ir * rs;
        for (blas_int t = 0; t < nsl; t++) {
            blas_int sj = p->upper ? t : nsl - 1 - t;
            blas_int j0 = sj * NR, nr = SB_MIN(NR, nb - j0);
            blas_int k = p->upper ? j0 : nb - j0 - nr;
            blas_int o = p->upper ? 0 : j0 + nr;
            p->kt->trsm_ukr(k, p->alpha, ys + (size_t)o * MR, p->dpk + (p->drow0[sj] + (size_t)o * NR),
                            p->dt + (size_t)sj * NR * NR, p->upper, p->unit, br + (size_t)j0 * cs, rs, cs, mr,
                            nr, ys + (size_t)j0 * MR);
        }
    }
    free(ys);
}

/* Slivers of D packed together, one pack_b call per group: its rows are read along whole runs of
 * PACK_D_GROUP*NR elements (per sliver they were read NR at a time, a cache line per column of A,
 * each in another page); the group's rows are those any of its slivers reads. */
enum { PACK_D_GROUP = 8 };

/* Elements of the packed D (pack_d's layout) for a block of order nb. */
static size_t pack_d_size(blas_int nb, blas_int NR, int upper)
{
    const blas_int nsl = (nb + NR - 1) / NR;
    size_t total = 0;
    for (blas_int g0 = 0; g0 < nsl; g0 += PACK_D_GROUP) {
        blas_int g1 = SB_MIN(nsl, g0 + PACK_D_GROUP);
        /* upper: sliver s reads rows [0, s*NR); lower: rows [(s+1)*NR, nb) */
        blas_int p0 = upper ? 0 : SB_MIN(nb, (g0 + 1) * NR), p1 = upper ? (g1 - 1) * NR : nb;
        total += (size_t)(g1 - g0) * NR * (size_t)(p1 - p0);
    }
    return total;
}

/* Where pack_d puts each sliver: row p of sliver s at dpk[drow0[s] + p*NR]; groups of
 * PACK_D_GROUP slivers one after another, each with the rows any of its slivers reads. */
static void pack_d_layout(blas_int nb, blas_int NR, int upper, size_t *drow0)
{
    const blas_int nsl = (nb + NR - 1) / NR;
    size_t at = 0;
    for (blas_int g0 = 0; g0 < nsl; g0 += PACK_D_GROUP) {
        blas_int g1 = SB_MIN(nsl, g0 + PACK_D_GROUP);
        blas_int p0 = upper ? 0 : SB_MIN(nb, (g0 + 1) * NR), p1 = upper ? (g1 - 1) * NR : nb;
        for (blas_int s = g0; s < g1; s++) drow0[s] = at + (size_t)(s - g0) * NR * (size_t)(p1 - p0) - (size_t)p0 * NR;
        at += (size_t)(g1 - g0) * NR * (size_t)(p1 - p0);
    }
}

typedef struct {
    const tr_ctx *x;
    const sb_gemm_kernels_t *kt;
    blas_int nb;
    const sb_t *a;
    char dtrans;
    int upper;
    sb_t *dpk;
    const size_t *drow0;
} pack_d_ctx;

/* Part `part` of nparts of the packing of D = op(A) (side 'R') or op(A)^T (side 'L', dtrans):
 * an equal share of the groups, each packed by one pack_b call into its place (pack_d_layout).
 * Packing copies values, so who packs what changes no bit. */
static void pack_d_part(void *ctx, int part, int nparts)
{
    const pack_d_ctx *c = ctx;
    const tr_ctx *x = c->x;
    const blas_int NR = c->kt->nr, nb = c->nb, nsl = (nb + NR - 1) / NR;
    const blas_int ng = (nsl + PACK_D_GROUP - 1) / PACK_D_GROUP;
    /* D(p, j) as stored: op(A)(p, j) for side 'R', op(A)(j, p) for side 'L' */
    const int dn = c->dtrans == 'N' || c->dtrans == 'R';
    for (blas_int g = (blas_int)((long long)ng * part / nparts); g < (blas_int)((long long)ng * (part + 1) / nparts); g++) {
        blas_int g0 = g * PACK_D_GROUP, g1 = SB_MIN(nsl, g0 + PACK_D_GROUP);
        blas_int o = g0 * NR, w = SB_MIN(nb, g1 * NR) - o;
        blas_int p0 = c->upper ? 0 : SB_MIN(nb, (g0 + 1) * NR), p1 = c->upper ? (g1 - 1) * NR : nb;
        if (p1 > p0)
            c->kt->pack_b(c->dtrans, p1 - p0, w, dn ? c->a + p0 + (size_t)o * x->lda : c->a + o + (size_t)p0 * x->lda,
                          x->lda, c->dpk + (c->drow0[g0] + (size_t)p0 * NR), (int)NR);
    }
}

/* Solves the diagonal block of order nb (at a) against all right-hand sides (at b). */
static void pk_block(const tr_ctx *x, const sb_gemm_kernels_t *kt, blas_int nb, sb_t alpha, const sb_t *a, sb_t *b)
{
    const int left = x->side == 'L';
    const blas_int NR = kt->nr;
    const blas_int nsl = (nb + NR - 1) / NR;
    const blas_int nrhs = left ? x->n : x->m;
    /* D = op(A) (side 'R') or op(A)^T (side 'L') */
    char dtrans = x->trans;
    if (left) dtrans = x->trans == 'N' ? 'T' : x->trans == 'T' ? 'N' : 'R';
    const int upper = left ? x->lower : !x->lower;
    const size_t dsize = pack_d_size(nb, NR, upper);
    /* from the thread's cached workspace: a fresh buffer of this size (4 MiB at nb = 1024, d)
     * cost page faults on every call, 3-4% of dtrsm n = 1024 on one thread */
    int owned;
    sb_t *dpk = sb_workspace_get((dsize + (size_t)nsl * NR * NR) * sizeof(sb_t), &owned);
    size_t *drow0 = malloc((size_t)nsl * sizeof(size_t));
    if (!dpk || !drow0) {
        if (dpk) sb_workspace_put(dpk, owned);
        free(drow0);
        if (left) solve_left(x, nb, nrhs, alpha, a, b);
        else solve_right(x, nb, nrhs, alpha, a, b);
        return;
    }
    sb_t *dt = dpk + dsize;
    double flops = (double)nb * (double)nb * (double)nrhs * (SB_IS_COMPLEX ? 4.0 : 1.0);
    int nt = sb_threads_for_compute(flops);
    /* D packed on the same threads as the solve: done on the caller alone it was 3.6% of dtrsm
     * LLN m = n = 1024 on one thread, about 7% of the time on two */
    pack_d_layout(nb, NR, upper, drow0);
    pack_d_ctx pc = {.x = x, .kt = kt, .nb = nb, .a = a, .dtrans = dtrans, .upper = upper, .dpk = dpk, .drow0 = drow0};
    blas_int dgroups = (nsl + PACK_D_GROUP - 1) / PACK_D_GROUP;
    int dparts = nt <= 1 ? 1 : (int)SB_MIN(dgroups, (blas_int)PK_PARTS_PER_THREAD * nt);
    sb_parallel_run_writing_on(nt, dparts, pack_d_part, &pc, dpk, sizeof(sb_t), (long)dsize, 1, (long)dsize);
    for (blas_int s = 0; s < nsl; s++) {
        blas_int o = s * NR, w = SB_MIN(NR, nb - o);
        sb_t *d = dt + (size_t)s * NR * NR;
        for (blas_int j = 0; j < NR; j++)
            for (blas_int l = 0; l < NR; l++) {
                int in = l < w && j < w && (upper ? l < j : l > j);
                if (l == j && l < w && x->diag != 'U') in = 1;
                d[l + j * NR] = !in ? 0 : left ? opa(x, a, o + j, o + l) : opa(x, a, o + l, o + j);
            }
    }
    pk_ctx p = {.x = x, .kt = kt, .nb = nb, .nrhs = nrhs, .rs = left ? x->ldb : 1, .cs = left ? 1 : x->ldb,
                .upper = upper, .unit = x->diag == 'U', .alpha = alpha, .a = a, .b = b, .dpk = dpk, .drow0 = drow0, .dt = dt};
    blas_int groups = (nrhs + kt->mr - 1) / kt->mr;
    int nparts = nt <= 1 ? 1 : (int)SB_MIN(groups, (blas_int)PK_PARTS_PER_THREAD * nt);
    sb_parallel_run_writing_on(nt, nparts, pk_part, &p, x->b, sizeof(sb_t), x->m, x->n, x->ldb);
    sb_workspace_put(dpk, owned);
    free(drow0);
}

/* The recursion on the whole of B. */
static void rec_left(const tr_ctx *x, const sb_gemm_kernels_t *kt, blas_int m, sb_t alpha, const sb_t *a, sb_t *b)
{
    if (m <= TRSM_PK) {
        pk_block(x, kt, m, alpha, a, b);
        return;
    }
    blas_int m1 = split(m), m2 = m - m1, nc = x->n;
    const sb_t *a22 = a + m1 + (size_t)m1 * x->lda;
    if (x->lower) {
        rec_left(x, kt, m1, alpha, a, b);
        SB_NAME(gemm)(x->trans, 'N', m2, nc, m1, -1, op21(x, a, m1), x->lda, b, x->ldb, alpha, b + m1, x->ldb);
        rec_left(x, kt, m2, 1, a22, b + m1);
    } else {
        rec_left(x, kt, m2, alpha, a22, b + m1);
        SB_NAME(gemm)(x->trans, 'N', m1, nc, m2, -1, op12(x, a, m1), x->lda, b + m1, x->ldb, alpha, b, x->ldb);
        rec_left(x, kt, m1, 1, a, b);
    }
}

static void rec_right(const tr_ctx *x, const sb_gemm_kernels_t *kt, blas_int n, sb_t alpha, const sb_t *a, sb_t *b)
{
    if (n <= TRSM_PK) {
        pk_block(x, kt, n, alpha, a, b);
        return;
    }
    blas_int n1 = split(n), n2 = n - n1, mr = x->m;
    const sb_t *a22 = a + n1 + (size_t)n1 * x->lda;
    sb_t *b2 = b + (size_t)n1 * x->ldb;
    if (!x->lower) {
        rec_right(x, kt, n1, alpha, a, b);
        SB_NAME(gemm)('N', x->trans, mr, n2, n1, -1, b, x->ldb, op12(x, a, n1), x->lda, alpha, b2, x->ldb);
        rec_right(x, kt, n2, 1, a22, b2);
    } else {
        rec_right(x, kt, n2, alpha, a22, b2);
        SB_NAME(gemm)('N', x->trans, mr, n1, n2, -1, b2, x->ldb, op21(x, a, n1), x->lda, alpha, b, x->ldb);
        rec_right(x, kt, n1, 1, a, b);
    }
}

/* A few right-hand sides (side 'L': columns of B; side 'R': rows) are solved one by one by trsv,
 * which reads the triangle where it lies: packing it for the diagonal-block kernel cost more
 * than the solve itself (numpy's solve with a vector b is dgetrs with one). EPYC family 25 model 1
 * (Zen 3), one thread, CPU time, GFLOP/s packed -> trsv (OpenBLAS): dtrsm L L N U m = 200, one
 * right-hand side 1.6 -> 6.3 (2.9), two 2.9 -> 6.4 (4.4), four 5.3 -> 6.1; m = 1000, one 3.9 ->
 * 7.1 (3.6), two 6.6 -> 7.7, four 14.3 -> 8.5; m = 64, four 4.2 both. The choice depends on the
 * shape alone, so the bits are the same at every thread count. */
#ifndef TRSM_FEW_RHS
#define TRSM_FEW_RHS 2
#endif

static void few_rhs(const tr_ctx *x)
{
    const int left = x->side == 'L';
    /* side 'R': x^T op(A) = b^T is op(A)^T x = b */
    int tr = x->trans == 'N' ? SB_TR_N : x->trans == 'T' ? SB_TR_T : SB_TR_C;
    if (!left) tr = x->trans == 'N' ? SB_TR_T : x->trans == 'T' ? SB_TR_N : SB_TR_R;
    blas_int count = left ? x->n : x->m, len = left ? x->m : x->n, inc = left ? 1 : x->ldb;
    for (blas_int v = 0; v < count; v++) {
        sb_t *rhs = left ? x->b + (size_t)v * x->ldb : x->b + v;
        if (x->alpha != 1) /* B := alpha*B first, as the reference */
            for (blas_int i = 0; i < len; i++) rhs[(size_t)i * inc] *= x->alpha;
        SB_NAME(trsv)(x->uplo == 'U', tr, x->diag == 'U', len, x->a, x->lda, rhs, inc);
    }
}

void SB_NAME(trsm)(char side, char uplo, char transa, char diag, blas_int m, blas_int n, sb_t alpha,
                   const sb_t *a, blas_int lda, sb_t *b, blas_int ldb)
{
    if (m <= 0 || n <= 0) return;
    if (alpha == 0) {
        SB_NAME(l3s_scale_rect)(m, n, 0, b, ldb);
        return;
    }
    if (!SB_IS_COMPLEX && transa == 'C') transa = 'T';
    tr_ctx x = {side, uplo, transa, diag, (uplo == 'L') == (transa == 'N'), m, n, 0, 0, alpha, a, lda, b, ldb};
    if ((side == 'L' ? n : m) <= TRSM_FEW_RHS) {
        few_rhs(&x);
        return;
    }
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    if (side == 'L' && m <= TRSM_PK_LEFT_WHOLE && n >= m / 4) pk_block(&x, kt, m, alpha, a, b);
    else if (side == 'L') rec_left(&x, kt, m, alpha, a, b);
    else rec_right(&x, kt, n, alpha, a, b);
}
