/* ?syr2k and ?her2k against a plain oracle: both triangles, every trans, Fortran ABI and CBLAS in
 * both layouts, sizes 0..33 and across the blocking (n = 200, k = 260; n = 300, k = 100, both
 * products in one pass), lda/ldc padding, the other triangle untouched, her2k's real diagonal,
 * NaN in C with beta = 0, alpha = 0 reading nothing, quick returns, argument errors. */
#include "test_prec.h"
#include "level3_structured_test.h"

void SB_F77(syr2k)(const char *uplo, const char *trans, const blas_int *n, const blas_int *k, const sb_t *alpha,
                   const sb_t *a, const blas_int *lda, const sb_t *b, const blas_int *ldb, const sb_t *beta, sb_t *c,
                   const blas_int *ldc, size_t, size_t);
#if SB_IS_COMPLEX
void SB_F77(her2k)(const char *uplo, const char *trans, const blas_int *n, const blas_int *k, const sb_t *alpha,
                   const sb_t *a, const blas_int *lda, const sb_t *b, const blas_int *ldb, const sb_r *beta, sb_t *c,
                   const blas_int *ldc, size_t, size_t);
#endif

enum { F77 = 0, COL = 1, ROW = 2 };

static void call(int herm, int api, char uplo, char trans, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                 blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (api == F77) {
        char u[2] = {uplo, 0}, t[2] = {trans, 0};
        if (n % 2) { /* lower case must work too */
            u[0] = (char)(u[0] - 'A' + 'a');
            t[0] = (char)(t[0] - 'A' + 'a');
        }
#if SB_IS_COMPLEX
        if (herm) {
            sb_r br = sb_creal(beta);
            SB_F77(her2k)(u, t, &n, &k, &alpha, a, &lda, b, &ldb, &br, c, &ldc, 1, 1);
            return;
        }
#endif
        SB_F77(syr2k)(u, t, &n, &k, &alpha, a, &lda, b, &ldb, &beta, c, &ldc, 1, 1);
        return;
    }
    CBLAS_LAYOUT lay = api == ROW ? CblasRowMajor : CblasColMajor;
    CBLAS_UPLO u = uplo == 'U' ? CblasUpper : CblasLower;
    CBLAS_TRANSPOSE t = trans == 'N' ? CblasNoTrans : trans == 'T' ? CblasTrans : CblasConjTrans;
#if SB_IS_COMPLEX
    if (herm) {
        SB_CBLAS(her2k)(lay, u, t, n, k, &alpha, a, lda, b, ldb, sb_creal(beta), c, ldc);
        return;
    }
    SB_CBLAS(syr2k)(lay, u, t, n, k, &alpha, a, lda, b, ldb, &beta, c, ldc);
#else
    SB_CBLAS(syr2k)(lay, u, t, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
#endif
}

/* op(A)(i, l) of the original A */
static sb_t opa(const lmat *a, char trans, int herm, blas_int i, blas_int l)
{
    if (trans == 'N') return lorig(a, i, l);
    sb_t v = lorig(a, l, i);
    return herm ? sb_conj(v) : v;
}

/* mode: 0 normal, 1 NaN in C's triangle (use with beta = 0), 2 NaN in all of A (use with alpha = 0) */
static void check_one(int herm, int api, char uplo, char trans, blas_int n, blas_int k, sb_t alpha, sb_t beta,
                      int mode)
{
    int row = api == ROW;
    blas_int ar = trans == 'N' ? n : k, ac = trans == 'N' ? k : n;
    blas_int lda = SB_MAX(1, row ? ac : ar) + 3, ldc = SB_MAX(1, n) + 2;
    blas_int ldb = lda + 1;
    lmat A = lmat_new(ar, ac, lda, row), B = lmat_new(ar, ac, ldb, row), C = lmat_new(n, n, ldc, row);
    if (mode == 1 || mode == 2)
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < n; i++)
                if (mode == 1 && (uplo == 'U' ? i <= j : i >= j)) *lat(&C, i, j) = sbt_nan();
    if (mode == 2)
        for (blas_int j = 0; j < ac; j++)
            for (blas_int i = 0; i < ar; i++) *lat(&A, i, j) = *lat(&B, i, j) = sbt_nan();
    sbt_mat_snapshot(&A.m);
    sbt_mat_snapshot(&B.m);
    sbt_mat_snapshot(&C.m);
    call(herm, api, uplo, trans, n, k, alpha, A.m.a, lda, B.m.a, ldb, beta, C.m.a, ldc);
    sbt_expect_no_xerbla("syr2k valid call");

    int quick = (alpha == 0 || k == 0) && beta == 1;
    int ok = 1, diag_ok = 1;
    for (blas_int j = 0; j < n && ok; j++)
        for (blas_int i = 0; i < n; i++) {
            if (!(uplo == 'U' ? i <= j : i >= j)) continue;
            sb_t got = *lat(&C, i, j), c0 = lorig(&C, i, j);
            if (quick) {
                if (memcmp(&got, &c0, sizeof got) != 0) ok = 0;
                continue;
            }
            sb_t s = 0;
            double scale = 0;
            if (alpha != 0)
                for (blas_int l = 0; l < k; l++) {
                    sb_t ai = opa(&A, trans, herm, i, l), aj = opa(&A, trans, herm, j, l);
                    sb_t bi = opa(&B, trans, herm, i, l), bj = opa(&B, trans, herm, j, l);
                    sb_t alpha2 = herm ? sb_conj(alpha) : alpha;
                    s += alpha * ai * (herm ? sb_conj(bj) : bj) + alpha2 * bi * (herm ? sb_conj(aj) : aj);
                    scale += 2 * tabs(alpha) * (tabs(ai) * tabs(bj) + tabs(bi) * tabs(aj));
                }
            if (herm && i == j) c0 = sb_creal(c0);
            sb_t want = s + (beta == 0 ? 0 : beta * c0);
            if (herm && i == j) {
                want = sb_creal(want);
                if (sb_cimag(got) != 0) diag_ok = 0;
            }
            scale = scale + (beta == 0 ? 0 : tabs(beta) * tabs(c0));
            if (!sbt_close(got, want, scale + 1e-30, 4 * (k + 4) * SBT_EPS)) {
                ok = 0;
                break;
            }
        }
    const char *nm = herm ? "her2k" : "syr2k";
    CHECK(ok, "%s values api=%d uplo=%c trans=%c n=%d k=%d mode=%d", nm, api, uplo, trans, (int)n, (int)k, mode);
    CHECK(diag_ok, "%s diagonal not real api=%d uplo=%c trans=%c n=%d k=%d", nm, api, uplo, trans, (int)n, (int)k);
    tri_ctx t = {uplo == 'U', row, n};
    CHECK(sbt_mat_guards_intact(&C.m, tri_owned, &t), "%s wrote outside its triangle api=%d uplo=%c trans=%c n=%d k=%d",
          nm, api, uplo, trans, (int)n, (int)k);
    CHECK(sbt_mat_guards_intact(&A.m, tri_owned, &(tri_ctx){0, 0, 0}), "%s wrote A", nm);
    CHECK(sbt_mat_guards_intact(&B.m, tri_owned, &(tri_ctx){0, 0, 0}), "%s wrote B", nm);
    lmat_free(&B);
    lmat_free(&A);
    lmat_free(&C);
}

