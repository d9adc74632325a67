/* Vector updates: ?copy, ?swap, ?scal (+ csscal/zdscal), ?axpby. Every size/increment pair
 * (negative and zero increments included), Fortran and CBLAS, guard bands, inputs that must
 * stay untouched, and the reference's special rules: scal does nothing for incx <= 0 and
 * multiplies even for alpha = 0 (Inf/NaN -> NaN); axpby with beta = 0 does not read y. */
#include "test_prec.h"
#include "level1_test.h"

static void check_copy_swap(blas_int n, blas_int incx, blas_int incy, int api)
{
    sbt_vec x = sbt_vec_new(n, incx), y = sbt_vec_new(n, incy);
    if (api == 0) SB_F77(copy)(&n, x.v, &incx, y.v, &incy);
    else SB_CBLAS(copy)(n, x.v, incx, y.v, incy);
    int ok = 1;
    if (incy != 0)
        for (blas_int i = 0; i < n; i++) ok &= l1_same(*sbt_vec_at(&y, i), sbt_vec_orig(&x, i));
    else if (n > 0)
        ok = l1_same(y.v[0], sbt_vec_orig(&x, n - 1)); /* the last one written wins */
    CHECK(ok, "copy n=%d incx=%d incy=%d api=%d", (int)n, (int)incx, (int)incy, api);
    CHECK(l1_unchanged(&x) && sbt_vec_guards_intact(&y), "copy wrote outside y");
    sbt_vec_free(&x);
    sbt_vec_free(&y);

    if (incx == 0 || incy == 0) return;
    x = sbt_vec_new(n, incx);
    y = sbt_vec_new(n, incy);
    if (api == 0) SB_F77(swap)(&n, x.v, &incx, y.v, &incy);
    else SB_CBLAS(swap)(n, x.v, incx, y.v, incy);
    ok = 1;
    for (blas_int i = 0; i < n; i++)
        ok &= l1_same(*sbt_vec_at(&y, i), sbt_vec_orig(&x, i)) && l1_same(*sbt_vec_at(&x, i), sbt_vec_orig(&y, i));
    CHECK(ok, "swap n=%d incx=%d incy=%d api=%d", (int)n, (int)incx, (int)incy, api);
    CHECK(sbt_vec_guards_intact(&x) && sbt_vec_guards_intact(&y), "swap wrote outside x/y");
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

/* real_alpha: csscal/zdscal (complex only) */
static void check_scal(blas_int n, blas_int incx, sb_t alpha, int real_alpha, int api)
{
    sbt_vec x = sbt_vec_new(n, incx);
#if SB_IS_COMPLEX
    if (real_alpha) {
        sb_r ra = sb_creal(alpha);
        alpha = ra;
        if (api == 0) F77_RSCAL(&n, &ra, x.v, &incx);
        else CBLAS_RSCAL(n, ra, x.v, incx);
    } else
#endif
    {
        if (api == 0) SB_F77(scal)(&n, &alpha, x.v, &incx);
        else SB_CBLAS(scal)(n, CS(alpha), x.v, incx);
    }
    int ok = 1;
    if (incx <= 0) {
        ok = l1_unchanged(&x); /* reference 3.11: nothing for incx <= 0 */
    } else {
        for (blas_int i = 0; i < n; i++) {
            sb_t v = sbt_vec_orig(&x, i), want = alpha * v;
            /* real alpha scales each part on its own (no complex product) */
            if (real_alpha) want = sb_make(sb_creal(alpha) * sb_creal(v), sb_creal(alpha) * sb_cimag(v));
            ok &= l1_same(*sbt_vec_at(&x, i), want);
        }
    }
    CHECK(ok, "scal n=%d incx=%d real_alpha=%d api=%d", (int)n, (int)incx, real_alpha, api);
    CHECK(sbt_vec_guards_intact(&x), "scal wrote outside x");
    sbt_vec_free(&x);
}

static void check_scal_special(int api)
{
    /* alpha = 0 multiplies: [Inf, NaN, 1] -> [NaN, NaN, 0] (LAPACK's tests depend on it) */
    sb_t x[3] = {INFINITY, NAN, 1}, zero = 0;
    blas_int n = 3, one = 1;
    if (api == 0) SB_F77(scal)(&n, &zero, x, &one);
    else SB_CBLAS(scal)(3, CS(zero), x, 1);
    CHECK(l1_isnan(x[0]) && l1_isnan(x[1]) && x[2] == 0, "scal alpha=0 must multiply (api=%d)", api);
#if SB_IS_COMPLEX
    /* csscal/zdscal scale each part on its own: 0 * (Inf, 1) = (NaN, 0) */
    sb_t z[2] = {sb_make(INFINITY, 1), sb_make(1, INFINITY)};
    sb_r rz = 0;
    if (api == 0) F77_RSCAL(&one, &rz, z, &one);
    else CBLAS_RSCAL(1, rz, z, 1);
    CHECK(l1_isnan(sb_creal(z[0])) && sb_cimag(z[0]) == 0, "real-alpha scal must be component-wise (api=%d)", api);
    /* complex alpha: a complex product, 0 * (1, Inf) = (NaN, NaN) */
    if (api == 0) SB_F77(scal)(&one, &zero, z + 1, &one);
    else SB_CBLAS(scal)(1, CS(zero), z + 1, 1);
    CHECK(l1_isnan(sb_creal(z[1])) && l1_isnan(sb_cimag(z[1])), "complex scal must be a complex product (api=%d)", api);
#endif
}

static void check_axpby(blas_int n, blas_int incx, blas_int incy, sb_t alpha, sb_t beta, int api)
{
    sbt_vec x = sbt_vec_new(n, incx), y = sbt_vec_new(n, incy);
    /* with beta = 0, y may hold NaN: it must vanish */
    if (beta == 0)
        for (blas_int i = 0; i < n; i++) *sbt_vec_at(&y, i) = NAN;
    memcpy(y.copy, y.buf, y.total * sizeof(sb_t));
    if (api == 0) SB_F77(axpby)(&n, &alpha, x.v, &incx, &beta, y.v, &incy);
    else SB_CBLAS(axpby)(n, CS(alpha), x.v, incx, CS(beta), y.v, incy);
    int ok = 1;
    for (blas_int i = 0; i < n && incy != 0; i++) {
        sb_t want = beta == 0 ? alpha * sbt_vec_orig(&x, i) : alpha * sbt_vec_orig(&x, i) + beta * sbt_vec_orig(&y, i);
        if (alpha == 0 && beta == 0) want = 0;
        ok &= sbt_close(*sbt_vec_at(&y, i), want, 4, 4 * SBT_EPS) && !l1_isnan(*sbt_vec_at(&y, i));
    }
    CHECK(ok, "axpby n=%d incx=%d incy=%d api=%d", (int)n, (int)incx, (int)incy, api);
    CHECK(l1_unchanged(&x) && sbt_vec_guards_intact(&y), "axpby wrote outside y");
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

/* The unit-stride kernels (every length to 70 and a few hundred, x and y starting at different
 * offsets from a 64-byte boundary): scal (and csscal/zdscal) and swap bit for bit against C's
 * products, and scal with alpha = 0 turning Inf and NaN into NaN from every lane and the tail. */
static void check_kernel_lengths(void)
{
    blas_int one = 1;
    for (int k = 0; k <= L1_KMAX_SMALL + L1_NKLONG; k++) {
        blas_int n = k <= L1_KMAX_SMALL ? k : l1_kernel_long[k - L1_KMAX_SMALL - 1];
        for (int off = 0; off < 4; off++) {
            for (int ra = 0; ra <= SB_IS_COMPLEX; ra++) {
                l1_uvec x = l1_uvec_new(n, off);
                sb_t alpha = sbt_rand_elem();
#if SB_IS_COMPLEX
                sb_r ralpha = sb_creal(alpha);
                if (ra) F77_RSCAL(&n, &ralpha, x.v, &one);
                else
#endif
                    SB_F77(scal)(&n, &alpha, x.v, &one);
                int ok = 1;
                for (blas_int i = 0; i < n; i++) {
                    sb_t v = l1_uvec_orig(&x, i), want = alpha * v;
                    if (ra) want = sb_make(sb_creal(alpha) * sb_creal(v), sb_creal(alpha) * sb_cimag(v));
                    ok &= l1_same(x.v[i], want);
                }
                CHECK(ok, "scal kernel n=%d off=%d real_alpha=%d: not C's products", (int)n, off, ra);
                CHECK(l1_uvec_guards_intact(&x), "scal kernel n=%d off=%d wrote outside x", (int)n, off);
                /* alpha = 0 with Inf and NaN at every position (a few for the long ones) */
                for (blas_int i = 0; i < n; i++) x.v[i] = (i % 3 == 0) ? (sb_t)INFINITY : (i % 3 == 1) ? (sb_t)NAN : 1;
                l1_uvec_keep(&x);
                sb_t zero = 0;
                sb_r rzero = 0;
#if SB_IS_COMPLEX
                if (ra) F77_RSCAL(&n, &rzero, x.v, &one);
                else
#endif
                    SB_F77(scal)(&n, &zero, x.v, &one);
                (void)rzero;
                ok = 1;
                for (blas_int i = 0; i < n; i++) ok &= (i % 3 == 2) ? x.v[i] == 0 : l1_isnan(sb_creal(x.v[i]));
                CHECK(ok, "scal kernel alpha=0 n=%d off=%d: Inf/NaN must become NaN", (int)n, off);
                CHECK(l1_uvec_guards_intact(&x), "scal kernel n=%d off=%d wrote outside x", (int)n, off);
                l1_uvec_free(&x);
            }
            l1_uvec x = l1_uvec_new(n, off), y = l1_uvec_new(n, 3 - off);
            SB_F77(swap)(&n, x.v, &one, y.v, &one);
            int ok = 1;
            for (blas_int i = 0; i < n; i++)
                ok &= l1_same(x.v[i], l1_uvec_orig(&y, i)) && l1_same(y.v[i], l1_uvec_orig(&x, i));
            CHECK(ok, "swap kernel n=%d off=%d", (int)n, off);
            CHECK(l1_uvec_guards_intact(&x) && l1_uvec_guards_intact(&y), "swap kernel n=%d wrote outside", (int)n);
            l1_uvec_free(&x);
            l1_uvec_free(&y);
        }
    }
}

int main(void)
{
    check_kernel_lengths();
    static const blas_int incs[] = {1, 2, -1, -3, 0};
    for (int api = 0; api < 2; api++) {
        for (int s = 0; s < sbt_num_small_sizes; s++)
            for (int a = 0; a < 5; a++) {
                blas_int n = sbt_small_sizes[s];
                for (int b = 0; b < 5; b++) {
                    check_copy_swap(n, incs[a], incs[b], api);
                    if (incs[b] != 0) {
                        check_axpby(n, incs[a], incs[b], sbt_rand_elem(), sbt_rand_elem(), api);
                        check_axpby(n, incs[a], incs[b], sbt_rand_elem(), 0, api);
                        check_axpby(n, incs[a], incs[b], 0, sbt_rand_elem(), api);
                        check_axpby(n, incs[a], incs[b], 0, 0, api);
                    }
                }
                for (int ra = 0; ra <= SB_IS_COMPLEX; ra++) {
                    check_scal(n, incs[a], sbt_rand_elem(), ra, api);
                    check_scal(n, incs[a], 0, ra, api);
                }
                check_scal(n, -incs[a], sbt_rand_elem(), 0, api);
            }
        for (int s = 0; s < L1_NLARGE; s++) {
            blas_int n = l1_large_sizes[s];
            check_copy_swap(n, 1, 1, api);
            check_copy_swap(n, -2, 3, api);
            check_scal(n, 1, sbt_rand_elem(), SB_IS_COMPLEX, api);
            check_scal(n, 3, sbt_rand_elem(), 0, api);
            check_axpby(n, 1, 1, sbt_rand_elem(), sbt_rand_elem(), api);
        }
        check_copy_swap(-1, 1, 1, api);
        check_scal(-1, 1, 2, 0, api);
        check_axpby(-1, 1, 1, 2, 3, api);
        check_scal_special(api);
    }
    return sbt_finish("level1_update_" SB_UPPER);
}
