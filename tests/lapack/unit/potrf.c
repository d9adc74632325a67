/* ?potrf, ?potrs, ?posv against reference LAPACK 3.11 (the oracle, see lapack_test.h): info
 * identical (positive definite, not positive definite at a chosen order, NaN on the diagonal),
 * factors close to the reference's and residual ||A - U^H U|| / (n ||A|| eps) small, the other
 * triangle and the padding never written, nothing after a failing minor touched (as the
 * reference), the blocked form's panels and look-ahead (orders 512 and 600, failing pivots in
 * the first, a middle and the last panel; the same bytes at 1, 2 and 3 threads), argument errors with the reference parameter numbers; sizes 0, 1, 2, tiny and
 * across the recursion's cut-offs, both triangles. */
#include "lapack_test.h"
#include "safeblas.h"

typedef void potrf_fn(const char *, const blas_int *, sb_t *, const blas_int *, blas_int *, size_t);
typedef void potrs_fn(const char *, const blas_int *, const blas_int *, const sb_t *, const blas_int *, sb_t *,
                      const blas_int *, blas_int *, size_t);
typedef void posv_fn(const char *, const blas_int *, const blas_int *, sb_t *, const blas_int *, sb_t *,
                     const blas_int *, blas_int *, size_t);

potrf_fn SB_F77(potrf);
potrs_fn SB_F77(potrs);
posv_fn SB_F77(posv);

static potrf_fn *ref_potrf;
static potrs_fn *ref_potrs;
static posv_fn *ref_posv;

#define THRESH 30.0

static double chol_residual(char uplo, blas_int n, const sb_t *a, const sb_t *f, blas_int lda)
{
    double worst = 0, an = 0;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = (uplo == 'U' ? 0 : j); i < (uplo == 'U' ? j + 1 : n); i++) {
            double v = (double)sb_abs1(a[i + (size_t)j * lda]);
            if (v > an) an = v;
        }
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = (uplo == 'U' ? 0 : j); i < (uplo == 'U' ? j + 1 : n); i++) {
            sb_t s = 0;
            if (uplo == 'U') /* (U^H U)(i,j) = sum_k conj(U(k,i)) U(k,j), k <= i */
                for (blas_int k = 0; k <= i; k++) s += sb_conj(f[k + (size_t)i * lda]) * f[k + (size_t)j * lda];
            else /* (L L^H)(i,j) = sum_k L(i,k) conj(L(j,k)), k <= j */
                for (blas_int k = 0; k <= j; k++) s += f[i + (size_t)k * lda] * sb_conj(f[j + (size_t)k * lda]);
            double d = (double)sb_abs1(s - a[i + (size_t)j * lda]);
            if (d > worst || d != d) worst = d;
        }
    return an == 0 ? worst : worst / ((double)n * an * SBT_EPS);
}

/* kinds */
enum { PD, NOT_PD, NAN_DIAG, NKINDS };
static const char *kind_name[] = {"positive definite", "not positive definite", "NaN on the diagonal"};

