/* Triangular solve with many right-hand sides, by recursion on the triangle: the two halves
 * are solved recursively and coupled by one gemm (parallel through the gemm driver), so almost
 * all flops run in gemm. Triangles of at most TRSM_BASE rows are solved by substitution.
 * Internal to the LAPACK routines (alpha = 1, arguments valid). */
#include "drivers/level3.h"
#include "lapack/lapack.h"

#define TRSM_BASE 16

/* op(A)(i, j) */
static inline sb_t opa(char trans, const sb_t *a, blas_int lda, blas_int i, blas_int j)
{
    if (trans == 'N') return a[i + (size_t)j * lda];
    sb_t v = a[j + (size_t)i * lda];
    return trans == 'C' ? sb_conj(v) : v;
}

/* The block of op(A) starting at (i, j), as a gemm operand (pointer into A and transa). */
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
    if (trans == 'N') { /* column-oriented, contiguous columns of A (the LU and Cholesky case) */
        for (blas_int j = 0; j < n; j++) {
            sb_t *x = b + (size_t)j * ldb;
            if (lower) {
                for (blas_int i = 0; i < m; i++) {
                    if (x[i] == 0) continue;
                    const sb_t *ai = a + (size_t)i * lda;
                    if (!unit) x[i] = x[i] / ai[i];
                    sb_t t = x[i];
                    for (blas_int r = i + 1; r < m; r++) x[r] -= t * ai[r];
                }
            } else {
                for (blas_int i = m - 1; i >= 0; i--) {
                    if (x[i] == 0) continue;
                    const sb_t *ai = a + (size_t)i * lda;
                    if (!unit) x[i] = x[i] / ai[i];
                    sb_t t = x[i];
                    for (blas_int r = 0; r < i; r++) x[r] -= t * ai[r];
                }
            }
        }
        return;
    }
    /* op(A) = A^T or A^H: dot-product form on the columns of A */
    const int cj = trans == 'C';
    for (blas_int j = 0; j < n; j++) {
        sb_t *x = b + (size_t)j * ldb;
        if (lower) { /* op(A) lower: A upper; x_i = (b_i - sum_{r<i} op(A)(i,r) x_r) / op(A)(i,i) */
            for (blas_int i = 0; i < m; i++) {
                const sb_t *ai = a + (size_t)i * lda; /* column i of A = row i of op(A) */
                sb_t s = x[i];
                for (blas_int r = 0; r < i; r++) s -= sb_conj_if(cj, ai[r]) * x[r];
                x[i] = unit ? s : s / sb_conj_if(cj, ai[i]);
            }
        } else {
            for (blas_int i = m - 1; i >= 0; i--) {
                const sb_t *ai = a + (size_t)i * lda;
                sb_t s = x[i];
                for (blas_int r = i + 1; r < m; r++) s -= sb_conj_if(cj, ai[r]) * x[r];
                x[i] = unit ? s : s / sb_conj_if(cj, ai[i]);
            }
        }
    }
}

static void base_right(int lower, char trans, int unit, blas_int m, blas_int n, const sb_t *a, blas_int lda,
                       sb_t *b, blas_int ldb)
{
    /* X op(A) = B: column l of B is sum_j X_j op(A)(j, l). */
    if (lower) {
        for (blas_int j = n - 1; j >= 0; j--) {
            sb_t *xj = b + (size_t)j * ldb;
            if (!unit) {
                sb_t d = opa(trans, a, lda, j, j);
                for (blas_int i = 0; i < m; i++) xj[i] = xj[i] / d;
            }
            for (blas_int l = 0; l < j; l++) {
                sb_t t = opa(trans, a, lda, j, l);
                if (t == 0) continue;
                sb_t *bl = b + (size_t)l * ldb;
                for (blas_int i = 0; i < m; i++) bl[i] -= xj[i] * t;
            }
        }
    } else {
        for (blas_int j = 0; j < n; j++) {
            sb_t *xj = b + (size_t)j * ldb;
            if (!unit) {
                sb_t d = opa(trans, a, lda, j, j);
                for (blas_int i = 0; i < m; i++) xj[i] = xj[i] / d;
            }
            for (blas_int l = j + 1; l < n; l++) {
                sb_t t = opa(trans, a, lda, j, l);
                if (t == 0) continue;
                sb_t *bl = b + (size_t)l * ldb;
                for (blas_int i = 0; i < m; i++) bl[i] -= xj[i] * t;
            }
        }
    }
}

static void rec(char side, int lower, char trans, int unit, blas_int m, blas_int n, const sb_t *a, blas_int lda,
                sb_t *b, blas_int ldb)
{
    const sb_t one = 1, mone = -1;
    char ta = trans == 'N' ? 'N' : trans;
    if (side == 'L') {
        if (m <= TRSM_BASE) {
            base_left(lower, trans, unit, m, n, a, lda, b, ldb);
            return;
        }
        blas_int m1 = split(m), m2 = m - m1;
        const sb_t *a22 = a + m1 + (size_t)m1 * lda;
        if (lower) {
            rec(side, lower, trans, unit, m1, n, a, lda, b, ldb);
            SB_NAME(gemm)(ta, 'N', m2, n, m1, mone, opa_block(trans, a, lda, m1, 0), lda, b, ldb, one, b + m1, ldb);
            rec(side, lower, trans, unit, m2, n, a22, lda, b + m1, ldb);
        } else {
            rec(side, lower, trans, unit, m2, n, a22, lda, b + m1, ldb);
            SB_NAME(gemm)(ta, 'N', m1, n, m2, mone, opa_block(trans, a, lda, 0, m1), lda, b + m1, ldb, one, b, ldb);
            rec(side, lower, trans, unit, m1, n, a, lda, b, ldb);
        }
    } else {
        if (n <= TRSM_BASE) {
            base_right(lower, trans, unit, m, n, a, lda, b, ldb);
            return;
        }
        blas_int n1 = split(n), n2 = n - n1;
        const sb_t *a22 = a + n1 + (size_t)n1 * lda;
        sb_t *b2 = b + (size_t)n1 * ldb;
        if (lower) {
            rec(side, lower, trans, unit, m, n2, a22, lda, b2, ldb);
            SB_NAME(gemm)('N', ta, m, n1, n2, mone, b2, ldb, opa_block(trans, a, lda, n1, 0), lda, one, b, ldb);
            rec(side, lower, trans, unit, m, n1, a, lda, b, ldb);
        } else {
            rec(side, lower, trans, unit, m, n1, a, lda, b, ldb);
            SB_NAME(gemm)('N', ta, m, n2, n1, mone, b, ldb, opa_block(trans, a, lda, 0, n1), lda, one, b2, ldb);
            rec(side, lower, trans, unit, m, n2, a22, lda, b2, ldb);
        }
    }
}

void SB_NAME(lp_trsm)(char side, char uplo, char trans, char diag, blas_int m, blas_int n, const sb_t *a,
                      blas_int lda, sb_t *b, blas_int ldb)
{
    if (m <= 0 || n <= 0) return;
#if !SB_IS_COMPLEX
    if (trans == 'C') trans = 'T';
#endif
    int lower = (uplo == 'L') == (trans == 'N'); /* op(A) is lower triangular */
    rec(side, lower, trans, diag == 'U', m, n, a, lda, b, ldb);
}
