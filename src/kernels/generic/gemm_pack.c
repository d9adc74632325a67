/* Portable gemm packing (format in kernels.h), all four precisions. Conjugation ('C', 'R') is
 * applied here, so the microkernels never conjugate. */
#include "kernels/kernels.h"

/* Rows of op(X) (rows x cols) in slivers of r rows: buf[s*r*cols + p*r + i] = op(X)(s*r + i, p). */
static void pack_rows(char trans, blas_int rows, blas_int cols, const sb_t *x, blas_int ldx, sb_t *buf, int r)
{
    int cj = SB_IS_COMPLEX && (trans == 'C' || trans == 'R');
    int notrans = trans == 'N' || trans == 'R';
    for (blas_int s = 0; s < rows; s += r) {
        blas_int ib = SB_MIN((blas_int)r, rows - s);
        if (notrans) {
            /* op(X)(i, p) = X(i, p): contiguous along i */
            for (blas_int p = 0; p < cols; p++) {
                const sb_t *src = x + s + (size_t)p * ldx;
                sb_t *dst = buf + (size_t)p * r;
                if (cj)
                    for (blas_int i = 0; i < ib; i++) dst[i] = sb_conj(src[i]);
                else
                    for (blas_int i = 0; i < ib; i++) dst[i] = src[i];
                for (blas_int i = ib; i < r; i++) dst[i] = 0;
            }
        } else {
            /* op(X)(i, p) = X(p, i): contiguous along p */
            for (blas_int i = 0; i < ib; i++) {
                const sb_t *src = x + (size_t)(s + i) * ldx;
                sb_t *dst = buf + i;
                if (cj)
                    for (blas_int p = 0; p < cols; p++) dst[(size_t)p * r] = sb_conj(src[p]);
                else
                    for (blas_int p = 0; p < cols; p++) dst[(size_t)p * r] = src[p];
            }
            if (ib < r)
                for (blas_int p = 0; p < cols; p++)
                    for (blas_int i = ib; i < r; i++) buf[(size_t)p * r + i] = 0;
        }
        buf += (size_t)r * cols;
    }
}

void SB_NAME(gemm_pack_a_generic)(char trans, blas_int m, blas_int k, const sb_t *a, blas_int lda, sb_t *buf, int mr)
{
    pack_rows(trans, m, k, a, lda, buf, mr);
}

/* Columns of op(B) are the rows of op(B)^T, which is B under the opposite transposition. */
void SB_NAME(gemm_pack_b_generic)(char trans, blas_int k, blas_int n, const sb_t *b, blas_int ldb, sb_t *buf, int nr)
{
    char flip = trans == 'N' ? 'T' : trans == 'T' ? 'N' : trans == 'C' ? 'R' : 'C';
    pack_rows(flip, n, k, b, ldb, buf, nr);
}
