/* PLACEHOLDER gemm driver (plain triple loop), to be replaced by the packed, blocked,
 * parallel implementation on the kernel table. */
#include "drivers/level3.h"

static inline sb_t elem(char trans, const sb_t *a, blas_int lda, blas_int i, blas_int j)
{
    /* op(A)(i, j) */
    if (trans == 'N') return a[i + (size_t)j * lda];
    sb_t v = a[j + (size_t)i * lda];
    return trans == 'C' ? sb_conj(v) : v;
}

void SB_NAME(gemm)(char transa, char transb, blas_int m, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                   blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    for (blas_int j = 0; j < n; j++) {
        for (blas_int i = 0; i < m; i++) {
            sb_t s = 0;
            if (alpha != 0)
                for (blas_int l = 0; l < k; l++) s += elem(transa, a, lda, i, l) * elem(transb, b, ldb, l, j);
            sb_t *cij = &c[i + (size_t)j * ldc];
            *cij = beta == 0 ? alpha * s : alpha * s + beta * *cij;
        }
    }
}
