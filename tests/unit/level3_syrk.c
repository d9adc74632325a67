/* ?syrk and ?herk against a plain oracle: both triangles, every trans, Fortran ABI and CBLAS in
 * both layouts, sizes 0..33 and across the blocking (n = 300, k = 270), lda/ldc padding, the
 * other triangle untouched, herk's real diagonal, NaN in C with beta = 0, alpha = 0 reading
 * nothing, quick returns, argument errors; and the packed path's bits against gemmt's with a
 * copy of A (check_matches_gemmt). */
#include "test_prec.h"
#include "level3_structured_test.h"
#include "safeblas.h"

void SB_F77(syrk)(const char *uplo, const char *trans, const blas_int *n, const blas_int *k, const sb_t *alpha,
                  const sb_t *a, const blas_int *lda, const sb_t *beta, sb_t *c, const blas_int *ldc, size_t,
                  size_t);
#if SB_IS_COMPLEX
void SB_F77(herk)(const char *uplo, const char *trans, const blas_int *n, const blas_int *k, const sb_r *alpha,
                  const sb_t *a, const blas_int *lda, const sb_r *beta, sb_t *c, const blas_int *ldc, size_t,
                  size_t);
#endif

void SB_F77(gemmt)(const char *uplo, const char *transa, const char *transb, const blas_int *n, const blas_int *k,
                   const sb_t *alpha, const sb_t *a, const blas_int *lda, const sb_t *b, const blas_int *ldb,
                   const sb_t *beta, sb_t *c, const blas_int *ldc, size_t lu, size_t la, size_t lb);

enum { F77 = 0, COL = 1, ROW = 2 };

static void call(int herm, int api, char uplo, char trans, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                 blas_int lda, sb_t beta, sb_t *c, blas_int ldc)
{
    if (api == F77) {
        char u[2] = {uplo, 0}, t[2] = {trans, 0};
        if (n % 2) { /* lower case must work too */
            u[0] = (char)(u[0] - 'A' + 'a');
            t[0] = (char)(t[0] - 'A' + 'a');
        }
#if SB_IS_COMPLEX
        if (herm) {
            sb_r ar = sb_creal(alpha), br = sb_creal(beta);
            SB_F77(herk)(u, t, &n, &k, &ar, a, &lda, &br, c, &ldc, 1, 1);
            return;
        }
#endif
        SB_F77(syrk)(u, t, &n, &k, &alpha, a, &lda, &beta, c, &ldc, 1, 1);
        return;
    }
    CBLAS_LAYOUT lay = api == ROW ? CblasRowMajor : CblasColMajor;
    CBLAS_UPLO u = uplo == 'U' ? CblasUpper : CblasLower;
    CBLAS_TRANSPOSE t = trans == 'N' ? CblasNoTrans : trans == 'T' ? CblasTrans : CblasConjTrans;
#if SB_IS_COMPLEX
    if (herm) {
        SB_CBLAS(herk)(lay, u, t, n, k, sb_creal(alpha), a, lda, sb_creal(beta), c, ldc);
        return;
    }
    SB_CBLAS(syrk)(lay, u, t, n, k, &alpha, a, lda, &beta, c, ldc);
#else
    SB_CBLAS(syrk)(lay, u, t, n, k, alpha, a, lda, beta, c, ldc);
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
    lmat A = lmat_new(ar, ac, lda, row), C = lmat_new(n, n, ldc, row);
    if (mode == 1 || mode == 2)
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < n; i++)
                if (mode == 1 && (uplo == 'U' ? i <= j : i >= j)) *lat(&C, i, j) = sbt_nan();
    if (mode == 2)
        for (blas_int j = 0; j < ac; j++)
            for (blas_int i = 0; i < ar; i++) *lat(&A, i, j) = sbt_nan();
    sbt_mat_snapshot(&A.m);
    sbt_mat_snapshot(&C.m);
    call(herm, api, uplo, trans, n, k, alpha, A.m.a, lda, beta, C.m.a, ldc);
    sbt_expect_no_xerbla("syrk valid call");

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
                    sb_t x = opa(&A, trans, herm, i, l), y = opa(&A, trans, herm, j, l);
                    s += x * (herm ? sb_conj(y) : y);
                    scale += tabs(x) * tabs(y);
                }
            if (herm && i == j) c0 = sb_creal(c0);
            sb_t want = alpha * s + (beta == 0 ? 0 : beta * c0);
            if (herm && i == j) {
                want = sb_creal(want);
                if (sb_cimag(got) != 0) diag_ok = 0;
            }
            scale = tabs(alpha) * scale + (beta == 0 ? 0 : tabs(beta) * tabs(c0));
            if (!sbt_close(got, want, scale + 1e-30, 4 * (k + 4) * SBT_EPS)) {
                ok = 0;
                break;
            }
        }
    const char *nm = herm ? "herk" : "syrk";
    CHECK(ok, "%s values api=%d uplo=%c trans=%c n=%d k=%d mode=%d", nm, api, uplo, trans, (int)n, (int)k, mode);
    CHECK(diag_ok, "%s diagonal not real api=%d uplo=%c trans=%c n=%d k=%d", nm, api, uplo, trans, (int)n, (int)k);
    tri_ctx t = {uplo == 'U', row, n};
    CHECK(sbt_mat_guards_intact(&C.m, tri_owned, &t), "%s wrote outside its triangle api=%d uplo=%c trans=%c n=%d k=%d",
          nm, api, uplo, trans, (int)n, (int)k);
    CHECK(sbt_mat_guards_intact(&A.m, tri_owned, &(tri_ctx){0, 0, 0}), "%s wrote A", nm);
    lmat_free(&A);
    lmat_free(&C);
}