static sb_t scalar(int herm) { return sbt_rand_elem(); }
static sb_t rscalar(int herm)
{
    sb_t v = sbt_rand_elem();
    return herm ? sb_creal(v) : v;
}

static void errors(void)
{
    sb_t a[64] = {0}, b[64] = {0}, c[64] = {0}, one = 1;
    blas_int n = 2, k = 2, ld = 2, bad = 1, neg = -1;
    const char *name = SB_UPPER "SYR2K";
    SB_F77(syr2k)("X", "N", &n, &k, &one, a, &ld, b, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 1, "syr2k uplo");
    SB_F77(syr2k)("U", "X", &n, &k, &one, a, &ld, b, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 2, "syr2k trans");
#if SB_IS_COMPLEX
    SB_F77(syr2k)("U", "C", &n, &k, &one, a, &ld, b, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 2, "complex syr2k trans C");
#endif
    SB_F77(syr2k)("U", "N", &neg, &k, &one, a, &ld, b, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 3, "syr2k n");
    SB_F77(syr2k)("U", "N", &n, &neg, &one, a, &ld, b, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 4, "syr2k k");
    SB_F77(syr2k)("U", "N", &n, &k, &one, a, &bad, b, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 7, "syr2k lda");
    SB_F77(syr2k)("U", "N", &n, &k, &one, a, &ld, b, &bad, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 9, "syr2k ldb");
    SB_F77(syr2k)("U", "N", &n, &k, &one, a, &ld, b, &ld, &one, c, &bad, 1, 1);
    sbt_expect_xerbla(name, 12, "syr2k ldc");
    const char *cn = "cblas_" SB_UPPER "syr2k";
#if SB_IS_COMPLEX
#define S1 &one
#else
#define S1 one
#endif
    SB_CBLAS(syr2k)((CBLAS_LAYOUT)0, CblasUpper, CblasNoTrans, 2, 2, S1, a, 2, b, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 1, "cblas syr2k layout");
    SB_CBLAS(syr2k)(CblasColMajor, (CBLAS_UPLO)0, CblasNoTrans, 2, 2, S1, a, 2, b, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 2, "cblas syr2k uplo");
    SB_CBLAS(syr2k)(CblasColMajor, CblasUpper, (CBLAS_TRANSPOSE)0, 2, 2, S1, a, 2, b, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 3, "cblas syr2k trans");
    SB_CBLAS(syr2k)(CblasColMajor, CblasUpper, CblasNoTrans, -1, 2, S1, a, 2, b, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 4, "cblas syr2k n");
    SB_CBLAS(syr2k)(CblasColMajor, CblasUpper, CblasNoTrans, 2, -1, S1, a, 2, b, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 5, "cblas syr2k k");
    SB_CBLAS(syr2k)(CblasColMajor, CblasUpper, CblasNoTrans, 3, 2, S1, a, 2, b, 3, S1, c, 3);
    sbt_expect_xerbla(cn, 8, "cblas syr2k lda");
    SB_CBLAS(syr2k)(CblasColMajor, CblasUpper, CblasNoTrans, 3, 2, S1, a, 3, b, 2, S1, c, 3);
    sbt_expect_xerbla(cn, 10, "cblas syr2k ldb");
    SB_CBLAS(syr2k)(CblasRowMajor, CblasUpper, CblasNoTrans, 2, 3, S1, a, 3, b, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 10, "cblas row-major syr2k ldb");
    SB_CBLAS(syr2k)(CblasRowMajor, CblasUpper, CblasNoTrans, 3, 2, S1, a, 2, b, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 13, "cblas syr2k ldc");
#if SB_IS_COMPLEX
    const char *hn = SB_UPPER "HER2K", *hcn = "cblas_" SB_UPPER "her2k";
    sb_r r1 = 1;
    SB_F77(her2k)("U", "T", &n, &k, &one, a, &ld, b, &ld, &r1, c, &ld, 1, 1);
    sbt_expect_xerbla(hn, 2, "her2k trans T");
    SB_F77(her2k)("L", "C", &n, &k, &one, a, &ld, b, &bad, &r1, c, &ld, 1, 1);
    sbt_expect_xerbla(hn, 9, "her2k ldb");
    SB_CBLAS(her2k)(CblasRowMajor, CblasUpper, CblasTrans, 2, 2, &one, a, 2, b, 2, 1, c, 2);
    sbt_expect_xerbla(hcn, 3, "cblas row-major her2k trans T");
    SB_CBLAS(her2k)(CblasColMajor, CblasUpper, CblasNoTrans, 2, 2, &one, a, 2, b, 2, 1, c, 1);
    sbt_expect_xerbla(hcn, 13, "cblas her2k ldc");
#endif
    CHECK(c[0] == 0 && c[3] == 0, "error calls wrote C");
}

