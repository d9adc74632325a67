/* The five gemm loops on one block of C, on the calling thread, optionally restricted to a
 * triangle (the engine of gemm, gemmt, syrk/herk and syr2k/her2k).
 *
 *   jc over n by NC   - pack a KC x NC panel of op(B) (per pc step), times alpha unless +-1
 *   pc over k by KC   - beta applies on the first KC step, later steps add
 *   ic over m by MC   - pack an MC x KC block of op(A)
 *   jr over NR, ir over MR - the microkernel on one MR x NR tile
 *
 * Triangle (tri != NULL): only the entries (i, j) of the block with i - j <= off ('U') or
 * i - j >= off ('L') are owned. Row blocks and tiles wholly outside are skipped; a tile wholly
 * inside (and off the diagonal i - j == off) gets the microkernel straight into C; a tile that
 * meets the diagonal gets it on a small MR x NR copy holding only the owned entries of C (not
 * read when beta is 0), and only the owned entries are copied back. herm: the diagonal entries
 * are read and written with a zero imaginary part. Every element goes through the same k loop
 * and the same microkernel whichever path computes it (the kernel's arithmetic does not depend
 * on a tile's position or size), so any split of C among threads gives the same bits. The
 * arithmetic: C := beta*C, then C(i,j) += op(A)(i,l) * (alpha*op(B)(l,j)) for l in order (FMA),
 * alpha*op(B) rounded first as in the reference; so a product split along k, or computed by the
 * small-problem kernel (real, and complex with k up to min(KC, 256)), gives the same bits too
 * (gemm_simple below, for the tiniest products and when there is no workspace, does not fuse, and
 * sums from zero when A is transposed). */
#include <stdlib.h>
#include <string.h>

#include "drivers/level3.h"
#include "kernels/kernels.h"
#include "kernels/workspace.h"

/* The largest MR x NR the copy for diagonal tiles holds (every kernel set fits: avx512 s is 48 x 8). */
enum { TILE_MAX = 512 };

static inline sb_t op_elem(char trans, const sb_t *x, blas_int ldx, blas_int i, blas_int j)
{
    sb_t v = *sb_l3_op_at(trans, x, ldx, i, j);
    return (trans == 'C' || trans == 'R') ? sb_conj(v) : v;
}

/* Entry (i, j) of the block: e = i - j - off; owned when e <= 0 ('U') or e >= 0 ('L'). */
static inline int tri_owns(const sb_l3_tri *t, blas_int e) { return t->uplo == 'U' ? e <= 0 : e >= 0; }

/* Rows 0..w-1 of column j of C (at cj; A's rows at a): cj := beta*cj + sum over l in turn of
 * (alpha*op(B)(l, j))*op(A)(:, l), op(A) = A or conj(A), the w entries in registers. */
static inline __attribute__((always_inline)) void simple_rows(const int w, char tb, blas_int k, sb_t alpha,
                                                              const sb_t *a, blas_int lda, const sb_t *b,
                                                              blas_int ldb, blas_int j, sb_t beta, sb_t *restrict cj,
                                                              int a_conj)
{
    sb_t acc[8];
#pragma GCC unroll 8
    for (int r = 0; r < w; r++) acc[r] = beta == 0 ? 0 : beta == 1 ? cj[r] : beta * cj[r];
    for (blas_int l = 0; l < k; l++) {
        sb_t t = alpha * op_elem(tb, b, ldb, l, j);
        const sb_t *restrict al = a + (size_t)l * lda; /* C overlaps neither A nor B (BLAS contract) */
        if (a_conj) {
#pragma GCC unroll 8
            for (int r = 0; r < w; r++) acc[r] += t * sb_conj(al[r]);
        } else {
#pragma GCC unroll 8
            for (int r = 0; r < w; r++) acc[r] += t * al[r];
        }
    }
#pragma GCC unroll 8
    for (int r = 0; r < w; r++) cj[r] = acc[r];
}

/* Without packing (tiny problems, or no memory for the workspace), column by column of C as the
 * reference does: op(A) = A (or conj(A)) by axpys down the column, C(:,j) := beta*C(:,j) + sum
 * over l in turn of (alpha*op(B)(l,j))*A(:,l), which the compiler vectorizes; op(A) transposed by
 * dot products, C(i,j) := alpha*(sum from zero) + beta*C(i,j). Each element's arithmetic is its
 * own, whatever block it is computed in. */
