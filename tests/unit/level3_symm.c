/* ?symm and ?hemm against a plain oracle: both sides and triangles, Fortran ABI and CBLAS in both
 * layouts, sizes 0..33 (expanded A, small gemm) and 40..300 (A packed from its
 * triangle: k past KC, partial slivers), lda/ldb/ldc padding, the unused triangle
 * of A (NaN) and hemm's imaginary diagonal (NaN) never read, NaN in C with beta = 0, alpha = 0
 * reading neither A nor B, quick returns, argument errors; and with no memory at all (the library's
 * posix_memalign and mmap fail), where symm computes element by element. */
#include "no_memory_test.h"

#include "test_prec.h"
#include "level3_structured_test.h"
#include "safeblas.h"

static int calls_without_memory; /* check_one's symm calls run with no_memory */

void SB_F77(symm)(const char *side, const char *uplo, const blas_int *m, const blas_int *n, const sb_t *alpha,
                  const sb_t *a, const blas_int *lda, const sb_t *b, const blas_int *ldb, const sb_t *beta, sb_t *c,
                  const blas_int *ldc, size_t, size_t);
#if SB_IS_COMPLEX
void SB_F77(hemm)(const char *side, const char *uplo, const blas_int *m, const blas_int *n, const sb_t *alpha,
                  const sb_t *a, const blas_int *lda, const sb_t *b, const blas_int *ldb, const sb_t *beta, sb_t *c,
                  const blas_int *ldc, size_t, size_t);
#endif

enum { F77 = 0, COL = 1, ROW = 2 };

static void call(int herm, int api, char side, char uplo, blas_int m, blas_int n, sb_t alpha, const sb_t *a,
                 blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (api == F77) {
        char s[2] = {side, 0}, u[2] = {uplo, 0};
        if (m % 2) {
            s[0] = (char)(s[0] - 'A' + 'a');
            u[0] = (char)(u[0] - 'A' + 'a');
        }
#if SB_IS_COMPLEX
        if (herm) {
            SB_F77(hemm)(s, u, &m, &n, &alpha, a, &lda, b, &ldb, &beta, c, &ldc, 1, 1);
            return;
        }
#endif
        SB_F77(symm)(s, u, &m, &n, &alpha, a, &lda, b, &ldb, &beta, c, &ldc, 1, 1);
        return;
    }
    CBLAS_LAYOUT lay = api == ROW ? CblasRowMajor : CblasColMajor;
    CBLAS_SIDE s = side == 'L' ? CblasLeft : CblasRight;
    CBLAS_UPLO u = uplo == 'U' ? CblasUpper : CblasLower;
#if SB_IS_COMPLEX
    if (herm) {
        SB_CBLAS(hemm)(lay, s, u, m, n, &alpha, a, lda, b, ldb, &beta, c, ldc);
        return;
    }
    SB_CBLAS(symm)(lay, s, u, m, n, &alpha, a, lda, b, ldb, &beta, c, ldc);
#else
    SB_CBLAS(symm)(lay, s, u, m, n, alpha, a, lda, b, ldb, beta, c, ldc);
#endif
}

/* Element (i, j) of the full matrix A stands for, from the original stored triangle. */
static sb_t afull(const lmat *a, char uplo, int herm, blas_int i, blas_int j)
{
    if (i == j) return herm ? sb_creal(lorig(a, i, i)) : lorig(a, i, i);
    int stored = uplo == 'U' ? i < j : i > j;
    if (stored) return lorig(a, i, j);
    sb_t v = lorig(a, j, i);
    return herm ? sb_conj(v) : v;
}

