/* y := alpha*op(A)*x + beta*y with A an m x n band matrix (kl sub-, ku super-diagonals):
 * column j holds rows max(0, j-ku) .. min(m-1, j+kl), row i at a[ku + i - j + j*lda]. */
#include "drivers/level2_products.h"

void SB_NAME(gbmv)(int op, blas_int m, blas_int n, blas_int kl, blas_int ku, sb_t alpha, const sb_t *a,
                   blas_int lda, const sb_t *x, blas_int incx, sb_t beta, sb_t *y, blas_int incy)
{
    const int notrans = op == SB_OP_N || op == SB_OP_R;
    const int cj = SB_IS_COMPLEX && (op == SB_OP_C || op == SB_OP_R);
    SB_NAME(l2p_scal_y)(notrans ? m : n, beta, y, incy);
    if (alpha == 0) return;
    for (blas_int j = 0; j < n; j++) {
        blas_int i0 = j > ku ? j - ku : 0;
        ptrdiff_t i1 = (ptrdiff_t)j + kl < m - 1 ? (ptrdiff_t)j + kl : m - 1;
        blas_int cnt = i1 >= i0 ? (blas_int)(i1 - i0 + 1) : 0; /* 0 for columns past m + ku */
        if (notrans && cnt == 0) break; /* every later column is empty too */
        const sb_t *col = a + (ptrdiff_t)j * lda + (ku - j + i0);
        if (notrans)
            sb_l2p_axpy(cnt, alpha * x[(ptrdiff_t)j * incx], col, cj, y + (ptrdiff_t)i0 * incy, incy);
        else
            y[(ptrdiff_t)j * incy] += alpha * sb_l2p_dot(cnt, col, cj, x + (ptrdiff_t)i0 * incx, incx);
    }
}