void SB_NAME(gemm_simple)(char ta, char tb, blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                          blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc,
                          const sb_l3_tri *tri)
{
    const int a_cols = ta == 'N' || ta == 'R', a_conj = ta == 'C' || ta == 'R';
    for (blas_int j = 0; j < n; j++) {
        sb_t *cj = c + (size_t)j * ldc;
        blas_int i0 = 0, i1 = m, d = -1; /* the owned rows [i0, i1); d: the diagonal row, if herm */
        if (tri) {
            if (tri->uplo == 'U') i1 = SB_MIN(m, j + tri->off + 1);
            else i0 = SB_MAX(0, j + tri->off);
            if (tri->herm && j + tri->off >= 0 && j + tri->off < m) d = j + tri->off;
        }
        if (i0 >= i1) continue;
        if (d >= 0 && beta != 0) cj[d] = sb_creal(cj[d]);
        if (a_cols) {
            /* rows in blocks of 8, 4, 2, 1 held in registers across l: the same operations on
             * every element whichever block holds it */
            blas_int i = i0;
            for (; i + 8 <= i1; i += 8) simple_rows(8, tb, k, alpha, a + i, lda, b, ldb, j, beta, cj + i, a_conj);
            if (i + 4 <= i1) simple_rows(4, tb, k, alpha, a + i, lda, b, ldb, j, beta, cj + i, a_conj), i += 4;
            if (i + 2 <= i1) simple_rows(2, tb, k, alpha, a + i, lda, b, ldb, j, beta, cj + i, a_conj), i += 2;
            if (i < i1) simple_rows(1, tb, k, alpha, a + i, lda, b, ldb, j, beta, cj + i, a_conj);
        } else {
            for (blas_int i = i0; i < i1; i++) {
                const sb_t *ai = a + (size_t)i * lda; /* op(A)(i, l) = A(l, i), conjugated for 'C' */
                sb_t s = 0;
                for (blas_int l = 0; l < k; l++) s += (a_conj ? sb_conj(ai[l]) : ai[l]) * op_elem(tb, b, ldb, l, j);
                sb_t v = alpha * s;
                cj[i] = beta == 0 ? v : beta == 1 ? v + cj[i] : v + beta * cj[i];
            }
        }
        if (d >= 0) cj[d] = sb_creal(cj[d]);
    }
}

/* The packed operands of one step of k: one product, or two (gemm_block_pair). alpha: as the
 * microkernel takes it (1 where alpha went into the packed B). */
typedef struct {
    int np;
    sb_t alpha[2];
    const sb_t *a[2], *b[2];
} step_products;

/* Product q's terms into tile (ir, jr) of the packed block: C := beta*C + ... for the first, C + ...
 * for the second (which always follows the first). */
static inline void tile_product(const sb_gemm_kernels_t *kt, const step_products *sp, int q, blas_int kc, blas_int ir,
                                blas_int jr, sb_t beta, sb_t *c, blas_int ldc, blas_int mr, blas_int nr)
{
    kt->ukr(kc, sp->alpha[q], sp->a[q] + (size_t)ir * kc, sp->b[q] + (size_t)jr * kc, q == 0 ? beta : (sb_t)1, c, ldc,
            mr, nr);
}

/* One tile that meets the diagonal: e0 = i0 - j0 - off for its first entry. The tile is computed
 * on a copy (owned entries of C, zeros elsewhere) and only the owned entries are written back.
 * Column j owns one run of rows, [lo, hi): e = e0 + i - j <= 0 for 'U', >= 0 for 'L'; copying
 * runs instead of testing every entry keeps these tiles cheap (they are most of syrk's work in
 * a small potrf: 12% of numpy's cholesky at n = 200 went to the element-wise copies). */
