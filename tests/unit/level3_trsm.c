/* ?trsm (and, compiled with TEST_TRMM, ?trmm) against plain oracles: every side, uplo, transa and
 * diag, Fortran ABI and CBLAS in both layouts, sizes 0..33 and across the recursive blocking
 * (order 300; 256 and 257; trsm: 520 x 130, 1024 and 1025, 512 and 513 around the packed
 * diagonal blocks' largest orders; trmm: 1100 across side 'L''s and side 'R''s KC steps, side
 * 'R''s column blocks past NC, 530 rows of B for side 'R''s slabs), lda/ldb padding, the
 * other triangle (NaN) and a unit diagonal (NaN) never read, alpha = 0 (B zeroed, A and NaN in B
 * not read), argument errors; trmm also with no memory (its unpacked fallbacks). For trsm: the
 * residual op(A)*X - alpha*B (or X*op(A) - alpha*B) of a well-conditioned A, and a plain
 * substitution. */
#include "no_memory_test.h"

#include "test_prec.h"
#include "level3_structured_test.h"
#include "safeblas.h"

static int calls_without_memory; /* check_one's calls run with no_memory */

#ifdef TEST_TRMM
#define ROUT trmm
#define ROUT_S "trmm"
#define ROUT_U "TRMM"
/* an order past side 'R''s first column block in every kernel set (see main) */
#if defined(SB_PREC_S)
#define TRMM_R_PAST_NC 3400
#elif defined(SB_PREC_D)
#define TRMM_R_PAST_NC 2350
#elif defined(SB_PREC_C)
#define TRMM_R_PAST_NC 1950
#else
#define TRMM_R_PAST_NC 1400
#endif
#else
#define ROUT trsm
#define ROUT_S "trsm"
#define ROUT_U "TRSM"
#endif

void SB_F77(ROUT)(const char *side, const char *uplo, const char *transa, const char *diag, const blas_int *m,
                  const blas_int *n, const sb_t *alpha, const sb_t *a, const blas_int *lda, sb_t *b,
                  const blas_int *ldb, size_t, size_t, size_t, size_t);

enum { F77 = 0, COL = 1, ROW = 2 };

static void call(int api, char side, char uplo, char trans, char diag, blas_int m, blas_int n, sb_t alpha,
                 const sb_t *a, blas_int lda, sb_t *b, blas_int ldb)
{
    if (api == F77) {
        char s[2] = {side, 0}, u[2] = {uplo, 0}, t[2] = {trans, 0}, d[2] = {diag, 0};
        if ((m + n) % 2) {
            s[0] = (char)(s[0] - 'A' + 'a');
            t[0] = (char)(t[0] - 'A' + 'a');
            d[0] = (char)(d[0] - 'A' + 'a');
        }
        SB_F77(ROUT)(s, u, t, d, &m, &n, &alpha, a, &lda, b, &ldb, 1, 1, 1, 1);
        return;
    }
    CBLAS_LAYOUT lay = api == ROW ? CblasRowMajor : CblasColMajor;
    CBLAS_SIDE s = side == 'L' ? CblasLeft : CblasRight;
    CBLAS_UPLO u = uplo == 'U' ? CblasUpper : CblasLower;
    CBLAS_TRANSPOSE t = trans == 'N' ? CblasNoTrans : trans == 'T' ? CblasTrans : CblasConjTrans;
    CBLAS_DIAG d = diag == 'U' ? CblasUnit : CblasNonUnit;
#if SB_IS_COMPLEX
    SB_CBLAS(ROUT)(lay, s, u, t, d, m, n, &alpha, a, lda, b, ldb);
#else
    SB_CBLAS(ROUT)(lay, s, u, t, d, m, n, alpha, a, lda, b, ldb);
#endif
}

/* op(A)(i, j) of the triangular matrix, from the original A */
static sb_t opa(const lmat *a, char uplo, char trans, char diag, blas_int i, blas_int j)
{
    blas_int r = trans == 'N' ? i : j, c = trans == 'N' ? j : i;
    if (r == c && diag == 'U') return 1;
    if (uplo == 'U' ? r > c : r < c) return 0;
    sb_t v = lorig(a, r, c);
    return trans == 'C' ? sb_conj(v) : v;
}

