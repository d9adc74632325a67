/* i?amax and i?amin (Fortran 1-based, CBLAS 0-based), and scabs1/dcabs1: first index of the
 * extreme |re| + |im|, ties to the first, quick returns (n < 1 or incx <= 0 give 0), and NaN as
 * the reference does (a NaN first element wins, a later NaN never does). */
#include "test_prec.h"
#include "level1_test.h"

/* 1-based result of either API (CBLAS mapped back by + 1; quick return 0 stays 0 and is
 * checked separately) */
static long imax(blas_int n, const sb_t *x, blas_int incx, int api, int mn)
{
    if (api == 0) return mn ? (long)F77_IAMIN(&n, x, &incx) : (long)F77_IAMAX(&n, x, &incx);
    return (long)(mn ? CBLAS_IAMIN(n, x, incx) : CBLAS_IAMAX(n, x, incx)) + 1;
}

static void check_random(blas_int n, blas_int incx, int api, int mn)
{
    sbt_vec x = sbt_vec_new(n, incx);
    long want = 1;
    sb_r best = sb_abs1(sbt_vec_orig(&x, 0));
    for (blas_int i = 1; i < n; i++) {
        sb_r v = sb_abs1(sbt_vec_orig(&x, i));
        if (mn ? v < best : v > best) {
            best = v;
            want = i + 1;
        }
    }
    long got = imax(n, x.v, incx, api, mn);
    CHECK(got == want, "i?am%s n=%d incx=%d api=%d: got %ld want %ld", mn ? "in" : "ax", (int)n, (int)incx, api, got,
          want);
    CHECK(l1_unchanged(&x), "i?amax changed x");
    sbt_vec_free(&x);
}

static void check_special(int api, int mn)
{
    sb_t x[6] = {1, 2, 3, 4, 5, 6};
    const char *nm = mn ? "i?amin" : "i?amax";
    /* quick returns: 0 in both APIs */
    blas_int n0 = 0, n3 = 3, zero = 0, m1 = -1;
    if (api == 0) {
        long r0 = mn ? F77_IAMIN(&n0, x, &n3) : F77_IAMAX(&n0, x, &n3);
        long r1 = mn ? F77_IAMIN(&n3, x, &zero) : F77_IAMAX(&n3, x, &zero);
        long r2 = mn ? F77_IAMIN(&n3, x, &m1) : F77_IAMAX(&n3, x, &m1);
        CHECK(r0 == 0 && r1 == 0 && r2 == 0, "%s quick return must give 0: %ld %ld %ld", nm, r0, r1, r2);
    } else {
        size_t r0 = mn ? CBLAS_IAMIN(0, x, 1) : CBLAS_IAMAX(0, x, 1);
        size_t r1 = mn ? CBLAS_IAMIN(-2, x, 1) : CBLAS_IAMAX(-2, x, 1);
        size_t r2 = mn ? CBLAS_IAMIN(3, x, 0) : CBLAS_IAMAX(3, x, 0);
        size_t r3 = mn ? CBLAS_IAMIN(3, x, -1) : CBLAS_IAMAX(3, x, -1);
        CHECK(r0 == 0 && r1 == 0 && r2 == 0 && r3 == 0, "cblas %s quick return must give 0", nm);
    }
    CHECK(imax(1, x, 1, api, mn) == 1, "%s n=1", nm);
    /* ties go to the first */
    sb_t t[5] = {1, -7, 7, -7, 1};
    CHECK(imax(5, t, 1, api, mn) == (mn ? 1 : 2), "%s ties", nm);
    /* stride: elements 0, 2, 4 of {1, 9, -3, 9, 2} -> |1|, |-3|, |2| */
    sb_t s[5] = {1, 9, -3, 9, 2};
    CHECK(imax(3, s, 2, api, mn) == (mn ? 1 : 2), "%s incx=2", nm);
    /* NaN: first element NaN is the answer; a later NaN is passed over */
    sb_t a[4] = {NAN, 1, 5, 0.5};
    CHECK(imax(4, a, 1, api, mn) == 1, "%s NaN first must give 1", nm);
    sb_t b[4] = {2, NAN, 5, 0.5};
    CHECK(imax(4, b, 1, api, mn) == (mn ? 4 : 3), "%s later NaN must be ignored", nm);
    /* Inf counts as largest */
    sb_t c[4] = {2, -INFINITY, 5, INFINITY};
    CHECK(imax(4, c, 1, api, mn) == (mn ? 1 : 2), "%s Inf", nm);
#if SB_IS_COMPLEX
    /* |re| + |im|, not the modulus: (3,0) vs (2,2): abs1 3 < 4, modulus 3 > 2.83 */
    sb_t z[2] = {sb_make(3, 0), sb_make(2, -2)};
    CHECK(imax(2, z, 1, api, mn) == (mn ? 1 : 2), "%s must use |re|+|im|", nm);
#endif
}