static void tile_diag(const sb_gemm_kernels_t *kt, const sb_l3_tri *tri, const step_products *sp, blas_int kc,
                      blas_int ir, blas_int jr, sb_t beta, sb_t *c, blas_int ldc, blas_int e0, blas_int mr, blas_int nr)
{
    _Alignas(64) sb_t t[TILE_MAX];
    const blas_int MR = kt->mr;
    blas_int lo[TILE_MAX], hi[TILE_MAX]; /* nr <= NR <= TILE_MAX */
    for (blas_int j = 0; j < nr; j++) {
        blas_int d = j - e0; /* the row with e == 0 in this column */
        lo[j] = tri->uplo == 'U' ? 0 : SB_MAX(0, SB_MIN(mr, d));
        hi[j] = tri->uplo == 'U' ? SB_MAX(0, SB_MIN(mr, d + 1)) : mr;
    }
    if (beta != 0)
        for (blas_int j = 0; j < nr; j++) {
            sb_t *tj = t + j * MR;
            const sb_t *cj = c + (size_t)j * ldc;
            for (blas_int i = 0; i < lo[j]; i++) tj[i] = 0;
            for (blas_int i = lo[j]; i < hi[j]; i++) tj[i] = cj[i];
            for (blas_int i = hi[j]; i < mr; i++) tj[i] = 0;
            blas_int d = j - e0;
            if (tri->herm && d >= 0 && d < mr) tj[d] = sb_creal(tj[d]);
        }
    for (int q = 0; q < sp->np; q++) tile_product(kt, sp, q, kc, ir, jr, beta, t, MR, mr, nr);
    for (blas_int j = 0; j < nr; j++) {
        const sb_t *tj = t + j * MR;
        sb_t *cj = c + (size_t)j * ldc;
        for (blas_int i = lo[j]; i < hi[j]; i++) cj[i] = tj[i];
        blas_int d = j - e0;
        if (tri->herm && d >= 0 && d < mr) cj[d] = sb_creal(tj[d]);
    }
}

/* The jr/ir loops over the tiles of one packed mc x nc block of C whose first entry is (ic, jc)
 * in the block's coordinates, keeping to the triangle. */
static void macro_tri(const sb_gemm_kernels_t *kt, const sb_l3_tri *tri, blas_int ic, blas_int jc, blas_int mc,
                      blas_int nc, blas_int kc, const step_products *sp, sb_t beta, sb_t *c, blas_int ldc)
{
    const blas_int MR = kt->mr, NR = kt->nr;
    for (blas_int jr = 0; jr < nc; jr += NR) {
        blas_int nr = SB_MIN(NR, nc - jr);
        blas_int d = ic - (jc + jr) - tri->off; /* e of the block's top row in the tile's first column */
        blas_int ir0 = 0, ir1 = mc;
        if (tri->uplo == 'L') {
            /* owned rows start at i - ic = -d (first column); earlier slivers are outside */
            if (-d >= mc) break; /* further right only fewer rows */
            if (-d > 0) ir0 = -d / MR * MR;
        } else {
            /* owned rows end at i - ic = nr - 1 - d (last column) */
            if (d > nr - 1) continue;
            ir1 = SB_MIN(mc, nr - d);
        }
        sb_t *cc = c + (size_t)jr * ldc;
        /* the products one after the other down the column of tiles (see gemm_packed) */
        for (int q = 0; q < sp->np; q++)
            for (blas_int ir = ir0; ir < ir1; ir += MR) {
                blas_int mr = SB_MIN(MR, mc - ir);
                blas_int e0 = d + ir; /* e of the tile's first entry */
                blas_int lo = e0 - (nr - 1), hi = e0 + mr - 1;
                int inside = tri->uplo == 'L' ? lo > 0 : hi < 0;
                if (inside) tile_product(kt, sp, q, kc, ir, jr, beta, cc + ir, ldc, mr, nr);
                else if (q == 0 && (tri->uplo == 'L' ? hi >= 0 : lo <= 0))
                    tile_diag(kt, tri, sp, kc, ir, jr, beta, cc + ir, ldc, e0, mr, nr); /* both products */
            }
    }
}

/* ---- a symmetric operand packed from its stored triangle (symm/hemm) ----
 * One sliver (r wide along the sliver side) at a time: its k range splits into the part before
 * the sliver's diagonal block (wholly in one triangle), the diagonal block itself (w x w at most)
 * and the part after it (wholly in the other triangle). The stored triangle's parts are packed
 * as is ('N'), the mirrored ones transposed ('T', 'C' for hermitian), the diagonal block from a
 * small expanded copy; a single sliver's packed format is column p at p*r, so the pieces land
 * where packing the expanded matrix would put them. */

