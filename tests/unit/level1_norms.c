/* ?nrm2 / sc,dznrm2 and ?asum / sc,dzasum against wide oracles; the reference 3.11 rules on
 * increments (nrm2: any incx, 0 counts x(1) n times; asum: incx <= 0 gives 0); nrm2 robust to
 * overflow and underflow; NaN/Inf results as reference (Inf if an Inf and no NaN, NaN if any
 * NaN). Fortran and CBLAS. */
#include "test_prec.h"
#include "level1_test.h"

static sb_r nrm2(blas_int n, const sb_t *x, blas_int incx, int api)
{
    return api == 0 ? F77_NRM2(&n, x, &incx) : CBLAS_NRM2(n, x, incx);
}

static sb_r asum(blas_int n, const sb_t *x, blas_int incx, int api)
{
    return api == 0 ? F77_ASUM(&n, x, &incx) : CBLAS_ASUM(n, x, incx);
}

static int rclose(sb_r got, long double want, double tol)
{
    long double d = fabsl((long double)got - want);
    return d <= tol * fabsl(want) + LDBL_MIN;
}

static void check_random(blas_int n, blas_int incx, int api, double scale)
{
    sbt_vec x = sbt_vec_new(n, incx);
    for (blas_int i = 0; i < n; i++) *sbt_vec_at(&x, i) = sbt_vec_orig(&x, i) * (sb_r)scale;
    memcpy(x.copy, x.buf, x.total * sizeof(sb_t));
    long double ss = 0, sa = 0;
    for (blas_int i = 0; i < n; i++) {
        sb_t v = sbt_vec_orig(&x, i);
        long double re = sb_creal(v), im = sb_cimag(v);
        ss += re * re + im * im;
        sa += fabsl(re) + fabsl(im);
    }
    sb_r g = nrm2(n, x.v, incx, api);
    CHECK(rclose(g, sqrtl(ss), (n + 4) * SBT_EPS), "nrm2 n=%d incx=%d api=%d scale=%g: got %g want %Lg", (int)n,
          (int)incx, api, scale, (double)g, sqrtl(ss));
    sb_r a = asum(n, x.v, incx, api);
    if (incx > 0 && sa > (SB_IS_DOUBLE ? DBL_MAX : FLT_MAX))
        CHECK(a == INFINITY, "asum n=%d must overflow to Inf", (int)n);
    else if (incx > 0)
        CHECK(rclose(a, sa, (n + 4) * SBT_EPS), "asum n=%d incx=%d api=%d: got %g want %Lg", (int)n, (int)incx, api,
              (double)a, sa);
    else
        CHECK(a == 0, "asum incx=%d must give 0 (reference 3.11), got %g", (int)incx, (double)a);
    CHECK(l1_unchanged(&x), "nrm2/asum changed x");
    sbt_vec_free(&x);
}

