/* Triangular solves ?trsv, ?tbsv, ?tpsv: residual op(A)*x ~ b with a well-conditioned A (dominant
 * diagonal), every uplo/trans/diag, Fortran ABI and CBLAS column- and row-major, sizes 0, 1, odd,
 * 300, negative increments, lda > rows.  What must never be read holds NaN: the other triangle,
 * the unused corners of band storage, the diagonal when diag = 'U'.  A is never written, x only in
 * its n elements.  The reference skip of x(j) = 0 in the non-transposed sweep; argument errors
 * with the reference parameter numbers. */
#include "test_prec.h"
#include "cblas.h"

void SB_F77(trsv)(const char *, const char *, const char *, const blas_int *, const sb_t *, const blas_int *, sb_t *,
                  const blas_int *);
void SB_F77(tbsv)(const char *, const char *, const char *, const blas_int *, const blas_int *, const sb_t *,
                  const blas_int *, sb_t *, const blas_int *);
void SB_F77(tpsv)(const char *, const char *, const char *, const blas_int *, const sb_t *, sb_t *, const blas_int *);

#define STR_(x) #x
#define STR(x) STR_(x)

enum { API_F77, API_COL, API_ROW };
static const char *api_name[] = {"f77", "cblas-col", "cblas-row"};
enum { K_TR, K_TB, K_TP };
static const char *kind_name[] = {"trsv", "tbsv", "tpsv"};
static const blas_int incs[] = {1, 2, -1, -3};

static void call_solve(int api, int kind, char uplo, char trans, char diag, blas_int n, blas_int k, const sb_t *a,
                       blas_int lda, sb_t *x, blas_int incx)
{
    if (api == API_F77) {
        if (kind == K_TR) SB_F77(trsv)(&uplo, &trans, &diag, &n, a, &lda, x, &incx);
        else if (kind == K_TB) SB_F77(tbsv)(&uplo, &trans, &diag, &n, &k, a, &lda, x, &incx);
        else SB_F77(tpsv)(&uplo, &trans, &diag, &n, a, x, &incx);
        return;
    }
    CBLAS_LAYOUT lay = api == API_ROW ? CblasRowMajor : CblasColMajor;
    CBLAS_UPLO ul = uplo == 'U' ? CblasUpper : uplo == 'L' ? CblasLower : (CBLAS_UPLO)0;
    CBLAS_TRANSPOSE tr = trans == 'N' ? CblasNoTrans : trans == 'T' ? CblasTrans : trans == 'C' ? CblasConjTrans
                         : trans == 'R' ? CblasConjNoTrans : (CBLAS_TRANSPOSE)0;
    CBLAS_DIAG dg = diag == 'U' ? CblasUnit : diag == 'N' ? CblasNonUnit : (CBLAS_DIAG)0;
    if (kind == K_TR) SB_CBLAS(trsv)(lay, ul, tr, dg, n, a, lda, x, incx);
    else if (kind == K_TB) SB_CBLAS(tbsv)(lay, ul, tr, dg, n, k, a, lda, x, incx);
    else SB_CBLAS(tpsv)(lay, ul, tr, dg, n, a, x, incx);
}

/* Memory offset of logical A(i, j) inside the referenced triangle/band, or -1 when not stored. */
static long tri_off(int kind, int rm, int upper, blas_int n, blas_int k, blas_int lda, blas_int i, blas_int j)
{
    if (rm) { /* row-major: column-major storage of A^T, the opposite triangle */
        blas_int t = i;
        i = j;
        j = t;
        upper = !upper;
    }
    if (upper ? i > j : i < j) return -1;
    if (kind == K_TR) return (long)i + (long)j * lda;
    if (kind == K_TB) {
        if (upper ? j - i > k : i - j > k) return -1;
        return upper ? (long)(k + i - j) + (long)j * lda : (long)(i - j) + (long)j * lda;
    }
    if (upper) return (long)i + (long)j * (j + 1) / 2;
    return (long)i + (long)j * (2 * (long)n - j - 1) / 2;
}

