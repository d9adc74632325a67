/* The portable register-blocked gemm microkernel, as a body included by a templated source that
 * defines SB_UKR_NAME (the function's name), SB_UKR_MR and SB_UKR_NR first. Included by
 * generic/gemm_ukr.c and by avx2/ (for the precisions without a hand-written AVX2 kernel),
 * where the compiler vectorizes the same loops with AVX2/FMA.
 *
 * Contract (see kernels.h): C(i,j) := alpha*sum_p a(i,p) b(p,j) + beta*C(i,j), i < m, j < n;
 * with alpha = +-1 each product is added to the running value of beta*C in turn.
 * The whole MR x NR tile is always computed with loops of fixed bounds, and the m x n part that
 * exists is copied in and out, so every element gets the same arithmetic wherever it sits. */
#include "kernels/kernels.h"

void SB_UKR_NAME(blas_int k, sb_t alpha, const sb_t *a, const sb_t *b, sb_t beta, sb_t *c, blas_int ldc,
                 blas_int m, blas_int n)
{
    enum { MR = SB_UKR_MR, NR = SB_UKR_NR };
    sb_t ab[MR * NR]; /* ab[j*MR + i] */
    if (alpha == 1 || alpha == -1) {
        /* in order, from beta*C (C not read when beta is 0, not multiplied when it is 1) */
        for (int t = 0; t < MR * NR; t++) ab[t] = 0;
        if (beta != 0)
            for (blas_int j = 0; j < n; j++)
                for (blas_int i = 0; i < m; i++) {
                    sb_t v = c[i + (size_t)j * ldc];
                    ab[j * MR + i] = beta == 1 ? v : beta * v;
                }
        int sub = alpha == -1;
        for (blas_int p = 0; p < k; p++) {
            const sb_t *ap = a + (size_t)p * MR, *bp = b + (size_t)p * NR;
            for (int j = 0; j < NR; j++) {
                sb_t bj = bp[j];
                if (sub)
                    for (int i = 0; i < MR; i++) ab[j * MR + i] -= ap[i] * bj;
                else
                    for (int i = 0; i < MR; i++) ab[j * MR + i] += ap[i] * bj;
            }
        }
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < m; i++) c[i + (size_t)j * ldc] = ab[j * MR + i];
        return;
    }
    for (int t = 0; t < MR * NR; t++) ab[t] = 0;
    for (blas_int p = 0; p < k; p++) {
        const sb_t *ap = a + (size_t)p * MR, *bp = b + (size_t)p * NR;
        for (int j = 0; j < NR; j++) {
            sb_t bj = bp[j];
            for (int i = 0; i < MR; i++) ab[j * MR + i] += ap[i] * bj;
        }
    }
    if (beta == 0) {
        for (int t = 0; t < MR * NR; t++) ab[t] = alpha * ab[t];
    } else {
        sb_t ct[MR * NR];
        for (int t = 0; t < MR * NR; t++) ct[t] = 0;
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < m; i++) ct[j * MR + i] = c[i + (size_t)j * ldc];
        if (beta == 1) /* as the reference: C is not multiplied by one (Inf*(1+0i) would give NaN) */
            for (int t = 0; t < MR * NR; t++) ab[t] = alpha * ab[t] + ct[t];
        else
            for (int t = 0; t < MR * NR; t++) ab[t] = alpha * ab[t] + beta * ct[t];
    }
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < m; i++) c[i + (size_t)j * ldc] = ab[j * MR + i];
}
