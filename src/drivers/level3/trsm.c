/* trsm: op(A)*X = alpha*B (side 'L') or X*op(A) = alpha*B (side 'R'), X overwrites B.
 *
 * Recursive over A on the whole of B: A is split in two near the middle (at a multiple of 16),
 * one half is solved, the coupling block goes through one large gemm over all right-hand sides
 * (gemm splits it over the threads itself), then the other half. A diagonal block of order
 * <= TRSM_PK is solved by a packed macro-kernel in the style of BLIS's gemmtrsm: the block of
 * op(A) is packed once in the gemm microkernel's A (side 'L') or B (side 'R') format; B is
 * walked one register tile at a time, each tile first gets the contribution of the tiles
 * already solved through the gemm microkernel (whose packed operand is the solution itself,
 * written back into a packed sliver as it is produced), then its small diagonal triangle is
 * solved with plain substitution (dividing by the diagonal, as the reference does). The right-hand sides of a diagonal block are cut into slabs
 * (columns for side 'L', rows for side 'R') that run in parallel; every element is computed by
 * the same arithmetic whatever slab holds it, and the recursion points and gemm calls depend
 * only on the problem, so the result is bitwise the same at every thread count.
 * Without memory for the packed buffers the unpacked recursive solver below is used. */
#include <stdlib.h>

#include "drivers/level3.h"
#include "drivers/level3_structured.h"
#include "drivers/level3/triangular_operand.h"
#include "kernels/kernels.h"
#include "runtime/parallel.h"

#ifndef SB_TRSM_PK
#define SB_TRSM_PK 256
#endif
enum { TRSM_BASE = 32, TRSM_PK = SB_TRSM_PK };


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

/* ---- packed macro-kernel for one diagonal block ---- */

typedef struct {
    const tr_ctx *x;
    const sb_gemm_kernels_t *kt;
    blas_int mb;    /* order of the diagonal block */
    blas_int nrhs;  /* right-hand sides: columns (side 'L') or rows (side 'R') of B */
    blas_int slab, nslabs;
    sb_t alpha;
    const sb_t *a;  /* the diagonal block of A */
    sb_t *b;        /* its rows (side 'L') or columns (side 'R') of B */
    const sb_t *apk; /* op(A) packed: pack_a (side 'L') or pack_b (side 'R') format, depth mb */
    const sb_t *dt;  /* diagonal tiles of op(A), tile s at dt + s*r*r, (i, l) at i + l*r, 1/diagonal */
} pk_ctx;

static void *pk_alloc(size_t elems)
{
    void *p = NULL;
    if (posix_memalign(&p, 64, (elems ? elems : 1) * sizeof(sb_t)) != 0) return NULL;
    return p;
}

/* The register block of the usual kernel set, so the small solves below get constant trip counts. */
#if defined(SB_PREC_S)
#define PK_MR SB_AVX2_S_MR
#define PK_NR SB_AVX2_S_NR
#elif defined(SB_PREC_D)
#define PK_MR SB_AVX2_D_MR
#define PK_NR SB_AVX2_D_NR
#elif defined(SB_PREC_C)
#define PK_MR SB_AVX2_C_MR
#define PK_NR SB_AVX2_C_NR
#else
#define PK_MR SB_AVX2_Z_MR
#define PK_NR SB_AVX2_Z_NR
#endif

/* y -= f*x on w entries (the rows or columns of a tile never overlap). */
static inline void pk_axpy(sb_t *restrict y, const sb_t *restrict x, sb_t f, const blas_int w)
{
    for (blas_int j = 0; j < w; j++) y[j] -= f * x[j];
}

/* Division, not multiplication by a reciprocal: one rounding, as the reference, so a solve
 * split into blocks (LAPACK's RFP routines call trsm on halves) stays close to the whole one. */
static inline void pk_div(sb_t *restrict y, sb_t f, const blas_int w)
{
    for (blas_int j = 0; j < w; j++) y[j] = y[j] / f;
}

/* Side 'L': the mr rows of a tile, stored as rows of the packed sliver (row i at r + i*w, w
 * entries, the columns past the tile zero), solved with the diagonal tile d (ld dld; its
 * diagonal holds the diagonal of op(A)). */
static inline void solve_rows(int lower, int unit, blas_int mr, const sb_t *d, blas_int dld, sb_t *r, const blas_int w)
{
    if (lower) {
        for (blas_int l = 0; l < mr; l++) {
            sb_t *rl = r + l * w;
            if (!unit) {
                pk_div(rl, d[l + l * dld], w);
            }
            for (blas_int i = l + 1; i < mr; i++) {
                pk_axpy(r + i * w, rl, d[i + l * dld], w);
            }
        }
    } else {
        for (blas_int l = mr - 1; l >= 0; l--) {
            sb_t *rl = r + l * w;
            if (!unit) {
                pk_div(rl, d[l + l * dld], w);
            }
            for (blas_int i = 0; i < l; i++) {
                pk_axpy(r + i * w, rl, d[i + l * dld], w);
            }
        }
    }
}