/* mode 0: normal; 2: alpha = 0 with NaN in B */
static void check_one(int api, char side, char uplo, char trans, char diag, blas_int m, blas_int n, sb_t alpha,
                      int mode)
{
    int row = api == ROW;
    blas_int ka = side == 'L' ? m : n;
    blas_int lda = SB_MAX(1, ka) + 2, ldb = SB_MAX(1, row ? n : m) + 3;
    lmat A = lmat_new(ka, ka, lda, row), B = lmat_new(m, n, ldb, row);
    for (blas_int j = 0; j < ka; j++)
        for (blas_int i = 0; i < ka; i++) {
            if (i == j) *lat(&A, i, i) = diag == 'U' ? sbt_nan() : 1 + (sb_r)0.25 * *lat(&A, i, i);
            else if (uplo == 'U' ? i > j : i < j) *lat(&A, i, j) = sbt_nan();
            else *lat(&A, i, j) = *lat(&A, i, j) / (sb_r)(ka + 1) * 2;
        }
    if (mode == 2)
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < m; i++) *lat(&B, i, j) = sbt_nan();
    sbt_mat_snapshot(&A.m);
    sbt_mat_snapshot(&B.m);
    no_memory = calls_without_memory;
    call(api, side, uplo, trans, diag, m, n, alpha, A.m.a, lda, B.m.a, ldb);
    no_memory = 0;
    sbt_expect_no_xerbla(ROUT_S " valid call");
    int ok = 1;
    for (blas_int j = 0; j < n && ok; j++)
        for (blas_int i = 0; i < m; i++) {
            sb_t got = *lat(&B, i, j);
            if (alpha == 0) {
                if (got != 0 || sb_cimag(got) != 0) ok = 0;
                continue;
            }
            sb_t s = 0;
            double scale = 0;
#ifdef TEST_TRMM
            /* want = alpha * sum op(A) B (side L) or alpha * sum B op(A) (side R) */
            for (blas_int l = 0; l < ka; l++) {
                sb_t x = side == 'L' ? opa(&A, uplo, trans, diag, i, l) : lorig(&B, i, l);
                sb_t y = side == 'L' ? lorig(&B, l, j) : opa(&A, uplo, trans, diag, l, j);
                s += x * y;
                scale += tabs(x) * tabs(y);
            }
            sb_t want = alpha * s;
            scale *= tabs(alpha);
            sb_t resid = got - want;
#else
            /* residual (op(A) X)(i,j) - alpha B(i,j) or (X op(A))(i,j) - alpha B(i,j) */
            for (blas_int l = 0; l < ka; l++) {
                sb_t x = side == 'L' ? opa(&A, uplo, trans, diag, i, l) : *lat(&B, i, l);
                sb_t y = side == 'L' ? *lat(&B, l, j) : opa(&A, uplo, trans, diag, l, j);
                s += x * y;
                scale += tabs(x) * tabs(y);
            }
            sb_t ab = alpha * lorig(&B, i, j);
            scale += tabs(ab);
            sb_t resid = s - ab;
#endif
            if (!(tabs(resid) <= 8 * (ka + 4) * SBT_EPS * scale + 1e-30)) {
                ok = 0;
                break;
            }
        }
    CHECK(ok, ROUT_S " values api=%d side=%c uplo=%c trans=%c diag=%c m=%d n=%d mode=%d", api, side, uplo, trans,
          diag, (int)m, (int)n, mode);
#ifndef TEST_TRMM
    /* against a plain substitution, column by column (side L) or row by row (side R) */
    if (alpha != 0 && ka <= 40) {
        int sok = 1;
        blas_int nv = side == 'L' ? n : m;
        sb_t *x = malloc(sizeof(sb_t) * (size_t)(ka + 1));
        for (blas_int v = 0; v < nv && sok; v++) {
            /* side L: op(A) x = alpha b; side R: x op(A) = alpha b, i.e. op(A)^T x = alpha b */
            int lower_eff = side == 'L' ? (uplo == 'L') == (trans == 'N') : (uplo == 'U') == (trans == 'N');
            for (blas_int q = 0; q < ka; q++) {
                blas_int p = lower_eff ? q : ka - 1 - q;
                sb_t s = alpha * (side == 'L' ? lorig(&B, p, v) : lorig(&B, v, p));
                for (blas_int l = 0; l < ka; l++) {
                    if (lower_eff ? l >= p : l <= p) continue;
                    sb_t coef = side == 'L' ? opa(&A, uplo, trans, diag, p, l) : opa(&A, uplo, trans, diag, l, p);
                    s -= coef * x[l];
                }
                x[p] = diag == 'U' ? s : s / opa(&A, uplo, trans, diag, p, p);
            }
            for (blas_int p = 0; p < ka; p++) {
                sb_t got = side == 'L' ? *lat(&B, p, v) : *lat(&B, v, p);
                if (!sbt_close(got, x[p], 1 + tabs(x[p]), 64 * (ka + 4) * SBT_EPS)) sok = 0;
            }
        }
        free(x);
        CHECK(sok, ROUT_S " vs substitution api=%d side=%c uplo=%c trans=%c diag=%c m=%d n=%d", api, side, uplo, trans,
              diag, (int)m, (int)n);
    }
