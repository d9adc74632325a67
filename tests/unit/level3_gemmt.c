/* ?gemmt against a plain oracle: uplo U/L x trans N/T/C pairs, sizes 0, 1, odd and crossing the
 * driver's column blocks (n up to 300, k > KC), guard bands with the other triangle counted as
 * guard (never read: NaN there; never written), beta = 0 with NaN in C, alpha = 0 with NaN in
 * A/B, quick returns, argument errors via Fortran and CBLAS, CBLAS row-major. */
#include "test_prec.h"
#include "cblas.h"

void SB_F77(gemmt)(const char *uplo, const char *transa, const char *transb, const blas_int *n, const blas_int *k,
                   const sb_t *alpha, const sb_t *a, const blas_int *lda, const sb_t *b, const blas_int *ldb,
                   const sb_t *beta, sb_t *c, const blas_int *ldc, size_t lu, size_t la, size_t lb);

static const char *NAME = SB_UPPER "GEMMT";

static sb_t op_elem(char t, const sbt_mat *x, blas_int i, blas_int j)
{
    if (t == 'N') return sbt_mat_orig(x, i, j);
    sb_t v = sbt_mat_orig(x, j, i);
    return t == 'C' ? sb_conj(v) : v;
}

static sb_t nan_elem(void)
{
    sb_r q = (sb_r)NAN;
    return sb_make(q, q);
}

static int owned_upper(blas_int i, blas_int j, const void *ctx)
{
    blas_int n = *(const blas_int *)ctx;
    return i < n && i <= j;
}

static int owned_lower(blas_int i, blas_int j, const void *ctx)
{
    blas_int n = *(const blas_int *)ctx;
    return i < n && i >= j;
}

static void call_gemmt(int api, char ul, char ta, char tb, blas_int n, blas_int k, sb_t alpha, sbt_mat *a, sbt_mat *b,
                       sb_t beta, sbt_mat *c)
{
    if (api == 0) {
        SB_F77(gemmt)(&ul, &ta, &tb, &n, &k, &alpha, a->a, &a->ld, b->a, &b->ld, &beta, c->a, &c->ld, 1, 1, 1);
        return;
    }
    CBLAS_TRANSPOSE cta = ta == 'N' ? CblasNoTrans : ta == 'T' ? CblasTrans : CblasConjTrans;
    CBLAS_TRANSPOSE ctb = tb == 'N' ? CblasNoTrans : tb == 'T' ? CblasTrans : CblasConjTrans;
#if SB_IS_COMPLEX
    const void *pa = &alpha, *pb = &beta;
#else
    sb_t pa = alpha, pb = beta;
#endif
    if (api == 1)
        SB_CBLAS(gemmt)(CblasColMajor, ul == 'U' ? CblasUpper : CblasLower, cta, ctb, n, k, pa, a->a, a->ld, b->a,
                        b->ld, pb, c->a, c->ld);
    else /* row-major view: C^T = op(B)^T op(A)^T; our upper triangle is the row-major lower one */
        SB_CBLAS(gemmt)(CblasRowMajor, ul == 'U' ? CblasLower : CblasUpper, ctb, cta, n, k, pa, b->a, b->ld, a->a,
                        a->ld, pb, c->a, c->ld);
}