static void check_solve(int api, int kind, char uplo, char trans, char diag, blas_int n, blas_int k,
                        blas_int incx, blas_int pad)
{
    int rm = api == API_ROW, upper = uplo == 'U' || uplo == 'u', unit = diag == 'U' || diag == 'u';
    char tu = (char)(trans & ~0x20);
    if (kind != K_TB) k = n > 0 ? n - 1 : 0;
    blas_int rows = kind == K_TB ? k + 1 : n, lda = rows + pad;
    if (lda < 1) lda = 1;
    sbt_mat A;
    if (kind == K_TP) A = sbt_mat_new(n * (n + 1) / 2, 1, n * (n + 1) / 2);
    else A = sbt_mat_new(rows, n, lda);
    /* everything in the owned rectangle NaN first; then the stored part of the triangle */
    size_t cap = kind == K_TP ? (size_t)(n * (n + 1) / 2) : (size_t)lda * (size_t)n;
    for (blas_int j = 0; j < (kind == K_TP ? 1 : n); j++)
        for (blas_int i = 0; i < (kind == K_TP ? n * (n + 1) / 2 : rows); i++)
            A.a[i + (size_t)j * lda] = (sb_t)NAN;
    (void)cap;
    double offscale = 0.5 / (double)(n > 0 ? n : 1);
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < n; i++) {
            long off = tri_off(kind, rm, upper, n, k, lda, i, j);
            if (off < 0) continue;
            if (i == j) A.a[off] = unit ? (sb_t)NAN : sbt_rand_elem() * (sb_r)0.5 + (sb_r)2;
            else A.a[off] = sbt_rand_elem() * (sb_r)offscale;
        }
    sbt_mat_snapshot(&A);
    sbt_vec x = sbt_vec_new(n, incx);
    call_solve(api, kind, uplo, trans, diag, n, k, A.a, lda, x.v, incx);
    /* residual: op(A) * x_computed against b */
    int ok = 1;
    for (blas_int i = 0; i < n && ok; i++) {
        sb_t r = 0;
        double scale = (double)sb_abs1(sbt_vec_orig(&x, i));
        for (blas_int j = 0; j < n; j++) {
            sb_t aij;
            long off;
            if (tu == 'N') off = tri_off(kind, rm, upper, n, k, lda, i, j);
            else off = tri_off(kind, rm, upper, n, k, lda, j, i);
            if (off < 0) continue;
            aij = (i == j && unit) ? (sb_t)1 : A.a[off];
            if (tu == 'C') aij = sb_conj(aij);
            sb_t xj = *sbt_vec_at(&x, j);
            r += aij * xj;
            scale += (double)sb_abs1(aij) * (double)sb_abs1(xj);
        }
        if (!sbt_close(r, sbt_vec_orig(&x, i), scale, 8.0 * (n + 2) * SBT_EPS)) ok = 0;
    }
    CHECK(ok, "%s residual %s uplo=%c trans=%c diag=%c n=%d k=%d incx=%d pad=%d", kind_name[kind], api_name[api],
          uplo, trans, diag, (int)n, (int)k, (int)incx, (int)pad);
    CHECK(sbt_mat_guards_intact(&A, NULL, NULL) && memcmp(A.buf, A.copy, A.total * sizeof(sb_t)) == 0,
          "%s wrote A", kind_name[kind]);
    CHECK(sbt_vec_guards_intact(&x), "%s wrote outside x (incx=%d)", kind_name[kind], (int)incx);
    if (n == 0) CHECK(memcmp(x.buf, x.copy, x.total * sizeof(sb_t)) == 0, "%s n=0 changed x", kind_name[kind]);
    sbt_mat_free(&A);
    sbt_vec_free(&x);
}

/* Non-transposed sweep: a zero x(j) skips column j (reference): an infinite A(0,2) must not reach
 * x(0) when x(2) = 0. */
static void check_zero_skip(int api, int kind)
{
    /* logical upper 3 x 3: diag 1, A(0,1) = 0.5, A(0,2) = Inf, A(1,2) = Inf; b = (1, 1, 0) */
    sb_t a[9], x[3] = {1, 1, 0};
    for (int q = 0; q < 9; q++) a[q] = (sb_t)NAN;
    blas_int n = 3, k = 2, lda = 3;
    int rm = api == API_ROW;
    for (blas_int j = 0; j < 3; j++)
        for (blas_int i = 0; i <= j; i++) {
            long off = tri_off(kind, rm, 1, n, k, lda, i, j);
            a[off] = i == j ? 1 : (j == 2 ? (sb_t)INFINITY : (sb_t)0.5);
        }
    call_solve(api, kind, 'U', 'N', 'N', n, k, a, lda, x, 1);
    CHECK(x[2] == 0 && x[1] == 1 && x[0] == (sb_t)0.5, "%s %s: zero x(j) did not skip column j", kind_name[kind],
          api_name[api]);
}

/* The same rule in the blocked full-storage solve (blocks of 64 unknowns, the strips beside them by
 * gemv): A = I but for two columns j whose x(j) comes out zero, holding Inf off the diagonal all
 * along the triangle (through their own block and the strip beyond it) and NaN on it, b = 1 but
 * for b(j) = 0; the solution is b, with no Inf or NaN. Both triangles, both signs of incx. */
