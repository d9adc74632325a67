/* ?laswp, ?getrf, ?getrs, ?gesv against reference LAPACK 3.11 (the oracle, see lapack_test.h):
 * identical info and pivots (random matrices: no ties), residuals ||PA - LU|| / (n ||A|| eps),
 * ||op(A) X - B|| / (n ||A|| ||X|| eps), nothing written outside the matrices, argument errors
 * with the reference parameter numbers. Shapes: 0, 1, 2, tiny, tall, wide, across the
 * recursion's cut-offs; singular (zero columns, rank one, zero) and ill-conditioned inputs. */
#include "lapack_test.h"
#include "safeblas.h"

typedef void laswp_fn(const blas_int *, sb_t *, const blas_int *, const blas_int *, const blas_int *,
                      const blas_int *, const blas_int *);
typedef void getrf_fn(const blas_int *, const blas_int *, sb_t *, const blas_int *, blas_int *, blas_int *);
typedef void getrs_fn(const char *, const blas_int *, const blas_int *, const sb_t *, const blas_int *,
                      const blas_int *, sb_t *, const blas_int *, blas_int *, size_t);
typedef void gesv_fn(const blas_int *, const blas_int *, sb_t *, const blas_int *, blas_int *, sb_t *,
                     const blas_int *, blas_int *);

laswp_fn SB_F77(laswp);
getrf_fn SB_F77(getrf);
getrs_fn SB_F77(getrs);
gesv_fn SB_F77(gesv);

static laswp_fn *ref_laswp;
static getrf_fn *ref_getrf;
static getrs_fn *ref_getrs;
static gesv_fn *ref_gesv;

#define THRESH 30.0

/* ||P A - L U||_max / (max(m,n) ||A||_max eps) for the factorization lu (ld lda) of a. */
static double lu_residual(blas_int m, blas_int n, const sb_t *a, const sb_t *lu, blas_int lda, const blas_int *ipiv)
{
    blas_int mn = SB_MIN(m, n);
    sb_t *pa = sbt_dup(a, (size_t)lda * n);
    for (blas_int i = 0; i < mn; i++) {
        blas_int p = ipiv[i] - 1;
        if (p != i)
            for (blas_int j = 0; j < n; j++) {
                sb_t t = pa[i + (size_t)j * lda];
                pa[i + (size_t)j * lda] = pa[p + (size_t)j * lda];
                pa[p + (size_t)j * lda] = t;
            }
    }
    double worst = 0;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < m; i++) {
            sb_t s = 0;
            blas_int kmax = SB_MIN(SB_MIN(i, j), mn - 1);
            for (blas_int k = 0; k <= kmax; k++) {
                sb_t l = (k == i) ? 1 : lu[i + (size_t)k * lda];
                s += l * lu[k + (size_t)j * lda];
            }
            double d = (double)sb_abs1(pa[i + (size_t)j * lda] - s);
            if (d > worst || d != d) worst = d;
        }
    free(pa);
    double an = sbt_maxabs(m, n, a, lda);
    if (an == 0) return worst == 0 ? 0 : INFINITY;
    return worst / ((double)SB_MAX(m, n) * an * SBT_EPS);
}

/* kinds of test matrix */
enum { RANDOM, ZERO_COL, RANK_ONE, ZERO, ILL, TIES, NKINDS };
static const char *kind_name[] = {"random", "zero column", "rank one", "zero", "ill-conditioned", "pivot ties"};

