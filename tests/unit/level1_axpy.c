/* ?axpy against a plain oracle: sizes, increments (negative, zero-length), guard bands,
 * alpha = 0 quick return, Fortran ABI and CBLAS. */
#include "test_prec.h"
#include "cblas.h"

void SB_F77(axpy)(const blas_int *n, const sb_t *alpha, const sb_t *x, const blas_int *incx, sb_t *y,
                  const blas_int *incy);

static void check_one(blas_int n, sb_t alpha, blas_int incx, blas_int incy, int use_cblas)
{
    sbt_vec x = sbt_vec_new(n, incx), y = sbt_vec_new(n, incy);
    if (use_cblas) {
#if SB_IS_COMPLEX
        SB_CBLAS(axpy)(n, &alpha, x.v, incx, y.v, incy);
#else
        SB_CBLAS(axpy)(n, alpha, x.v, incx, y.v, incy);
#endif
    } else {
        SB_F77(axpy)(&n, &alpha, x.v, &incx, y.v, &incy);
    }
    int ok = 1;
    for (blas_int i = 0; i < n; i++) {
        sb_t want = alpha == 0 ? sbt_vec_orig(&y, i) : sbt_vec_orig(&y, i) + alpha * sbt_vec_orig(&x, i);
        if (!sbt_close(*sbt_vec_at(&y, i), want, 4.0, 4 * SBT_EPS)) ok = 0;
    }
    CHECK(ok, "axpy values n=%d incx=%d incy=%d cblas=%d", (int)n, (int)incx, (int)incy, use_cblas);
    CHECK(sbt_vec_guards_intact(&y) && sbt_vec_guards_intact(&x), "axpy wrote outside y (n=%d incx=%d incy=%d)",
          (int)n, (int)incx, (int)incy);
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

int main(void)
{
    static const blas_int incs[] = {1, 2, -1, -3};
    for (int s = 0; s < sbt_num_small_sizes; s++)
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
                for (int c = 0; c < 2; c++) check_one(sbt_small_sizes[s], sbt_rand_elem(), incs[a], incs[b], c);
    check_one(1000, sbt_rand_elem(), 1, 1, 0);
    check_one(7, 0, 1, 1, 0);
    check_one(-1, 1, 1, 1, 0);
    return sbt_finish("level1_axpy_" SB_UPPER);
}
