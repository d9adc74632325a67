/* ?trtri, ?lauum, ?getri, ?potri against reference LAPACK 3.11 (the oracle, see lapack_test.h):
 * results close to the reference's and residuals ||A inv(A) - I|| / (n ||A|| ||inv(A)|| eps),
 * info identical (singular triangular / singular U), only the owned triangle written, workspace
 * query and small workspaces of ?getri, argument errors with the reference parameter numbers. */
#include "lapack_test.h"

typedef void trtri_fn(const char *, const char *, const blas_int *, sb_t *, const blas_int *, blas_int *, size_t,
                      size_t);
typedef void lauum_fn(const char *, const blas_int *, sb_t *, const blas_int *, blas_int *, size_t);
typedef void getrf_fn(const blas_int *, const blas_int *, sb_t *, const blas_int *, blas_int *, blas_int *);
typedef void getri_fn(const blas_int *, sb_t *, const blas_int *, const blas_int *, sb_t *, const blas_int *,
                      blas_int *);
typedef void potrf_fn(const char *, const blas_int *, sb_t *, const blas_int *, blas_int *, size_t);

trtri_fn SB_F77(trtri);
lauum_fn SB_F77(lauum);
getri_fn SB_F77(getri);
lauum_fn SB_F77(potri);

static trtri_fn *ref_trtri;
static lauum_fn *ref_lauum, *ref_potri;
static getrf_fn *ref_getrf;
static getri_fn *ref_getri;
static potrf_fn *ref_potrf;

static int in_tri(char uplo, blas_int i, blas_int j) { return uplo == 'U' ? i <= j : i >= j; }

/* max difference on the uplo triangle (or everything for uplo 'A'), relative to max(|ref|, 1) */
static double tri_diff(char uplo, blas_int n, const sb_t *x, const sb_t *y, blas_int lda)
{
    double d = 0, s = 1;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < n; i++) {
            if (uplo != 'A' && !in_tri(uplo, i, j)) continue;
            sb_t a = x[i + (size_t)j * lda], b = y[i + (size_t)j * lda];
            double v = (double)sb_abs1(a - b);
            if (a != a || b != b) v = (a != a) == (b != b) ? 0 : INFINITY;
            if (v > d) d = v;
            double w = (double)sb_abs1(b);
            if (w > s) s = w;
        }
    return d / s;
}

static int outside_same(char uplo, blas_int n, const sb_t *x, const sb_t *orig, blas_int lda)
{
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < lda; i++) {
            int mine = i < n && (uplo == 'A' || in_tri(uplo, i, j));
            if (!mine && memcmp(&x[i + (size_t)j * lda], &orig[i + (size_t)j * lda], sizeof(sb_t))) return 0;
        }
    return 1;
}

static void test_trtri(char uplo, char diag, blas_int n, int singular)
{
    blas_int lda = n + 2, info = -9, rinfo = -9;
    size_t sz = (size_t)lda * (n > 0 ? n : 1);
    sb_t *a = sbt_alloc(sz);
    sbt_fill(a, sz);
    for (blas_int i = 0; i < n; i++) a[i + (size_t)i * lda] += (sb_t)4; /* well conditioned */
    if (singular && n > 0) a[n / 2 + (size_t)(n / 2) * lda] = 0;
    sb_t *x = sbt_dup(a, sz), *y = sbt_dup(a, sz);
    SB_F77(trtri)(&uplo, &diag, &n, x, &lda, &info, 1, 1);
    ref_trtri(&uplo, &diag, &n, y, &lda, &rinfo, 1, 1);
    sbt_expect_no_xerbla("trtri");
    CHECK(info == rinfo, "trtri %c%c n=%ld: info %ld, reference %ld", uplo, diag, (long)n, (long)info, (long)rinfo);
    CHECK(outside_same(uplo, n, x, a, lda), "trtri %c%c n=%ld: wrote outside the triangle", uplo, diag, (long)n);
    if (diag == 'U') /* the unit diagonal is not referenced */
        for (blas_int i = 0; i < n; i++) CHECK(x[i + (size_t)i * lda] == a[i + (size_t)i * lda], "trtri unit diag written");
    if (info == 0) {
        double d = tri_diff(uplo, n, x, y, lda);
        CHECK(d <= 1e3 * SBT_EPS * (n + 1), "trtri %c%c n=%ld: differs from the reference by %g", uplo, diag, (long)n, d);
    } else {
        CHECK(sbt_bytes_equal(x, a, sz * sizeof(sb_t)), "trtri singular: A modified");
    }
    free(a);
    free(x);
    free(y);
}