static void check_one(int api, char ul, char ta, char tb, blas_int n, blas_int k, sb_t alpha, sb_t beta, int nan_c,
                      int nan_ab, int pad)
{
    blas_int ar = ta == 'N' ? n : k, ac = ta == 'N' ? k : n;
    blas_int br = tb == 'N' ? k : n, bc = tb == 'N' ? n : k;
    sbt_mat a = sbt_mat_new(ar, ac, ar + pad), b = sbt_mat_new(br, bc, br + pad), c = sbt_mat_new(n, n, n + pad);
    /* the other triangle holds NaN: it must be neither read nor written */
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < n; i++) {
            int mine = ul == 'U' ? i <= j : i >= j;
            if (!mine || nan_c) c.a[i + (size_t)j * c.ld] = nan_elem();
        }
    sbt_mat_snapshot(&c);
    if (nan_ab) {
        for (size_t t = 0; t < a.total; t++) a.buf[t] = nan_elem();
        for (size_t t = 0; t < b.total; t++) b.buf[t] = nan_elem();
        sbt_mat_snapshot(&a);
        sbt_mat_snapshot(&b);
    }
    call_gemmt(api, ul, ta, tb, n, k, alpha, &a, &b, beta, &c);
    int ok = 1;
    for (blas_int j = 0; j < n && ok; j++) {
        blas_int lo = ul == 'U' ? 0 : j, hi = ul == 'U' ? j + 1 : n;
        for (blas_int i = lo; i < hi; i++) {
            sb_t s = 0;
            double scale = 0;
            if (alpha != 0)
                for (blas_int l = 0; l < k; l++) {
                    sb_t x = op_elem(ta, &a, i, l), y = op_elem(tb, &b, l, j);
                    s += x * y;
                    scale += (double)sb_abs1(x) * (double)sb_abs1(y);
                }
            sb_t c0 = sbt_mat_orig(&c, i, j), want;
            scale *= (double)sb_abs1(alpha);
            if (beta == 0) {
                want = alpha * s;
            } else {
                want = alpha * s + beta * c0;
                scale += (double)sb_abs1(beta) * (double)sb_abs1(c0);
            }
            sb_t got = c.a[i + (size_t)j * c.ld];
            if (!sbt_close(got, want, scale + 1e-30, (double)(k + 2) * 2 * SBT_EPS)) {
                ok = 0;
                fprintf(stderr, "  (%d,%d) got %g want %g\n", (int)i, (int)j, (double)sb_creal(got),
                        (double)sb_creal(want));
                break;
            }
        }
    }
    CHECK(ok, "gemmt values api=%d %c %c%c n=%d k=%d nan_c=%d nan_ab=%d", api, ul, ta, tb, (int)n, (int)k, nan_c,
          nan_ab);
    CHECK(sbt_mat_guards_intact(&c, ul == 'U' ? owned_upper : owned_lower, &n),
          "gemmt wrote outside its triangle: api=%d %c %c%c n=%d k=%d", api, ul, ta, tb, (int)n, (int)k);
    CHECK(sbt_bytes_equal(a.buf, a.copy, a.total * sizeof(sb_t)) && sbt_bytes_equal(b.buf, b.copy, b.total * sizeof(sb_t)),
          "gemmt changed A or B");
    sbt_mat_free(&a);
    sbt_mat_free(&b);
    sbt_mat_free(&c);
}

static void check_untouched(blas_int n, blas_int k, sb_t alpha, sb_t beta)
{
    sbt_mat a = sbt_mat_new(n, k, n + 1), b = sbt_mat_new(k, n, k + 1), c = sbt_mat_new(n, n, n + 1);
    for (int api = 0; api < 3; api++) {
        call_gemmt(api, 'U', 'N', 'N', n, k, alpha, &a, &b, beta, &c);
        CHECK(sbt_bytes_equal(c.buf, c.copy, c.total * sizeof(sb_t)), "gemmt quick return wrote C: n=%d k=%d api=%d",
              (int)n, (int)k, api);
    }
    sbt_mat_free(&a);
    sbt_mat_free(&b);
    sbt_mat_free(&c);
}

static void check_errors(void)
{
    sb_t one = 1, buf[64] = {0};
    struct {
        const char *ul, *ta, *tb;
        blas_int n, k, lda, ldb, ldc, info;
    } cases[] = {
        {"X", "N", "N", 2, 2, 2, 2, 2, 1},  {"U", "X", "N", 2, 2, 2, 2, 2, 2},  {"L", "N", "X", 2, 2, 2, 2, 2, 3},
        {"U", "N", "N", -1, 2, 2, 2, 2, 4}, {"U", "N", "N", 2, -1, 2, 2, 2, 5}, {"U", "N", "N", 2, 2, 1, 2, 2, 8},
        {"U", "T", "N", 2, 3, 2, 3, 2, 8},  {"U", "N", "N", 2, 3, 2, 2, 2, 10}, {"U", "N", "T", 3, 2, 3, 2, 3, 10},
        {"U", "N", "N", 2, 2, 2, 2, 1, 13},
    };
    for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) {
        sbt_xerbla_reset();
        SB_F77(gemmt)(cases[t].ul, cases[t].ta, cases[t].tb, &cases[t].n, &cases[t].k, &one, buf, &cases[t].lda, buf,
                      &cases[t].ldb, &one, buf, &cases[t].ldc, 1, 1, 1);
        sbt_expect_xerbla(NAME, cases[t].info, "fortran gemmt argument error");
    }
    const char *cname = "cblas_" SB_UPPER "gemmt";
#if SB_IS_COMPLEX
    const void *al = &one, *be = &one;
#else
    sb_t al = one, be = one;
