/* ?axpy against a plain oracle: sizes, increments (negative, zero-length), guard bands,
 * alpha = 0 quick return, Fortran ABI and CBLAS; the unit-stride kernel bit for bit at every
 * length across its vector widths, unrolling and tails. */
#include "test_prec.h"
#include "cblas.h"
#include "level1_test.h"

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

/* The unit-stride kernel (every length to 70 and a few hundred, x and y at different offsets
 * from a 64-byte boundary) bit for bit against y + alpha*x as C computes it (a rounded product,
 * then a rounded sum; complex: C's product under -fcx-fortran-rules), which every kernel set
 * must give (kernels.h), with Inf and NaN at every third position in one pass. */
static void check_axpy_kernel_lengths(void)
{
    for (int k = 0; k <= L1_KMAX_SMALL + L1_NKLONG; k++) {
        blas_int n = k <= L1_KMAX_SMALL ? k : l1_kernel_long[k - L1_KMAX_SMALL - 1], one = 1;
        for (int off = 0; off < 4; off++)
            for (int special = 0; special < 2; special++) {
                l1_uvec x, y;
                l1_uvec_pair(n, off, special, &x, &y);
                const sb_t alpha = sbt_rand_elem();
                SB_F77(axpy)(&n, &alpha, x.v, &one, y.v, &one);
                int ok = 1;
                for (blas_int i = 0; i < n; i++) ok &= l1_same(y.v[i], l1_uvec_orig(&y, i) + alpha * l1_uvec_orig(&x, i));
                CHECK(ok, "axpy kernel n=%d off=%d special=%d: not C's multiply then add", (int)n, off, special);
                CHECK(l1_uvec_guards_intact(&y) && l1_uvec_unchanged(&x), "axpy kernel n=%d wrote outside y", (int)n);
                l1_uvec_free(&x);
                l1_uvec_free(&y);
            }
    }
}

int main(void)
{
    check_axpy_kernel_lengths();
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
