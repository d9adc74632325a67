/* omatcopy driver: B := alpha*op(A), out of place, column-major (see level3.h). Transposes go
 * in 32 x 32 tiles so both matrices are walked through the cache in small pieces. alpha == 0
 * writes zeros without reading A; alpha == 1 copies exactly (no multiplication). */
#include "drivers/level3.h"

static inline sb_t scaled(sb_t alpha, sb_t x, int cj, int mode)
{
    if (cj) x = sb_conj(x);
    return mode == 0 ? (sb_t)0 : mode == 1 ? x : alpha * x;
}

void SB_NAME(omatcopy)(char trans, blas_int rows, blas_int cols, sb_t alpha, const sb_t *a, blas_int lda, sb_t *b,
                       blas_int ldb)
{
    int cj = SB_IS_COMPLEX && (trans == 'C' || trans == 'R');
    int tr = trans == 'T' || trans == 'C';
    int mode = alpha == 0 ? 0 : alpha == 1 ? 1 : 2;
    if (!tr) {
        for (blas_int j = 0; j < cols; j++) {
            const sb_t *aj = a + (size_t)j * lda;
            sb_t *bj = b + (size_t)j * ldb;
            for (blas_int i = 0; i < rows; i++) bj[i] = scaled(alpha, mode ? aj[i] : (sb_t)0, cj, mode);
        }
        return;
    }
    enum { T = 32 };
    for (blas_int j0 = 0; j0 < cols; j0 += T)
        for (blas_int i0 = 0; i0 < rows; i0 += T) {
            blas_int j1 = SB_MIN(cols, j0 + T), i1 = SB_MIN(rows, i0 + T);
            for (blas_int j = j0; j < j1; j++)
                for (blas_int i = i0; i < i1; i++)
                    b[j + (size_t)i * ldb] = scaled(alpha, mode ? a[i + (size_t)j * lda] : (sb_t)0, cj, mode);
        }
}