static void check_special(int api)
{
    const sb_r big = SB_IS_DOUBLE ? (sb_r)1e308 : (sb_r)2e38, tiny = SB_IS_DOUBLE ? (sb_r)1e-310 : (sb_r)1e-40;
    sb_t x[4];
    /* n <= 0 */
    x[0] = 3;
    CHECK(nrm2(0, x, 1, api) == 0 && nrm2(-1, x, 1, api) == 0, "nrm2 n<=0 must be 0");
    CHECK(asum(0, x, 1, api) == 0 && asum(-1, x, 1, api) == 0, "asum n<=0 must be 0");
    /* exact small values */
    x[0] = 3; x[1] = -4;
    CHECK(nrm2(2, x, 1, api) == 5, "nrm2(3,-4) != 5");
    CHECK(asum(2, x, 1, api) == 7, "asum(3,-4) != 7");
    /* negative increment: same set of elements; zero increment: x(1) counted n times */
    CHECK(nrm2(2, x, -1, api) == 5, "nrm2 incx=-1");
    CHECK(nrm2(4, x, 0, api) == 6, "nrm2 incx=0 must count x(1) n times (sqrt(4*9) = 6)");
    CHECK(asum(2, x, 0, api) == 0 && asum(2, x, -1, api) == 0, "asum incx<=0 must be 0");
#if SB_IS_COMPLEX
    x[0] = sb_make(3, 4);
    CHECK(nrm2(1, x, 1, api) == 5, "|(3,4)| != 5");
    CHECK(asum(1, x, 1, api) == 7, "asum((3,4)) != 7 (|re|+|im|)");
#endif
    /* no overflow / underflow in the intermediate squares */
    x[0] = big; x[1] = big;
    sb_r g = nrm2(2, x, 1, api);
    CHECK(g < INFINITY && rclose(g, (long double)big * sqrtl(2), 4 * SBT_EPS), "nrm2 overflowed: %g", (double)g);
    x[0] = tiny; x[1] = -tiny;
    g = nrm2(2, x, 1, api);
    CHECK(g > 0 && fabsl((long double)g - (long double)tiny * sqrtl(2)) <= 1e-3L * tiny, "nrm2 underflowed: %g", (double)g);
    x[0] = big; x[1] = tiny; x[2] = 1;
    g = nrm2(3, x, 1, api);
    CHECK(g == big, "nrm2 big+small+mid: %g", (double)g);
    x[0] = tiny; x[1] = 1;
    CHECK(nrm2(2, x, 1, api) == 1, "nrm2 small+mid");
    /* NaN and Inf */
    x[0] = 1; x[1] = INFINITY; x[2] = 2;
    CHECK(nrm2(3, x, 1, api) == INFINITY, "nrm2 with Inf must be Inf");
    CHECK(asum(3, x, 1, api) == INFINITY, "asum with Inf must be Inf");
    x[1] = -INFINITY;
    CHECK(nrm2(3, x, 1, api) == INFINITY, "nrm2 with -Inf must be Inf");
    x[0] = NAN; x[1] = 1; x[2] = 2;
    CHECK(l1_isnan(nrm2(3, x, 1, api)) && l1_isnan(asum(3, x, 1, api)), "NaN lost");
    x[0] = INFINITY; x[1] = NAN;
    CHECK(l1_isnan(nrm2(2, x, 1, api)), "nrm2(Inf, NaN) must be NaN");
    x[0] = NAN; x[1] = INFINITY;
    CHECK(l1_isnan(nrm2(2, x, 1, api)), "nrm2(NaN, Inf) must be NaN");
    x[0] = tiny; x[1] = NAN;
    CHECK(l1_isnan(nrm2(2, x, 1, api)), "nrm2(tiny, NaN) must be NaN");
}

/* long double oracle of nrm2 and asum over v[0 .. n) */
static void oracle(const sb_t *v, blas_int n, long double *nrm, long double *sum)
{
    long double ss = 0, sa = 0;
    for (blas_int i = 0; i < n; i++) {
        long double re = sb_creal(v[i]), im = sb_cimag(v[i]);
        ss += re * re + im * im;
        sa += fabsl(re) + fabsl(im);
    }
    *nrm = sqrtl(ss);
    *sum = sa;
}

/* The unit-stride kernels (every length to 70 and a few hundred, starts off a 64-byte boundary):
 * random values, the whole vector far beyond the medium range, and one special value (huge,
 * tiny, zero, Inf, NaN) at each position, which sends a vector kernel's fast sum to its
 * fallback or to the NaN/Inf rules from every lane and from the tail. */