/* The largest piece of the diagonal block copied at once (elements; the rest in further steps). */
enum { SYM_DIAG_CHUNK = 512 };

/* len steps of k from global index q of the sliver at global index g, w wide, wholly in one
 * triangle: is_a: rows g.. by columns q..; else rows q.. by columns g... */
static void pack_sym_part(const sb_gemm_kernels_t *kt, int is_a, const sb_l3_sym *sym, int stored, blas_int g,
                          blas_int w, blas_int q, blas_int len, sb_t *buf, int r)
{
    blas_int row0 = is_a ? g : q, col0 = is_a ? q : g, rows = is_a ? w : len, cols = is_a ? len : w;
    char mirror = SB_IS_COMPLEX && sym->herm ? 'C' : 'T';
    const sb_t *x = stored ? sym->a + row0 + (size_t)col0 * sym->lda : sym->a + col0 + (size_t)row0 * sym->lda;
    (is_a ? kt->pack_a : kt->pack_b)(stored ? 'N' : mirror, rows, cols, x, sym->lda, buf, r);
}

/* The ns x kc (is_a: the A block at (s0, p0) of the gemm block) or kc x ns (B block at (p0, s0))
 * block of the symmetric operand, packed in slivers of r as pack_a / pack_b would. */
static void pack_sym(const sb_gemm_kernels_t *kt, int is_a, const sb_l3_sym *sym, blas_int s0, blas_int ns,
                     blas_int p0, blas_int kc, sb_t *buf, int r)
{
    /* before the diagonal: A's rows below their columns (lower), B's rows above (upper) */
    const int before_stored = is_a ? sym->uplo == 'L' : sym->uplo == 'U';
    const blas_int gp = (is_a ? sym->c0 : sym->r0) + p0, ge = gp + kc;
    for (blas_int s = 0; s < ns; s += r) {
        blas_int w = SB_MIN(r, ns - s), g = (is_a ? sym->r0 : sym->c0) + s0 + s;
        sb_t *sl = buf + (size_t)s * kc;
        blas_int d0 = SB_MAX(gp, SB_MIN(g, ge)), d1 = SB_MAX(d0, SB_MIN(g + w, ge));
        if (d0 > gp) pack_sym_part(kt, is_a, sym, before_stored, g, w, gp, d0 - gp, sl, r);
        blas_int step = SB_MAX(1, SYM_DIAG_CHUNK / w);
        for (blas_int q = d0; q < d1; q += step) {
            _Alignas(64) sb_t t[SYM_DIAG_CHUNK];
            blas_int len = SB_MIN(step, d1 - q);
            for (blas_int p = 0; p < len; p++)
                for (blas_int i = 0; i < w; i++) {
                    if (is_a) t[i + p * w] = sb_l3_sym_el(sym, g + i, q + p);
                    else t[p + i * len] = sb_l3_sym_el(sym, q + p, g + i);
                }
            if (is_a) kt->pack_a('N', w, len, t, w, sl + (size_t)(q - gp) * r, r);
            else kt->pack_b('N', len, w, t, len, sl + (size_t)(q - gp) * r, r);
        }
        if (ge > d1) pack_sym_part(kt, is_a, sym, !before_stored, g, w, d1, ge - d1, sl + (size_t)(d1 - gp) * r, r);
    }
}

/* ---- B's slivers from A's (tri->self: syrk/herk, the syr2k/her2k pair) ----
 * The packed B panel holds op(A)'s rows again, transposed, and packing it a second time reads
 * them from memory once more: the two packings took 9-11% of dsyrk n = 1024 on one thread (half
 * the flops of a gemm packing the same). Instead, each packed A block gives the B slivers of the
 * columns whose rows it holds, copied while it is in L2, before its tiles run; a block needs only
 * columns whose rows it or the blocks before it hold (lower: columns left of its rows; upper,
 * blocks taken bottom first: columns right of them). The values are those the packer writes
 * (conjugation is exact, alpha multiplies each once as after packing), so the bits are the same.
 * Needs B slivers that lie in one A sliver each: NR dividing MR and MC, and column jc's row on a
 * multiple of NR from the first block's (checked per column block; else B is packed): the avx512
 * set, not avx2 (d 8 x 6). Xeon 6/207, one thread, best of 6 interleaved, GFLOP/s: dsyrk n = 1024
 * LN 70.1 -> 71.4, LT 71.6 -> 73.1, UN 70.5 -> 72.9, UT 71.2 -> 74.2, n = 2048 LT 74.6 -> 76.0;
 * two threads LN 1024 135.8 -> 142.9; dpotrf n = 1000 and 2000 +0.3-1.8%. The copies run at the
 * speed of writing the panel (about 19 GB/s here), still 3% of dsyrk n = 1024. */