/* mode: 0 normal, 1 NaN in C (beta = 0), 2 NaN in A and B (alpha = 0) */
static void check_one(int herm, int api, char side, char uplo, blas_int m, blas_int n, sb_t alpha, sb_t beta,
                      int mode)
{
    int row = api == ROW;
    blas_int ka = side == 'L' ? m : n;
    blas_int lda = SB_MAX(1, ka) + 2, ldb = SB_MAX(1, row ? n : m) + 1, ldc = SB_MAX(1, row ? n : m) + 3;
    lmat A = lmat_new(ka, ka, lda, row), B = lmat_new(m, n, ldb, row), C = lmat_new(m, n, ldc, row);
    for (blas_int j = 0; j < ka; j++)
        for (blas_int i = 0; i < ka; i++) {
            int stored = uplo == 'U' ? i <= j : i >= j;
            if (!stored || mode == 2) *lat(&A, i, j) = sbt_nan();
#if SB_IS_COMPLEX
            else if (herm && i == j && mode != 2) *lat(&A, i, i) = sb_make(sb_creal(*lat(&A, i, i)), (sb_r)NAN);
#endif
        }
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < m; i++) {
            if (mode == 1) *lat(&C, i, j) = sbt_nan();
            if (mode == 2) *lat(&B, i, j) = sbt_nan();
        }
    sbt_mat_snapshot(&A.m);
    sbt_mat_snapshot(&B.m);
    sbt_mat_snapshot(&C.m);
    no_memory = calls_without_memory;
    call(herm, api, side, uplo, m, n, alpha, A.m.a, lda, B.m.a, ldb, beta, C.m.a, ldc);
    no_memory = 0;
    sbt_expect_no_xerbla("symm valid call");
    int quick = alpha == 0 && beta == 1;
    int ok = 1;
    for (blas_int j = 0; j < n && ok; j++)
        for (blas_int i = 0; i < m; i++) {
            sb_t got = *lat(&C, i, j), c0 = lorig(&C, i, j);
            if (quick) {
                if (memcmp(&got, &c0, sizeof got) != 0) ok = 0;
                continue;
            }
            sb_t s = 0;
            double scale = 0;
            if (alpha != 0)
                for (blas_int l = 0; l < ka; l++) {
                    sb_t x = side == 'L' ? afull(&A, uplo, herm, i, l) : lorig(&B, i, l);
                    sb_t y = side == 'L' ? lorig(&B, l, j) : afull(&A, uplo, herm, l, j);
                    s += x * y;
                    scale += tabs(x) * tabs(y);
                }
            sb_t want = alpha * s + (beta == 0 ? 0 : beta * c0);
            scale = tabs(alpha) * scale + (beta == 0 ? 0 : tabs(beta) * tabs(c0));
            if (!sbt_close(got, want, scale + 1e-30, 4 * (ka + 4) * SBT_EPS)) {
                ok = 0;
                break;
            }
        }
    const char *nm = herm ? "hemm" : "symm";
    CHECK(ok, "%s values api=%d side=%c uplo=%c m=%d n=%d mode=%d", nm, api, side, uplo, (int)m, (int)n, mode);
    CHECK(sbt_mat_guards_intact(&C.m, NULL, NULL), "%s wrote outside C api=%d side=%c uplo=%c m=%d n=%d", nm, api,
          side, uplo, (int)m, (int)n);
    tri_ctx none = {0, 0, 0};
    CHECK(sbt_mat_guards_intact(&A.m, tri_owned, &none) && sbt_mat_guards_intact(&B.m, tri_owned, &none),
          "%s wrote A or B", nm);
    lmat_free(&A);
    lmat_free(&B);
    lmat_free(&C);
}

static void errors_for(int herm)
{
    sb_t a[64] = {0}, b[64] = {0}, c[64] = {0}, one = 1;
    blas_int m = 2, n = 3, ld = 3, bad = 1, neg = -1;
    void (*f)(const char *, const char *, const blas_int *, const blas_int *, const sb_t *, const sb_t *,
              const blas_int *, const sb_t *, const blas_int *, const sb_t *, sb_t *, const blas_int *, size_t,
              size_t) = SB_F77(symm);
    const char *name = SB_UPPER "SYMM", *cn = "cblas_" SB_UPPER "symm";
#if SB_IS_COMPLEX
    if (herm) {
        f = SB_F77(hemm);
        name = SB_UPPER "HEMM";
        cn = "cblas_" SB_UPPER "hemm";
    }
#endif
    f("X", "U", &m, &n, &one, a, &ld, b, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 1, "symm side");
    f("L", "X", &m, &n, &one, a, &ld, b, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 2, "symm uplo");
    f("L", "U", &neg, &n, &one, a, &ld, b, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 3, "symm m");
    f("L", "U", &m, &neg, &one, a, &ld, b, &ld, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 4, "symm n");
    f("R", "U", &m, &n, &one, a, &m, b, &ld, &one, c, &ld, 1, 1); /* side R: lda >= n = 3 */
    sbt_expect_xerbla(name, 7, "symm lda");
    f("L", "U", &m, &n, &one, a, &ld, b, &bad, &one, c, &ld, 1, 1);
    sbt_expect_xerbla(name, 9, "symm ldb");
    f("L", "U", &m, &n, &one, a, &ld, b, &ld, &one, c, &bad, 1, 1);
    sbt_expect_xerbla(name, 12, "symm ldc");
#if SB_IS_COMPLEX
#define S1 &one
#else
#define S1 one
#endif
#if SB_IS_COMPLEX
#define CALLC(...) (herm ? SB_CBLAS(hemm)(__VA_ARGS__) : SB_CBLAS(symm)(__VA_ARGS__))
#else
#define CALLC(...) SB_CBLAS(symm)(__VA_ARGS__)
#endif
    CALLC((CBLAS_LAYOUT)0, CblasLeft, CblasUpper, 2, 2, S1, a, 2, b, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 1, "cblas symm layout");
    CALLC(CblasColMajor, (CBLAS_SIDE)0, CblasUpper, 2, 2, S1, a, 2, b, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 2, "cblas symm side");
    CALLC(CblasRowMajor, CblasLeft, (CBLAS_UPLO)0, 2, 2, S1, a, 2, b, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 3, "cblas symm uplo");
    CALLC(CblasColMajor, CblasLeft, CblasUpper, -1, 2, S1, a, 2, b, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 4, "cblas symm m");
    CALLC(CblasRowMajor, CblasLeft, CblasUpper, -1, 2, S1, a, 2, b, 2, S1, c, 2);
    sbt_expect_xerbla(cn, 5, "cblas row-major symm m (is the column-major n)");
    CALLC(CblasColMajor, CblasLeft, CblasUpper, 3, 2, S1, a, 2, b, 3, S1, c, 3);
    sbt_expect_xerbla(cn, 8, "cblas symm lda");
    CALLC(CblasRowMajor, CblasLeft, CblasUpper, 2, 3, S1, a, 2, b, 2, S1, c, 3);
    sbt_expect_xerbla(cn, 10, "cblas row-major symm ldb (>= n)");
    CALLC(CblasColMajor, CblasLeft, CblasUpper, 3, 2, S1, a, 3, b, 3, S1, c, 2);
    sbt_expect_xerbla(cn, 13, "cblas symm ldc");
    CHECK(c[0] == 0, "error calls wrote C");
}

