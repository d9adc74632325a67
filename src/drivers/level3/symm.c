/* symm / hemm: C := alpha*A*B + beta*C (side 'L') or alpha*B*A + beta*C (side 'R').
 *
 * A's stored triangle is expanded, kb columns (side 'L') or kb rows (side 'R') at a time, into a
 * full temporary panel, and each panel goes to gemm as a rank-kb update of the whole C (the first
 * with beta, the rest with 1). The panel width depends only on the problem, so the order of the
 * sums is the same at every thread count; gemm itself splits C over the threads. */
#include <stdlib.h>

#include "drivers/level3.h"
#include "drivers/level3_structured.h"

enum { SYMM_KB = 256 };

/* Element (i, j) of the full symmetric/hermitian A given by its `uplo` triangle. */
static inline sb_t full_el(char uplo, int herm, const sb_t *a, blas_int lda, blas_int i, blas_int j)
{
    if (i == j) return herm ? sb_creal(a[i + (size_t)i * lda]) : a[i + (size_t)i * lda];
    int stored = uplo == 'U' ? i < j : i > j;
    if (stored) return a[i + (size_t)j * lda];
    sb_t v = a[j + (size_t)i * lda];
    return herm ? sb_conj(v) : v;
}

/* Without a temporary (allocation failed): the plain definition, element by element. */
static void symm_plain(char side, char uplo, int herm, blas_int m, blas_int n, sb_t alpha, const sb_t *a,
                       blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    blas_int ka = side == 'L' ? m : n;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < m; i++) {
            sb_t s = 0;
            for (blas_int l = 0; l < ka; l++)
                s += side == 'L' ? full_el(uplo, herm, a, lda, i, l) * b[l + (size_t)j * ldb]
                                 : b[i + (size_t)l * ldb] * full_el(uplo, herm, a, lda, l, j);
            sb_t *cij = &c[i + (size_t)j * ldc];
            *cij = beta == 0 ? alpha * s : alpha * s + beta * *cij;
        }
}

void SB_NAME(symm)(char side, char uplo, int herm, blas_int m, blas_int n, sb_t alpha, const sb_t *a,
                   blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (m <= 0 || n <= 0) return;
    if (alpha == 0) {
        SB_NAME(l3s_scale_rect)(m, n, beta, c, ldc);
        return;
    }
    blas_int ka = side == 'L' ? m : n;      /* order of A */
    blas_int other = side == 'L' ? m : n;   /* the panel's long side */
    blas_int kb = SB_MIN(SYMM_KB, ka);
    sb_t *t = malloc(sizeof(sb_t) * (size_t)kb * (size_t)other);
    if (!t) {
        symm_plain(side, uplo, herm, m, n, alpha, a, lda, b, ldb, beta, c, ldc);
        return;
    }
    for (blas_int p0 = 0; p0 < ka; p0 += kb) {
        blas_int pb = SB_MIN(kb, ka - p0);
        sb_t bt = p0 == 0 ? beta : 1;
        if (side == 'L') {
            /* t (m x pb) = columns p0.. of A */
            for (blas_int q = 0; q < pb; q++)
                for (blas_int i = 0; i < m; i++) t[i + (size_t)q * m] = full_el(uplo, herm, a, lda, i, p0 + q);
            SB_NAME(gemm)('N', 'N', m, n, pb, alpha, t, m, b + p0, ldb, bt, c, ldc);
        } else {
            /* t (pb x n) = rows p0.. of A */
            for (blas_int j = 0; j < n; j++)
                for (blas_int q = 0; q < pb; q++) t[q + (size_t)j * pb] = full_el(uplo, herm, a, lda, p0 + q, j);
            SB_NAME(gemm)('N', 'N', m, n, pb, alpha, b + (size_t)p0 * ldb, ldb, t, pb, bt, c, ldc);
        }
    }
    free(t);
}