/* Row p of the B slivers x0..x1-1 (NR columns each, kc deep, at b) from row p of one packed A
 * sliver (MR rows, at a): B sliver x holds the A sliver's rows x*NR.. . One pass over the A
 * sliver for all the B slivers it gives, so each of its lines comes from L2 once. */
static inline __attribute__((always_inline)) void copy_rows(const int nr, blas_int mr, blas_int kc, const sb_t *a,
                                                            int x0, int x1, sb_t *b, int cj, int scale, sb_t alpha)
{
    for (blas_int p = 0; p < kc; p++, a += mr)
        for (int x = x0; x < x1; x++) {
            const sb_t *src = a + x * nr;
            sb_t *dst = b + (size_t)(x - x0) * nr * kc + (size_t)p * nr;
            if (!cj && !scale) {
                memcpy(dst, src, sizeof(sb_t) * (size_t)nr);
                continue;
            }
            for (int e = 0; e < nr; e++) {
                sb_t v = cj ? sb_conj(src[e]) : src[e];
                dst[e] = scale ? alpha * v : v;
            }
        }
}

/* The slivers of the B panel (columns jc.., nc of them, at bpk) whose rows (column + off) fall in
 * the packed A block apk of rows [ic, ic + mc), kc deep; alpha multiplies them unless it is +-1. */
static void derive_b(const sb_gemm_kernels_t *kt, int cj, sb_t alpha, blas_int ic, blas_int mc, blas_int jc,
                     blas_int nc, blas_int off, blas_int kc, const sb_t *apk, sb_t *bpk)
{
    const blas_int MR = kt->mr, NR = kt->nr;
    const int scale = alpha != 1 && alpha != -1;
    blas_int j0 = SB_MAX(jc, ic - off), j1 = SB_MIN(jc + nc, ic + mc - off);
    if (j1 <= j0) return;
    blas_int r0 = j0 + off - ic, r1 = r0 + (j1 - j0 + NR - 1) / NR * NR; /* block rows, r0 a multiple of NR */
    for (blas_int s = r0 / MR * MR; s < r1; s += MR) { /* A slivers */
        int x0 = (int)((SB_MAX(s, r0) - s) / NR), x1 = (int)((SB_MIN(s + MR, r1) - s) / NR);
        const sb_t *a = apk + (size_t)s * kc;
        sb_t *b = bpk + (size_t)(s + x0 * NR + ic - off - jc) * kc;
        if (NR == 8) copy_rows(8, MR, kc, a, x0, x1, b, cj, scale, alpha);
        else if (NR == 4) copy_rows(4, MR, kc, a, x0, x1, b, cj, scale, alpha);
        else copy_rows((int)NR, MR, kc, a, x0, x1, b, cj, scale, alpha);
    }
}