#endif
    CHECK(sbt_mat_guards_intact(&B.m, NULL, NULL), ROUT_S " wrote outside B api=%d side=%c m=%d n=%d", api, side,
          (int)m, (int)n);
    tri_ctx none = {0, 0, 0};
    CHECK(sbt_mat_guards_intact(&A.m, tri_owned, &none), ROUT_S " wrote A");
    lmat_free(&A);
    lmat_free(&B);
}

#ifndef TEST_TRMM
/* Diagonals whose reciprocals are not normal numbers: subnormal ones (their reciprocals overflow)
 * and huge ones (their reciprocals are subnormal, short of bits). A kernel that multiplies by
 * reciprocals must divide there: a diagonal A of order 27 (whole register tiles of 3, 6 or 8
 * unknowns and a partial one) with every other entry such a number (the subnormal ones and the huge ones in two
 * separate matrices), against B / diag(A) computed here by division, every side, uplo and
 * transa, to an ulp (a division is within half of one). */
static void extreme_diagonal(void)
{
    enum { KA = 27, NV = 16 };
    const char sides[] = "LR", uplos[] = "UL", transs[] = "NT";
    const int top = SB_IS_DOUBLE ? 1023 : 127; /* huge: (1 + i/29) * 2^top, below the largest number */
#if SB_IS_DOUBLE
    const sb_r tiny = (sb_r)ldexp(1.3, -1040), btiny = (sb_r)1e-300, bhuge = (sb_r)1e300;
#else
    const sb_r tiny = (sb_r)ldexp(1.3, -140), btiny = (sb_r)1e-30, bhuge = (sb_r)1e30;
#endif
    for (int kind = 0; kind < 2; kind++)
        for (int s = 0; s < 2; s++)
            for (int u = 0; u < 2; u++)
                for (int t = 0; t < 2; t++) {
                    char side = sides[s];
                    blas_int m = side == 'L' ? KA : NV, n = side == 'L' ? NV : KA;
                    sb_r dg[KA];
                    for (int i = 0; i < KA; i++)
                        dg[i] = i % 2 == 0   ? (sb_r)(i % 4 ? -2 - i : 1 + i)
                                : kind       ? (sb_r)ldexp(1 + i / 29.0, top)
                                             : tiny;
                    sb_t *a = calloc((size_t)KA * KA, sizeof(sb_t)), *b = malloc(sizeof(sb_t) * (size_t)m * (size_t)n);
                    sb_t *want = malloc(sizeof(sb_t) * (size_t)m * (size_t)n);
                    for (int i = 0; i < KA; i++) a[i + i * KA] = dg[i];
                    for (blas_int j = 0; j < n; j++)
                        for (blas_int i = 0; i < m; i++) {
                            int k = side == 'L' ? (int)i : (int)j; /* the unknown's index */
                            sb_r mag = k % 2 == 0 ? 1 : kind ? bhuge : btiny;
                            b[i + j * m] = mag * (sb_r)(1 + (i * 7 + j * 3) % 11) / 7;
                            want[i + j * m] = b[i + j * m] / dg[k];
                        }
                    call(F77, side, uplos[u], transs[t], 'N', m, n, 1, a, KA, b, m);
                    int ok = 1;
                    for (blas_int q = 0; q < m * n; q++)
                        if (!(tabs(b[q] - want[q]) <= SBT_EPS * tabs(want[q]))) ok = 0;
                    CHECK(ok, ROUT_S " %s diagonal side=%c uplo=%c trans=%c", kind ? "huge" : "subnormal", side,
                          uplos[u], transs[t]);
                    free(a);
                    free(b);
                    free(want);
                }
}
#endif

