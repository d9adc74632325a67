/* trmm: B := alpha*op(A)*B (side 'L') or alpha*B*op(A) (side 'R'), A triangular.
 *
 * Side 'L': one pass of the gemm loops around the triangle (left_pass below): B is packed once
 * per KC rows, as in gemm, its columns split over the threads.
 *
 * Side 'R': the same one pass, mirrored (right_pass below): B's rows are independent, so they
 * are split over the threads; op(A) is packed once per column block and KC step, B's rows once
 * per step. Up to order TRMM_PK it is one diagonal block done by a packed macro-kernel instead
 * (measured 1-7% faster at n = 256, Xeon family 6 model 207, one thread): op(A) expanded into a
 * dense block (zeros outside the triangle, ones on a unit diagonal) and packed once in the gemm
 * microkernel's format; each sliver of MR rows of B is packed while still original, and every
 * register tile of the result is then one microkernel call over the non-zero part of the
 * triangle only. Slivers are grouped into slabs, sized by the problem only, that run in
 * parallel; each element is computed the same way whatever slab holds it, so the result is
 * bitwise the same at every thread count. Without memory for the buffers the unpacked
 * recursive code below is used (for side 'L' too). */
#include <stdlib.h>

#include "drivers/level3.h"
#include "drivers/level3_structured.h"
#include "drivers/level3/triangular_operand.h"
#include "kernels/kernels.h"
#include "kernels/workspace.h"
#include "runtime/parallel.h"

/* TRMM_PK 256 (was 128): each level of the recursion packs all of B again, for side 'L' through a
 * transposing gather; one level less made dtrmm side 'L' 80% -> 88% of dgemm at n = 1024 (Xeon
 * family 6 model 207, one thread), the packed block (256^2 elements) still fits in L2. */
enum { TRMM_BASE = 32, TRMM_PK = 256 };


/* op(A) of a diagonal block of order m <= TRMM_BASE as a dense tile (ld TRMM_BASE): zeros outside
 * the triangle, ones on a unit diagonal (A's diagonal then never read). */
static void op_tile(const tr_ctx *x, blas_int m, const sb_t *a, sb_t *t)
{
    for (blas_int l = 0; l < m; l++)
        for (blas_int i = 0; i < m; i++) {
            int in = x->lower ? i > l : i < l;
            sb_t v = in ? opa(x, a, i, l) : 0;
            if (i == l) v = x->diag == 'U' ? 1 : opa(x, a, i, i);
            t[i + l * TRMM_BASE] = v;
        }
}

/* Side 'L', order m <= TRMM_BASE: each column b := alpha*op(A)*b in place, column-oriented: for op(A)
 * upper the columns l go left to right (b[l] is still original when reached), for lower right to
 * left. */
static void base_left(const tr_ctx *x, blas_int m, blas_int nc, sb_t alpha, const sb_t *a, sb_t *b)
{
    sb_t t[TRMM_BASE * TRMM_BASE];
    op_tile(x, m, a, t);
    for (blas_int j = 0; j < nc; j++) {
        sb_t *bj = b + (size_t)j * x->ldb;
        for (blas_int ll = 0; ll < m; ll++) {
            blas_int l = x->lower ? m - 1 - ll : ll;
            sb_t v = alpha * bj[l];
            const sb_t *tl = t + l * TRMM_BASE;
            if (x->lower)
                for (blas_int i = l + 1; i < m; i++) bj[i] += v * tl[i];
            else
                for (blas_int i = 0; i < l; i++) bj[i] += v * tl[i];
            bj[l] = v * tl[l];
        }
    }
}

/* Side 'R', order n <= TRMM_BASE, mr rows: B := alpha*B*op(A), column by column in place. */
static void base_right(const tr_ctx *x, blas_int n, blas_int mr, sb_t alpha, const sb_t *a, sb_t *b)
{
    int unit = x->diag == 'U';
    for (blas_int jj = 0; jj < n; jj++) {
        /* upper: column j uses columns l <= j, done right to left; lower: l >= j, left to right */
        blas_int j = x->lower ? jj : n - 1 - jj;
        sb_t *bj = b + (size_t)j * x->ldb;
        sb_t d = unit ? alpha : alpha * opa(x, a, j, j);
        for (blas_int i = 0; i < mr; i++) bj[i] = d * bj[i];
        blas_int l0 = x->lower ? j + 1 : 0, l1 = x->lower ? n : j;
        for (blas_int l = l0; l < l1; l++) {
            sb_t f = alpha * opa(x, a, l, j);
            const sb_t *bl = b + (size_t)l * x->ldb;
            for (blas_int i = 0; i < mr; i++) bj[i] += f * bl[i];
        }
    }
}