/* The five loops with buffers owned by the caller: abuf/bbuf[1] for the second product, if any. */
static void gemm_packed(const sb_gemm_kernels_t *kt, char ta, char tb, blas_int m, blas_int n, blas_int k,
                        sb_t alpha, const sb_t *a, blas_int lda, const sb_t *b, blas_int ldb,
                        const sb_l3_second *second, sb_t beta, sb_t *c, blas_int ldc, const sb_l3_tri *tri,
                        const sb_l3_sym *sym, char sym_side, sb_t *const abuf[2], sb_t *const bbuf[2])
{
    const blas_int MR = kt->mr, NR = kt->nr, MC = kt->mc, KC = kt->kc, NC = kt->nc;
    /* alpha other than +-1 goes into the packed B (alpha*op(B), rounded once per element), so
     * the microkernel always adds the products to beta*C in order: every alpha then rounds as
     * the reference orders it, and as the small-problem kernel does */
    const int np = second ? 2 : 1;
    const sb_t alphas[2] = {alpha, second ? second->alpha : 0};
    const sb_t *as[2] = {a, second ? second->a : NULL}, *bs[2] = {b, second ? second->b : NULL};
    const blas_int ldas[2] = {lda, second ? second->lda : 0}, ldbs[2] = {ldb, second ? second->ldb : 0};
    step_products sp = {np, {0, 0}, {abuf[0], abuf[1]}, {bbuf[0], bbuf[1]}};
    for (int q = 0; q < np; q++) sp.alpha[q] = alphas[q] != 1 && alphas[q] != -1 ? (sb_t)1 : alphas[q];
    /* k in equal steps of at most KC (multiples of 8, from k alone): k = 512 with KC = 384 goes
     * as 256 + 256, not 384 + 128, whose short second step reloads and stores all of C and packs
     * B for a third of the products (Xeon 6/207, one thread, best of 9: zgemm n = 512 75.2 ->
     * 76.9 GFLOP/s, dgemm 71.6 -> 72.7). The real precisions sum in order, so their bits do not
     * depend on the steps at all; complex ones join their sums where the steps end. */
    const blas_int nk = (k + KC - 1) / KC;
    const blas_int kstep = nk <= 1 ? k : SB_MIN(KC, ((k + nk - 1) / nk + 7) / 8 * 8);
    blas_int j_lo = 0;
    /* B's slivers from A's where op(B) is op(A)' (see derive_b) */
    const int self = tri && tri->self && !sym && MR % NR == 0 && MC % NR == 0;
    const int conj_b = SB_IS_COMPLEX && (ta == 'C') != (tb == 'C');
    if (tri && tri->uplo == 'L') n = SB_MIN(n, m - tri->off); /* columns right of the last row's reach */
    if (tri && tri->uplo == 'U' && tri->off < 0) j_lo = -tri->off / NR * NR;
    for (blas_int jc = j_lo; jc < n; jc += NC) {
        blas_int nc = SB_MIN(NC, n - jc);
        blas_int i_lo = 0, i_hi = m; /* the rows this column block meets */
        if (tri && tri->uplo == 'L') i_lo = SB_MAX(0, jc + tri->off) / MR * MR;
        if (tri && tri->uplo == 'U') i_hi = SB_MIN(m, jc + nc + tri->off);
        const int derive = self && jc + tri->off >= i_lo && jc + nc + tri->off <= i_hi && (jc + tri->off - i_lo) % NR == 0;
        const blas_int nblocks = (i_hi - i_lo + MC - 1) / MC;
        for (blas_int pc = 0; pc < k; pc += kstep) {
            blas_int kc = SB_MIN(kstep, k - pc);
            sb_t beta_p = pc == 0 ? beta : (sb_t)1;
            for (int q = 0; q < np && !derive; q++) {
                if (sym && sym_side == 'R') pack_sym(kt, 0, sym, jc, nc, pc, kc, bbuf[q], (int)NR);
                else kt->pack_b(tb, kc, nc, sb_l3_op_at(tb, bs[q], ldbs[q], pc, jc), ldbs[q], bbuf[q], (int)NR);
                if (alphas[q] != 1 && alphas[q] != -1)
                    for (size_t e = 0, len = (size_t)((nc + NR - 1) / NR) * NR * kc; e < len; e++)
                        bbuf[q][e] = alphas[q] * bbuf[q][e];
            }
            for (blas_int t = 0; t < nblocks; t++) {
                /* upper with B from A: the bottom block first (a block needs the rows below it) */
                blas_int ic = i_lo + (derive && tri->uplo == 'U' ? nblocks - 1 - t : t) * MC;
                blas_int mc = SB_MIN(MC, i_hi - ic);
                for (int q = 0; q < np; q++) {
                    if (sym && sym_side == 'L') pack_sym(kt, 1, sym, ic, mc, pc, kc, abuf[q], (int)MR);
                    else kt->pack_a(ta, mc, kc, sb_l3_op_at(ta, as[q], ldas[q], ic, pc), ldas[q], abuf[q], (int)MR);
                }
                for (int q = 0; q < np && derive; q++) /* a pair's B from the other product's A */
                    derive_b(kt, conj_b, alphas[q], ic, mc, jc, nc, tri->off, kc, abuf[np == 1 ? 0 : 1 - q], bbuf[q]);
                sb_t *cb = c + ic + (size_t)jc * ldc;
                if (tri) {
                    macro_tri(kt, tri, ic, jc, mc, nc, kc, &sp, beta_p, cb, ldc);
                    continue;
                }
                /* two products: each column of tiles (mc x NR of C, in L1 or L2) gets the first
                 * product's terms and then the second's, so each product's B sliver stays in L1
                 * down the column as in gemm */
                for (blas_int jr = 0; jr < nc; jr += NR) {
                    sb_t *cc = cb + (size_t)jr * ldc;
                    blas_int nr = SB_MIN(NR, nc - jr);
                    for (int q = 0; q < np; q++)
                        for (blas_int ir = 0; ir < mc; ir += MR)
                            tile_product(kt, &sp, q, kc, ir, jr, beta_p, cc + ir, ldc, SB_MIN(MR, mc - ir), nr);
                }
            }
        }
    }
}