static void test_lauum(char uplo, blas_int n)
{
    blas_int lda = n + 1, info = -9, rinfo = -9;
    size_t sz = (size_t)lda * (n > 0 ? n : 1);
    sb_t *a = sbt_alloc(sz);
    sbt_fill(a, sz);
    /* a real diagonal, as ?lauum's input (inv(U) from ?potri) has; the reference reads only the
     * real part of the diagonal in its unblocked code */
    for (blas_int i = 0; i < n; i++) a[i + (size_t)i * lda] = sb_creal(a[i + (size_t)i * lda]);
    sb_t *x = sbt_dup(a, sz), *y = sbt_dup(a, sz);
    SB_F77(lauum)(&uplo, &n, x, &lda, &info, 1);
    ref_lauum(&uplo, &n, y, &lda, &rinfo, 1);
    CHECK(info == 0 && rinfo == 0, "lauum info");
    CHECK(outside_same(uplo, n, x, a, lda), "lauum %c n=%ld: wrote outside the triangle", uplo, (long)n);
    double d = tri_diff(uplo, n, x, y, lda);
    CHECK(d <= 1e2 * SBT_EPS * (n + 1), "lauum %c n=%ld: differs from the reference by %g", uplo, (long)n, d);
    free(a);
    free(x);
    free(y);
}

static void test_getri(blas_int n, int singular, blas_int lwork_kind)
{
    blas_int lda = n + 3, info = -9, rinfo = -9;
    size_t sz = (size_t)lda * (n > 0 ? n : 1);
    sb_t *a = sbt_alloc(sz);
    sbt_fill(a, sz);
    for (blas_int i = 0; i < n; i++) a[i + (size_t)i * lda] += (sb_t)3;
    if (singular && n > 1)
        for (blas_int i = 0; i < n; i++) a[i + (size_t)(n - 1) * lda] = 0; /* U(n,n) = 0 */
    blas_int *piv = calloc((size_t)n + 1, sizeof(blas_int));
    ref_getrf(&n, &n, a, &lda, piv, &rinfo);
    sb_t q, rq;
    blas_int m1 = -1;
    SB_F77(getri)(&n, a, &lda, piv, &q, &m1, &info);
    ref_getri(&n, a, &lda, piv, &rq, &m1, &rinfo);
    CHECK(info == 0 && (blas_int)sb_creal(q) == (blas_int)sb_creal(rq), "getri query n=%ld: %ld, reference %ld",
          (long)n, (long)sb_creal(q), (long)sb_creal(rq));
    blas_int lwork = lwork_kind == 0 ? SB_MAX(1, n) : lwork_kind == 1 ? SB_MAX(1, n) * 5 : (blas_int)sb_creal(rq);
    if (lwork < 1) lwork = 1;
    sb_t *w = sbt_alloc((size_t)lwork), *rw = sbt_alloc((size_t)lwork);
    sb_t *x = sbt_dup(a, sz), *y = sbt_dup(a, sz);
    SB_F77(getri)(&n, x, &lda, piv, w, &lwork, &info);
    ref_getri(&n, y, &lda, piv, rw, &lwork, &rinfo);
    sbt_expect_no_xerbla("getri");
    CHECK(info == rinfo, "getri n=%ld: info %ld, reference %ld", (long)n, (long)info, (long)rinfo);
    CHECK(outside_same('A', n, x, a, lda), "getri n=%ld: wrote outside A", (long)n);
    if (info == 0) {
        double d = tri_diff('A', n, x, y, lda);
        CHECK(d <= 1e3 * SBT_EPS * (n + 1), "getri n=%ld lwork=%ld: differs from the reference by %g", (long)n,
              (long)lwork, d);
        CHECK(n == 0 || sb_creal(w[0]) == sb_creal(rw[0]), "getri n=%ld: work(1) %g, reference %g", (long)n,
              (double)sb_creal(w[0]), (double)sb_creal(rw[0]));
    }
    free(a);
    free(piv);
    free(w);
    free(rw);
    free(x);
    free(y);
}

static void test_potri(char uplo, blas_int n)
{
    blas_int lda = n + 2, info = -9, rinfo = -9;
    size_t sz = (size_t)lda * (n > 0 ? n : 1);
    sb_t *a = sbt_alloc(sz);
    for (size_t k = 0; k < sz; k++) a[k] = (sb_t)9;
    if (n > 0) sbt_hpd(n, a, lda);
    ref_potrf(&uplo, &n, a, &lda, &rinfo, 1);
    sb_t *x = sbt_dup(a, sz), *y = sbt_dup(a, sz);
    SB_F77(potri)(&uplo, &n, x, &lda, &info, 1);
    ref_potri(&uplo, &n, y, &lda, &rinfo, 1);
    CHECK(info == rinfo && info == 0, "potri %c n=%ld: info %ld, reference %ld", uplo, (long)n, (long)info, (long)rinfo);
    CHECK(outside_same(uplo, n, x, a, lda), "potri %c n=%ld: wrote outside the triangle", uplo, (long)n);
    double d = tri_diff(uplo, n, x, y, lda);
    CHECK(d <= 1e3 * SBT_EPS * (n + 1), "potri %c n=%ld: differs from the reference by %g", uplo, (long)n, d);
    /* a zero on the factor's diagonal: info as the reference */
    if (n > 1) {
        x[1 + (size_t)1 * lda] = 0;
        y[1 + (size_t)1 * lda] = 0;
        memcpy(x, a, sz * sizeof(sb_t));
        memcpy(y, a, sz * sizeof(sb_t));
        x[1 + (size_t)1 * lda] = y[1 + (size_t)1 * lda] = 0;
        SB_F77(potri)(&uplo, &n, x, &lda, &info, 1);
        ref_potri(&uplo, &n, y, &lda, &rinfo, 1);
        CHECK(info == rinfo && info == 2, "potri singular: info %ld, reference %ld", (long)info, (long)rinfo);
    }
    free(a);
    free(x);
    free(y);
}