static void mult_left(const tr_ctx *x, blas_int m, blas_int nc, sb_t alpha, const sb_t *a, sb_t *b)
{
    if (m <= TRMM_BASE) {
        base_left(x, m, nc, alpha, a, b);
        return;
    }
    blas_int m1 = split(m), m2 = m - m1;
    const sb_t *a22 = a + m1 + (size_t)m1 * x->lda;
    if (!x->lower) { /* B1 := A11*B1 + A12*B2 */
        mult_left(x, m1, nc, alpha, a, b);
        SB_NAME(gemm)(x->trans, 'N', m1, nc, m2, alpha, op12(x, a, m1), x->lda, b + m1, x->ldb, 1, b, x->ldb);
        mult_left(x, m2, nc, alpha, a22, b + m1);
    } else { /* B2 := A21*B1 + A22*B2 */
        mult_left(x, m2, nc, alpha, a22, b + m1);
        SB_NAME(gemm)(x->trans, 'N', m2, nc, m1, alpha, op21(x, a, m1), x->lda, b, x->ldb, 1, b + m1, x->ldb);
        mult_left(x, m1, nc, alpha, a, b);
    }
}

static void mult_right(const tr_ctx *x, blas_int n, blas_int mr, sb_t alpha, const sb_t *a, sb_t *b)
{
    if (n <= TRMM_BASE) {
        base_right(x, n, mr, alpha, a, b);
        return;
    }
    blas_int n1 = split(n), n2 = n - n1;
    const sb_t *a22 = a + n1 + (size_t)n1 * x->lda;
    sb_t *b2 = b + (size_t)n1 * x->ldb;
    if (!x->lower) { /* B2 := B1*A12 + B2*A22 */
        mult_right(x, n2, mr, alpha, a22, b2);
        SB_NAME(gemm)('N', x->trans, mr, n2, n1, alpha, b, x->ldb, op12(x, a, n1), x->lda, 1, b2, x->ldb);
        mult_right(x, n1, mr, alpha, a, b);
    } else { /* B1 := B1*A11 + B2*A21 */
        mult_right(x, n1, mr, alpha, a, b);
        SB_NAME(gemm)('N', x->trans, mr, n1, n2, alpha, b2, x->ldb, op21(x, a, n1), x->lda, 1, b, x->ldb);
        mult_right(x, n2, mr, alpha, a22, b2);
    }
}

/* ---- a triangular block packed for the microkernel ---- */

/* The largest piece of a diagonal tile copied at once (elements). */
enum { TRI_DIAG_CHUNK = 512 };

/* Packs the triangular block op(A)(P, P), P = [p0, p1) (a: op(A)'s first element as stored,
 * indices from there), in slivers of r as pack_a (is_a: rows s0..s0+ns, the A operand) or
 * pack_b (columns s0.., the B operand) would, only the part each sliver's tiles read: the part
 * of its k range inside the triangle, up to or from the sliver's diagonal square, which is
 * expanded (zeros outside the triangle, ones on a unit diagonal, A's diagonal then not read). */