static void check_zero_skip_blocked(int kind, char uplo, blas_int incx)
{
    /* trsv blocks from n = 65 on, tpsv (upper N) from 1536 */
    const blas_int n = kind == K_TP ? 1600 : 200, zc[2] = {70, n - 50};
    int upper = uplo == 'U';
    sb_t *a = calloc((size_t)n * n, sizeof(sb_t)), *x = malloc(sizeof(sb_t) * (size_t)n * 2);
    blas_int ax = incx < 0 ? -incx : incx;
    for (blas_int j = 0; j < n; j++) a[j + (size_t)j * n] = 1;
    for (int z = 0; z < 2; z++) {
        blas_int j = zc[z];
        for (blas_int i = upper ? 0 : j + 1; i < (upper ? j : n); i++) a[i + (size_t)j * n] = (sb_t)INFINITY;
        a[j + (size_t)j * n] = (sb_t)NAN;
    }
    /* logical element i at x[(incx < 0 ? n - 1 - i : i) * |incx|] */
    for (blas_int i = 0; i < n; i++) x[(incx < 0 ? n - 1 - i : i) * ax] = (i == zc[0] || i == zc[1]) ? 0 : 1;
    sb_t *ap = malloc(sizeof(sb_t) * (size_t)n * (n + 1) / 2); /* tpsv: the same triangle packed */
    size_t q = 0;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = upper ? 0 : j; i <= (upper ? j : n - 1); i++) ap[q++] = a[i + (size_t)j * n];
    call_solve(API_F77, kind, uplo, 'N', 'N', n, 0, kind == K_TP ? ap : a, n, x, incx);
    free(ap);
    int ok = 1;
    for (blas_int i = 0; i < n; i++) {
        sb_t v = x[(incx < 0 ? n - 1 - i : i) * ax];
        if (v != ((i == zc[0] || i == zc[1]) ? 0 : 1)) ok = 0;
    }
    CHECK(ok, "%s n=%d uplo=%c incx=%d: a zero x(j) did not skip column j in the blocked solve", kind_name[kind],
          (int)n, uplo, (int)incx);
    free(a);
    free(x);
}

static void solve_errors(int kind)
{
    sb_t a[4] = {0}, x[2] = {0};
    char fname[16], cname[24];
    snprintf(fname, sizeof fname, "%s%s", SB_UPPER, kind_name[kind]);
    snprintf(cname, sizeof cname, "cblas_%s%s", STR(SB_P), kind_name[kind]);
    blas_int incpos = kind == K_TR ? 8 : kind == K_TB ? 9 : 7;

    call_solve(API_F77, kind, '/', 'N', 'N', 0, 0, a, 1, x, 1);
    sbt_expect_xerbla(fname, 1, "uplo");
    call_solve(API_F77, kind, 'U', '/', 'N', 0, 0, a, 1, x, 1);
    sbt_expect_xerbla(fname, 2, "trans");
    call_solve(API_F77, kind, 'U', 'N', '/', 0, 0, a, 1, x, 1);
    sbt_expect_xerbla(fname, 3, "diag");
    call_solve(API_F77, kind, 'l', 'c', 'u', -1, 0, a, 1, x, 1);
    sbt_expect_xerbla(fname, 4, "n<0");
    if (kind == K_TR) {
        call_solve(API_F77, kind, 'U', 'T', 'N', 2, 0, a, 1, x, 1);
        sbt_expect_xerbla(fname, 6, "lda<n");
    }
    if (kind == K_TB) {
        call_solve(API_F77, kind, 'U', 'T', 'N', 0, -1, a, 1, x, 1);
        sbt_expect_xerbla(fname, 5, "k<0");
        call_solve(API_F77, kind, 'U', 'T', 'N', 0, 1, a, 1, x, 1);
        sbt_expect_xerbla(fname, 7, "lda<k+1");
    }
    call_solve(API_F77, kind, 'U', 'N', 'N', 0, 0, a, 1, x, 0);
    sbt_expect_xerbla(fname, incpos, "incx=0");
    call_solve(API_F77, kind, 'U', 'N', 'N', 0, 0, a, 1, x, 1);
    sbt_expect_no_xerbla("n=0");

    if (kind == K_TR) SB_CBLAS(trsv)((CBLAS_LAYOUT)0, CblasUpper, CblasNoTrans, CblasNonUnit, 0, a, 1, x, 1);
    else if (kind == K_TB) SB_CBLAS(tbsv)((CBLAS_LAYOUT)0, CblasUpper, CblasNoTrans, CblasNonUnit, 0, 0, a, 1, x, 1);
    else SB_CBLAS(tpsv)((CBLAS_LAYOUT)0, CblasUpper, CblasNoTrans, CblasNonUnit, 0, a, x, 1);
    sbt_expect_xerbla(cname, 1, "cblas layout");
    for (int api = API_COL; api <= API_ROW; api++) {
        call_solve(api, kind, '/', 'N', 'N', 0, 0, a, 1, x, 1);
        sbt_expect_xerbla(cname, 2, "cblas uplo");
        call_solve(api, kind, 'U', '/', 'N', 0, 0, a, 1, x, 1);
        sbt_expect_xerbla(cname, 3, "cblas trans");
        call_solve(api, kind, 'U', 'R', 'N', 0, 0, a, 1, x, 1);
        sbt_expect_xerbla(cname, 3, "cblas trans ConjNoTrans");
        call_solve(api, kind, 'L', 'T', '/', 0, 0, a, 1, x, 1);
        sbt_expect_xerbla(cname, 4, "cblas diag");
        call_solve(api, kind, 'L', 'C', 'U', -1, 0, a, 1, x, 1);
        sbt_expect_xerbla(cname, 5, "cblas n<0");
        if (kind == K_TR) {
            call_solve(api, kind, 'U', 'T', 'N', 2, 0, a, 1, x, 1);
            sbt_expect_xerbla(cname, 7, "cblas lda<n");
        }
        if (kind == K_TB) {
            call_solve(api, kind, 'U', 'T', 'N', 0, -1, a, 1, x, 1);
            sbt_expect_xerbla(cname, 6, "cblas k<0");
            call_solve(api, kind, 'U', 'T', 'N', 0, 1, a, 1, x, 1);
            sbt_expect_xerbla(cname, 8, "cblas lda<k+1");
        }
        call_solve(api, kind, 'U', 'C', 'N', 0, 0, a, 1, x, 0);
        sbt_expect_xerbla(cname, incpos + 1, "cblas incx=0");
        call_solve(api, kind, 'U', 'C', 'N', 2, 1, a, 2, x, 0);
        sbt_expect_xerbla(cname, incpos + 1, "cblas incx=0 n>0");
    }
}