static void check_kernel_lengths(void)
{
    const sb_r huge = SB_IS_DOUBLE ? (sb_r)1e300 : (sb_r)3e38, tiny = SB_IS_DOUBLE ? (sb_r)1e-310 : (sb_r)1e-40;
    const sb_r specials[] = {huge, tiny, 0, (sb_r)1e-160, INFINITY, NAN};
    for (int k = 0; k <= L1_KMAX_SMALL + L1_NKLONG; k++) {
        blas_int n = k <= L1_KMAX_SMALL ? k : l1_kernel_long[k - L1_KMAX_SMALL - 1];
        for (int off = 0; off < 4; off++) {
            l1_uvec u = l1_uvec_new(n, off);
            for (int scale = 0; scale < 3; scale++) {
                sb_r f = scale == 0 ? 1 : scale == 1 ? (sb_r)(SB_IS_DOUBLE ? 1e300 : 1e37) : (sb_r)(SB_IS_DOUBLE ? 1e-300 : 1e-37);
                for (blas_int i = 0; i < n; i++) u.v[i] = l1_uvec_orig(&u, i) * f;
                long double wn, ws;
                oracle(u.v, n, &wn, &ws);
                blas_int one = 1;
                sb_r g = F77_NRM2(&n, u.v, &one), a = F77_ASUM(&n, u.v, &one);
                CHECK(rclose(g, wn, (n + 4) * SBT_EPS), "nrm2 kernel n=%d off=%d scale=%g: got %g want %Lg", (int)n,
                      off, (double)f, (double)g, wn);
                CHECK(rclose(a, ws, (n + 4) * SBT_EPS) || (ws > (SB_IS_DOUBLE ? DBL_MAX : FLT_MAX) && a == INFINITY),
                      "asum kernel n=%d off=%d scale=%g: got %g want %Lg", (int)n, off, (double)f, (double)a, ws);
                for (blas_int i = 0; i < n; i++) u.v[i] = l1_uvec_orig(&u, i);
            }
            /* one special value at each position (a few positions for the long ones) */
            for (blas_int p = 0; p < n; p += n <= L1_KMAX_SMALL ? 1 : n / 7 + 1)
                for (int sp = 0; sp < 6; sp++) {
                    sb_t keep = u.v[p];
                    sb_r val = specials[sp];
                    u.v[p] = SB_IS_COMPLEX && p % 2 ? sb_make(sb_creal(keep), val) : sb_make(val, sb_cimag(keep));
                    blas_int one = 1;
                    sb_r g = F77_NRM2(&n, u.v, &one), a = F77_ASUM(&n, u.v, &one);
                    if (val != val) {
                        CHECK(l1_isnan(g) && l1_isnan(a), "NaN at %d of %d (off %d) lost: nrm2 %g asum %g", (int)p, (int)n,
                              off, (double)g, (double)a);
                    } else if (val == INFINITY) {
                        CHECK(g == INFINITY && a == INFINITY, "Inf at %d of %d (off %d): nrm2 %g asum %g", (int)p,
                              (int)n, off, (double)g, (double)a);
                    } else {
                        long double wn, ws;
                        oracle(u.v, n, &wn, &ws);
                        CHECK(rclose(g, wn, (n + 4) * SBT_EPS) && rclose(a, ws, (n + 4) * SBT_EPS),
                              "nrm2/asum with %g at %d of %d (off %d): %g %g want %Lg %Lg", (double)val, (int)p, (int)n,
                              off, (double)g, (double)a, wn, ws);
                    }
                    u.v[p] = keep;
                }
            CHECK(memcmp(u.buf, u.copy, u.total * sizeof(sb_t)) == 0, "nrm2/asum changed x (n=%d)", (int)n);
            l1_uvec_free(&u);
        }
    }
}

int main(void)
{
    check_kernel_lengths();
    static const blas_int incs[] = {1, 2, -1, -3, 0};
    for (int api = 0; api < 2; api++) {
        for (int s = 0; s < sbt_num_small_sizes; s++)
            for (int a = 0; a < 5; a++) check_random(sbt_small_sizes[s], incs[a], api, 1.0);
        for (int s = 0; s < L1_NLARGE; s++) {
            check_random(l1_large_sizes[s], 1, api, 1.0);
            check_random(l1_large_sizes[s], -2, api, 1.0);
        }
        /* whole vectors far beyond the medium range, both ways */
        const double hi = SB_IS_DOUBLE ? 1e300 : 1e36, lo = SB_IS_DOUBLE ? 1e-300 : 1e-36;
        check_random(33, 1, api, hi);
        check_random(4097, 2, api, hi);
        check_random(33, 1, api, lo);
        check_random(4097, -1, api, lo);
        check_special(api);
    }
    return sbt_finish("level1_norms_" SB_UPPER);
}