static sb_t scalar(int herm)
{
    sb_t v = sbt_rand_elem();
    return herm ? sb_creal(v) : v;
}

/* syrk/herk take the packed B from the packed A (gemm_loops.c, derive_b) where the kernel set's
 * register block allows; that must give the bits of the same product with B a separate copy of
 * A (gemmt, which packs B itself). Sizes across MC and NC and in several steps of k, both
 * triangles, alpha +-1 and other, on 1 and 4 threads (pieces whose rows start above their
 * columns, upper). herk: the off-diagonal bitwise and the diagonal's real part. */
static void check_matches_gemmt(int herm, char uplo, char trans, blas_int n, blas_int k, sb_t alpha, int threads)
{
    blas_int ar = trans == 'N' ? n : k, ac = trans == 'N' ? k : n, lda = ar + 1, ldc = n + 3;
    sb_t *a = malloc(sizeof(sb_t) * (size_t)lda * ac), *a2 = malloc(sizeof(sb_t) * (size_t)lda * ac);
    sb_t *c1 = malloc(sizeof(sb_t) * (size_t)ldc * n), *c2 = malloc(sizeof(sb_t) * (size_t)ldc * n);
    sbt_fill(a, (size_t)lda * ac);
    sbt_fill(c1, (size_t)ldc * n);
    memcpy(a2, a, sizeof(sb_t) * (size_t)lda * ac);
    memcpy(c2, c1, sizeof(sb_t) * (size_t)ldc * n);
    sb_t beta = scalar(herm);
    int before = safeblas_get_num_threads();
    safeblas_set_num_threads(threads);
    call(herm, F77, uplo, trans, n, k, alpha, a, lda, beta, c1, ldc);
    char ta = trans, tb = trans == 'N' ? (herm ? 'C' : 'T') : 'N';
    SB_F77(gemmt)(&uplo, &ta, &tb, &n, &k, &alpha, a, &lda, a2, &lda, &beta, c2, &ldc, 1, 1, 1);
    safeblas_set_num_threads(before);
    long bad = 0;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = uplo == 'U' ? 0 : j; i < (uplo == 'U' ? j + 1 : n); i++) {
            sb_t x = c1[i + (size_t)j * ldc], y = c2[i + (size_t)j * ldc];
            if (herm && i == j) {
                sb_r xr = sb_creal(x), yr = sb_creal(y);
                bad += memcmp(&xr, &yr, sizeof xr) != 0;
            } else {
                bad += memcmp(&x, &y, sizeof x) != 0;
            }
        }
    CHECK(bad == 0, "%s uplo=%c trans=%c n=%d k=%d threads=%d: %ld entries differ from gemmt with a copy of A",
          herm ? "herk" : "syrk", uplo, trans, (int)n, (int)k, threads, bad);
    free(a);
    free(a2);
    free(c1);
    free(c2);
}

