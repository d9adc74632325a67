/* trsm: op(A)*X = alpha*B (side 'L') or X*op(A) = alpha*B (side 'R'), X overwrites B.
 *
 * Recursive: A is split in two near the middle (at a multiple of 16), one half is solved, the
 * coupling block goes through gemm, then the other half; blocks of order <= 16 are solved with
 * plain substitution loops. The right-hand sides are independent: B is cut into pieces of
 * columns (side 'L') or rows (side 'R') whose size depends only on the problem, and parallel
 * parts take whole pieces, so every element is computed the same way at every thread count. */
#include "drivers/level3.h"
#include "drivers/level3_structured.h"
#include "runtime/parallel.h"

enum { TRSM_BASE = 32 };

typedef struct {
    char side, uplo, trans, diag;
    int lower; /* op(A) is lower triangular */
    blas_int m, n, piece, npieces;
    sb_t alpha;
    const sb_t *a;
    blas_int lda;
    sb_t *b;
    blas_int ldb;
} tr_ctx;

/* op(A)(i, j) */
static inline sb_t opa(const tr_ctx *x, const sb_t *a, blas_int i, blas_int j)
{
    if (x->trans == 'N') return a[i + (size_t)j * x->lda];
    sb_t v = a[j + (size_t)i * x->lda];
    return x->trans == 'C' ? sb_conj(v) : v;
}

static inline blas_int split(blas_int m)
{
    blas_int m1 = (m / 2 + 8) / 16 * 16;
    return m1 < 16 ? 16 : m1;
}

/* op(A)_21 and op(A)_12 of the 2 x 2 split at m1, as stored (gemm applies x->trans). */
static inline const sb_t *op21(const tr_ctx *x, const sb_t *a, blas_int m1)
{
    return x->trans == 'N' ? a + m1 : a + (size_t)m1 * x->lda;
}
static inline const sb_t *op12(const tr_ctx *x, const sb_t *a, blas_int m1)
{
    return x->trans == 'N' ? a + (size_t)m1 * x->lda : a + m1;
}

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

static void trsm_part(void *ctx, int part, int nparts)
{
    const tr_ctx *x = ctx;
    for (blas_int p = part; p < x->npieces; p += nparts) {
        blas_int s0 = p * x->piece;
        if (x->side == 'L')
            solve_left(x, x->m, SB_MIN(x->piece, x->n - s0), x->alpha, x->a, x->b + (size_t)s0 * x->ldb);
        else
            solve_right(x, x->n, SB_MIN(x->piece, x->m - s0), x->alpha, x->a, x->b + s0);
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
    tr_ctx x = {side, uplo, transa, diag, (uplo == 'L') == (transa == 'N'), m, n, 0, 0, alpha, a, lda, b, ldb};
    blas_int rhs = side == 'L' ? n : m, order = side == 'L' ? m : n;
    x.piece = sb_l3s_piece(rhs, 64, 32);
    x.npieces = (rhs + x.piece - 1) / x.piece;
    double flops = (double)order * (double)order * (double)rhs * (SB_IS_COMPLEX ? 4.0 : 1.0);
    int nt = sb_threads_for(flops);
    if (nt > x.npieces) nt = (int)x.npieces;
    sb_parallel_run(nt, trsm_part, &x);
}