static void make(int kind, blas_int m, blas_int n, sb_t *a, blas_int lda, blas_int zc)
{
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < lda; i++) a[i + (size_t)j * lda] = (i < m) ? sbt_rand_elem() : (sb_t)777;
    if (kind == ZERO_COL && zc < n)
        for (blas_int i = 0; i < m; i++) a[i + (size_t)zc * lda] = 0;
    if (kind == RANK_ONE) {
        /* integers whose ratios are powers of two, so the multipliers and every product are
         * exact, elimination is exact and the zero pivots are exact zeros with any order of
         * rounding (with multipliers such as 1/3 the trailing entries are rounding residues,
         * whose size depends on whether a product is rounded before it is subtracted) */
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < m; i++) a[i + (size_t)j * lda] = (sb_t)((1 << (i % 3)) * (j % 4 + 1));
    }
    if (kind == ZERO)
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < m; i++) a[i + (size_t)j * lda] = 0;
    if (kind == TIES) /* 1 on the diagonal, -1 below it: each pivot ties with the row under it
                       * (the first wins); elimination is exact */
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < m; i++) a[i + (size_t)j * lda] = i == j ? 1 : i == j + 1 ? -1 : 0;
    if (kind == ILL) /* Hilbert-like, perturbed so there are no pivot ties */
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < m; i++)
                a[i + (size_t)j * lda] = (sb_t)(1.0 / (double)(i + j + 1)) * (sb_t)(1 + 1e-3 * sbt_rand());
}

static void test_getrf_shape(int kind, blas_int m, blas_int n)
{
    blas_int lda = m + 3, info = -99, rinfo = -99, mn = SB_MIN(m, n);
    size_t sz = (size_t)lda * (n > 0 ? n : 1);
    sb_t *a = sbt_alloc(sz);
    make(kind, m, n, a, lda, n / 2);
    sb_t *ours = sbt_dup(a, sz), *ref = sbt_dup(a, sz);
    blas_int *ipiv = calloc((size_t)mn + 2, sizeof(blas_int)), *rpiv = calloc((size_t)mn + 2, sizeof(blas_int));
    ipiv[mn] = rpiv[mn] = -7; /* guard */
    SB_F77(getrf)(&m, &n, ours, &lda, ipiv, &info);
    ref_getrf(&m, &n, ref, &lda, rpiv, &rinfo);
    sbt_expect_no_xerbla("getrf");
    CHECK(info == rinfo, "getrf %s %ldx%ld: info %ld, reference %ld", kind_name[kind], (long)m, (long)n, (long)info,
          (long)rinfo);
    int same_piv = 1;
    for (blas_int i = 0; i < mn; i++) same_piv &= ipiv[i] == rpiv[i];
    /* exact-arithmetic kinds and random ones have no ties; the ill-conditioned one may differ
     * by rounding, so only its residual is checked */
    if (kind != ILL)
        CHECK(same_piv, "getrf %s %ldx%ld: pivots differ from the reference", kind_name[kind], (long)m, (long)n);
    CHECK(ipiv[mn] == -7, "getrf %ldx%ld: wrote past ipiv", (long)m, (long)n);
    int pad_ok = 1;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = m; i < lda; i++) pad_ok &= ours[i + (size_t)j * lda] == (sb_t)777;
    CHECK(pad_ok, "getrf %ldx%ld: wrote outside the matrix", (long)m, (long)n);
    double r = lu_residual(m, n, a, ours, lda, ipiv);
    CHECK(r < THRESH, "getrf %s %ldx%ld: residual %g", kind_name[kind], (long)m, (long)n, r);
    if (same_piv && kind != ILL) {
        double d = sbt_reldiff(m, n, ours, lda, ref, lda);
        CHECK(d <= 1e4 * SBT_EPS * (SB_MAX(m, n) + 1), "getrf %s %ldx%ld: factors differ from the reference by %g",
              kind_name[kind], (long)m, (long)n, d);
    }
    /* no NaN where the reference has none */
    int nan_ok = 1;
    for (size_t k = 0; k < sz; k++) nan_ok &= !((ours[k] != ours[k]) && (ref[k] == ref[k]));
    CHECK(nan_ok, "getrf %s %ldx%ld: NaN where the reference has none", kind_name[kind], (long)m, (long)n);
    free(a);
    free(ours);
    free(ref);
    free(ipiv);
    free(rpiv);
}