static void test_potrf_at(int kind, char uplo, blas_int n, blas_int bad)
{
    blas_int lda = n + 2, info = -99, rinfo = -99;
    size_t sz = (size_t)lda * (n > 0 ? n : 1);
    sb_t *a = sbt_alloc(sz);
    for (size_t k = 0; k < sz; k++) a[k] = (sb_t)555;
    if (n > 0) sbt_hpd(n, a, lda);
    /* bad: 0-based position of the failing pivot (kinds NOT_PD, NAN_DIAG) */
    if (kind == NOT_PD && n > 0) a[bad + (size_t)bad * lda] = -(sb_t)(4 * n);
    if (kind == NAN_DIAG && n > 0) a[bad + (size_t)bad * lda] = NAN;
    /* the triangle that must not be read: garbage (NaN) */
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < n; i++)
            if ((uplo == 'U' && i > j) || (uplo == 'L' && i < j)) a[i + (size_t)j * lda] = NAN;
    sb_t *ours = sbt_dup(a, sz), *ref = sbt_dup(a, sz);
    SB_F77(potrf)(&uplo, &n, ours, &lda, &info, 1);
    ref_potrf(&uplo, &n, ref, &lda, &rinfo, 1);
    sbt_expect_no_xerbla("potrf");
    CHECK(info == rinfo, "potrf %c %s n=%ld: info %ld, reference %ld", uplo, kind_name[kind], (long)n, (long)info,
          (long)rinfo);
    if (kind != PD && n > 0) CHECK(info == bad + 1, "potrf %c %s n=%ld: info %ld", uplo, kind_name[kind], (long)n, (long)info);
    /* outside the triangle: untouched bytes */
    int out_ok = 1;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < lda; i++) {
            int mine = i < n && (uplo == 'U' ? i <= j : i >= j);
            if (!mine) out_ok &= memcmp(&ours[i + (size_t)j * lda], &a[i + (size_t)j * lda], sizeof(sb_t)) == 0;
        }
    CHECK(out_ok, "potrf %c n=%ld: wrote outside its triangle", uplo, (long)n);
    if (kind == PD) {
        double r = chol_residual(uplo, n, a, ours, lda);
        CHECK(r < THRESH, "potrf %c n=%ld: residual %g", uplo, (long)n, r);
        double worst = 0;
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = (uplo == 'U' ? 0 : j); i < (uplo == 'U' ? j + 1 : n); i++) {
                double d = (double)sb_abs1(ours[i + (size_t)j * lda] - ref[i + (size_t)j * lda]);
                if (d > worst || d != d) worst = d;
            }
        double fn = sbt_maxabs(n, n, ref, lda);
        CHECK(worst <= 1e3 * SBT_EPS * (n + 1) * (fn > 1 ? fn : 1), "potrf %c n=%ld: differs from the reference by %g",
              uplo, (long)n, worst);
        int realdiag = 1;
        for (blas_int j = 0; j < n; j++) realdiag &= sb_cimag(ours[j + (size_t)j * lda]) == 0;
        CHECK(realdiag, "potrf %c n=%ld: diagonal not real", uplo, (long)n);
    } else if (n > 0) {
        /* the leading minor that factored matches the reference; the rest of the columns/rows
         * from the failing one on: no NaN where the reference has none */
        blas_int k = bad;
        double worst = 0;
        for (blas_int j = 0; j < k; j++)
            for (blas_int i = (uplo == 'U' ? 0 : j); i < (uplo == 'U' ? j + 1 : k); i++) {
                double d = (double)sb_abs1(ours[i + (size_t)j * lda] - ref[i + (size_t)j * lda]);
                if (d > worst || d != d) worst = d;
            }
        CHECK(worst <= 1e3 * SBT_EPS * (n + 1) * n, "potrf %c %s n=%ld: leading factor differs by %g", uplo,
              kind_name[kind], (long)n, worst);
        int nan_ok = 1;
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = (uplo == 'U' ? 0 : j); i < (uplo == 'U' ? j + 1 : n); i++) {
                sb_t x = ours[i + (size_t)j * lda], y = ref[i + (size_t)j * lda];
                nan_ok &= !(x != x && y == y);
            }
        CHECK(nan_ok, "potrf %c %s n=%ld: NaN where the reference has none", uplo, kind_name[kind], (long)n);
    }
    free(a);
    free(ours);
    free(ref);
}

static void test_potrf(int kind, char uplo, blas_int n) { test_potrf_at(kind, uplo, n, n / 2); }

/* The blocked form is bitwise the same at 1, 2 and 3 threads (its chunks depend on n only). */
static void test_threads_bitwise(char uplo, blas_int n)
{
    blas_int lda = n + 3, info[3];
    size_t sz = (size_t)lda * n;
    sb_t *a = sbt_alloc(sz), *f[3];
    sbt_hpd(n, a, lda);
    int saved = safeblas_get_num_threads();
    for (int t = 0; t < 3; t++) {
        f[t] = sbt_dup(a, sz);
        safeblas_set_num_threads(t + 1);
        SB_F77(potrf)(&uplo, &n, f[t], &lda, &info[t], 1);
    }
    safeblas_set_num_threads(saved);
    for (int t = 1; t < 3; t++)
        CHECK(info[t] == info[0] && sbt_bytes_equal(f[t], f[0], sz * sizeof(sb_t)),
              "potrf %c n=%ld: %d threads differ from 1", uplo, (long)n, t + 1);
    CHECK(info[0] == 0, "potrf %c n=%ld: info %ld", uplo, (long)n, (long)info[0]);
    for (int t = 0; t < 3; t++) free(f[t]);
    free(a);
}

