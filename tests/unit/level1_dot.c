/* Dot products against a wider-precision oracle: sdot/ddot, ?dotu/?dotc (Fortran returning the
 * complex by value, CBLAS _sub forms writing through a pointer), sdsdot and dsdot.
 * Sizes 0..33 and beyond the reduction chunk, all increment pairs (negative, zero), inputs left
 * untouched, NaN/Inf propagation, n <= 0; the unit-stride kernel at every length across its vector
 * widths, unrolling and tails, its bits independent of the addresses. */
#include "test_prec.h"
#include "level1_test.h"

#if SB_IS_COMPLEX
typedef double _Complex wide_t;
#else
typedef long double wide_t;
#endif

/* cj: 0 dot/dotu, 1 dotc; api: 0 Fortran, 1 CBLAS */
static sb_t call_dot(blas_int n, const sb_t *x, blas_int incx, const sb_t *y, blas_int incy, int cj, int api)
{
#if SB_IS_COMPLEX
    if (api == 0) return cj ? SB_F77(dotc)(&n, x, &incx, y, &incy) : SB_F77(dotu)(&n, x, &incx, y, &incy);
    sb_t r = sb_make(123, 456);
    if (cj) SB_CBLAS(dotc_sub)(n, x, incx, y, incy, &r);
    else SB_CBLAS(dotu_sub)(n, x, incx, y, incy, &r);
    return r;
#else
    (void)cj;
    return api == 0 ? SB_F77(dot)(&n, x, &incx, y, &incy) : SB_CBLAS(dot)(n, x, incx, y, incy);
#endif
}