static void errors(void)
{
    sb_t a[64] = {0}, c[64] = {0}, one = 1;
    blas_int n = 2, k = 2, ld = 2, bad = 1, neg = -1;
    const char *name = SB_UPPER "SYRK";
    SB_F77(syrk)("X", "N", &n, &k, &one, a, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 1, "syrk uplo");
    SB_F77(syrk)("U", "X", &n, &k, &one, a, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 2, "syrk trans");
#if SB_IS_COMPLEX
    SB_F77(syrk)("U", "C", &n, &k, &one, a, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 2, "complex syrk trans C");
#else
    SB_F77(syrk)("U", "C", &n, &k, &one, a, &ld, &one, c, &ld, 1, 1);
    sbt_expect_no_xerbla("real syrk trans C");
#endif
    SB_F77(syrk)("U", "N", &neg, &k, &one, a, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 3, "syrk n");
    SB_F77(syrk)("U", "N", &n, &neg, &one, a, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 4, "syrk k");
    SB_F77(syrk)("U", "N", &n, &k, &one, a, &bad, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 7, "syrk lda");
    SB_F77(syrk)("U", "T", &n, &neg, &one, a, &bad, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 4, "syrk k before lda");
    SB_F77(syrk)("U", "N", &n, &k, &one, a, &ld, &one, c, &bad, 1, 1);
    sbt_expect_xerbla(name, 10, "syrk ldc");
    /* CBLAS: layout 1, then the column-major Fortran number + 1 */
    const char *cn = "cblas_" SB_UPPER "syrk";
#if SB_IS_COMPLEX
#define S1 &one
#else
#define S1 one
#endif
    SB_CBLAS(syrk)((CBLAS_LAYOUT)0, CblasUpper, CblasNoTrans, 2, 2, S1, a, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 1, "cblas syrk layout");
    SB_CBLAS(syrk)(CblasColMajor, (CBLAS_UPLO)0, CblasNoTrans, 2, 2, S1, a, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 2, "cblas syrk uplo");
    SB_CBLAS(syrk)(CblasColMajor, CblasUpper, (CBLAS_TRANSPOSE)0, 2, 2, S1, a, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 3, "cblas syrk trans");
    SB_CBLAS(syrk)(CblasColMajor, CblasUpper, CblasNoTrans, -1, 2, S1, a, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 4, "cblas syrk n");
    SB_CBLAS(syrk)(CblasColMajor, CblasUpper, CblasNoTrans, 2, -1, S1, a, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 5, "cblas syrk k");
    SB_CBLAS(syrk)(CblasColMajor, CblasUpper, CblasNoTrans, 3, 2, S1, a, 2, S1, c, 3);
    sbt_expect_xerbla(cn, 8, "cblas syrk lda");
    SB_CBLAS(syrk)(CblasRowMajor, CblasUpper, CblasNoTrans, 2, 3, S1, a, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 8, "cblas row-major syrk lda (row-major A is n x k: lda >= k)");
    SB_CBLAS(syrk)(CblasRowMajor, CblasUpper, CblasNoTrans, 3, 2, S1, a, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 11, "cblas syrk ldc");
#if SB_IS_COMPLEX
    SB_CBLAS(syrk)(CblasRowMajor, CblasUpper, CblasConjTrans, 2, 2, S1, a, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 3, "cblas row-major complex syrk ConjTrans");
    const char *hn = SB_UPPER "HERK", *hcn = "cblas_" SB_UPPER "herk";
    sb_r r1 = 1;
    SB_F77(herk)("U", "T", &n, &k, &r1, a, &ld, &r1, c, &ld, 1, 1);
    sbt_expect_xerbla(hn, 2, "herk trans T");
    SB_F77(herk)("L", "C", &n, &k, &r1, a, &bad, &r1, c, &ld, 1, 1);
    sbt_expect_xerbla(hn, 7, "herk lda");
    SB_F77(herk)("L", "C", &n, &k, &r1, a, &ld, &r1, c, &bad, 1, 1);
    sbt_expect_xerbla(hn, 10, "herk ldc");
    SB_CBLAS(herk)(CblasColMajor, CblasUpper, CblasTrans, 2, 2, 1, a, 2, 1, c, 2);
    sbt_expect_xerbla(hcn, 3, "cblas herk trans T");
    SB_CBLAS(herk)(CblasRowMajor, CblasUpper, CblasTrans, 2, 2, 1, a, 2, 1, c, 2);
    sbt_expect_xerbla(hcn, 3, "cblas row-major herk trans T");
    SB_CBLAS(herk)(CblasRowMajor, CblasUpper, CblasNoTrans, 2, -1, 1, a, 2, 1, c, 2);
    sbt_expect_xerbla(hcn, 5, "cblas herk k");
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
                            check_one(herm, api, uplo, trans, sizes[a], sizes[b], scalar(herm), scalar(herm), 0);
                    check_one(herm, api, uplo, trans, 9, 4, scalar(herm), 0, 1);      /* NaN in C, beta = 0 */
                    check_one(herm, api, uplo, trans, 9, 4, 0, scalar(herm), 2);      /* alpha = 0, NaN in A */
                    check_one(herm, api, uplo, trans, 9, 4, 0, 0, 1);                 /* both zero */
                    check_one(herm, api, uplo, trans, 9, 4, 0, 1, 2);                 /* quick return */
                    check_one(herm, api, uplo, trans, 9, 0, scalar(herm), 1, 0);      /* k = 0 quick */
                    check_one(herm, api, uplo, trans, 9, 0, scalar(herm), scalar(herm), 0); /* k = 0 scale */
                    check_one(herm, api, uplo, trans, 9, 5, scalar(herm), 1, 0);      /* beta = 1 */
                    if (api != ROW) check_one(herm, api, uplo, trans, 300, 270, scalar(herm), scalar(herm), 0);
                }
    for (int herm = 0; herm <= SB_IS_COMPLEX; herm++)
        for (int u = 0; u < 2; u++)
            for (int t = 0; t < 2; t++) {
                char uplo = u ? 'L' : 'U', trans = t == 0 ? 'N' : herm ? 'C' : 'T';
                check_matches_gemmt(herm, uplo, trans, 517, 300, 1, 1);
                check_matches_gemmt(herm, uplo, trans, 517, 300, -1, 4);
                check_matches_gemmt(herm, uplo, trans, 261, 700, scalar(herm), 4);
                check_matches_gemmt(herm, uplo, trans, 1100, 40, scalar(herm), 1);
            }
    errors();
    return sbt_finish("level3_syrk_" SB_UPPER);
}
