/* gemmt: C := alpha*op(A)*op(B) + beta*C on one triangle of the n x n matrix C (see level3.h).
 * Column blocks of width nb: the rectangle beside the diagonal block goes straight to gemm; the
 * diagonal block is computed by gemm on a private copy of its triangle (the other triangle of
 * the copy is zero and is thrown away), so the other triangle of C is never read or written. */
#include <stdlib.h>

#include "drivers/level3.h"

static inline const sb_t *op_at(char trans, const sb_t *x, blas_int ldx, blas_int i, blas_int j)
{
    if (trans == 'N' || trans == 'R') return x + i + (size_t)j * ldx;
    return x + j + (size_t)i * ldx;
}

static inline sb_t op_elem(char trans, const sb_t *x, blas_int ldx, blas_int i, blas_int j)
{
    sb_t v = *op_at(trans, x, ldx, i, j);
    return (trans == 'C' || trans == 'R') ? sb_conj(v) : v;
}

/* Rows [lo, hi) of column j that belong to the triangle. */
static inline void tri_rows(char uplo, blas_int n, blas_int j, blas_int *lo, blas_int *hi)
{
    if (uplo == 'U') *lo = 0, *hi = j + 1;
    else *lo = j, *hi = n;
}

void SB_NAME(gemmt)(char uplo, char transa, char transb, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                    blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (n <= 0) return;
    if (!SB_IS_COMPLEX) {
        if (transa == 'C') transa = 'T';
        if (transa == 'R') transa = 'N';
        if (transb == 'C') transb = 'T';
        if (transb == 'R') transb = 'N';
    }
    if (alpha == 0 || k <= 0) {
        for (blas_int j = 0; j < n; j++) {
            blas_int lo, hi;
            tri_rows(uplo, n, j, &lo, &hi);
            SB_NAME(gemm_scale)(hi - lo, 1, beta, c + lo + (size_t)j * ldc, ldc);
        }
        return;
    }
    /* block width: a multiple of 8, about n/8 (the diagonal blocks waste ~nb/n of the work),
     * at least 32 (packing overhead), at most 256 */
    blas_int nb = (n / 8 + 7) / 8 * 8;
    nb = SB_MAX(32, SB_MIN(256, nb));
    nb = SB_MIN(nb, n);
    sb_t *t = NULL;
    if (posix_memalign((void **)&t, 64, (size_t)nb * nb * sizeof(sb_t)) != 0) t = NULL;
    if (!t) { /* unblocked fallback */
        for (blas_int j = 0; j < n; j++) {
            blas_int lo, hi;
            tri_rows(uplo, n, j, &lo, &hi);
            for (blas_int i = lo; i < hi; i++) {
                sb_t s = 0;
                for (blas_int l = 0; l < k; l++) s += op_elem(transa, a, lda, i, l) * op_elem(transb, b, ldb, l, j);
                sb_t *cij = c + i + (size_t)j * ldc;
                *cij = beta == 0 ? alpha * s : beta == 1 ? alpha * s + *cij : alpha * s + beta * *cij;
            }
        }
        return;
    }
    for (blas_int j0 = 0; j0 < n; j0 += nb) {
        blas_int jb = SB_MIN(nb, n - j0);
        const sb_t *bj = op_at(transb, b, ldb, 0, j0);
        /* the rectangle beside the diagonal block */
        if (uplo == 'U') {
            if (j0 > 0)
                SB_NAME(gemm)(transa, transb, j0, jb, k, alpha, a, lda, bj, ldb, beta, c + (size_t)j0 * ldc, ldc);
        } else {
            blas_int r0 = j0 + jb;
            if (r0 < n)
                SB_NAME(gemm)(transa, transb, n - r0, jb, k, alpha, op_at(transa, a, lda, r0, 0), lda, bj, ldb, beta,
                              c + r0 + (size_t)j0 * ldc, ldc);
        }
        /* the diagonal block, through the private copy */
        sb_t *cd = c + j0 + (size_t)j0 * ldc;
        for (blas_int j = 0; j < jb; j++)
            for (blas_int i = 0; i < jb; i++) {
                int mine = uplo == 'U' ? i <= j : i >= j;
                t[i + (size_t)j * jb] = (mine && beta != 0) ? cd[i + (size_t)j * ldc] : (sb_t)0;
            }
        SB_NAME(gemm)(transa, transb, jb, jb, k, alpha, op_at(transa, a, lda, j0, 0), lda, bj, ldb, beta, t, jb);
        for (blas_int j = 0; j < jb; j++) {
            blas_int lo, hi;
            tri_rows(uplo, jb, j, &lo, &hi);
            for (blas_int i = lo; i < hi; i++) cd[i + (size_t)j * ldc] = t[i + (size_t)j * jb];
        }
    }
    free(t);
}