static void check_one(blas_int n, blas_int incx, blas_int incy, int cj, int api)
{
    sbt_vec x = sbt_vec_new(n, incx), y = sbt_vec_new(n, incy);
    wide_t want = 0;
    double scale = 0;
    for (blas_int i = 0; i < n; i++) {
        sb_t a = sbt_vec_orig(&x, i), b = sbt_vec_orig(&y, i);
        if (cj) a = sb_conj(a);
        want += (wide_t)a * (wide_t)b;
        scale += (double)sb_abs1(a) * (double)sb_abs1(b);
    }
    sb_t got = call_dot(n, x.v, incx, y.v, incy, cj, api);
    CHECK(sbt_close(got, (sb_t)want, scale, (n + 4) * SBT_EPS), "dot value n=%d incx=%d incy=%d cj=%d api=%d", (int)n,
          (int)incx, (int)incy, cj, api);
    CHECK(l1_unchanged(&x) && l1_unchanged(&y), "dot changed its inputs n=%d incx=%d incy=%d", (int)n, (int)incx,
          (int)incy);
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

static void check_special(int cj, int api)
{
    sb_t x[4] = {1, 2, 3, 4}, y[4] = {1, 1, 1, 1};
    /* n <= 0 gives exactly 0 (the CBLAS _sub form writes it) */
    CHECK(call_dot(0, x, 1, y, 1, cj, api) == 0, "dot n=0 not 0 (api=%d)", api);
    CHECK(call_dot(-3, x, 1, y, 1, cj, api) == 0, "dot n<0 not 0 (api=%d)", api);
    /* exact small case, with a zero increment on y: 1+2+3+4 = 10 */
    CHECK(call_dot(4, x, 1, y, 0, cj, api) == 10, "dot incy=0 (api=%d)", api);
    /* zero increment on x: x[0] used n times */
    CHECK(call_dot(3, x, 0, x, 1, cj, api) == 6, "dot incx=0 (api=%d)", api);
    /* negative increments pair first-with-last: x=(1,2,3), y reversed walk (1,2,3) -> 1*3+2*2+3*1 */
    sb_t yy[3] = {1, 2, 3};
    CHECK(call_dot(3, x, 1, yy, -1, cj, api) == 10, "dot incy=-1 pairs wrong (api=%d)", api);
    /* NaN and Inf propagate */
    sb_t xn[3] = {1, NAN, 2};
    CHECK(l1_isnan(call_dot(3, xn, 1, y, 1, cj, api)), "dot NaN lost (api=%d)", api);
    sb_t xi[3] = {1, INFINITY, 2};
    sb_t r = call_dot(3, xi, 1, y, 1, cj, api);
    CHECK(sb_creal(r) == INFINITY, "dot Inf lost (api=%d)", api);
    sb_t xii[2] = {INFINITY, -INFINITY};
    CHECK(l1_isnan(sb_creal(call_dot(2, xii, 1, y, 1, cj, api))), "dot Inf-Inf not NaN (api=%d)", api);
#if SB_IS_COMPLEX
    /* conjugation: x = (1,2), y = (3,4): dotu = (3-8, 4+6) = (-5,10), dotc = (3+8, 4-6) = (11,-2) */
    sb_t cx = sb_make(1, 2), cy = sb_make(3, 4);
    sb_t want = cj ? sb_make(11, -2) : sb_make(-5, 10);
    CHECK(call_dot(1, &cx, 1, &cy, 1, cj, api) == want, "dot%c conjugation wrong (api=%d)", cj ? 'c' : 'u', api);
#endif
}

/* The unit-stride kernel at every length to 70 and a few hundred: close to the oracle, the same
 * bits whatever the offsets of x and y from a 64-byte boundary (the summation shape depends only
 * on n, kernels.h), the same bits through CBLAS, and a NaN at any position reaches the result. */
static void check_dot_kernel_lengths(int cj)
{
    for (int k = 1; k <= L1_KMAX_SMALL + L1_NKLONG; k++) {
        blas_int n = k <= L1_KMAX_SMALL ? k : l1_kernel_long[k - L1_KMAX_SMALL - 1];
        l1_uvec x0 = l1_uvec_new(n, 0), y0 = l1_uvec_new(n, 0);
        wide_t want = 0;
        double scale = 0;
        for (blas_int i = 0; i < n; i++) {
            sb_t a = cj ? sb_conj(x0.v[i]) : x0.v[i];
            want += (wide_t)a * (wide_t)y0.v[i];
            scale += (double)sb_abs1(a) * (double)sb_abs1(y0.v[i]);
        }
        const sb_t g0 = call_dot(n, x0.v, 1, y0.v, 1, cj, 0);
        CHECK(sbt_close(g0, (sb_t)want, scale, (n + 4) * SBT_EPS), "dot kernel value n=%d cj=%d", (int)n, cj);
        CHECK(l1_same(call_dot(n, x0.v, 1, y0.v, 1, cj, 1), g0), "dot kernel n=%d cj=%d: CBLAS bits differ", (int)n, cj);
        for (int off = 1; off < 8; off++) {
            l1_uvec x = l1_uvec_new(n, off), y = l1_uvec_new(n, (3 * off) % 8);
            memcpy(x.v, x0.v, (size_t)n * sizeof(sb_t));
            memcpy(y.v, y0.v, (size_t)n * sizeof(sb_t));
            CHECK(l1_same(call_dot(n, x.v, 1, y.v, 1, cj, 0), g0), "dot kernel n=%d cj=%d: bits depend on offset %d",
                  (int)n, cj, off);
            l1_uvec_free(&x);
            l1_uvec_free(&y);
        }
        int nan_ok = 1;
        for (blas_int p = 0; p < n; p += n <= L1_KMAX_SMALL ? 1 : n / 7 + 1) {
            sb_t keep = y0.v[p];
            y0.v[p] = (sb_t)NAN;
            nan_ok &= l1_isnan(call_dot(n, x0.v, 1, y0.v, 1, cj, 0));
            y0.v[p] = keep;
        }
        CHECK(nan_ok, "dot kernel n=%d cj=%d: a NaN was lost", (int)n, cj);
        l1_uvec_free(&x0);
        l1_uvec_free(&y0);
    }
}

#if defined(SB_PREC_S)
static void check_dsdot(void)
{
    /* products and sums in double: 2^24 + 1 - 2^24 is 1 in double, 0 in float */
    float x[3] = {16777216.0f, 1.0f, -16777216.0f}, y[3] = {1, 1, 1};
    blas_int n = 3, one = 1, zero = 0, m1 = -1;
    float sb = 0.5f;
    CHECK(F77N(dsdot)(&n, x, &one, y, &one) == 1.0, "dsdot not accumulated in double");
    CHECK(cblas_dsdot(3, x, 1, y, 1) == 1.0, "cblas_dsdot not accumulated in double");
    CHECK(F77N(sdsdot)(&n, &sb, x, &one, y, &one) == 1.5f, "sdsdot not accumulated in double");
    CHECK(cblas_sdsdot(3, sb, x, 1, y, 1) == 1.5f, "cblas_sdsdot not accumulated in double");
    blas_int n0 = 0;
    CHECK(F77N(sdsdot)(&n0, &sb, x, &one, y, &one) == 0.5f, "sdsdot n=0 must return sb");
    CHECK(cblas_sdsdot(-1, sb, x, 1, y, 1) == 0.5f, "cblas_sdsdot n<0 must return sb");
    CHECK(F77N(dsdot)(&n0, x, &one, y, &one) == 0.0, "dsdot n=0 must return 0");
    /* increments: x reversed against y = (1, 2, 3) */
    float yy[3] = {1, 2, 3};
    CHECK(F77N(dsdot)(&n, x, &m1, yy, &one) == -16777216.0 + 2 + 3 * 16777216.0, "dsdot incx=-1");
    CHECK(F77N(sdsdot)(&n, &sb, yy, &zero, yy, &one) == 6.5f, "sdsdot incx=0");
    /* random, against a long double oracle, all increments, large n */
    for (int a = 0; a < L1_NINCS; a++)
        for (int s = 0; s < sbt_num_small_sizes + L1_NLARGE; s++) {
            blas_int nn = s < sbt_num_small_sizes ? sbt_small_sizes[s] : l1_large_sizes[s - sbt_num_small_sizes];
            blas_int ix = l1_incs[a], iy = l1_incs[(a + 1) % L1_NINCS];
            sbt_vec vx = sbt_vec_new(nn, ix), vy = sbt_vec_new(nn, iy);
            long double w = 0;
            double sc = 0;
            for (blas_int i = 0; i < nn; i++) {
                w += (long double)sbt_vec_orig(&vx, i) * sbt_vec_orig(&vy, i);
                sc += fabs((double)sbt_vec_orig(&vx, i) * sbt_vec_orig(&vy, i));
            }
            double got = F77N(dsdot)(&nn, vx.v, &ix, vy.v, &iy);
            CHECK(fabs(got - (double)w) <= (nn + 2) * DBL_EPSILON * sc + DBL_MIN, "dsdot value n=%d", (int)nn);
            float gs = cblas_sdsdot(nn, sb, vx.v, ix, vy.v, iy);
            CHECK(fabsf(gs - (float)(w + sb)) <= 2 * FLT_EPSILON * (float)(sc + 1), "sdsdot value n=%d", (int)nn);
            CHECK(l1_unchanged(&vx) && l1_unchanged(&vy), "dsdot changed its inputs");
            sbt_vec_free(&vx);
            sbt_vec_free(&vy);
        }
}
#endif

int main(void)
{
    for (int cj = 0; cj <= SB_IS_COMPLEX; cj++) check_dot_kernel_lengths(cj);
    for (int cj = 0; cj <= SB_IS_COMPLEX; cj++)
        for (int api = 0; api < 2; api++) {
            for (int s = 0; s < sbt_num_small_sizes; s++)
                for (int a = 0; a < L1_NINCS; a++)
                    for (int b = 0; b < L1_NINCS; b++) check_one(sbt_small_sizes[s], l1_incs[a], l1_incs[b], cj, api);
            for (int s = 0; s < L1_NLARGE; s++) {
                check_one(l1_large_sizes[s], 1, 1, cj, api);
                check_one(l1_large_sizes[s], -2, 3, cj, api);
            }
            check_one(5, 0, 1, cj, api);
            check_one(5, 2, 0, cj, api);
            check_special(cj, api);
        }
#if defined(SB_PREC_S)
    check_dsdot();
#endif
    return sbt_finish("level1_dot_" SB_UPPER);
}