/* Bytes of the packing buffers for an m x n x k block with steps of k at most kc deep: packed A
 * (rounded up to a cache line), then packed B; *abytes: where B starts. */
static size_t packed_bytes(const sb_gemm_kernels_t *kt, blas_int m, blas_int n, blas_int k, blas_int kc_max,
                           size_t *abytes)
{
    blas_int MR = kt->mr, NR = kt->nr;
    blas_int kc = SB_MIN(kc_max, k);
    blas_int mc = SB_MIN((blas_int)kt->mc, (m + MR - 1) / MR * MR);
    blas_int nc = SB_MIN((blas_int)kt->nc, (n + NR - 1) / NR * NR);
    *abytes = ((size_t)mc * kc * sizeof(sb_t) + 63) / 64 * 64;
    return *abytes + (size_t)nc * kc * sizeof(sb_t);
}

void SB_NAME(gemm_block_pair)(char ta, char tb, blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                              blas_int lda, const sb_t *b, blas_int ldb, const sb_l3_second *second, sb_t beta,
                              sb_t *c, blas_int ldc, const sb_l3_tri *tri)
{
    if (m <= 0 || n <= 0) return;
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    size_t abytes, bytes = packed_bytes(kt, m, n, k, kt->kc, &abytes);
    const int np = second ? 2 : 1;
    int owned;
    char *ws = tri && kt->mr * kt->nr > TILE_MAX ? NULL : sb_workspace_get(np * bytes, &owned);
    if (ws) {
        /* [A | B] for the first product, then the same for the second */
        sb_t *abuf[2] = {(sb_t *)ws, (sb_t *)(ws + bytes)}, *bbuf[2] = {(sb_t *)(ws + abytes), (sb_t *)(ws + bytes + abytes)};
        gemm_packed(kt, ta, tb, m, n, k, alpha, a, lda, b, ldb, second, beta, c, ldc, tri, NULL, 0, abuf, bbuf);
        sb_workspace_put(ws, owned);
        return;
    }
    SB_NAME(gemm_simple)(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, tri);
    if (second)
        SB_NAME(gemm_simple)(ta, tb, m, n, k, second->alpha, second->a, second->lda, second->b, second->ldb, 1, c, ldc, tri);
}

void SB_NAME(gemm_block)(char ta, char tb, blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                         blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc,
                         const sb_l3_tri *tri)
{
    SB_NAME(gemm_block_pair)(ta, tb, m, n, k, alpha, a, lda, b, ldb, NULL, beta, c, ldc, tri);
}

void SB_NAME(gemm_block_sym)(char side, const sb_l3_sym *sym, blas_int m, blas_int n, blas_int k, sb_t alpha,
                             const sb_t *x, blas_int ldx, sb_t beta, sb_t *c, blas_int ldc)
{
    if (m <= 0 || n <= 0) return;
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    size_t abytes, bytes = packed_bytes(kt, m, n, k, kt->kc, &abytes);
    int owned;
    char *ws = sb_workspace_get(bytes, &owned);
    if (!ws) {
        SB_NAME(gemm_sym_simple)(side, sym, m, n, k, alpha, x, ldx, beta, c, ldc);
        return;
    }
    sb_t *abuf[2] = {(sb_t *)ws, NULL}, *bbuf[2] = {(sb_t *)(ws + abytes), NULL};
    gemm_packed(kt, 'N', 'N', m, n, k, alpha, x, ldx, x, ldx, NULL, beta, c, ldc, NULL, sym, side, abuf, bbuf);
    sb_workspace_put(ws, owned);
}