static void pack_tri(const tr_ctx *x, const sb_gemm_kernels_t *kt, const sb_t *a, int is_a, blas_int s0, blas_int ns,
                     blas_int p0, blas_int p1, sb_t *buf, blas_int r)
{
    const blas_int kc = p1 - p0;
    /* k before the square: A's columns left of its rows (lower), B's rows above its columns (upper) */
    const int before_in = is_a ? x->lower : !x->lower;
    for (blas_int s = 0; s < ns; s += r) {
        blas_int w = SB_MIN(r, ns - s), g = s0 + s;
        sb_t *sl = buf + (size_t)s * kc;
        blas_int q0 = before_in ? p0 : g + w, q1 = before_in ? g : p1; /* the part outside the square */
        if (q1 > q0) {
            sb_t *dst = sl + (size_t)(q0 - p0) * r;
            if (is_a) kt->pack_a(x->trans, w, q1 - q0, sb_l3_op_at(x->trans, a, x->lda, g, q0), x->lda, dst, (int)r);
            else kt->pack_b(x->trans, q1 - q0, w, sb_l3_op_at(x->trans, a, x->lda, q0, g), x->lda, dst, (int)r);
        }
        blas_int step = SB_MAX(1, TRI_DIAG_CHUNK / w);
        for (blas_int q = g; q < g + w; q += step) {
            _Alignas(64) sb_t t[TRI_DIAG_CHUNK];
            blas_int len = SB_MIN(step, g + w - q);
            for (blas_int l = 0; l < len; l++)
                for (blas_int i = 0; i < w; i++) {
                    blas_int row = is_a ? g + i : q + l, col = is_a ? q + l : g + i;
                    int in = x->lower ? row > col : row < col;
                    sb_t v = row == col ? (x->diag == 'U' ? (sb_t)1 : opa(x, a, row, row)) : in ? opa(x, a, row, col) : 0;
                    if (is_a) t[i + l * w] = v;
                    else t[l + i * len] = v;
                }
            sb_t *dst = sl + (size_t)(q - p0) * r;
            if (is_a) kt->pack_a('N', w, len, t, w, dst, (int)r);
            else kt->pack_b('N', len, w, t, len, dst, (int)r);
        }
    }
}

/* ---- packed macro-kernel for one diagonal block ---- */

typedef struct {
    const tr_ctx *x;
    const sb_gemm_kernels_t *kt;
    blas_int mb;    /* order of the diagonal block */
    blas_int nrhs;  /* columns (side 'L') or rows (side 'R') of B */
    blas_int slab, nslabs;
    sb_t alpha;
    const sb_t *a;
    sb_t *b;
    const sb_t *apk; /* dense op(A11) (zeros outside the triangle, ones on a unit diagonal), packed */
} pk_ctx;

static void *pk_alloc(size_t elems)
{
    void *p = NULL;
    if (posix_memalign(&p, 64, (elems ? elems : 1) * sizeof(sb_t)) != 0) return NULL;
    return p;
}

/* Side 'R': per MR rows, pack the original sliver of B, then one microkernel call per column tile. */
static void pk_right_part(void *ctx, int part, int nparts)
{
    const pk_ctx *p = ctx;
    const tr_ctx *x = p->x;
    const blas_int MR = p->kt->mr, NR = p->kt->nr, nb = p->mb, ldb = x->ldb;
    sb_t *as = pk_alloc((size_t)nb * MR);
    if (!as) {
        for (blas_int s = part; s < p->nslabs; s += nparts) {
            blas_int i0 = s * p->slab;
            mult_right(x, nb, SB_MIN(p->slab, p->nrhs - i0), p->alpha, p->a, p->b + i0);
        }
        return;
    }
    for (blas_int s = part; s < p->nslabs; s += nparts) {
        blas_int r0 = s * p->slab, r1 = SB_MIN(r0 + p->slab, p->nrhs);
        for (blas_int ir = r0; ir < r1; ir += MR) {
            blas_int mr = SB_MIN(MR, r1 - ir);
            sb_t *br = p->b + ir;
            p->kt->pack_a('N', mr, nb, br, ldb, as, (int)MR);
            for (blas_int j0 = 0; j0 < nb; j0 += NR) {
                blas_int nr = SB_MIN(NR, nb - j0);
                const sb_t *bsl = p->apk + (size_t)j0 * nb;
                sb_t *c = br + (size_t)j0 * ldb;
                if (!x->lower) p->kt->ukr(j0 + nr, p->alpha, as, bsl, 0, c, ldb, mr, nr);
                else p->kt->ukr(nb - j0, p->alpha, as + (size_t)j0 * MR, bsl + (size_t)j0 * NR, 0, c, ldb, mr, nr);
            }
        }
    }
    free(as);
}