/* Side 'R': the nr columns of a tile, stored as columns of the packed sliver (column j at
 * c + j*h, h entries, the rows past the tile zero), solved with the diagonal tile d (ld dld;
 * its diagonal holds the diagonal of op(A)). */
static inline void solve_cols(int upper, int unit, blas_int nr, const sb_t *d, blas_int dld, sb_t *c, const blas_int h)
{
    for (blas_int jj = 0; jj < nr; jj++) {
        blas_int j = upper ? jj : nr - 1 - jj;
        sb_t *cj = c + j * h;
        blas_int l0 = upper ? 0 : j + 1, l1 = upper ? j : nr;
        for (blas_int l = l0; l < l1; l++) {
            pk_axpy(cj, c + l * h, d[l + j * dld], h);
        }
        if (!unit) {
            pk_div(cj, d[j + j * dld], h);
        }
    }
}

/* Side 'L': slabs of columns; per NR columns, the row tiles from the first solved to the last.
 * Each tile: the microkernel puts alpha*B - (solved part)*(its rows of op(A)) straight into B,
 * the tile is copied into its rows of the packed sliver, solved there, and copied back. */
static void pk_left_part(void *ctx, int part, int nparts)
{
    const pk_ctx *p = ctx;
    const tr_ctx *x = p->x;
    const blas_int MR = p->kt->mr, NR = p->kt->nr, mb = p->mb, ldb = x->ldb;
    const blas_int nsl = (mb + MR - 1) / MR;
    const int unit = x->diag == 'U', lower = x->lower;
    sb_t *bb = pk_alloc((size_t)mb * NR);
    if (!bb) {
        for (blas_int s = part; s < p->nslabs; s += nparts) {
            blas_int j0 = s * p->slab;
            solve_left(x, mb, SB_MIN(p->slab, p->nrhs - j0), p->alpha, p->a, p->b + (size_t)j0 * ldb);
        }
        return;
    }
    for (blas_int s = part; s < p->nslabs; s += nparts) {
        blas_int j0 = s * p->slab, j1 = SB_MIN(j0 + p->slab, p->nrhs);
        for (blas_int jr = j0; jr < j1; jr += NR) {
            blas_int nr = SB_MIN(NR, j1 - jr);
            sb_t *bc = p->b + (size_t)jr * ldb;
            if (nr < NR)
                for (blas_int q = 0; q < (blas_int)mb * NR; q++) bb[q] = 0;
            for (blas_int t = 0; t < nsl; t++) {
                blas_int si = lower ? t : nsl - 1 - t;
                blas_int i0 = si * MR, mr = SB_MIN(MR, mb - i0);
                const sb_t *asl = p->apk + (size_t)si * MR * mb;
                blas_int k = lower ? i0 : mb - i0 - mr;
                sb_t *bt = bc + i0, *rows = bb + (size_t)i0 * NR;
                if (k > 0) {
                    blas_int o = lower ? 0 : i0 + mr;
                    p->kt->ukr(k, -1, asl + (size_t)o * MR, bb + (size_t)o * NR, p->alpha, bt, ldb, mr, nr);
                    for (blas_int j = 0; j < nr; j++)
                        for (blas_int i = 0; i < mr; i++) rows[i * NR + j] = bt[i + (size_t)j * ldb];
                } else {
                    for (blas_int j = 0; j < nr; j++)
                        for (blas_int i = 0; i < mr; i++) rows[i * NR + j] = p->alpha * bt[i + (size_t)j * ldb];
                }
                const sb_t *d = p->dt + (size_t)si * MR * MR;
                if (NR == PK_NR) solve_rows(lower, unit, mr, d, MR, rows, PK_NR);
                else solve_rows(lower, unit, mr, d, MR, rows, NR);
                for (blas_int j = 0; j < nr; j++)
                    for (blas_int i = 0; i < mr; i++) bt[i + (size_t)j * ldb] = rows[i * NR + j];
            }
        }
    }
    free(bb);
}

/* Side 'R': slabs of rows; per MR rows, the column tiles from the first solved to the last, each
 * as for side 'L' with the roles of rows and columns exchanged. */
