/* ?gemv and ?gbmv against a plain oracle: every trans, sizes 0..large, lda > m, negative and
 * mixed increments, Fortran ABI and CBLAS in both layouts, alpha = 0 (A and x all NaN, never
 * read), beta = 0 (NaN in y vanishes), beta = 1, NaN propagation as the reference, argument
 * errors with the reference parameter numbers. Storage the routine must not read (outside the
 * band) holds NaN; every input must come back unchanged, y outside its elements too. Splits
 * of the product (separate calls, threads) give the same bits. */
#include "level2_products_test.h"
#include "safeblas.h"

static const CBLAS_TRANSPOSE cb_trans[] = {CblasNoTrans, CblasTrans, CblasConjTrans};
static const char *const f_trans[] = {"N", "t", "C"};

/* One call. band: kl/ku >= 0 means gbmv, else gemv. special: 0 plain, 1 alpha = 0 (A, x NaN),
 * 2 beta = 0 with NaN in y. */
static void run_one(int api, int op, blas_int m, blas_int n, blas_int kl, blas_int ku, int ldextra, blas_int incx,
                    blas_int incy, int special)
{
    const int band = kl >= 0;
    /* storage: column-major m x n, or for row-major the column-major n x m of A^T */
    blas_int sr = api == API_ROW ? n : m, sc = api == API_ROW ? m : n;
    blas_int skl = api == API_ROW ? ku : kl, sku = api == API_ROW ? kl : ku; /* band of the stored matrix */
    blas_int lda = (band ? skl + sku + 1 : L2P_MAX(1, sr)) + ldextra;
    sbt_mat A = sbt_mat_new(band ? lda : sr, sc, lda);
    if (band) { /* NaN everywhere but the band */
        for (blas_int c = 0; c < sc; c++)
            for (blas_int r = 0; r < lda; r++) {
                blas_int i = r - sku + c; /* stored row index of this slot */
                if (r > skl + sku || i < 0 || i >= sr) A.a[r + (size_t)c * lda] = sbt_nan();
            }
    }
    blas_int lenx = op == 0 ? n : m, leny = op == 0 ? m : n;
    sbt_vec x = sbt_vec_new(lenx, incx), y = sbt_vec_new(leny, incy);
    sb_t alpha = sbt_rand_elem(), beta = sbt_rand_elem();
    if (special == 1) {
        alpha = 0;
        for (blas_int c = 0; c < sc; c++)
            for (blas_int r = 0; r < (band ? lda : sr); r++) A.a[r + (size_t)c * lda] = sbt_nan();
        sbt_vec_set_all(&x, sbt_nan());
    }
    if (special == 2) {
        beta = 0;
        sbt_vec_set_all(&y, sbt_nan());
    }
    if (special == 3) beta = 1;
    sbt_mat_snapshot(&A);

    /* element (i, j) of the m x n matrix A as the caller means it */
#define STORED(r, c) (band ? ((c) - (r) > sku || (r) - (c) > skl ? (sb_t)0 : sbt_mat_orig(&A, sku + (r) - (c), (c))) \
                           : sbt_mat_orig(&A, (r), (c)))
#define AEL(i, j) (api == API_ROW ? STORED(j, i) : STORED(i, j))
    sb_t *want = malloc(sizeof(sb_t) * (size_t)(leny + 1));
    double *scale = malloc(sizeof(double) * (size_t)(leny + 1));
    for (blas_int r = 0; r < leny; r++) {
        sb_t s = 0;
        double sa = 0;
        if (alpha != 0)
            for (blas_int c = 0; c < lenx; c++) {
                sb_t a = op == 0 ? AEL(r, c) : AEL(c, r);
                if (op == 2) a = sb_conj(a);
                s += a * sbt_vec_orig(&x, c);
                sa += (double)sb_abs1(a) * (double)sb_abs1(sbt_vec_orig(&x, c));
            }
        sb_t y0 = sbt_vec_orig(&y, r);
        want[r] = alpha * s + (beta == 0 ? (sb_t)0 : beta * y0);
        if ((alpha == 0 && beta == 1) || m == 0 || n == 0) want[r] = y0; /* reference quick return */
        scale[r] = (double)sb_abs1(alpha) * sa + (beta == 0 ? 0.0 : (double)sb_abs1(beta) * (double)sb_abs1(y0));
    }