/* The factorization is bitwise the same on 1 and 2 threads (large enough to go parallel). */
static void test_threads_bitwise(blas_int m, blas_int n)
{
    blas_int lda = m + 1, info1, info2, mn = SB_MIN(m, n);
    size_t sz = (size_t)lda * n;
    sb_t *a = sbt_alloc(sz);
    make(RANDOM, m, n, a, lda, n / 2);
    sb_t *x = sbt_dup(a, sz), *y = sbt_dup(a, sz);
    blas_int *p1 = calloc((size_t)mn, sizeof(blas_int)), *p2 = calloc((size_t)mn, sizeof(blas_int));
    int saved = safeblas_get_num_threads();
    safeblas_set_num_threads(1);
    SB_F77(getrf)(&m, &n, x, &lda, p1, &info1);
    safeblas_set_num_threads(2);
    SB_F77(getrf)(&m, &n, y, &lda, p2, &info2);
    safeblas_set_num_threads(saved);
    CHECK(info1 == info2 && memcmp(p1, p2, sizeof(blas_int) * mn) == 0 && sbt_bytes_equal(x, y, sz * sizeof(sb_t)),
          "getrf %ldx%ld: 1 and 2 threads differ", (long)m, (long)n);
    free(a);
    free(x);
    free(y);
    free(p1);
    free(p2);
}

static void test_laswp(void)
{
    blas_int m = 37, n = 70, lda = 40;
    size_t sz = (size_t)lda * n;
    sb_t *a = sbt_alloc(sz);
    sbt_fill(a, sz);
    blas_int ipiv[2 * 40 + 2];
    for (int i = 0; i < 82; i++) ipiv[i] = 1 + (blas_int)((sbt_rand() + 1) * 0.5 * m) % m;
    const blas_int incs[] = {1, -1, 2, -2, 0};
    const blas_int ks[][2] = {{1, 1}, {1, 18}, {3, 18}, {5, 4}, {1, 37}};
    for (int ii = 0; ii < 5; ii++)
        for (int kk = 0; kk < 5; kk++) {
            blas_int k1 = ks[kk][0], k2 = ks[kk][1], inc = incs[ii];
            if (k1 + (k2 - k1) * (inc < 0 ? -inc : inc) > 82) continue;
            for (blas_int nn = 0; nn <= n; nn += 35) {
                sb_t *x = sbt_dup(a, sz), *y = sbt_dup(a, sz);
                SB_F77(laswp)(&nn, x, &lda, &k1, &k2, ipiv, &inc);
                ref_laswp(&nn, y, &lda, &k1, &k2, ipiv, &inc);
                CHECK(sbt_bytes_equal(x, y, sz * sizeof(sb_t)), "laswp n=%ld k1=%ld k2=%ld incx=%ld differs", (long)nn,
                      (long)k1, (long)k2, (long)inc);
                free(x);
                free(y);
            }
        }
    /* large enough to run in parallel */
    {
        blas_int big = 600, l2 = 601, k1 = 1, k2 = 600, inc = 1;
        size_t s2 = (size_t)l2 * big;
        sb_t *b = sbt_alloc(s2);
        sbt_fill(b, s2);
        blas_int *p = malloc(sizeof(blas_int) * 600);
        for (int i = 0; i < 600; i++) p[i] = i + 1 + (blas_int)((sbt_rand() + 1) * 0.5 * (600 - i)) % (600 - i);
        sb_t *x = sbt_dup(b, s2), *y = sbt_dup(b, s2);
        SB_F77(laswp)(&big, x, &l2, &k1, &k2, p, &inc);
        ref_laswp(&big, y, &l2, &k1, &k2, p, &inc);
        CHECK(sbt_bytes_equal(x, y, s2 * sizeof(sb_t)), "laswp 600x600 differs");
        free(b);
        free(x);
        free(y);
        free(p);
    }
    free(a);
}