/* Width of the slabs of right-hand sides a diagonal block's product is cut into (side 'R'):
 * a multiple of the register block `unitw`, at least 4 of them, about nrhs/16 — sized by the
 * problem only, never by the thread count. */
static blas_int tr_slab_width(blas_int nrhs, blas_int unitw)
{
    blas_int slab = SB_MAX((nrhs + 15) / 16, 4 * unitw);
    return (slab + unitw - 1) / unitw * unitw;
}

static void pk_block(const tr_ctx *x, const sb_gemm_kernels_t *kt, blas_int mb, sb_t alpha, const sb_t *a, sb_t *b)
{
    const blas_int r = kt->nr;
    const blas_int nsl = (mb + r - 1) / r;
    const blas_int nrhs = x->m;
    sb_t *apk = pk_alloc((size_t)nsl * r * mb);
    if (!apk) {
        mult_right(x, mb, nrhs, alpha, a, b);
        return;
    }
    pack_tri(x, kt, a, 0, 0, mb, 0, mb, apk, r);
    blas_int slab = tr_slab_width(nrhs, kt->mr);
    pk_ctx p = {x, kt, mb, nrhs, slab, (nrhs + slab - 1) / slab, alpha, a, b, apk};
    double flops = (double)mb * (double)mb * (double)nrhs * (SB_IS_COMPLEX ? 4.0 : 1.0);
    int nt = sb_threads_for_compute(flops);
    if (nt > p.nslabs) nt = (int)p.nslabs;
    sb_parallel_run_writing(nt, pk_right_part, &p, x->b, sizeof(sb_t), x->m, x->n, x->ldb);
    free(apk);
}

/* ---- side 'L' in one pass: the gemm loops around the triangle ----
 * op(A)'s columns are taken KC at a time (steps P), in the order that keeps B's rows P original
 * until they are packed: op(A) upper ascending, lower descending. For each step, B(P, :) is
 * packed once (times alpha, as gemm does); the rows that P feeds outside its diagonal block
 * (upper: above it, lower: below) get op(A)(rows, P)*B(P) added (their own diagonal step came
 * earlier), and then the rows P are overwritten by the triangle op(A)(P, P)*B(P), each register
 * tile over its non-zero part of the triangle only. So B is packed once per column block, as in
 * gemm, instead of once per level of the recursion. Each element's sum runs over the steps in
 * an order that depends on m and KC only, so any split of B's columns (threads) gives the same
 * bits. */

/* Columns [j0, j0 + ncols) of B, on the calling thread, with buffers abuf (MC x KC) and bbuf
 * (KC x NC). */