static void pk_right_part(void *ctx, int part, int nparts)
{
    const pk_ctx *p = ctx;
    const tr_ctx *x = p->x;
    const blas_int MR = p->kt->mr, NR = p->kt->nr, nb = p->mb, ldb = x->ldb;
    const blas_int nsl = (nb + NR - 1) / NR;
    const int unit = x->diag == 'U', upper = !x->lower;
    sb_t *as = pk_alloc((size_t)nb * MR);
    if (!as) {
        for (blas_int s = part; s < p->nslabs; s += nparts) {
            blas_int i0 = s * p->slab;
            solve_right(x, nb, SB_MIN(p->slab, p->nrhs - i0), p->alpha, p->a, p->b + i0);
        }
        return;
    }
    for (blas_int s = part; s < p->nslabs; s += nparts) {
        blas_int r0 = s * p->slab, r1 = SB_MIN(r0 + p->slab, p->nrhs);
        for (blas_int ir = r0; ir < r1; ir += MR) {
            blas_int mr = SB_MIN(MR, r1 - ir);
            sb_t *br = p->b + ir;
            if (mr < MR)
                for (blas_int q = 0; q < (blas_int)nb * MR; q++) as[q] = 0;
            for (blas_int t = 0; t < nsl; t++) {
                blas_int sj = upper ? t : nsl - 1 - t;
                blas_int j0 = sj * NR, nr = SB_MIN(NR, nb - j0);
                const sb_t *bsl = p->apk + (size_t)sj * NR * nb;
                blas_int k = upper ? j0 : nb - j0 - nr;
                sb_t *bt = br + (size_t)j0 * ldb, *cols = as + (size_t)j0 * MR;
                if (k > 0) {
                    blas_int o = upper ? 0 : j0 + nr;
                    p->kt->ukr(k, -1, as + (size_t)o * MR, bsl + (size_t)o * NR, p->alpha, bt, ldb, mr, nr);
                    for (blas_int j = 0; j < nr; j++)
                        for (blas_int i = 0; i < mr; i++) cols[i + j * MR] = bt[i + (size_t)j * ldb];
                } else {
                    for (blas_int j = 0; j < nr; j++)
                        for (blas_int i = 0; i < mr; i++) cols[i + j * MR] = p->alpha * bt[i + (size_t)j * ldb];
                }
                const sb_t *d = p->dt + (size_t)sj * NR * NR;
                if (MR == PK_MR) solve_cols(upper, unit, nr, d, NR, cols, PK_MR);
                else solve_cols(upper, unit, nr, d, NR, cols, MR);
                for (blas_int j = 0; j < nr; j++)
                    for (blas_int i = 0; i < mr; i++) bt[i + (size_t)j * ldb] = cols[i + j * MR];
            }
        }
    }
    free(as);
}

/* Solves the diagonal block of order mb (at a) against all right-hand sides (at b). */
static void pk_block(const tr_ctx *x, const sb_gemm_kernels_t *kt, blas_int mb, sb_t alpha, const sb_t *a, sb_t *b)
{
    const int left = x->side == 'L';
    const blas_int r = left ? kt->mr : kt->nr;
    const blas_int nsl = (mb + r - 1) / r;
    const blas_int nrhs = left ? x->n : x->m;
    sb_t *apk = pk_alloc((size_t)nsl * r * mb + (size_t)nsl * r * r);
    if (!apk) {
        if (left) solve_left(x, mb, nrhs, alpha, a, b);
        else solve_right(x, mb, nrhs, alpha, a, b);
        return;
    }
    sb_t *dt = apk + (size_t)nsl * r * mb;
    if (left) kt->pack_a(x->trans, mb, mb, a, x->lda, apk, (int)r);
    else kt->pack_b(x->trans, mb, mb, a, x->lda, apk, (int)r);
    for (blas_int s = 0; s < nsl; s++) {
        blas_int o = s * r, w = SB_MIN(r, mb - o);
        sb_t *d = dt + (size_t)s * r * r;
        for (blas_int l = 0; l < r; l++)
            for (blas_int i = 0; i < r; i++) {
                int in = i < w && l < w && (x->lower ? i > l : i < l);
                if (i == l && i < w && x->diag != 'U') in = 1;
                d[i + l * r] = in ? opa(x, a, o + i, o + l) : 0;
            }
    }
    /* slabs of right-hand sides: a multiple of the register block, sized by the problem only */
    blas_int unitw = left ? kt->nr : kt->mr;
    blas_int slab = tr_slab_width(nrhs, unitw);
    pk_ctx p = {x, kt, mb, nrhs, slab, (nrhs + slab - 1) / slab, alpha, a, b, apk, dt};
    double flops = (double)mb * (double)mb * (double)nrhs * (SB_IS_COMPLEX ? 4.0 : 1.0);
    int nt = sb_threads_for(flops);
    if (nt > p.nslabs) nt = (int)p.nslabs;
    sb_parallel_run(nt, left ? pk_left_part : pk_right_part, &p);
    free(apk);
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
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    if (side == 'L') rec_left(&x, kt, m, alpha, a, b);
    else rec_right(&x, kt, n, alpha, a, b);
}