static void test_solve(char uplo, blas_int n, blas_int nrhs)
{
    blas_int lda = n + 1, ldb = n + 3, info = -9, rinfo = -9;
    size_t sa = (size_t)lda * (n > 0 ? n : 1), sbz = (size_t)ldb * (nrhs > 0 ? nrhs : 1);
    sb_t *a = sbt_alloc(sa), *b = sbt_alloc(sbz);
    for (size_t k = 0; k < sa; k++) a[k] = 0;
    if (n > 0) sbt_hpd(n, a, lda);
    sbt_fill(b, sbz);
    /* potrs on the reference factor */
    sb_t *f = sbt_dup(a, sa);
    ref_potrf(&uplo, &n, f, &lda, &rinfo, 1);
    sb_t *x = sbt_dup(b, sbz), *y = sbt_dup(b, sbz);
    SB_F77(potrs)(&uplo, &n, &nrhs, f, &lda, x, &ldb, &info, 1);
    ref_potrs(&uplo, &n, &nrhs, f, &lda, y, &ldb, &rinfo, 1);
    CHECK(info == 0, "potrs info %ld", (long)info);
    double d = sbt_reldiff(n, nrhs, x, ldb, y, ldb);
    CHECK(d <= 1e3 * SBT_EPS * (n + 1), "potrs %c n=%ld nrhs=%ld: differs from the reference by %g", uplo, (long)n,
          (long)nrhs, d);
    int pad = 1;
    for (blas_int j = 0; j < nrhs; j++)
        for (blas_int i = n; i < ldb; i++) pad &= memcmp(&x[i + (size_t)j * ldb], &b[i + (size_t)j * ldb], sizeof(sb_t)) == 0;
    CHECK(pad, "potrs wrote outside B");
    free(x);
    free(y);
    /* posv */
    sb_t *g = sbt_dup(a, sa), *rg = sbt_dup(a, sa);
    x = sbt_dup(b, sbz);
    y = sbt_dup(b, sbz);
    SB_F77(posv)(&uplo, &n, &nrhs, g, &lda, x, &ldb, &info, 1);
    ref_posv(&uplo, &n, &nrhs, rg, &lda, y, &ldb, &rinfo, 1);
    CHECK(info == rinfo && info == 0, "posv %c n=%ld: info %ld, reference %ld", uplo, (long)n, (long)info, (long)rinfo);
    d = sbt_reldiff(n, nrhs, x, ldb, y, ldb);
    CHECK(d <= 1e3 * SBT_EPS * (n + 1), "posv %c n=%ld nrhs=%ld: differs from the reference by %g", uplo, (long)n,
          (long)nrhs, d);
    free(x);
    free(y);
    free(g);
    free(rg);
    /* posv, not positive definite: info as the reference, B untouched */
    if (n >= 2) {
        g = sbt_dup(a, sa);
        g[1 + (size_t)1 * lda] = -(sb_t)(4 * n);
        rg = sbt_dup(g, sa);
        x = sbt_dup(b, sbz);
        y = sbt_dup(b, sbz);
        SB_F77(posv)(&uplo, &n, &nrhs, g, &lda, x, &ldb, &info, 1);
        ref_posv(&uplo, &n, &nrhs, rg, &lda, y, &ldb, &rinfo, 1);
        CHECK(info == rinfo && info == 2, "posv %c not PD n=%ld: info %ld, reference %ld", uplo, (long)n, (long)info,
              (long)rinfo);
        CHECK(sbt_bytes_equal(x, b, sbz * sizeof(sb_t)), "posv not PD: B modified");
        free(x);
        free(y);
        free(g);
        free(rg);
    }
    free(a);
    free(b);
    free(f);
}