static void left_pass(const tr_ctx *x, const sb_gemm_kernels_t *kt, blas_int j0, blas_int ncols, sb_t *abuf,
                      sb_t *bbuf)
{
    const blas_int MR = kt->mr, NR = kt->nr, MC = kt->mc, KC = kt->kc, NC = kt->nc, m = x->m, ldb = x->ldb;
    const sb_t alpha = x->alpha;
    const int scale_b = alpha != 1 && alpha != -1;
    const sb_t alpha_k = scale_b ? (sb_t)1 : alpha;
    const blas_int nsteps = (m + KC - 1) / KC;
    for (blas_int jc = j0; jc < j0 + ncols; jc += NC) {
        blas_int nc = SB_MIN(NC, j0 + ncols - jc);
        sb_t *bcol = x->b + (size_t)jc * ldb;
        for (blas_int st = 0; st < nsteps; st++) {
            blas_int p0 = (x->lower ? nsteps - 1 - st : st) * KC, p1 = SB_MIN(m, p0 + KC), kc = p1 - p0;
            kt->pack_b('N', kc, nc, bcol + p0, ldb, bbuf, (int)NR);
            if (scale_b)
                for (size_t q = 0, len = (size_t)((nc + NR - 1) / NR) * NR * kc; q < len; q++) bbuf[q] = alpha * bbuf[q];
            /* the rows P feeds outside its diagonal block */
            blas_int r0 = x->lower ? p1 : 0, r1 = x->lower ? m : p0;
            for (blas_int ic = r0; ic < r1; ic += MC) {
                blas_int mc = SB_MIN(MC, r1 - ic);
                kt->pack_a(x->trans, mc, kc, sb_l3_op_at(x->trans, x->a, x->lda, ic, p0), x->lda, abuf, (int)MR);
                for (blas_int jr = 0; jr < nc; jr += NR)
                    for (blas_int ir = 0; ir < mc; ir += MR)
                        kt->ukr(kc, alpha_k, abuf + (size_t)ir * kc, bbuf + (size_t)jr * kc, 1,
                                bcol + ic + ir + (size_t)jr * ldb, ldb, SB_MIN(MR, mc - ir), SB_MIN(NR, nc - jr));
            }
            /* the rows P: the triangle, each tile over its non-zero columns */
            for (blas_int ic = p0; ic < p1; ic += MC) {
                blas_int mc = SB_MIN(MC, p1 - ic);
                pack_tri(x, kt, x->a, 1, ic, mc, p0, p1, abuf, MR);
                for (blas_int jr = 0; jr < nc; jr += NR)
                    for (blas_int ir = 0; ir < mc; ir += MR) {
                        blas_int i0 = ic + ir - p0, mr = SB_MIN(MR, mc - ir), nr = SB_MIN(NR, nc - jr);
                        const sb_t *asl = abuf + (size_t)ir * kc, *bsl = bbuf + (size_t)jr * kc;
                        sb_t *c = bcol + ic + ir + (size_t)jr * ldb;
                        if (x->lower) kt->ukr(i0 + mr, alpha_k, asl, bsl, 0, c, ldb, mr, nr);
                        else kt->ukr(kc - i0, alpha_k, asl + (size_t)i0 * MR, bsl + (size_t)i0 * NR, 0, c, ldb, mr, nr);
                    }
            }
        }
    }
}

typedef struct {
    const tr_ctx *x;
    const sb_gemm_kernels_t *kt;
} pass_job;

/* Start of piece i of n columns cut into p pieces, on multiples of r. */
static blas_int cut_cols(blas_int n, int p, int i, blas_int r)
{
    blas_int units = (n + r - 1) / r;
    return SB_MIN(n, (blas_int)((long long)units * i / p) * r);
}

static void left_pass_part(void *ctx, int part, int nparts)
{
    pass_job *j = ctx;
    const sb_gemm_kernels_t *kt = j->kt;
    blas_int c0 = cut_cols(j->x->n, nparts, part, kt->nr), c1 = cut_cols(j->x->n, nparts, part + 1, kt->nr);
    if (c1 <= c0) return;
    blas_int kc = SB_MIN((blas_int)kt->kc, j->x->m);
    size_t abytes = ((size_t)kt->mc * kc * sizeof(sb_t) + 63) / 64 * 64;
    size_t bbytes = (size_t)SB_MIN((blas_int)kt->nc, (c1 - c0 + kt->nr - 1) / kt->nr * kt->nr) * kc * sizeof(sb_t);
    int owned;
    char *ws = sb_workspace_get(abytes + bbytes, &owned);
    if (!ws) { /* the recursion on this part's columns instead */
        tr_ctx xs = *j->x;
        xs.n = c1 - c0;
        xs.b = j->x->b + (size_t)c0 * j->x->ldb;
        mult_left(&xs, xs.m, xs.n, xs.alpha, xs.a, xs.b);
        return;
    }
    left_pass(j->x, kt, c0, c1 - c0, (sb_t *)ws, (sb_t *)(ws + abytes));
    sb_workspace_put(ws, owned);
}

/* ---- side 'R' in one pass: the gemm loops around the triangle ----
 * B := alpha*B*op(A): row i of the result needs row i of B only, so B's rows are split over the
 * threads, and in place the columns are what must be ordered. The result's columns are taken in
 * blocks J of a multiple of KC columns (at most NC), op(A)'s rows (the k range) in steps P of
 * KC. op(A) upper: column j of the result uses B's columns l <= j, so the blocks J go right to
 * left (the columns left of J, still to be read, stay original); lower: l >= j, left to right.
 * Within J, first the steps P inside J, in the order that keeps B(:, P) original until it is
 * packed (upper descending, lower ascending): B(rows, P) is packed, the columns P are
 * overwritten by B(:, P)*op(A)(P, P) (each register tile over its non-zero part of the
 * triangle, the diagonal square expanded in the packed op(A) block), and the columns of J that
 * P feeds beyond its diagonal block (upper: right of it, lower: left), whose own step came
 * earlier, get B(:, P)*op(A)(P, those columns) added. Then the steps outside J (upper: left of
 * it, lower: right) add their plain products. op(A)'s panel (times alpha, as gemm packs its B)
 * is packed once per block and step, B's rows once per step, as in gemm. Each element's sum
 * runs over the steps in an order that depends on n, KC and NC only, so any split of B's rows
 * (threads) gives the same bits. */