int main(void)
{
    static const char uplos[] = "UL", transs[] = "NTC", diags[] = "NU";
    for (int kind = 0; kind < 3; kind++) {
        for (int api = 0; api < 3; api++)
            for (int u = 0; u < 2; u++)
                for (int t = 0; t < 3; t++)
                    for (int d = 0; d < 2; d++) {
                        char uplo = uplos[u], trans = transs[t], diag = diags[d];
                        if (api == API_F77 && (u + t + d) % 2) { /* Fortran accepts lower case */
                            uplo = (char)(uplo | 0x20);
                            trans = (char)(trans | 0x20);
                            diag = (char)(diag | 0x20);
                        }
                        for (int s = 0; s < sbt_num_small_sizes; s++) {
                            blas_int n = sbt_small_sizes[s];
                            for (int a = 0; a < 4; a++) {
                                blas_int k = kind == K_TB ? (blas_int)((a * 3 + s) % 6) : 0;
                                check_solve(api, kind, uplo, trans, diag, n, k, incs[a], a % 3);
                            }
                            if (kind == K_TB) check_solve(api, kind, uplo, trans, diag, n, n + 2, 1, 1);
                        }
                        check_solve(api, kind, uplo, trans, diag, 300, kind == K_TB ? 17 : 0, 1, 3);
                        check_solve(api, kind, uplo, trans, diag, 301, kind == K_TB ? 300 : 0, -2, 0);
                        /* tpsv's blocked path for upper N and lower T (from n = 1536 on) */
                        if (kind == K_TP && api == API_F77 && (diag | 0x20) == 'n') {
                            check_solve(api, kind, uplo, trans, diag, 1600, 0, 1, 0); /* the kernels' axpy, dot */
                            check_solve(api, kind, uplo, trans, diag, 1600, 0, -2, 0); /* the loops */
                        }
                    }
        for (int api = 0; api < 2; api++) check_zero_skip(api, kind); /* row-major N is a dot sweep */
        if (kind == K_TR)
            for (int u = 0; u < 2; u++) {
                for (int bk = K_TR; bk <= K_TP; bk += K_TP - K_TR) { /* trsv, tpsv */
                    check_zero_skip_blocked(bk, uplos[u], 1);
                    check_zero_skip_blocked(bk, uplos[u], -2);
                }
            }
        solve_errors(kind);
    }
    return sbt_finish("level2_updates_solve_" SB_UPPER);
}
