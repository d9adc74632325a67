/* Triangular matrix product B := op(A) B or B op(A) (alpha = 1), by recursion on the triangle:
 * the halves recursively, coupled by one gemm; small triangles by loops. Internal to the LAPACK
 * routines (trtri, lauum). */
#include "drivers/level3.h"
#include "lapack/lapack.h"

#define TRMM_BASE 16

static inline sb_t opa(char trans, const sb_t *a, blas_int lda, blas_int i, blas_int j)
{
    if (trans == 'N') return a[i + (size_t)j * lda];
    sb_t v = a[j + (size_t)i * lda];
    return trans == 'C' ? sb_conj(v) : v;
}

static inline const sb_t *opa_block(char trans, const sb_t *a, blas_int lda, blas_int i, blas_int j)
{
    return trans == 'N' ? a + i + (size_t)j * lda : a + j + (size_t)i * lda;
}

static inline blas_int split(blas_int n)
{
    blas_int h = n / 2;
    if (n > 64) h = (h + 15) / 16 * 16;
    return h;
}

static void base_left(int lower, char trans, int unit, blas_int m, blas_int n, const sb_t *a, blas_int lda,
                      sb_t *b, blas_int ldb)
{
    for (blas_int j = 0; j < n; j++) {
        sb_t *x = b + (size_t)j * ldb;
        if (lower) { /* x_i = sum_{l <= i} op(A)(i,l) x_l: bottom up */
            for (blas_int i = m - 1; i >= 0; i--) {
                sb_t s = unit ? x[i] : opa(trans, a, lda, i, i) * x[i];
                for (blas_int l = 0; l < i; l++) s += opa(trans, a, lda, i, l) * x[l];
                x[i] = s;
            }
        } else {
            for (blas_int i = 0; i < m; i++) {
                sb_t s = unit ? x[i] : opa(trans, a, lda, i, i) * x[i];
                for (blas_int l = i + 1; l < m; l++) s += opa(trans, a, lda, i, l) * x[l];
                x[i] = s;
            }
        }
    }
}

static void base_right(int lower, char trans, int unit, blas_int m, blas_int n, const sb_t *a, blas_int lda,
                       sb_t *b, blas_int ldb)
{
    /* column j of the result is sum_l B_l op(A)(l, j) */
    if (lower) { /* l >= j: left to right */
        for (blas_int j = 0; j < n; j++) {
            sb_t *xj = b + (size_t)j * ldb;
            if (!unit) {
                sb_t d = opa(trans, a, lda, j, j);
                for (blas_int i = 0; i < m; i++) xj[i] *= d;
            }
            for (blas_int l = j + 1; l < n; l++) {
                sb_t t = opa(trans, a, lda, l, j);
                if (t == 0) continue;
                const sb_t *bl = b + (size_t)l * ldb;
                for (blas_int i = 0; i < m; i++) xj[i] += bl[i] * t;
            }
        }
    } else { /* l <= j: right to left */
        for (blas_int j = n - 1; j >= 0; j--) {
            sb_t *xj = b + (size_t)j * ldb;
            if (!unit) {
                sb_t d = opa(trans, a, lda, j, j);
                for (blas_int i = 0; i < m; i++) xj[i] *= d;
            }
            for (blas_int l = 0; l < j; l++) {
                sb_t t = opa(trans, a, lda, l, j);
                if (t == 0) continue;
                const sb_t *bl = b + (size_t)l * ldb;
                for (blas_int i = 0; i < m; i++) xj[i] += bl[i] * t;
            }
        }
    }
}

static void rec(char side, int lower, char trans, int unit, blas_int m, blas_int n, const sb_t *a, blas_int lda,
                sb_t *b, blas_int ldb)
{
    const sb_t one = 1;
    char ta = trans;
    if (side == 'L') {
        if (m <= TRMM_BASE) {
            base_left(lower, trans, unit, m, n, a, lda, b, ldb);
            return;
        }
        blas_int m1 = split(m), m2 = m - m1;
        const sb_t *a22 = a + m1 + (size_t)m1 * lda;
        if (lower) { /* [T11 0; T21 T22] [B1; B2] */
            rec(side, lower, trans, unit, m2, n, a22, lda, b + m1, ldb);
            SB_NAME(gemm)(ta, 'N', m2, n, m1, one, opa_block(trans, a, lda, m1, 0), lda, b, ldb, one, b + m1, ldb);
            rec(side, lower, trans, unit, m1, n, a, lda, b, ldb);
        } else { /* [T11 T12; 0 T22] [B1; B2] */
            rec(side, lower, trans, unit, m1, n, a, lda, b, ldb);
            SB_NAME(gemm)(ta, 'N', m1, n, m2, one, opa_block(trans, a, lda, 0, m1), lda, b + m1, ldb, one, b, ldb);
            rec(side, lower, trans, unit, m2, n, a22, lda, b + m1, ldb);
        }
    } else {
        if (n <= TRMM_BASE) {
            base_right(lower, trans, unit, m, n, a, lda, b, ldb);
            return;
        }
        blas_int n1 = split(n), n2 = n - n1;
        const sb_t *a22 = a + n1 + (size_t)n1 * lda;
        sb_t *b2 = b + (size_t)n1 * ldb;
        if (lower) { /* [B1 B2] [T11 0; T21 T22] = [B1 T11 + B2 T21, B2 T22] */
            rec(side, lower, trans, unit, m, n1, a, lda, b, ldb);
            SB_NAME(gemm)('N', ta, m, n1, n2, one, b2, ldb, opa_block(trans, a, lda, n1, 0), lda, one, b, ldb);
            rec(side, lower, trans, unit, m, n2, a22, lda, b2, ldb);
        } else { /* [B1 T11, B1 T12 + B2 T22] */
            rec(side, lower, trans, unit, m, n2, a22, lda, b2, ldb);
            SB_NAME(gemm)('N', ta, m, n2, n1, one, b, ldb, opa_block(trans, a, lda, 0, n1), lda, one, b2, ldb);
            rec(side, lower, trans, unit, m, n1, a, lda, b, ldb);
        }
    }
}

void SB_NAME(lp_trmm)(char side, char uplo, char trans, char diag, blas_int m, blas_int n, const sb_t *a,
                      blas_int lda, sb_t *b, blas_int ldb)
{
    if (m <= 0 || n <= 0) return;
#if !SB_IS_COMPLEX
    if (trans == 'C') trans = 'T';
#endif
    int lower = (uplo == 'L') == (trans == 'N');
    rec(side, lower, trans, diag == 'U', m, n, a, lda, b, ldb);
}