#endif
    struct {
        int layout, ul, ta, tb;
        blas_int n, k, lda, ldb, ldc, info;
    } cc[] = {
        {100, CblasUpper, CblasNoTrans, CblasNoTrans, 2, 2, 2, 2, 2, 1},
        {CblasColMajor, 99, CblasNoTrans, CblasNoTrans, 2, 2, 2, 2, 2, 2},
        {100, 99, CblasNoTrans, CblasNoTrans, 2, 2, 2, 2, 2, 2},
        {CblasColMajor, CblasUpper, 99, CblasNoTrans, 2, 2, 2, 2, 2, 3},
        {CblasColMajor, CblasUpper, CblasNoTrans, 99, 2, 2, 2, 2, 2, 4},
        {CblasColMajor, CblasLower, CblasNoTrans, CblasNoTrans, -1, 2, 2, 2, 2, 5},
        {CblasColMajor, CblasLower, CblasNoTrans, CblasNoTrans, 2, -1, 2, 2, 2, 6},
        {CblasColMajor, CblasLower, CblasNoTrans, CblasNoTrans, 2, 2, 1, 2, 2, 9},
        {CblasColMajor, CblasLower, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1, 2, 11},
        {CblasColMajor, CblasLower, CblasNoTrans, CblasNoTrans, 2, 2, 2, 2, 1, 14},
        {CblasRowMajor, CblasUpper, 99, CblasNoTrans, 2, 2, 2, 2, 2, 3},
        {CblasRowMajor, CblasUpper, CblasNoTrans, 99, 2, 2, 2, 2, 2, 4},
        {CblasRowMajor, CblasUpper, CblasNoTrans, CblasNoTrans, 2, 2, 1, 2, 2, 11},
        {CblasRowMajor, CblasUpper, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1, 2, 9},
    };
    for (size_t t = 0; t < sizeof cc / sizeof cc[0]; t++) {
        sbt_xerbla_reset();
        SB_CBLAS(gemmt)((CBLAS_LAYOUT)cc[t].layout, (CBLAS_UPLO)cc[t].ul, (CBLAS_TRANSPOSE)cc[t].ta,
                        (CBLAS_TRANSPOSE)cc[t].tb, cc[t].n, cc[t].k, al, buf, cc[t].lda, buf, cc[t].ldb, be, buf,
                        cc[t].ldc);
        char what[64];
        snprintf(what, sizeof what, "cblas gemmt argument error case %d", (int)t);
        sbt_expect_xerbla(cname, cc[t].info, what);
    }
}

int main(void)
{
    static const char tr[3] = {'N', 'T', 'C'};
    static const blas_int shapes[][2] = {{1, 1}, {2, 3}, {5, 7}, {9, 1}, {13, 17}, {33, 20}, {40, 9}, {70, 33}};
    int ns = (int)(sizeof shapes / sizeof shapes[0]);
    for (int s = 0; s < ns; s++)
        for (int u = 0; u < 2; u++)
            for (int x = 0; x < 3; x++)
                for (int y = 0; y < 3; y++)
                    check_one((s + x + y + u) % 3, u ? 'L' : 'U', tr[x], tr[y], shapes[s][0], shapes[s][1],
                              sbt_rand_elem(), sbt_rand_elem(), 0, 0, s % 3);
    /* several column blocks, k > KC */
    for (int api = 0; api < 3; api++) {
        check_one(api, 'U', 'N', 'T', 300, 37, sbt_rand_elem(), sbt_rand_elem(), 0, 0, 1);
        check_one(api, 'L', 'C', 'N', 290, 21, sbt_rand_elem(), 0, 1, 0, 2);
    }
    check_one(0, 'L', 'T', 'T', 100, 300, sbt_rand_elem(), sbt_rand_elem(), 0, 0, 0);
    for (int api = 0; api < 3; api++)
        for (int u = 0; u < 2; u++) {
            char ul = u ? 'L' : 'U';
            check_one(api, ul, 'N', 'N', 11, 7, sbt_rand_elem(), 0, 1, 0, 1);  /* beta = 0, NaN in C */
            check_one(api, ul, 'N', 'N', 11, 7, 0, 0, 1, 1, 1);                /* alpha = 0, beta = 0 */
            check_one(api, ul, 'T', 'N', 10, 6, 0, sbt_rand_elem(), 0, 1, 2);  /* alpha = 0 */
            check_one(api, ul, 'N', 'N', 12, 0, sbt_rand_elem(), sbt_rand_elem(), 0, 0, 0); /* k = 0 */
            check_one(api, ul, 'N', 'T', 12, 5, sbt_rand_elem(), 1, 0, 0, 0);  /* beta = 1 */
        }
    check_untouched(0, 3, 1, 0);
    check_untouched(5, 3, 0, 1);
    check_untouched(5, 0, 1, 1);
    check_errors();
    return sbt_finish("level3_gemmt_" SB_UPPER);
}
