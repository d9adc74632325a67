/* trmm: B := alpha*op(A)*B (side 'L') or alpha*B*op(A) (side 'R'), A triangular.
 *
 * Recursive over A on the whole of B, like trsm.c: A is split near the middle (at a multiple of
 * 16); the half whose result still needs the other half's original values is done first, the
 * coupling block is one large gemm over all of B (gemm splits it over the threads itself). A
 * diagonal block of order <= TRMM_PK is done by a packed macro-kernel: op(A11) is expanded into
 * a dense block (zeros outside the triangle, ones on a unit diagonal) and packed once in the gemm
 * microkernel's format; each sliver of B (NR columns for side 'L', MR rows for side 'R') is
 * packed while still original, and every register tile of the result is then one microkernel
 * call over the non-zero part of the triangle only. Slivers are grouped into slabs, sized by the
 * problem only, that run in parallel; each element is computed the same way whatever slab holds
 * it, so the result is bitwise the same at every thread count. Without memory for the buffers
 * the unpacked recursive code below is used. */
#include <stdlib.h>

#include "drivers/level3.h"
#include "drivers/level3_structured.h"
#include "drivers/level3/triangular_operand.h"
#include "kernels/kernels.h"
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

/* Side 'L': per NR columns, pack the original sliver of B, then every row tile is one microkernel
 * call over the part of the triangle's row that is not zero. */
static void pk_left_part(void *ctx, int part, int nparts)
{
    const pk_ctx *p = ctx;
    const tr_ctx *x = p->x;
    const blas_int MR = p->kt->mr, NR = p->kt->nr, mb = p->mb, ldb = x->ldb;
    sb_t *bb = pk_alloc((size_t)mb * NR);
    if (!bb) {
        for (blas_int s = part; s < p->nslabs; s += nparts) {
            blas_int j0 = s * p->slab;
            mult_left(x, mb, SB_MIN(p->slab, p->nrhs - j0), p->alpha, p->a, p->b + (size_t)j0 * ldb);
        }
        return;
    }
    for (blas_int s = part; s < p->nslabs; s += nparts) {
        blas_int j0 = s * p->slab, j1 = SB_MIN(j0 + p->slab, p->nrhs);
        for (blas_int jr = j0; jr < j1; jr += NR) {
            blas_int nr = SB_MIN(NR, j1 - jr);
            sb_t *bc = p->b + (size_t)jr * ldb;
            p->kt->pack_b('N', mb, nr, bc, ldb, bb, (int)NR);
            for (blas_int i0 = 0; i0 < mb; i0 += MR) {
                blas_int mr = SB_MIN(MR, mb - i0);
                const sb_t *asl = p->apk + (size_t)i0 * mb;
                if (x->lower) p->kt->ukr(i0 + mr, p->alpha, asl, bb, 0, bc + i0, ldb, mr, nr);
                else p->kt->ukr(mb - i0, p->alpha, asl + (size_t)i0 * MR, bb + (size_t)i0 * NR, 0, bc + i0, ldb, mr, nr);
            }
        }
    }
    free(bb);
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

static void pk_block(const tr_ctx *x, const sb_gemm_kernels_t *kt, blas_int mb, sb_t alpha, const sb_t *a, sb_t *b)
{
    const int left = x->side == 'L';
    const blas_int r = left ? kt->mr : kt->nr;
    const blas_int nsl = (mb + r - 1) / r;
    const blas_int nrhs = left ? x->n : x->m;
    sb_t *apk = pk_alloc((size_t)nsl * r * mb + (size_t)mb * mb);
    if (!apk) {
        if (left) mult_left(x, mb, nrhs, alpha, a, b);
        else mult_right(x, mb, nrhs, alpha, a, b);
        return;
    }
    sb_t *t = apk + (size_t)nsl * r * mb;
    for (blas_int l = 0; l < mb; l++)
        for (blas_int i = 0; i < mb; i++) {
            int in = x->lower ? i > l : i < l;
            sb_t v = in ? opa(x, a, i, l) : 0;
            if (i == l) v = x->diag == 'U' ? 1 : opa(x, a, i, i);
            t[i + (size_t)l * mb] = v;
        }
    if (left) kt->pack_a('N', mb, mb, t, mb, apk, (int)r);
    else kt->pack_b('N', mb, mb, t, mb, apk, (int)r);
    blas_int unitw = left ? kt->nr : kt->mr;
    blas_int slab = tr_slab_width(nrhs, unitw);
    pk_ctx p = {x, kt, mb, nrhs, slab, (nrhs + slab - 1) / slab, alpha, a, b, apk};
    double flops = (double)mb * (double)mb * (double)nrhs * (SB_IS_COMPLEX ? 4.0 : 1.0);
    int nt = sb_threads_for(flops);
    if (nt > p.nslabs) nt = (int)p.nslabs;
    sb_parallel_run(nt, left ? pk_left_part : pk_right_part, &p);
    free(apk);
}

/* The recursion on the whole of B. */
static void rec_left(const tr_ctx *x, const sb_gemm_kernels_t *kt, blas_int m, sb_t alpha, const sb_t *a, sb_t *b)
{
    if (m <= TRMM_PK) {
        pk_block(x, kt, m, alpha, a, b);
        return;
    }
    blas_int m1 = split(m), m2 = m - m1, nc = x->n;
    const sb_t *a22 = a + m1 + (size_t)m1 * x->lda;
    if (!x->lower) { /* B1 := A11*B1 + A12*B2 */
        rec_left(x, kt, m1, alpha, a, b);
        SB_NAME(gemm)(x->trans, 'N', m1, nc, m2, alpha, op12(x, a, m1), x->lda, b + m1, x->ldb, 1, b, x->ldb);
        rec_left(x, kt, m2, alpha, a22, b + m1);
    } else { /* B2 := A21*B1 + A22*B2 */
        rec_left(x, kt, m2, alpha, a22, b + m1);
        SB_NAME(gemm)(x->trans, 'N', m2, nc, m1, alpha, op21(x, a, m1), x->lda, b, x->ldb, 1, b + m1, x->ldb);
        rec_left(x, kt, m1, alpha, a, b);
    }
}

static void rec_right(const tr_ctx *x, const sb_gemm_kernels_t *kt, blas_int n, sb_t alpha, const sb_t *a, sb_t *b)
{
    if (n <= TRMM_PK) {
        pk_block(x, kt, n, alpha, a, b);
        return;
    }
    blas_int n1 = split(n), n2 = n - n1, mr = x->m;
    const sb_t *a22 = a + n1 + (size_t)n1 * x->lda;
    sb_t *b2 = b + (size_t)n1 * x->ldb;
    if (!x->lower) { /* B2 := B1*A12 + B2*A22 */
        rec_right(x, kt, n2, alpha, a22, b2);
        SB_NAME(gemm)('N', x->trans, mr, n2, n1, alpha, b, x->ldb, op12(x, a, n1), x->lda, 1, b2, x->ldb);
        rec_right(x, kt, n1, alpha, a, b);
    } else { /* B1 := B1*A11 + B2*A21 */
        rec_right(x, kt, n1, alpha, a, b);
        SB_NAME(gemm)('N', x->trans, mr, n1, n2, alpha, b2, x->ldb, op21(x, a, n1), x->lda, 1, b, x->ldb);
        rec_right(x, kt, n2, alpha, a22, b2);
    }
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
    if (side == 'L') rec_left(&x, kt, m, alpha, a, b);
    else rec_right(&x, kt, n, alpha, a, b);
}