int main(void)
{
    static const blas_int sizes[] = {0, 1, 2, 3, 7, 17, 33};
    const int ns = (int)(sizeof sizes / sizeof sizes[0]);
    /* no memory, first (no workspace cached yet) and on one thread (no pool to start): the
     * expanded small path (9 x 6) and the packed one (131 x 129) both fall back */
    int threads = safeblas_get_num_threads();
    safeblas_set_num_threads(1);
    calls_without_memory = 1;
    for (int herm = 0; herm <= SB_IS_COMPLEX; herm++)
        for (int sd = 0; sd < 2; sd++)
            for (int u = 0; u < 2; u++) {
                char side = sd ? 'R' : 'L', uplo = u ? 'L' : 'U';
                check_one(herm, F77, side, uplo, 9, 6, sbt_rand_elem(), sbt_rand_elem(), 0);
                check_one(herm, F77, side, uplo, 131, 129, sbt_rand_elem(), sbt_rand_elem(), 0);
                check_one(herm, F77, side, uplo, 131, 129, sbt_rand_elem(), 0, 1);
            }
    calls_without_memory = 0;
    safeblas_set_num_threads(threads);
    for (int herm = 0; herm <= SB_IS_COMPLEX; herm++)
        for (int api = 0; api < 3; api++)
            for (int sd = 0; sd < 2; sd++)
                for (int u = 0; u < 2; u++) {
                    char side = sd ? 'R' : 'L', uplo = u ? 'L' : 'U';
                    for (int a = 0; a < ns; a++)
                        for (int b = 0; b < ns; b++)
                            check_one(herm, api, side, uplo, sizes[a], sizes[b], sbt_rand_elem(), sbt_rand_elem(), 0);
                    check_one(herm, api, side, uplo, 9, 6, sbt_rand_elem(), 0, 1);
                    check_one(herm, api, side, uplo, 9, 6, 0, sbt_rand_elem(), 2);
                    check_one(herm, api, side, uplo, 9, 6, 0, 0, 2);
                    check_one(herm, api, side, uplo, 9, 6, 0, 1, 2);
                    check_one(herm, api, side, uplo, 9, 6, sbt_rand_elem(), 1, 0);
                    if (api != ROW) {
                        /* packed from the triangle: k past KC, several row/column blocks,
                         * partial slivers on both sides of the diagonal */
                        if (sd == 0) check_one(herm, api, side, uplo, 300, 40, sbt_rand_elem(), sbt_rand_elem(), 0);
                        else check_one(herm, api, side, uplo, 40, 300, sbt_rand_elem(), sbt_rand_elem(), 0);
                        check_one(herm, api, side, uplo, 131, 129, sbt_rand_elem(), sbt_rand_elem(), 0);
                        check_one(herm, api, side, uplo, 131, 129, 1, 0, 1);
                        /* thin C, large A (packed although gemm's small kernel would run) */
                        if (sd == 0) check_one(herm, api, side, uplo, 600, 3, sbt_rand_elem(), sbt_rand_elem(), 0);
                        else check_one(herm, api, side, uplo, 3, 600, sbt_rand_elem(), sbt_rand_elem(), 0);
                    }
                }
    errors_for(0);
    if (SB_IS_COMPLEX) errors_for(1);
    return sbt_finish("level3_symm_" SB_UPPER);
}