static double solve_residual(char trans, blas_int n, blas_int nrhs, const sb_t *a, blas_int lda, const sb_t *x,
                             const sb_t *b, blas_int ldb)
{
    double worst = 0;
    for (blas_int j = 0; j < nrhs; j++)
        for (blas_int i = 0; i < n; i++) {
            sb_t s = 0;
            for (blas_int k = 0; k < n; k++) {
                sb_t aik = trans == 'N' ? a[i + (size_t)k * lda] : a[k + (size_t)i * lda];
                if (trans == 'C') aik = sb_conj(aik);
                s += aik * x[k + (size_t)j * ldb];
            }
            double d = (double)sb_abs1(s - b[i + (size_t)j * ldb]);
            if (d > worst || d != d) worst = d;
        }
    double an = sbt_maxabs(n, n, a, lda), xn = sbt_maxabs(n, nrhs, x, ldb);
    if (an == 0 || xn == 0) return worst;
    return worst / ((double)SB_MAX(n, 1) * an * xn * SBT_EPS);
}

static void test_getrs_gesv(blas_int n, blas_int nrhs)
{
    blas_int lda = n + 2, ldb = n + 1, info, rinfo;
    size_t sa = (size_t)lda * n, sbsz = (size_t)ldb * (nrhs > 0 ? nrhs : 1);
    sb_t *a = sbt_alloc(sa + 1), *b = sbt_alloc(sbsz);
    sbt_fill(a, sa);
    sbt_fill(b, sbsz);
    for (blas_int i = 0; i < n; i++) a[i + (size_t)i * lda] += 2; /* reasonably conditioned */
    sb_t *lu = sbt_dup(a, sa);
    blas_int *piv = calloc((size_t)n + 1, sizeof(blas_int));
    ref_getrf(&n, &n, lu, &lda, piv, &rinfo);
    const char *ts = SB_IS_COMPLEX ? "NTC" : "NTC";
    for (int t = 0; t < 3; t++) {
        char tr = ts[t];
        sb_t *x = sbt_dup(b, sbsz), *y = sbt_dup(b, sbsz);
        SB_F77(getrs)(&tr, &n, &nrhs, lu, &lda, piv, x, &ldb, &info, 1);
        ref_getrs(&tr, &n, &nrhs, lu, &lda, piv, y, &ldb, &rinfo, 1);
        sbt_expect_no_xerbla("getrs");
        CHECK(info == 0, "getrs info %ld", (long)info);
        double r = solve_residual(tr, n, nrhs, a, lda, x, b, ldb);
        CHECK(r < THRESH, "getrs %c n=%ld nrhs=%ld: residual %g", tr, (long)n, (long)nrhs, r);
        double d = sbt_reldiff(n, nrhs, x, ldb, y, ldb);
        CHECK(d < 1e3 * SBT_EPS * (n + 1), "getrs %c n=%ld nrhs=%ld: differs from the reference by %g", tr, (long)n,
              (long)nrhs, d);
        int pad = 1;
        for (blas_int j = 0; j < nrhs; j++) pad &= x[n + (size_t)j * ldb] == b[n + (size_t)j * ldb];
        CHECK(pad, "getrs wrote outside B");
        free(x);
        free(y);
    }
    /* gesv */
    {
        sb_t *f = sbt_dup(a, sa), *x = sbt_dup(b, sbsz), *rf = sbt_dup(a, sa), *y = sbt_dup(b, sbsz);
        blas_int *p1 = calloc((size_t)n + 1, sizeof(blas_int)), *p2 = calloc((size_t)n + 1, sizeof(blas_int));
        SB_F77(gesv)(&n, &nrhs, f, &lda, p1, x, &ldb, &info);
        ref_gesv(&n, &nrhs, rf, &lda, p2, y, &ldb, &rinfo);
        CHECK(info == rinfo && info == 0, "gesv n=%ld: info %ld, reference %ld", (long)n, (long)info, (long)rinfo);
        double r = solve_residual('N', n, nrhs, a, lda, x, b, ldb);
        CHECK(r < THRESH, "gesv n=%ld nrhs=%ld: residual %g", (long)n, (long)nrhs, r);
        CHECK(n == 0 || memcmp(p1, p2, sizeof(blas_int) * n) == 0, "gesv n=%ld: pivots differ", (long)n);
        free(f);
        free(x);
        free(rf);
        free(y);
        free(p1);
        free(p2);
    }
    /* gesv on a singular matrix: info as the reference, B untouched */
    if (n >= 2) {
        sb_t *f = sbt_dup(a, sa), *x = sbt_dup(b, sbsz), *rf, *y;
        for (blas_int i = 0; i < n; i++) f[i + (size_t)(n / 2) * lda] = 0;
        rf = sbt_dup(f, sa);
        y = sbt_dup(b, sbsz);
        blas_int *p1 = calloc((size_t)n + 1, sizeof(blas_int)), *p2 = calloc((size_t)n + 1, sizeof(blas_int));
        SB_F77(gesv)(&n, &nrhs, f, &lda, p1, x, &ldb, &info);
        ref_gesv(&n, &nrhs, rf, &lda, p2, y, &ldb, &rinfo);
        CHECK(info == rinfo && info == n / 2 + 1, "gesv singular n=%ld: info %ld, reference %ld", (long)n, (long)info,
              (long)rinfo);
        CHECK(sbt_bytes_equal(x, b, sbsz * sizeof(sb_t)), "gesv singular: B was modified");
        free(f);
        free(x);
        free(rf);
        free(y);
        free(p1);
        free(p2);
    }
    free(a);
    free(b);
    free(lu);
    free(piv);
}