/* Rows [i0, i0 + nrows) of B, on the calling thread, with buffers abuf (MC x KC) and bbuf (op(A)
 * panel: the triangle's slivers and up to NC more columns, KC deep). */
static void right_pass(const tr_ctx *x, const sb_gemm_kernels_t *kt, blas_int i0, blas_int nrows, blas_int ncj,
                       sb_t *abuf, sb_t *bbuf)
{
    const blas_int MR = kt->mr, NR = kt->nr, MC = kt->mc, KC = kt->kc, n = x->n, ldb = x->ldb;
    const sb_t alpha = x->alpha;
    const int scale = alpha != 1 && alpha != -1;
    const sb_t alpha_k = scale ? (sb_t)1 : alpha;
    const blas_int nblocks = (n + ncj - 1) / ncj, nsteps = (n + KC - 1) / KC;
    sb_t *brows = x->b + i0;
    for (blas_int bl = 0; bl < nblocks; bl++) {
        blas_int jc = (x->lower ? bl : nblocks - 1 - bl) * ncj, jend = SB_MIN(n, jc + ncj);
        blas_int s_first = jc / KC, s_last = (jend + KC - 1) / KC; /* the steps inside J */
        blas_int s_out0 = x->lower ? s_last : 0, s_out1 = x->lower ? nsteps : s_first;
        blas_int nin = s_last - s_first, total = nin + (s_out1 - s_out0);
        for (blas_int st = 0; st < total; st++) {
            int diag = st < nin;
            blas_int s = diag ? (x->lower ? s_first + st : s_last - 1 - st) : s_out0 + (st - nin);
            blas_int p0 = s * KC, p1 = SB_MIN(n, p0 + KC), kc = p1 - p0;
            /* the columns of J this step feeds with a plain product, and the triangle's columns */
            blas_int q0 = diag ? (x->lower ? jc : p1) : jc, q1 = diag ? (x->lower ? p0 : jend) : jend;
            blas_int tri_len = diag ? (kc + NR - 1) / NR * NR * kc : 0;
            sb_t *plain = bbuf + tri_len;
            if (diag) pack_tri(x, kt, x->a, 0, p0, kc, p0, p1, bbuf, NR);
            if (q1 > q0) kt->pack_b(x->trans, kc, q1 - q0, sb_l3_op_at(x->trans, x->a, x->lda, p0, q0), x->lda, plain, (int)NR);
            if (scale)
                for (size_t q = 0, len = (size_t)tri_len + (size_t)((q1 - q0 + NR - 1) / NR) * NR * kc; q < len; q++)
                    bbuf[q] = alpha * bbuf[q];
            for (blas_int ic = 0; ic < nrows; ic += MC) {
                blas_int mc = SB_MIN(MC, nrows - ic);
                kt->pack_a('N', mc, kc, brows + ic + (size_t)p0 * ldb, ldb, abuf, (int)MR);
                if (diag) /* B(:, P) is packed: its columns take the triangle */
                    for (blas_int jr = 0; jr < kc; jr += NR)
                        for (blas_int ir = 0; ir < mc; ir += MR) {
                            blas_int mr = SB_MIN(MR, mc - ir), nr = SB_MIN(NR, kc - jr);
                            const sb_t *asl = abuf + (size_t)ir * kc, *bsl = bbuf + (size_t)jr * kc;
                            sb_t *c = brows + ic + ir + (size_t)(p0 + jr) * ldb;
                            if (!x->lower) kt->ukr(jr + nr, alpha_k, asl, bsl, 0, c, ldb, mr, nr);
                            else kt->ukr(kc - jr, alpha_k, asl + (size_t)jr * MR, bsl + (size_t)jr * NR, 0, c, ldb, mr, nr);
                        }
                for (blas_int jr = 0; jr < q1 - q0; jr += NR)
                    for (blas_int ir = 0; ir < mc; ir += MR)
                        kt->ukr(kc, alpha_k, abuf + (size_t)ir * kc, plain + (size_t)jr * kc, 1,
                                brows + ic + ir + (size_t)(q0 + jr) * ldb, ldb, SB_MIN(MR, mc - ir), SB_MIN(NR, q1 - q0 - jr));
            }
        }
    }
}

