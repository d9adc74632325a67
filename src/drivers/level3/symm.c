/* symm / hemm: C := alpha*A*B + beta*C (side 'L') or alpha*B*A + beta*C (side 'R').
 *
 * One gemm over the whole product whose packing reads A's full blocks straight from the stored
 * triangle (gemm_sym: the mirrored part packed transposed, conjugated for hemm), so A is never
 * expanded and C is read and written once; gemm splits C over the threads and never k, so the
 * result is bitwise the same at every thread count. Where gemm would use its unpacked small
 * kernel instead and A is small, A is expanded into a full temporary and gemm is called on it. */
#include "drivers/level3.h"
#include "drivers/level3_structured.h"
#include "kernels/workspace.h"

/* The ka x ka full matrix of sym into t (ld ka), column by column: the stored part copied, the
 * mirrored part read across the stored rows (small problems only: gemm_sym takes the large ones,
 * so t and the triangle are in cache). */
static void expand_full(const sb_l3_sym *sym, blas_int ka, sb_t *t)
{
    const sb_t *a = sym->a;
    const blas_int lda = sym->lda;
    for (blas_int j = 0; j < ka; j++) {
        sb_t *tj = t + (size_t)j * ka;
        const sb_t *aj = a + (size_t)j * lda;
        /* rows [s0, s1) stored in column j, [r0, r1) mirrored from row j */
        blas_int s0 = sym->uplo == 'U' ? 0 : j + 1, s1 = sym->uplo == 'U' ? j : ka;
        blas_int r0 = sym->uplo == 'U' ? j + 1 : 0, r1 = sym->uplo == 'U' ? ka : j;
        for (blas_int i = s0; i < s1; i++) tj[i] = aj[i];
        if (SB_IS_COMPLEX && sym->herm)
            for (blas_int i = r0; i < r1; i++) tj[i] = sb_conj(a[j + (size_t)i * lda]);
        else
            for (blas_int i = r0; i < r1; i++) tj[i] = a[j + (size_t)i * lda];
        tj[j] = sb_l3_sym_el(sym, j, j);
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
    sb_l3_sym sym = {uplo, herm, a, lda, 0, 0};
    blas_int ka = side == 'L' ? m : n; /* order of A */
    /* expanding A pays where gemm's small kernel runs, unless A is large (a thin C: m = 2000,
     * n = 1 would copy 2000^2 elements for 4e6 multiply-adds): then packed all the same */
    int may_expand = (double)ka * ka * sizeof(sb_t) <= SB_WORKSPACE_SMALL;
    if (SB_NAME(gemm_sym)(side, &sym, m, n, alpha, b, ldb, beta, c, ldc, may_expand)) return;
    /* the packing workspace (gemm's small kernel, which takes this product, does not pack):
     * kept between calls (workspace.h), so no page faults for repeated calls */
    int owned;
    sb_t *t = sb_workspace_get(sizeof(sb_t) * (size_t)ka * (size_t)ka, &owned);
    if (!t) {
        SB_NAME(gemm_sym_simple)(side, &sym, m, n, ka, alpha, b, ldb, beta, c, ldc);
        return;
    }
    expand_full(&sym, ka, t);
    if (side == 'L') SB_NAME(gemm)('N', 'N', m, n, m, alpha, t, m, b, ldb, beta, c, ldc);
    else SB_NAME(gemm)('N', 'N', m, n, n, alpha, b, ldb, t, n, beta, c, ldc);
    sb_workspace_put(t, owned);
}