static void test_errors(void)
{
    sb_t a[16] = {0}, b[16] = {0};
    blas_int piv[4], info, m, n, lda, nrhs, ldb;
    const char *rf = SB_UPPER "GETRF", *rs = SB_UPPER "GETRS", *gv = SB_UPPER "GESV";
    sbt_xerbla_reset();
    m = -1, n = 1, lda = 1;
    SB_F77(getrf)(&m, &n, a, &lda, piv, &info);
    sbt_expect_xerbla(rf, 1, "getrf m<0");
    CHECK(info == -1, "getrf m<0 info %ld", (long)info);
    m = 1, n = -1;
    SB_F77(getrf)(&m, &n, a, &lda, piv, &info);
    sbt_expect_xerbla(rf, 2, "getrf n<0");
    m = 3, n = 1, lda = 2;
    SB_F77(getrf)(&m, &n, a, &lda, piv, &info);
    sbt_expect_xerbla(rf, 4, "getrf lda<m");
    CHECK(info == -4, "getrf lda info %ld", (long)info);
    m = 0, n = 0, lda = 1;
    SB_F77(getrf)(&m, &n, a, &lda, piv, &info);
    sbt_expect_no_xerbla("getrf 0x0");
    CHECK(info == 0, "getrf 0x0 info");

    n = 2, nrhs = 1, lda = 2, ldb = 2;
    SB_F77(getrs)("X", &n, &nrhs, a, &lda, piv, b, &ldb, &info, 1);
    sbt_expect_xerbla(rs, 1, "getrs trans");
    n = -1;
    SB_F77(getrs)("n", &n, &nrhs, a, &lda, piv, b, &ldb, &info, 1);
    sbt_expect_xerbla(rs, 2, "getrs n<0");
    n = 2, nrhs = -1;
    SB_F77(getrs)("t", &n, &nrhs, a, &lda, piv, b, &ldb, &info, 1);
    sbt_expect_xerbla(rs, 3, "getrs nrhs<0");
    nrhs = 1, lda = 1;
    SB_F77(getrs)("c", &n, &nrhs, a, &lda, piv, b, &ldb, &info, 1);
    sbt_expect_xerbla(rs, 5, "getrs lda");
    lda = 2, ldb = 1;
    SB_F77(getrs)("N", &n, &nrhs, a, &lda, piv, b, &ldb, &info, 1);
    sbt_expect_xerbla(rs, 8, "getrs ldb");
    CHECK(info == -8, "getrs ldb info %ld", (long)info);

    n = -1, nrhs = 1, lda = 1, ldb = 1;
    SB_F77(gesv)(&n, &nrhs, a, &lda, piv, b, &ldb, &info);
    sbt_expect_xerbla(gv, 1, "gesv n<0");
    n = 1, nrhs = -1;
    SB_F77(gesv)(&n, &nrhs, a, &lda, piv, b, &ldb, &info);
    sbt_expect_xerbla(gv, 2, "gesv nrhs<0");
    n = 2, nrhs = 1, lda = 1, ldb = 2;
    SB_F77(gesv)(&n, &nrhs, a, &lda, piv, b, &ldb, &info);
    sbt_expect_xerbla(gv, 4, "gesv lda");
    lda = 2, ldb = 1;
    SB_F77(gesv)(&n, &nrhs, a, &lda, piv, b, &ldb, &info);
    sbt_expect_xerbla(gv, 7, "gesv ldb");
    CHECK(info == -7, "gesv ldb info %ld", (long)info);
}

