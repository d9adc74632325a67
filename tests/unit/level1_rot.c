/* Rotations: ?rot (srot, drot, csrot, zdrot), ?rotm, ?rotg (real and complex), ?rotmg.
 * Appliers against an oracle over sizes/increments with guard bands; generators checked by the
 * identities they must satisfy plus the reference's special cases. Fortran and CBLAS. */
#include "test_prec.h"
#include "level1_test.h"

static void check_rot(blas_int n, blas_int incx, blas_int incy, int api)
{
    sbt_vec x = sbt_vec_new(n, incx), y = sbt_vec_new(n, incy);
    sb_r c = (sb_r)sbt_rand(), s = (sb_r)sbt_rand();
    if (api == 0) F77_ROT(&n, x.v, &incx, y.v, &incy, &c, &s);
    else CBLAS_ROT(n, x.v, incx, y.v, incy, c, s);
    /* sequential oracle on copies (a zero increment updates one element n times) */
    sb_t *xw = x.copy + SBT_GUARD, *yw = y.copy + SBT_GUARD;
    for (blas_int i = 0; i < n; i++) {
        sb_t xo = xw[sbt_vec_index(&x, i)], yo = yw[sbt_vec_index(&y, i)];
        yw[sbt_vec_index(&y, i)] = c * yo - s * xo;
        xw[sbt_vec_index(&x, i)] = c * xo + s * yo;
    }
    int ok = 1;
    for (blas_int i = 0; i < n; i++)
        ok &= sbt_close(*sbt_vec_at(&x, i), xw[sbt_vec_index(&x, i)], 4, 8 * SBT_EPS) &&
              sbt_close(*sbt_vec_at(&y, i), yw[sbt_vec_index(&y, i)], 4, 8 * SBT_EPS);
    CHECK(ok, "rot n=%d incx=%d incy=%d api=%d", (int)n, (int)incx, (int)incy, api);
    CHECK(sbt_vec_guards_intact(&x) && sbt_vec_guards_intact(&y), "rot wrote outside x/y");
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

/* |a - b| <= tol * scale, for reals */
static int rnear(double a, double b, double scale, double tol) { return a == b || fabs(a - b) <= tol * scale + DBL_MIN; }

#if !SB_IS_COMPLEX
static void check_rotm(blas_int n, blas_int incx, blas_int incy, sb_t flag, int api)
{
    sbt_vec x = sbt_vec_new(n, incx), y = sbt_vec_new(n, incy);
    sb_t p[5] = {flag, (sb_t)sbt_rand(), (sb_t)sbt_rand(), (sb_t)sbt_rand(), (sb_t)sbt_rand()};
    sb_t h11 = p[1], h21 = p[2], h12 = p[3], h22 = p[4];
    if (flag == 0) h11 = h22 = 1;
    if (flag == 1) h12 = 1, h21 = -1;
    if (api == 0) SB_F77(rotm)(&n, x.v, &incx, y.v, &incy, p);
    else SB_CBLAS(rotm)(n, x.v, incx, y.v, incy, p);
    int ok = 1;
    if (flag == -2) {
        ok = l1_unchanged(&x) && l1_unchanged(&y);
    } else {
        sb_t *xw = x.copy + SBT_GUARD, *yw = y.copy + SBT_GUARD;
        for (blas_int i = 0; i < n; i++) {
            sb_t xo = xw[sbt_vec_index(&x, i)], yo = yw[sbt_vec_index(&y, i)];
            xw[sbt_vec_index(&x, i)] = h11 * xo + h12 * yo;
            yw[sbt_vec_index(&y, i)] = h21 * xo + h22 * yo;
        }
        for (blas_int i = 0; i < n; i++)
            ok &= sbt_close(*sbt_vec_at(&x, i), xw[sbt_vec_index(&x, i)], 4, 8 * SBT_EPS) &&
                  sbt_close(*sbt_vec_at(&y, i), yw[sbt_vec_index(&y, i)], 4, 8 * SBT_EPS);
    }
    CHECK(ok, "rotm n=%d incx=%d incy=%d flag=%g api=%d", (int)n, (int)incx, (int)incy, (double)flag, api);
    CHECK(sbt_vec_guards_intact(&x) && sbt_vec_guards_intact(&y), "rotm wrote outside x/y");
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

static void rotmg(sb_t *d1, sb_t *d2, sb_t *x1, sb_t y1, sb_t *p, int api)
{
    if (api == 0) SB_F77(rotmg)(d1, d2, x1, &y1, p);
    else SB_CBLAS(rotmg)(d1, d2, x1, y1, p);
}

static void check_rotmg(int api)
{
    for (int t = 0; t < 200; t++) {
        sb_t d1 = (sb_t)(1.25 + 0.75 * sbt_rand()), d2 = (sb_t)(1.25 + 0.75 * sbt_rand());
        sb_t x1 = (sb_t)sbt_rand(), y1 = (sb_t)sbt_rand();
        sb_t D1 = d1, D2 = d2, X1 = x1, p[5] = {7, 7, 7, 7, 7};
        rotmg(&D1, &D2, &X1, y1, p, api);
        sb_t h11 = p[1], h21 = p[2], h12 = p[3], h22 = p[4];
        CHECK(p[0] == -1 || p[0] == 0 || p[0] == 1, "rotmg flag %g", (double)p[0]);
        if (p[0] == 0) h11 = h22 = 1;
        if (p[0] == 1) h12 = 1, h21 = -1;
        /* H (x1, y1) = (x1', 0) and H^T diag(d1', d2') H = diag(d1, d2) */
        double s = fabs((double)x1) + fabs((double)y1);
        CHECK(rnear(h11 * x1 + h12 * y1, X1, s, 8 * SBT_EPS) && rnear(h21 * x1 + h22 * y1, 0, s, 8 * SBT_EPS),
              "rotmg H does not zero y1 (api=%d)", api);
        CHECK(rnear(h11 * h11 * D1 + h21 * h21 * D2, d1, 4, 16 * SBT_EPS) &&
                  rnear(h12 * h12 * D1 + h22 * h22 * D2, d2, 4, 16 * SBT_EPS) &&
                  rnear(h11 * h12 * D1 + h21 * h22 * D2, 0, 4, 16 * SBT_EPS),
              "rotmg H^T D' H != D (api=%d)", api);
    }
    /* d1 < 0: flag -1, H = 0, d1 = d2 = x1 = 0 */
    sb_t d1 = -1, d2 = 2, x1 = 3, p[5] = {7, 7, 7, 7, 7};
    rotmg(&d1, &d2, &x1, 4, p, api);
    CHECK(p[0] == -1 && p[1] == 0 && p[2] == 0 && p[3] == 0 && p[4] == 0 && d1 == 0 && d2 == 0 && x1 == 0,
          "rotmg d1<0 (api=%d)", api);
    /* d2*y1 == 0: flag -2 and nothing else changes */
    d1 = 1, d2 = 2, x1 = 3;
    sb_t q[5] = {7, 7, 7, 7, 7};
    rotmg(&d1, &d2, &x1, 0, q, api);
    CHECK(q[0] == -2 && q[1] == 7 && q[4] == 7 && d1 == 1 && d2 == 2 && x1 == 3, "rotmg y1=0 (api=%d)", api);
    /* rescaling of a large d2 by gam^2 = 2^24 steps; reference 3.11 resets h21/h12 to -1/1 on a
     * second step (see drivers/level1/rotmg.c), pinned here */
    d1 = (sb_t)0.5, d2 = (sb_t)0x1p60, x1 = 2;
    sb_t r[5];
    rotmg(&d1, &d2, &x1, (sb_t)0x1p-62, r, api);
    CHECK(r[0] == -1 && r[1] == 1 && r[2] == -4096 && r[3] == 1 && r[4] == (sb_t)0x1p24,
          "rotmg rescale (api=%d): %g %g %g %g %g d2=%g", api, (double)r[0], (double)r[1], (double)r[2],
          (double)r[3], (double)r[4], (double)d2);
    CHECK(d2 == (sb_t)0x1p12 && d1 == (sb_t)0.5 && x1 == 2, "rotmg rescaled d (api=%d): %g %g %g", api, (double)d1,
          (double)d2, (double)x1);
}
#endif

static void rotg(sb_t *a, sb_t *b, sb_r *c, sb_t *s, int api)
{
    if (api == 0) SB_F77(rotg)(a, b, c, s);
    else SB_CBLAS(rotg)(a, b, c, s);
}

static void check_rotg(int api)
{
    const double scales[] = {1, 1e-30, 1e30, SB_IS_DOUBLE ? 1e300 : 1e37, SB_IS_DOUBLE ? 1e-300 : 1e-37};
    for (int t = 0; t < 500; t++) {
        double sc = scales[t % 5];
        sb_t a = sbt_rand_elem() * (sb_r)sc, b = sbt_rand_elem() * (sb_r)(t % 7 == 0 ? 1 : sc);
        sb_t A = a, B = b, s;
        sb_r c;
        rotg(&A, &B, &c, &s, api);
        double m = (double)sb_abs1(a) + (double)sb_abs1(b);
        /* c real in [0, 1] (complex) or [-1, 1], c^2 + |s|^2 = 1 */
        CHECK(rnear((double)c * c + (double)sb_creal(s) * sb_creal(s) + (double)sb_cimag(s) * sb_cimag(s), 1, 1,
                    8 * SBT_EPS),
              "rotg c^2+|s|^2 != 1 (api=%d)", api);
#if SB_IS_COMPLEX
        /* [c s; -conj(s) c] (a, b) = (r, 0); b unchanged */
        CHECK(c >= 0 && l1_same(B, b), "crotg c<0 or b changed (api=%d)", api);
        CHECK(sbt_close(c * a + s * b, A, m, 16 * SBT_EPS) && sbt_close(c * b - sb_conj(s) * a, 0, m, 16 * SBT_EPS),
              "crotg rotation wrong (api=%d, scale %g)", api, sc);
#else
        /* [c s; -s c] (a, b) = (r, 0); r takes the sign of the larger of a, b; b := z */
        sb_t r = A;
        CHECK(rnear(c * a + s * b, r, m, 8 * SBT_EPS) && rnear(c * b - s * a, 0, m, 8 * SBT_EPS),
              "rotg rotation wrong (api=%d, scale %g)", api, sc);
        CHECK((r > 0) == ((fabs((double)a) > fabs((double)b) ? a : b) > 0), "rotg sign of r (api=%d)", api);
        sb_t z = fabs((double)a) > fabs((double)b) ? s : (c != 0 ? 1 / c : 1);
        CHECK(rnear(B, z, fabs((double)z), 4 * SBT_EPS), "rotg z (api=%d): a=%g b=%g c=%g s=%g B=%g", api, (double)a,
              (double)b, (double)c, (double)s, (double)B);
#endif
    }
    /* b = 0: c = 1, s = 0, r = a */
    sb_t a = 3, b = 0, s;
    sb_r c;
    rotg(&a, &b, &c, &s, api);
    CHECK(a == 3 && c == 1 && s == 0 && b == 0, "rotg b=0 (api=%d)", api);
    /* a = 0 */
    a = 0, b = -4;
    rotg(&a, &b, &c, &s, api);
#if SB_IS_COMPLEX
    CHECK(c == 0 && a == 4 && s == -1 && b == -4, "crotg a=0 (api=%d)", api);
    a = 0, b = sb_make(3, 4);
    rotg(&a, &b, &c, &s, api);
    CHECK(c == 0 && sbt_close(a, 5, 5, 4 * SBT_EPS) && sbt_close(s, sb_make(0.6, -0.8), 1, 4 * SBT_EPS),
          "crotg a=0 complex b (api=%d)", api);
#else
    CHECK(c == 0 && s == 1 && a == -4 && b == 1, "rotg a=0 (api=%d)", api);
    a = 3, b = -4;
    rotg(&a, &b, &c, &s, api);
    CHECK(rnear(a, -5, 5, 2 * SBT_EPS) && rnear(c, -0.6, 1, 2 * SBT_EPS) && rnear(s, 0.8, 1, 2 * SBT_EPS) &&
              rnear(b, 1 / -0.6, 2, 4 * SBT_EPS),
          "rotg(3,-4) (api=%d): r=%g c=%g s=%g z=%g", api, (double)a, (double)c, (double)s, (double)b);
#endif
    /* no overflow near the top of the range */
    const sb_r big = SB_IS_DOUBLE ? (sb_r)1e308 : (sb_r)2e38;
    a = big, b = big;
    rotg(&a, &b, &c, &s, api);
    CHECK(sb_abs1(a) < INFINITY && rnear(c, 0.7071067811865476, 1, 4 * SBT_EPS), "rotg overflow (api=%d)", api);
    /* NaN propagates */
    a = NAN, b = 1;
    rotg(&a, &b, &c, &s, api);
    CHECK(l1_isnan(a) && c != c, "rotg NaN lost (api=%d)", api);
}

/* The unit-stride kernel (every length to 70 and a few hundred, x and y at different offsets
 * from a 64-byte boundary) bit for bit against the products as C computes them (csrot/zdrot:
 * c and s as complex numbers, so an Inf in x or y gives the reference's NaN parts), with Inf and
 * NaN at every third position in one pass. */
static void check_rot_kernel_lengths(void)
{
    for (int k = 0; k <= L1_KMAX_SMALL + L1_NKLONG; k++) {
        blas_int n = k <= L1_KMAX_SMALL ? k : l1_kernel_long[k - L1_KMAX_SMALL - 1], one = 1;
        for (int off = 0; off < 4; off++)
            for (int special = 0; special < 2; special++) {
                l1_uvec x, y;
                l1_uvec_pair(n, off, special, &x, &y);
                sb_r c = (sb_r)sbt_rand(), s = (sb_r)sbt_rand();
                F77_ROT(&n, x.v, &one, y.v, &one, &c, &s);
                const sb_t cc = c, sc = s; /* complex: (c, 0), (s, 0) */
                int ok = 1;
                for (blas_int i = 0; i < n; i++) {
                    sb_t xo = l1_uvec_orig(&x, i), yo = l1_uvec_orig(&y, i);
                    ok &= l1_same(x.v[i], cc * xo + sc * yo) && l1_same(y.v[i], cc * yo - sc * xo);
                }
                CHECK(ok, "rot kernel n=%d off=%d special=%d: not C's products", (int)n, off, special);
                CHECK(l1_uvec_guards_intact(&x) && l1_uvec_guards_intact(&y), "rot kernel n=%d wrote outside", (int)n);
                l1_uvec_free(&x);
                l1_uvec_free(&y);
            }
    }
}

int main(void)
{
    check_rot_kernel_lengths();
    static const blas_int incs[] = {1, 2, -1, -3, 0};
    for (int api = 0; api < 2; api++) {
        for (int s = 0; s < sbt_num_small_sizes; s++)
            for (int a = 0; a < 5; a++)
                for (int b = 0; b < 4; b++) {
                    check_rot(sbt_small_sizes[s], incs[a], incs[b], api);
#if !SB_IS_COMPLEX
                    check_rotm(sbt_small_sizes[s], incs[a], incs[b], (sb_t)(s % 4) - 2, api);
#endif
                }
        for (int s = 0; s < L1_NLARGE; s++) check_rot(l1_large_sizes[s], 1, 1, api);
        check_rot(-1, 1, 1, api);
#if !SB_IS_COMPLEX
        for (int f = -2; f <= 1; f++) {
            check_rotm(1000, 1, 1, (sb_t)f, api);
            check_rotm(7, -2, 1, (sb_t)f, api);
            check_rotm(0, 1, 1, (sb_t)f, api);
        }
        check_rotmg(api);
#endif
        check_rotg(api);
    }
    return sbt_finish("level1_rot_" SB_UPPER);
}
