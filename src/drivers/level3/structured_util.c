/* Helpers shared by the structured level-3 drivers: scaling a triangle or a rectangle of C by
 * beta (beta == 0 writes zeros without reading C), used for the alpha == 0 / k == 0 paths. */
#include "drivers/level3_structured.h"

void SB_NAME(l3s_scale_tri)(char uplo, int herm, blas_int n, sb_t beta, sb_t *c, blas_int ldc)
{
    for (blas_int j = 0; j < n; j++) {
        sb_t *cj = c + (size_t)j * ldc;
        blas_int i0 = uplo == 'U' ? 0 : j, i1 = uplo == 'U' ? j + 1 : n;
        if (beta == 0) {
            for (blas_int i = i0; i < i1; i++) cj[i] = 0;
        } else {
            sb_r djj = sb_creal(cj[j]);
            for (blas_int i = i0; i < i1; i++) cj[i] = beta * cj[i];
            if (herm) cj[j] = sb_creal(beta) * djj;
        }
    }
}

void SB_NAME(l3s_scale_rect)(blas_int m, blas_int n, sb_t beta, sb_t *c, blas_int ldc)
{
    for (blas_int j = 0; j < n; j++) {
        sb_t *cj = c + (size_t)j * ldc;
        if (beta == 0)
            for (blas_int i = 0; i < m; i++) cj[i] = 0;
        else
            for (blas_int i = 0; i < m; i++) cj[i] = beta * cj[i];
    }
}