static void test_errors(void)
{
    sb_t a[16] = {0}, b[16] = {0};
    blas_int info, n, lda, nrhs, ldb;
    const char *pf = SB_UPPER "POTRF", *ps = SB_UPPER "POTRS", *pv = SB_UPPER "POSV";
    sbt_xerbla_reset();
    n = 1, lda = 1;
    SB_F77(potrf)("X", &n, a, &lda, &info, 1);
    sbt_expect_xerbla(pf, 1, "potrf uplo");
    CHECK(info == -1, "potrf uplo info %ld", (long)info);
    n = -1;
    SB_F77(potrf)("u", &n, a, &lda, &info, 1);
    sbt_expect_xerbla(pf, 2, "potrf n<0");
    n = 2;
    SB_F77(potrf)("l", &n, a, &lda, &info, 1);
    sbt_expect_xerbla(pf, 4, "potrf lda");
    n = 0;
    SB_F77(potrf)("L", &n, a, &lda, &info, 1);
    sbt_expect_no_xerbla("potrf n=0");
    CHECK(info == 0, "potrf n=0 info");

    for (int r = 0; r < 2; r++) {
        const char *name = r ? pv : ps;
        n = 2, nrhs = 1, lda = 2, ldb = 2;
#define CALL(u) (r ? SB_F77(posv)(u, &n, &nrhs, a, &lda, b, &ldb, &info, 1) : SB_F77(potrs)(u, &n, &nrhs, a, &lda, b, &ldb, &info, 1))
        CALL("Q");
        sbt_expect_xerbla(name, 1, "uplo");
        n = -1;
        CALL("U");
        sbt_expect_xerbla(name, 2, "n<0");
        n = 2, nrhs = -1;
        CALL("U");
        sbt_expect_xerbla(name, 3, "nrhs<0");
        nrhs = 1, lda = 1;
        CALL("L");
        sbt_expect_xerbla(name, 5, "lda");
        lda = 2, ldb = 1;
        CALL("L");
        sbt_expect_xerbla(name, 7, "ldb");
        CHECK(info == -7, "ldb info %ld", (long)info);
#undef CALL
    }
}

int main(void)
{
    ref_potrf = (potrf_fn *)sbt_ref("potrf");
    ref_potrs = (potrs_fn *)sbt_ref("potrs");
    ref_posv = (posv_fn *)sbt_ref("posv");
    CHECK(sbt_is_ours((void *)SB_F77(potrf)) && !sbt_is_ours((void *)ref_potrf),
          "potrf: not comparing libsafeblas with the reference");
    sbt_seed(777);
    test_errors();
    static const blas_int sizes[] = {0, 1, 2, 3, 5, 8, 15, 16, 17, 31, 33, 47, 64, 65, 100, 130, 200, 257};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (int u = 0; u < 2; u++)
            for (int kind = 0; kind < NKINDS; kind++) test_potrf(kind, u ? 'L' : 'U', sizes[s]);
    /* the blocked form with look-ahead (from order 512 on, panels of 192): one exactly at the
     * cut-off, one with a short last panel (600 = 3 x 192 + 24); failing pivots in the first
     * panel, in a panel the look-ahead factors, and in the last one */
    static const blas_int blocked[][2] = {{512, 256}, {600, 100}, {600, 300}, {600, 560}};
    for (size_t s = 0; s < sizeof blocked / sizeof blocked[0]; s++)
        for (int u = 0; u < 2; u++)
            for (int kind = 0; kind < NKINDS; kind++)
                if (kind != PD || blocked[s][1] == blocked[s][0] / 2)
                    test_potrf_at(kind, u ? 'L' : 'U', blocked[s][0], blocked[s][1]);
    for (int u = 0; u < 2; u++) {
        test_threads_bitwise(u ? 'L' : 'U', 600);
        test_threads_bitwise(u ? 'L' : 'U', 900);
    }
    static const blas_int solves[][2] = {{0, 1}, {1, 0}, {1, 1}, {2, 3}, {5, 1}, {17, 4}, {64, 7}, {150, 20}, {260, 9}};
    for (size_t s = 0; s < sizeof solves / sizeof solves[0]; s++)
        for (int u = 0; u < 2; u++) test_solve(u ? 'L' : 'U', solves[s][0], solves[s][1]);
    return sbt_finish("lapack_potrf_" SB_UPPER);
}