#undef AEL
#undef STORED

    sbt_xerbla_reset();
    if (api == API_F77) {
        if (band) SB_F77(gbmv)(f_trans[op], &m, &n, &kl, &ku, &alpha, A.a, &lda, x.v, &incx, &beta, y.v, &incy);
        else SB_F77(gemv)(f_trans[op], &m, &n, &alpha, A.a, &lda, x.v, &incx, &beta, y.v, &incy);
    } else {
        CBLAS_LAYOUT lay = api == API_ROW ? CblasRowMajor : CblasColMajor;
        if (band)
            SB_CBLAS(gbmv)(lay, cb_trans[op], m, n, kl, ku, SBT_S(alpha), A.a, lda, x.v, incx, SBT_S(beta), y.v, incy);
        else
            SB_CBLAS(gemv)(lay, cb_trans[op], m, n, SBT_S(alpha), A.a, lda, x.v, incx, SBT_S(beta), y.v, incy);
    }
    const char *rn = band ? "gbmv" : "gemv";
    sbt_expect_no_xerbla(rn);
    CHECK(sbt_vec_matches(&y, want, scale, 4.0 * (lenx + 4) * SBT_EPS),
          "%s %s trans=%s m=%d n=%d kl=%d ku=%d ldx=%d incx=%d incy=%d special=%d: wrong y", rn, api_name[api],
          f_trans[op], (int)m, (int)n, (int)kl, (int)ku, ldextra, (int)incx, (int)incy, special);
    CHECK(sbt_vec_guards_intact(&y), "%s %s m=%d n=%d: wrote outside y", rn, api_name[api], (int)m, (int)n);
    CHECK(sbt_mat_untouched(&A) && sbt_vec_untouched(&x), "%s %s m=%d n=%d: changed A or x", rn, api_name[api],
          (int)m, (int)n);
    free(want);
    free(scale);
    sbt_mat_free(&A);
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

/* The reference (3.11) does not skip x(j) = 0 in gemv: NaN in A reaches y. */
static void nan_propagation(void)
{
    blas_int m = 2, n = 2, one = 1;
    sb_t a[4] = {sbt_nan(), 1, 2, 3}, x[2] = {0, 1}, y[2] = {5, 5}, alpha = 1, beta = 0;
    SB_F77(gemv)("N", &m, &n, &alpha, a, &m, x, &one, &beta, y, &one);
    CHECK(y[0] != y[0] && sb_creal(y[1]) == 3, "gemv N: NaN in A(0,0) with x(0) = 0 must reach y(0) only");
    y[0] = y[1] = 5;
    SB_F77(gemv)("T", &m, &n, &alpha, a, &m, x, &one, &beta, y, &one);
    CHECK(y[0] != y[0] && sb_creal(y[1]) == 3, "gemv T: NaN in A(0,0) with x(0) = 0 must reach y(0) only");
}

/* A product split into row blocks (N) or column blocks (T/C), each block a gemv call of its
 * own, gives exactly the bits of the whole call: the property a threaded split relies on. */
static void split_identical(int op, blas_int m, blas_int n, blas_int cut)
{
    blas_int lda = m + 3, one = 1;
    sbt_mat A = sbt_mat_new(m, n, lda);
    blas_int lenx = op == 0 ? n : m, leny = op == 0 ? m : n;
    sbt_vec x = sbt_vec_new(lenx, 1), y1 = sbt_vec_new(leny, 1);
    sb_t *y2 = malloc(sizeof(sb_t) * (size_t)leny);
    memcpy(y2, y1.v, sizeof(sb_t) * (size_t)leny);
    sb_t alpha = sbt_rand_elem(), beta = sbt_rand_elem();
    SB_F77(gemv)(f_trans[op], &m, &n, &alpha, A.a, &lda, x.v, &one, &beta, y1.v, &one);
    blas_int rest = leny - cut;
    if (op == 0) {
        SB_F77(gemv)("N", &cut, &n, &alpha, A.a, &lda, x.v, &one, &beta, y2, &one);
        SB_F77(gemv)("N", &rest, &n, &alpha, A.a + cut, &lda, x.v, &one, &beta, y2 + cut, &one);
    } else {
        SB_F77(gemv)(f_trans[op], &m, &cut, &alpha, A.a, &lda, x.v, &one, &beta, y2, &one);
        SB_F77(gemv)(f_trans[op], &m, &rest, &alpha, A.a + (size_t)cut * lda, &lda, x.v, &one, &beta, y2 + cut, &one);
    }
    CHECK(memcmp(y1.v, y2, sizeof(sb_t) * (size_t)leny) == 0, "gemv trans=%s m=%d n=%d split at %d: not bit-identical",
          f_trans[op], (int)m, (int)n, (int)cut);
    free(y2);
    sbt_mat_free(&A);
    sbt_vec_free(&x);
    sbt_vec_free(&y1);
}