static void errors(void)
{
    sb_t a[64] = {0}, b[64] = {0}, one = 1;
    blas_int m = 2, n = 3, ld = 3, bad = 1, neg = -1;
    const char *name = SB_UPPER ROUT_U, *cn = "cblas_" SB_UPPER ROUT_S;
    SB_F77(ROUT)("X", "U", "N", "N", &m, &n, &one, a, &ld, b, &ld, 1, 1, 1, 1);
    sbt_expect_xerbla(name, 1, "side");
    SB_F77(ROUT)("L", "X", "N", "N", &m, &n, &one, a, &ld, b, &ld, 1, 1, 1, 1);
    sbt_expect_xerbla(name, 2, "uplo");
    SB_F77(ROUT)("L", "U", "X", "N", &m, &n, &one, a, &ld, b, &ld, 1, 1, 1, 1);
    sbt_expect_xerbla(name, 3, "transa");
    SB_F77(ROUT)("L", "U", "N", "X", &m, &n, &one, a, &ld, b, &ld, 1, 1, 1, 1);
    sbt_expect_xerbla(name, 4, "diag");
    SB_F77(ROUT)("L", "U", "N", "N", &neg, &n, &one, a, &ld, b, &ld, 1, 1, 1, 1);
    sbt_expect_xerbla(name, 5, "m");
    SB_F77(ROUT)("L", "U", "N", "N", &m, &neg, &one, a, &ld, b, &ld, 1, 1, 1, 1);
    sbt_expect_xerbla(name, 6, "n");
    SB_F77(ROUT)("R", "U", "N", "N", &m, &n, &one, a, &m, b, &ld, 1, 1, 1, 1);
    sbt_expect_xerbla(name, 9, "lda (side R: >= n)");
    SB_F77(ROUT)("L", "U", "N", "N", &m, &n, &one, a, &ld, b, &bad, 1, 1, 1, 1);
    sbt_expect_xerbla(name, 11, "ldb");
#if SB_IS_COMPLEX
#define S1 &one
#else
#define S1 one
#endif
    SB_CBLAS(ROUT)((CBLAS_LAYOUT)0, CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit, 2, 2, S1, a, 2, b, 2);
    sbt_expect_xerbla(cn, 1, "cblas layout");
    SB_CBLAS(ROUT)(CblasColMajor, (CBLAS_SIDE)0, CblasUpper, CblasNoTrans, CblasNonUnit, 2, 2, S1, a, 2, b, 2);
    sbt_expect_xerbla(cn, 2, "cblas side");
    SB_CBLAS(ROUT)(CblasRowMajor, CblasLeft, (CBLAS_UPLO)0, CblasNoTrans, CblasNonUnit, 2, 2, S1, a, 2, b, 2);
    sbt_expect_xerbla(cn, 3, "cblas uplo");
    SB_CBLAS(ROUT)(CblasColMajor, CblasLeft, CblasUpper, (CBLAS_TRANSPOSE)0, CblasNonUnit, 2, 2, S1, a, 2, b, 2);
    sbt_expect_xerbla(cn, 4, "cblas transa");
    SB_CBLAS(ROUT)(CblasColMajor, CblasLeft, CblasUpper, CblasNoTrans, (CBLAS_DIAG)0, 2, 2, S1, a, 2, b, 2);
    sbt_expect_xerbla(cn, 5, "cblas diag");
    SB_CBLAS(ROUT)(CblasColMajor, CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit, -1, 2, S1, a, 2, b, 2);
    sbt_expect_xerbla(cn, 6, "cblas m");
    SB_CBLAS(ROUT)(CblasRowMajor, CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit, -1, 2, S1, a, 2, b, 2);
    sbt_expect_xerbla(cn, 7, "cblas row-major m (is the column-major n)");
    SB_CBLAS(ROUT)(CblasColMajor, CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit, 3, 2, S1, a, 2, b, 3);
    sbt_expect_xerbla(cn, 10, "cblas lda");
    SB_CBLAS(ROUT)(CblasRowMajor, CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit, 2, 3, S1, a, 2, b, 2);
    sbt_expect_xerbla(cn, 12, "cblas row-major ldb (>= n)");
    CHECK(b[0] == 0, "error calls wrote B");
}