int main(void)
{
    static const blas_int sizes[] = {0, 1, 2, 3, 7, 17, 33};
    const int ns = (int)(sizeof sizes / sizeof sizes[0]);
    const char trans_s[] = {'N', 'T', 'C'};
    for (int herm = 0; herm <= SB_IS_COMPLEX; herm++)
        for (int api = 0; api < 3; api++)
            for (int u = 0; u < 2; u++)
                for (int t = 0; t < 3; t++) {
                    char trans = trans_s[t];
                    if (SB_IS_COMPLEX && (herm ? trans == 'T' : trans == 'C')) continue;
                    char uplo = u ? 'L' : 'U';
                    for (int a = 0; a < ns; a++)
                        for (int b = 0; b < ns; b += 2)
                            check_one(herm, api, uplo, trans, sizes[a], sizes[b], scalar(herm), rscalar(herm), 0);
                    check_one(herm, api, uplo, trans, 9, 4, scalar(herm), 0, 1);      /* NaN in C, beta = 0 */
                    check_one(herm, api, uplo, trans, 9, 4, 0, rscalar(herm), 2);      /* alpha = 0, NaN in A */
                    check_one(herm, api, uplo, trans, 9, 4, 0, 0, 1);                 /* both zero */
                    check_one(herm, api, uplo, trans, 9, 4, 0, 1, 2);                 /* quick return */
                    check_one(herm, api, uplo, trans, 9, 0, scalar(herm), 1, 0);      /* k = 0 quick */
                    check_one(herm, api, uplo, trans, 9, 0, scalar(herm), rscalar(herm), 0); /* k = 0 scale */
                    check_one(herm, api, uplo, trans, 9, 5, scalar(herm), 1, 0);      /* beta = 1 */
                    if (api != ROW) check_one(herm, api, uplo, trans, 200, 260, scalar(herm), rscalar(herm), 0);
                    /* k within one step: both products in one pass, each one's B from the other's A */
                    if (api != ROW) check_one(herm, api, uplo, trans, 300, 100, scalar(herm), rscalar(herm), 0);
                }
    errors();
    return sbt_finish("level3_syr2k_" SB_UPPER);
}