static void test_errors(void)
{
    sb_t a[16] = {0}, w[16];
    blas_int info, n, lda, lw, piv[4] = {1, 2, 3, 4};
    const char *tt = SB_UPPER "TRTRI", *la = SB_UPPER "LAUUM", *gi = SB_UPPER "GETRI", *pi = SB_UPPER "POTRI";
    sbt_xerbla_reset();
    n = 1, lda = 1;
    SB_F77(trtri)("X", "N", &n, a, &lda, &info, 1, 1);
    sbt_expect_xerbla(tt, 1, "trtri uplo");
    SB_F77(trtri)("U", "X", &n, a, &lda, &info, 1, 1);
    sbt_expect_xerbla(tt, 2, "trtri diag");
    n = -1;
    SB_F77(trtri)("l", "u", &n, a, &lda, &info, 1, 1);
    sbt_expect_xerbla(tt, 3, "trtri n");
    n = 2;
    SB_F77(trtri)("l", "n", &n, a, &lda, &info, 1, 1);
    sbt_expect_xerbla(tt, 5, "trtri lda");
    CHECK(info == -5, "trtri info %ld", (long)info);

    for (int r = 0; r < 2; r++) {
        const char *name = r ? pi : la;
        lauum_fn *f = r ? SB_F77(potri) : SB_F77(lauum);
        n = 1, lda = 1;
        f("X", &n, a, &lda, &info, 1);
        sbt_expect_xerbla(name, 1, "uplo");
        n = -1;
        f("U", &n, a, &lda, &info, 1);
        sbt_expect_xerbla(name, 2, "n");
        n = 3, lda = 2;
        f("L", &n, a, &lda, &info, 1);
        sbt_expect_xerbla(name, 4, "lda");
        CHECK(info == -4, "info %ld", (long)info);
    }

    n = -1, lda = 1, lw = 1;
    SB_F77(getri)(&n, a, &lda, piv, w, &lw, &info);
    sbt_expect_xerbla(gi, 1, "getri n");
    n = 2, lda = 1, lw = 2;
    SB_F77(getri)(&n, a, &lda, piv, w, &lw, &info);
    sbt_expect_xerbla(gi, 3, "getri lda");
    n = 3, lda = 3, lw = 2;
    SB_F77(getri)(&n, a, &lda, piv, w, &lw, &info);
    sbt_expect_xerbla(gi, 6, "getri lwork");
    CHECK(info == -6, "getri info %ld", (long)info);
}

int main(void)
{
    ref_trtri = (trtri_fn *)sbt_ref("trtri");
    ref_lauum = (lauum_fn *)sbt_ref("lauum");
    ref_potri = (lauum_fn *)sbt_ref("potri");
    ref_getrf = (getrf_fn *)sbt_ref("getrf");
    ref_getri = (getri_fn *)sbt_ref("getri");
    ref_potrf = (potrf_fn *)sbt_ref("potrf");
    CHECK(sbt_is_ours((void *)SB_F77(getri)) && !sbt_is_ours((void *)ref_getri),
          "getri: not comparing libsafeblas with the reference");
    sbt_seed(4242);
    test_errors();
    static const blas_int sizes[] = {0, 1, 2, 3, 7, 16, 17, 33, 64, 65, 100, 150, 257};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        blas_int n = sizes[s];
        for (int u = 0; u < 2; u++) {
            char uplo = u ? 'L' : 'U';
            test_trtri(uplo, 'N', n, 0);
            test_trtri(uplo, 'U', n, 0);
            test_trtri(uplo, 'N', n, 1);
            test_lauum(uplo, n);
            test_potri(uplo, n);
        }
        for (int k = 0; k < 3; k++) test_getri(n, 0, k);
        test_getri(n, 1, 2);
    }
    return sbt_finish("lapack_inverse_" SB_UPPER);
}