/* A product split over threads (op N/R by rows, T/C by columns; main sets the threshold to 0)
 * gives the same bits at 1, 2 and 3 threads. */
static void threads_identical(int op, blas_int m, blas_int n, blas_int incx)
{
    blas_int lda = m + 1, one = 1;
    sbt_mat A = sbt_mat_new(m, n, lda);
    blas_int lenx = op == 0 ? n : m, leny = op == 0 ? m : n;
    sbt_vec x = sbt_vec_new(lenx, incx), y = sbt_vec_new(leny, 1);
    sb_t *first = malloc(sizeof(sb_t) * (size_t)leny);
    sb_t alpha = sbt_rand_elem(), beta = sbt_rand_elem();
    static const int threads[] = {1, 2, 3};
    for (int t = 0; t < 3; t++) {
        memcpy(y.buf, y.copy, y.total * sizeof(sb_t));
        safeblas_set_num_threads(threads[t]);
        SB_F77(gemv)(f_trans[op], &m, &n, &alpha, A.a, &lda, x.v, &incx, &beta, y.v, &one);
        if (t == 0) memcpy(first, y.v, sizeof(sb_t) * (size_t)leny);
        else
            CHECK(memcmp(first, y.v, sizeof(sb_t) * (size_t)leny) == 0,
                  "gemv trans=%s m=%d n=%d incx=%d: %d threads differ from 1", f_trans[op], (int)m, (int)n, (int)incx,
                  threads[t]);
    }
    safeblas_set_num_threads(0);
    free(first);
    sbt_mat_free(&A);
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

static void errors(void)
{
    sb_t a[64], x[16], y[16], y0[16], one_ = 1, two_ = 2;
    for (int i = 0; i < 64; i++) a[i] = 1;
    for (int i = 0; i < 16; i++) x[i] = y0[i] = y[i] = 1;
    const blas_int i0 = 0, i1 = 1, i2 = 2;
    const char *gv = SB_UPPER "GEMV", *gb = SB_UPPER "GBMV";
    char cgemv[16], cgbmv[16];
    snprintf(cgemv, sizeof cgemv, "cblas_%cgemv", SB_UPPER[0] + 32);
    snprintf(cgbmv, sizeof cgbmv, "cblas_%cgbmv", SB_UPPER[0] + 32);

    /* Fortran gemv: trans 1, m 2, n 3, lda 6, incx 8, incy 11 */
    struct { const char *t; blas_int m, n, lda, incx, incy, info; } fg[] = {
        {"/", 0, 0, 1, 1, 1, 1}, {"N", -1, 0, 1, 1, 1, 2}, {"T", 0, -1, 1, 1, 1, 3}, {"N", 2, 0, 1, 1, 1, 6},
        {"C", 0, 0, 1, 0, 1, 8}, {"N", 0, 0, 1, 1, 0, 11}, {"N", -1, -1, 0, 0, 0, 2}, {"T", 2, 2, 1, 0, 0, 6}};
    for (size_t k = 0; k < sizeof fg / sizeof fg[0]; k++) {
        memcpy(y, y0, sizeof y);
        sbt_xerbla_reset();
        SB_F77(gemv)(fg[k].t, &fg[k].m, &fg[k].n, &one_, a, &fg[k].lda, x, &fg[k].incx, &one_, y, &fg[k].incy);
        sbt_expect_xerbla(gv, fg[k].info, "f77 gemv error");
        CHECK(memcmp(y, y0, sizeof y) == 0, "gemv error path changed y");
    }
    /* Fortran gbmv: trans 1, m 2, n 3, kl 4, ku 5, lda 8, incx 10, incy 13 */
    struct { const char *t; blas_int m, n, kl, ku, lda, incx, incy, info; } fb[] = {
        {"x", 0, 0, 0, 0, 1, 1, 1, 1}, {"N", -1, 0, 0, 0, 1, 1, 1, 2}, {"N", 0, -1, 0, 0, 1, 1, 1, 3},
        {"T", 0, 0, -1, 0, 1, 1, 1, 4}, {"C", 0, 0, 0, -1, 1, 1, 1, 5}, {"N", 0, 0, 1, 1, 2, 1, 1, 8},
        {"N", 0, 0, 0, 0, 1, 0, 1, 10}, {"N", 0, 0, 0, 0, 1, 1, 0, 13}};
    for (size_t k = 0; k < sizeof fb / sizeof fb[0]; k++) {
        sbt_xerbla_reset();
        SB_F77(gbmv)(fb[k].t, &fb[k].m, &fb[k].n, &fb[k].kl, &fb[k].ku, &one_, a, &fb[k].lda, x, &fb[k].incx, &one_,
                     y, &fb[k].incy);
        sbt_expect_xerbla(gb, fb[k].info, "f77 gbmv error");
    }
    /* CBLAS gemv: layout 1, trans 2, then Fortran number + 1 of the column-major call (row-major
     * swaps M and N) */
    struct { int lay; int tr; blas_int m, n, lda, incx, incy, info; } cg[] = {
        {0, CblasNoTrans, 0, 0, 1, 1, 1, 1},         {CblasColMajor, 0, 0, 0, 1, 1, 1, 2},
        {CblasColMajor, CblasNoTrans, -1, 0, 1, 1, 1, 3}, {CblasColMajor, CblasTrans, 0, -1, 1, 1, 1, 4},
        {CblasColMajor, CblasNoTrans, 2, 0, 1, 1, 1, 7}, {CblasColMajor, CblasNoTrans, 0, 0, 1, 0, 1, 9},
        {CblasColMajor, CblasConjTrans, 0, 0, 1, 1, 0, 12}, {CblasRowMajor, 0, 0, 0, 1, 1, 1, 2},
        {CblasRowMajor, CblasNoTrans, -1, 0, 1, 1, 1, 4}, {CblasRowMajor, CblasNoTrans, 0, -1, 1, 1, 1, 3},
        {CblasRowMajor, CblasTrans, 0, 2, 1, 1, 1, 7},   {CblasRowMajor, CblasNoTrans, 2, 0, 1, 1, 1, 0},
        {CblasRowMajor, CblasNoTrans, 0, 0, 1, 0, 1, 9}, {CblasRowMajor, CblasTrans, 0, 0, 1, 1, 0, 12},
        {CblasRowMajor, CblasConjTrans, 0, 2, 2, 0, 1, 9}};
    for (size_t k = 0; k < sizeof cg / sizeof cg[0]; k++) {
        blas_int want = cg[k].info;
        /* row-major, m = 2, lda = 1 >= max(1, n = 0): legal, so no error in that row */
        if (cg[k].lay == CblasRowMajor && cg[k].m == 2 && cg[k].n == 0) {
            sbt_xerbla_reset();
            SB_CBLAS(gemv)(cg[k].lay, cg[k].tr, cg[k].m, cg[k].n, SBT_S(one_), a, cg[k].lda, x, cg[k].incx,
                           SBT_S(one_), y, cg[k].incy);
            sbt_expect_no_xerbla("cblas row gemv lda = 1 with n = 0 is legal");
            continue;
        }
        sbt_xerbla_reset();
        SB_CBLAS(gemv)((CBLAS_LAYOUT)cg[k].lay, (CBLAS_TRANSPOSE)cg[k].tr, cg[k].m, cg[k].n, SBT_S(one_), a,
                       cg[k].lda, x, cg[k].incx, SBT_S(one_), y, cg[k].incy);
        sbt_expect_xerbla(cgemv, want, "cblas gemv error");
    }
    /* CBLAS gbmv: row-major swaps (M, N) and (KL, KU) */
    struct { int lay; int tr; blas_int m, n, kl, ku, lda, incx, incy, info; } cb[] = {
        {7, CblasNoTrans, 0, 0, 0, 0, 1, 1, 1, 1},           {CblasColMajor, 9, 0, 0, 0, 0, 1, 1, 1, 2},
        {CblasColMajor, CblasNoTrans, -1, 0, 0, 0, 1, 1, 1, 3}, {CblasColMajor, CblasNoTrans, 0, -1, 0, 0, 1, 1, 1, 4},
        {CblasColMajor, CblasNoTrans, 0, 0, -1, 0, 1, 1, 1, 5}, {CblasColMajor, CblasNoTrans, 0, 0, 0, -1, 1, 1, 1, 6},
        {CblasColMajor, CblasNoTrans, 0, 0, 1, 0, 1, 1, 1, 9},  {CblasColMajor, CblasNoTrans, 0, 0, 0, 0, 1, 0, 1, 11},
        {CblasColMajor, CblasTrans, 0, 0, 0, 0, 1, 1, 0, 14},   {CblasRowMajor, 9, 0, 0, 0, 0, 1, 1, 1, 2},
        {CblasRowMajor, CblasNoTrans, -1, 0, 0, 0, 1, 1, 1, 4}, {CblasRowMajor, CblasNoTrans, 0, -1, 0, 0, 1, 1, 1, 3},
        {CblasRowMajor, CblasNoTrans, 0, 0, -1, 0, 1, 1, 1, 6}, {CblasRowMajor, CblasNoTrans, 0, 0, 0, -1, 1, 1, 1, 5},
        {CblasRowMajor, CblasNoTrans, 0, 0, 0, 1, 1, 1, 1, 9},  {CblasRowMajor, CblasTrans, 0, 0, 0, 0, 1, 0, 1, 11},
        {CblasRowMajor, CblasNoTrans, 0, 0, 0, 0, 1, 1, 0, 14}};
    for (size_t k = 0; k < sizeof cb / sizeof cb[0]; k++) {
        sbt_xerbla_reset();
        SB_CBLAS(gbmv)((CBLAS_LAYOUT)cb[k].lay, (CBLAS_TRANSPOSE)cb[k].tr, cb[k].m, cb[k].n, cb[k].kl, cb[k].ku,
                       SBT_S(one_), a, cb[k].lda, x, cb[k].incx, SBT_S(one_), y, cb[k].incy);
        sbt_expect_xerbla(cgbmv, cb[k].info, "cblas gbmv error");
    }
    /* quick returns read nothing: m = 0 or n = 0, and alpha = 0 with beta = 1 */
    sbt_xerbla_reset();
    SB_F77(gemv)("N", &i0, &i2, &one_, NULL, &i1, NULL, &i1, &two_, NULL, &i1);
    SB_F77(gemv)("T", &i2, &i0, &one_, NULL, &i2, NULL, &i1, &two_, NULL, &i1);
    sb_t zero_ = 0;
    SB_F77(gemv)("N", &i2, &i2, &zero_, NULL, &i2, NULL, &i1, &one_, NULL, &i1);
    SB_F77(gbmv)("N", &i2, &i2, &i1, &i0, &zero_, NULL, &i2, NULL, &i1, &one_, NULL, &i1);
    sbt_expect_no_xerbla("quick returns");
}

int main(void)
{
    /* every call of at least 4096 elements may go parallel (threads_identical needs it at 1-3
     * threads); before the first call reads it */
    setenv("SAFEBLAS_PARALLEL_THRESHOLD", "0", 1);
    static const int sizes[] = {0, 1, 2, 3, 5, 8, 13};
    const int ns = sizeof sizes / sizeof sizes[0];
    for (int api = 0; api < 3; api++)
        for (int op = 0; op < 3; op++) {
            for (int a = 0; a < ns; a++)
                for (int b = 0; b < ns; b++)
                    for (int k = 0; k < L2P_NINCS; k++)
                        run_one(api, op, sizes[a], sizes[b], -1, -1, (a + b + k) % 3, l2p_incs[k][0], l2p_incs[k][1],
                                0);
            /* bands: kl/ku combinations, including wider than the matrix */
            static const blas_int kls[] = {0, 1, 3, 9};
            for (int a = 0; a < ns; a++)
                for (int b = 1; b < ns; b += 2)
                    for (int i = 0; i < 4; i++)
                        for (int j = 0; j < 4; j++)
                            run_one(api, op, sizes[a], sizes[b], kls[i], kls[j], (i + j) % 2, l2p_incs[(a + i + j) % 4][0],
                                    l2p_incs[(a + i + j) % 4][1], 0);
            /* special scalars */
            for (int s = 1; s <= 3; s++) {
                run_one(api, op, 7, 5, -1, -1, 1, 1, -2, s);
                run_one(api, op, 6, 9, 2, 1, 1, -1, 1, s);
            }
            /* large, crossing any blocking */
            run_one(api, op, 300, 301, -1, -1, 3, 1, 1, 0);
            run_one(api, op, 301, 67, -1, -1, 0, -2, 3, 0);
            run_one(api, op, 300, 290, 20, 33, 2, 1, -1, 0);
        }
#if SB_IS_COMPLEX
    /* row-major ConjTrans with incX = 0 and M > 0: reference CBLAS treats x as a constant vector */
    run_one(API_ROW, 2, 4, 3, -1, -1, 0, 0, 1, 0);
    run_one(API_ROW, 2, 4, 3, 1, 2, 0, 0, -1, 0);
#endif
#if SB_IS_COMPLEX
    /* the complex axpy-form kernel (N, and R through row-major ConjTrans): row counts around the
     * vector widths (2..8 complex per vector, 4 or 8 vectors per step, then 4, 2, 1 and the
     * masked tail: 63 and 127 take every one of these in each set) and their tails, column
     * counts around its groups of 8, 4 and 1, strided and unit y */
    static const int kms[] = {15, 16, 17, 31, 33, 47, 63, 65, 127}, kns[] = {1, 3, 4, 8, 9, 17};
    for (int a = 0; a < 9; a++)
        for (int b = 0; b < 6; b++) {
            run_one(API_F77, 0, kms[a], kns[b], -1, -1, b % 2, 1, (a + b) % 3 ? 1 : -2, 0);
            run_one(API_ROW, 2, kns[b], kms[a], -1, -1, a % 2, -1, (a + b) % 3 ? 1 : 2, 0);
        }
    split_identical(0, 67, 13, 13);
    split_identical(0, 67, 13, 33);
    /* the complex dot-form kernel (T and C): every row count from 1 to 9 and around the vector
     * widths (2..8 complex per vector, one or two vectors per step, then one more and a masked
     * tail), every column count from 1 to 9 (its groups of 4, then 3, 2 or 1), lda > m, unit, strided and
     * negative x (copied to unit stride) and y; beta = 0 over NaN in y */
    static const int tms[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, 16, 17, 23, 24, 25, 31, 32, 33};
    static const blas_int tincs[][2] = {{1, 1}, {1, -1}, {-2, 1}, {1, 3}, {3, -2}};
    for (int a = 0; a < (int)(sizeof tms / sizeof tms[0]); a++)
        for (int b = 1; b <= 9; b++)
            for (int op = 1; op <= 2; op++) {
                int k = (a + b + op) % 5;
                run_one(API_F77, op, tms[a], b, -1, -1, (a + b) % 3, tincs[k][0], tincs[k][1], 0);
                if ((a + b) % 4 == 0) run_one(API_COL, op, tms[a], b, -1, -1, 2, tincs[k][0], tincs[k][1], 2);
            }
    for (int op = 1; op <= 2; op++) {
        split_identical(op, 29, 9, 1); /* 29: every step of the row loop, in both sets */
        split_identical(op, 29, 9, 5);
    }
#endif
    /* op N past the vector kernels' row chunks (avx2: 128 KiB of y, 8192 to 32768 rows), so rows
     * on both sides of a chunk boundary are checked, and a split across one is bit-identical */
    run_one(API_F77, 0, 40000, 13, -1, -1, 1, 1, 1, 0);
    run_one(API_F77, 0, 33000, 9, -1, -1, 0, -2, 1, 0);
    split_identical(0, 40000, 13, 12345);
    nan_propagation();
    for (int op = 0; op < 3; op++) {
        split_identical(op, 203, 157, 101);
        split_identical(op, 64, 37, 7);
        split_identical(op, 37, 64, 30);
        threads_identical(op, 397, 401, op == 1 ? -2 : 1);
    }
    errors();
    return sbt_finish("level2_products_gemv_" SB_UPPER);
}