/* The width of side 'R''s column blocks J: NC rounded up to a multiple of KC (the op(A) panel is
 * at most that wide), so that an order NC problem is one block (avx512 d: NC 2048, KC 384). */
static blas_int right_block_width(const sb_gemm_kernels_t *kt)
{
    return ((blas_int)kt->nc + kt->kc - 1) / kt->kc * kt->kc;
}

static void right_pass_part(void *ctx, int part, int nparts)
{
    pass_job *j = ctx;
    const sb_gemm_kernels_t *kt = j->kt;
    const tr_ctx *x = j->x;
    blas_int r0 = cut_cols(x->m, nparts, part, kt->mr), r1 = cut_cols(x->m, nparts, part + 1, kt->mr);
    if (r1 <= r0) return;
    blas_int kc = SB_MIN((blas_int)kt->kc, x->n), ncj = right_block_width(kt);
    blas_int panel_cols = (kc + kt->nr - 1) / kt->nr * kt->nr + (SB_MIN(ncj, x->n) + kt->nr - 1) / kt->nr * kt->nr;
    size_t abytes = ((size_t)SB_MIN((blas_int)kt->mc, (r1 - r0 + kt->mr - 1) / kt->mr * kt->mr) * kc * sizeof(sb_t) + 63) / 64 * 64;
    size_t bbytes = (size_t)panel_cols * kc * sizeof(sb_t);
    int owned;
    char *ws = sb_workspace_get(abytes + bbytes, &owned);
    if (!ws) { /* the recursion on this part's rows instead */
        mult_right(x, x->n, r1 - r0, x->alpha, x->a, x->b + r0);
        return;
    }
    right_pass(x, kt, r0, r1 - r0, ncj, (sb_t *)ws, (sb_t *)(ws + abytes));
    sb_workspace_put(ws, owned);
}

/* Either side in one pass, the independent right-hand sides (side 'L': B's columns, in units of
 * NR; side 'R': its rows, in units of MR) split over the threads. */
static void one_pass(const tr_ctx *x, const sb_gemm_kernels_t *kt)
{
    const int right = x->side == 'R';
    const blas_int ka = right ? x->n : x->m, nrhs = right ? x->m : x->n, unit = right ? kt->mr : kt->nr;
    double flops = (double)ka * (double)ka * (double)nrhs * (SB_IS_COMPLEX ? 4.0 : 1.0);
    int nt = sb_threads_for_compute(flops);
    blas_int units = (nrhs + unit - 1) / unit;
    if (nt > units) nt = (int)units;
    pass_job j = {x, kt};
    sb_parallel_run_writing(nt, right ? right_pass_part : left_pass_part, &j, x->b, sizeof(sb_t), x->m, x->n, x->ldb);
}

void SB_NAME(trmm)(char side, char uplo, char transa, char diag, blas_int m, blas_int n, sb_t alpha,
                   const sb_t *a, blas_int lda, sb_t *b, blas_int ldb)
{
    if (m <= 0 || n <= 0) return;
    if (alpha == 0) {
        SB_NAME(l3s_scale_rect)(m, n, 0, b, ldb);
        return;
    }
    if (!SB_IS_COMPLEX && transa == 'C') transa = 'T';
    tr_ctx x = {side, uplo, transa, diag, (uplo == 'L') == (transa == 'N'), m, n, 0, 0, alpha, a, lda, b, ldb};
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    if (side == 'R' && n <= TRMM_PK) pk_block(&x, kt, n, alpha, a, b);
    else one_pass(&x, kt);
}