int main(void)
{
    static const blas_int sizes[] = {0, 1, 2, 5, 16, 17, 33};
    const int ns = (int)(sizeof sizes / sizeof sizes[0]);
    const char sides[] = "LR", uplos[] = "UL", transs[] = "NTC", diags[] = "NU";
#ifdef TEST_TRMM
    /* no memory, first (no workspace cached yet), on one thread: the unpacked fallbacks, side
     * 'L' past a KC step and both sides across the recursion */
    int threads = safeblas_get_num_threads();
    safeblas_set_num_threads(1);
    calls_without_memory = 1;
    for (int s = 0; s < 2; s++)
        for (int u = 0; u < 2; u++)
            for (int t = 0; t < 3; t++) {
                if (sides[s] == 'L') check_one(F77, 'L', uplos[u], transs[t], 'N', 600, 7, sbt_rand_elem(), 0);
                else check_one(F77, 'R', uplos[u], transs[t], 'U', 7, 300, sbt_rand_elem(), 0);
            }
    calls_without_memory = 0;
    safeblas_set_num_threads(threads);
#endif
    for (int api = 0; api < 3; api++)
        for (int s = 0; s < 2; s++)
            for (int u = 0; u < 2; u++)
                for (int t = 0; t < 3; t++)
                    for (int d = 0; d < 2; d++) {
                        char side = sides[s], uplo = uplos[u], trans = transs[t], diag = diags[d];
                        for (int a = 0; a < ns; a++)
                            for (int b = 0; b < ns; b += 2)
                                check_one(api, side, uplo, trans, diag, sizes[a], sizes[b], sbt_rand_elem(), 0);
                        check_one(api, side, uplo, trans, diag, 7, 5, 1, 0);
                        check_one(api, side, uplo, trans, diag, 7, 5, 0, 2);
                        if (api != ROW) {
                            /* the recursion, and blocks of 256 and 257 */
                            static const blas_int big[] = {300, 256, 257};
                            for (int q = 0; q < 3; q++) {
                                if (side == 'L') check_one(api, side, uplo, trans, diag, big[q], 30 - 7 * q, sbt_rand_elem(), 0);
                                else check_one(api, side, uplo, trans, diag, 30 - 7 * q, big[q], sbt_rand_elem(), 0);
                            }
                        }
#ifndef TEST_TRMM
                        /* trsm's packed blocks at their limits: side 'L' of order <= 1024 with
                         * n >= m/4 is one block (520 x 130; 1024 x 2 recurses: blocks of 512;
                         * 1025: 512, 256 and 257), side 'R' one block up to 512 (513 recurses:
                         * 256 and 257) */
                        if (api == F77 && diag == 'N' && side == 'L') {
                            if (t != 1) check_one(api, side, uplo, trans, diag, 520, 130, sbt_rand_elem(), 0);
                            check_one(api, side, uplo, trans, diag, 1024, 2, sbt_rand_elem(), 0);
                            check_one(api, side, uplo, trans, diag, 1025, 1, sbt_rand_elem(), 0);
                        }
                        if (api == F77 && diag == 'N' && side == 'R') {
                            check_one(api, side, uplo, trans, diag, 2, 512, sbt_rand_elem(), 0);
                            check_one(api, side, uplo, trans, diag, 1, 513, sbt_rand_elem(), 0);
                        }
#endif
#ifdef TEST_TRMM
                        /* side 'L' in one pass: two or more KC steps (KC <= 512 real, <= 336
                         * complex), several MC row blocks in each (MC <= 256), partial tiles;
                         * side 'R' (order > 256 in one pass): KC steps, and for order <= 256 many
                         * rows of B in slabs */
                        if (api == F77 && side == 'L') check_one(api, side, uplo, trans, diag, SB_IS_COMPLEX ? 600 : 1100, 5, sbt_rand_elem(), 0);
                        if (api == F77 && side == 'R') {
                            check_one(api, side, uplo, trans, diag, 5, SB_IS_COMPLEX ? 600 : 1100, sbt_rand_elem(), 0);
                            check_one(api, side, uplo, trans, diag, 530, 37, sbt_rand_elem(), 0);
                            check_one(api, side, uplo, trans, diag, 530, 70, sbt_rand_elem(), 0);
                            if (diag == 'N' && trans != 'C') {
                                /* side 'R' in one pass: two column blocks J (NC rounded up to a
                                 * multiple of KC: at most 3360 s, 2304 d, 1920 c, 1344 z over
                                 * the kernel sets, with L1d 48 KiB, L2 2 MiB and a large L3) */
                                check_one(api, side, uplo, trans, diag, 5, TRMM_R_PAST_NC, sbt_rand_elem(), 0);
                                /* two KC steps (KC <= 512), more than one MC block of rows
                                 * (MC <= 256), a partial MR sliver, B's rows over the threads */
                                if (trans == 'N') check_one(api, side, uplo, trans, diag, 270, 530, sbt_rand_elem(), 0);
                            }
                        }
#endif
                    }
#ifndef TEST_TRMM
    extreme_diagonal();
#endif
    errors();
    return sbt_finish("level3_" ROUT_S "_" SB_UPPER);
}