void SB_NAME(gemm_sym_simple)(char side, const sb_l3_sym *sym, blas_int m, blas_int n, blas_int k, sb_t alpha,
                              const sb_t *x, blas_int ldx, sb_t beta, sb_t *c, blas_int ldc)
{
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < m; i++) {
            sb_t s = 0;
            for (blas_int l = 0; l < k; l++)
                s += side == 'L' ? sb_l3_sym_el(sym, sym->r0 + i, sym->c0 + l) * x[l + (size_t)j * ldx]
                                 : x[i + (size_t)l * ldx] * sb_l3_sym_el(sym, sym->r0 + l, sym->c0 + j);
            sb_t *cij = &c[i + (size_t)j * ldc];
            *cij = beta == 0 ? alpha * s : alpha * s + beta * *cij;
        }
}

/* op(A) packed once by the caller for several products (getrf's trailing chunks share A21): the
 * jc/jr/ir loops of gemm_packed with k <= kc, no pc loop, and the same arithmetic. */
size_t SB_NAME(gemm_a_packed_size)(blas_int m, blas_int k)
{
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    if (m <= 0 || k <= 0 || k > kt->kc) return 0;
    return (size_t)((m + kt->mr - 1) / kt->mr) * (size_t)kt->mr * (size_t)k;
}

void SB_NAME(gemm_pack_a_for)(char ta, blas_int m, blas_int k, const sb_t *a, blas_int lda, sb_t *apk)
{
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    kt->pack_a(ta, m, k, a, lda, apk, kt->mr);
}

void SB_NAME(gemm_with_packed_a)(blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *apk, char tb,
                                 const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (m <= 0 || n <= 0) return;
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    const blas_int MR = kt->mr, NR = kt->nr, NC = kt->nc;
    blas_int nc0 = SB_MIN(NC, (n + NR - 1) / NR * NR);
    int owned;
    sb_t *bbuf = sb_workspace_get((size_t)nc0 * k * sizeof(sb_t), &owned);
    if (!bbuf) { /* no workspace: element by element from the packed slivers (as gemm_simple) */
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < m; i++) {
                const sb_t *ai = apk + (size_t)(i / MR) * MR * k + i % MR;
                sb_t s = beta == 0 ? 0 : beta * c[i + (size_t)j * ldc];
                for (blas_int l = 0; l < k; l++) s += ai[(size_t)l * MR] * (alpha * *sb_l3_op_at(tb, b, ldb, l, j));
                c[i + (size_t)j * ldc] = s;
            }
        return;
    }
    const int scale_b = alpha != 1 && alpha != -1;
    const sb_t alpha_k = scale_b ? (sb_t)1 : alpha;
    for (blas_int jc = 0; jc < n; jc += NC) {
        blas_int nc = SB_MIN(NC, n - jc);
        kt->pack_b(tb, k, nc, sb_l3_op_at(tb, b, ldb, 0, jc), ldb, bbuf, (int)NR);
        if (scale_b)
            for (size_t q = 0, len = (size_t)((nc + NR - 1) / NR) * NR * k; q < len; q++) bbuf[q] = alpha * bbuf[q];
        /* MC rows of the packed A at a time stay in L2 while the B slivers pass */
        for (blas_int ic = 0; ic < m; ic += kt->mc) {
            blas_int i1 = SB_MIN(m, ic + kt->mc);
            for (blas_int jr = 0; jr < nc; jr += NR) {
                const sb_t *bp = bbuf + (size_t)jr * k;
                sb_t *cc = c + (size_t)(jc + jr) * ldc;
                blas_int nr = SB_MIN(NR, nc - jr);
                for (blas_int ir = ic; ir < i1; ir += MR)
                    kt->ukr(k, alpha_k, apk + (size_t)ir * k, bp, beta, cc + ir, ldc, SB_MIN(MR, m - ir), nr);
            }
        }
    }
    sb_workspace_put(bbuf, owned);
}