/* The unit-stride kernel (every length to 70 and a few hundred, starts off a 64-byte boundary):
 * the largest value at each position, a tie after it, NaN before it or first, and for complex
 * an element whose |re| + |im| is largest while its modulus is not. */
static void check_kernel_lengths(void)
{
    for (int k = 1; k <= L1_KMAX_SMALL + L1_NKLONG; k++) {
        blas_int n = k <= L1_KMAX_SMALL ? k : l1_kernel_long[k - L1_KMAX_SMALL - 1], one = 1;
        for (int off = 0; off < 4; off++) {
            l1_uvec u = l1_uvec_new(n, off); /* |re|, |im| < 1 */
            for (blas_int p = 0; p < n; p += n <= L1_KMAX_SMALL ? 1 : n / 9 + 1) {
                /* complex: (2.5, 0) has the larger modulus, (1.5, 1.5) the larger |re| + |im| */
                const sb_t big = SB_IS_COMPLEX ? sb_make(1.5, -1.5) : (sb_t)-3;
                u.v[p] = big;
                if (SB_IS_COMPLEX && p + 1 < n) u.v[p + 1] = sb_make(2.5, 0);
                long got = (long)F77_IAMAX(&n, u.v, &one);
                CHECK(got == p + 1, "iamax kernel n=%d off=%d max at %d: got %ld", (int)n, off, (int)p + 1, got);
                if (n - 1 > p + SB_IS_COMPLEX) u.v[n - 1] = -big; /* a tie later */
                got = (long)F77_IAMAX(&n, u.v, &one);
                CHECK(got == p + 1, "iamax kernel n=%d off=%d tie after %d: got %ld", (int)n, off, (int)p + 1, got);
                if (p > 1) {
                    u.v[p / 2] = (sb_t)NAN; /* a later NaN is passed over */
                    got = (long)F77_IAMAX(&n, u.v, &one);
                    CHECK(got == p + 1, "iamax kernel n=%d off=%d NaN at %d, max at %d: got %ld", (int)n, off,
                          (int)(p / 2) + 1, (int)p + 1, got);
                }
                u.v[0] = (sb_t)NAN; /* a NaN first wins */
                got = (long)F77_IAMAX(&n, u.v, &one);
                CHECK(got == 1, "iamax kernel n=%d off=%d NaN first: got %ld", (int)n, off, got);
                for (blas_int i = 0; i < n; i++) u.v[i] = l1_uvec_orig(&u, i);
            }
            /* all NaN but one: the NaNs never win after the first */
            for (blas_int i = 1; i < n; i++) u.v[i] = (sb_t)NAN;
            CHECK(F77_IAMAX(&n, u.v, &one) == 1, "iamax kernel n=%d: all later NaN must give 1", (int)n);
            CHECK(l1_uvec_guards_intact(&u), "iamax wrote outside x");
            l1_uvec_free(&u);
        }
    }
}

int main(void)
{
    check_kernel_lengths();
    for (int mn = 0; mn < 2; mn++)
        for (int api = 0; api < 2; api++) {
            for (int s = 1; s < sbt_num_small_sizes; s++)
                for (int a = 0; a < 4; a++)
                    if (l1_incs[a] > 0) check_random(sbt_small_sizes[s], l1_incs[a], api, mn);
            for (int s = 0; s < L1_NLARGE; s++) check_random(l1_large_sizes[s], 1 + s, api, mn);
            check_special(api, mn);
        }
#if SB_IS_COMPLEX
    sb_t z = sb_make(-3, 4), w = sb_make(NAN, 1);
    CHECK(F77_CABS1(&z) == 7 && CBLAS_CABS1(&z) == 7, "cabs1(-3,4) != 7");
    CHECK(l1_isnan(F77_CABS1(&w)) && l1_isnan(CBLAS_CABS1(&w)), "cabs1 NaN lost");
#endif
    return sbt_finish("level1_iamax_" SB_UPPER);
}