int main(void)
{
    ref_laswp = (laswp_fn *)sbt_ref("laswp");
    ref_getrf = (getrf_fn *)sbt_ref("getrf");
    ref_getrs = (getrs_fn *)sbt_ref("getrs");
    ref_gesv = (gesv_fn *)sbt_ref("gesv");
    CHECK(sbt_is_ours((void *)SB_F77(getrf)) && !sbt_is_ours((void *)ref_getrf),
          "getrf: not comparing libsafeblas with the reference");
    sbt_seed(12345);

    test_errors();
    test_laswp();

    static const blas_int shapes[][2] = {
        {0, 0},   {0, 3},   {3, 0},    {1, 1},    {1, 2},    {2, 1},    {2, 2},    {3, 3},    {1, 9},
        {9, 1},   {5, 5},   {8, 8},    {9, 9},    {16, 16},  {17, 17},  {7, 3},    {3, 7},    {40, 9},
        {9, 40},  {33, 20}, {20, 33},  {64, 64},  {65, 65},  {100, 37}, {37, 100}, {127, 131}, {131, 127},
        {200, 200}, {300, 120}, {120, 300}, {257, 257},
        /* the blocked path with look-ahead (min(m, n) >= 384): square, tall, wide */
        {400, 400}, {530, 390}, {390, 650},
    };
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
        for (int kind = 0; kind < NKINDS; kind++) {
            if (kind == ILL && shapes[s][0] > 12 && shapes[s][1] > 12) continue;
            test_getrf_shape(kind, shapes[s][0], shapes[s][1]);
        }
    /* the blocked path again on one thread, where each step also does the next one's interchanges
     * and solve on the trailing columns (getrf.c, presolved) */
    {
        static const blas_int one_thread[][2] = {{400, 400}, {530, 390}, {390, 650}, {700, 450}};
        int saved = safeblas_get_num_threads();
        safeblas_set_num_threads(1);
        for (size_t s = 0; s < sizeof one_thread / sizeof one_thread[0]; s++)
            for (int kind = 0; kind < NKINDS; kind++)
                if (kind != ILL) test_getrf_shape(kind, one_thread[s][0], one_thread[s][1]);
        safeblas_set_num_threads(saved);
    }
    test_threads_bitwise(610, 610);
    test_threads_bitwise(700, 420);
    /* ill-conditioned squares of growing size (Hilbert grows singular fast) */
    for (blas_int n = 4; n <= 12; n += 4) test_getrf_shape(ILL, n, n);

    static const blas_int solves[][2] = {{0, 1}, {1, 0}, {1, 1}, {2, 3}, {5, 1}, {17, 4}, {64, 7}, {150, 20}, {260, 33}};
    for (size_t s = 0; s < sizeof solves / sizeof solves[0]; s++) test_getrs_gesv(solves[s][0], solves[s][1]);

    return sbt_finish("lapack_getrf_" SB_UPPER);
}
