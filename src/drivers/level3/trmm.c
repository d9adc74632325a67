/* trmm: B := alpha*op(A)*B (side 'L') or alpha*B*op(A) (side 'R'), A triangular.
 *
 * Recursive like trsm.c: A is split near the middle (at a multiple of 16); the half whose
 * result still needs the other half's original values is done first, the coupling block goes
 * through gemm, blocks of order <= 16 use plain loops. B is cut into pieces of columns (side
 * 'L') or rows (side 'R') whose size depends only on the problem; parallel parts take whole
 * pieces, so the result is bitwise the same at every thread count. */
#include "drivers/level3.h"
#include "drivers/level3_structured.h"
#include "runtime/parallel.h"

enum { TRMM_BASE = 32 };

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

static inline const sb_t *op21(const tr_ctx *x, const sb_t *a, blas_int m1)
{
    return x->trans == 'N' ? a + m1 : a + (size_t)m1 * x->lda;
}
static inline const sb_t *op12(const tr_ctx *x, const sb_t *a, blas_int m1)
{
    return x->trans == 'N' ? a + (size_t)m1 * x->lda : a + m1;
}

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

static void trmm_part(void *ctx, int part, int nparts)
{
    const tr_ctx *x = ctx;
    for (blas_int p = part; p < x->npieces; p += nparts) {
        blas_int s0 = p * x->piece;
        if (x->side == 'L')
            mult_left(x, x->m, SB_MIN(x->piece, x->n - s0), x->alpha, x->a, x->b + (size_t)s0 * x->ldb);
        else
            mult_right(x, x->n, SB_MIN(x->piece, x->m - s0), x->alpha, x->a, x->b + s0);
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
    tr_ctx x = {side, uplo, transa, diag, (uplo == 'L') == (transa == 'N'), m, n, 0, 0, alpha, a, lda, b, ldb};
    blas_int rhs = side == 'L' ? n : m, order = side == 'L' ? m : n;
    x.piece = sb_l3s_piece(rhs, 64, 32);
    x.npieces = (rhs + x.piece - 1) / x.piece;
    double flops = (double)order * (double)order * (double)rhs * (SB_IS_COMPLEX ? 4.0 : 1.0);
    int nt = sb_threads_for(flops);
    if (nt > x.npieces) nt = (int)x.npieces;
    sb_parallel_run(nt, trmm_part, &x);
}
