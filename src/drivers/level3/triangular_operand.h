/* The triangular operand of trsm and trmm (templated, included by both drivers): the call's
 * context, op(A)(i, j), and the recursive 2 x 2 split of op(A) at a multiple of 16 near the middle
 * (a point that depends only on the order, so results are the same at every thread count). */
#ifndef SB_DRIVERS_LEVEL3_TRIANGULAR_OPERAND_H
#define SB_DRIVERS_LEVEL3_TRIANGULAR_OPERAND_H

#include "drivers/level3_structured.h"

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

#endif
