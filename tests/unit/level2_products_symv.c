/* ?symv/?sbmv/?spmv (real) and ?hemv/?hbmv/?hpmv (complex) against a plain oracle: both
 * triangles, full/band/packed storage, sizes 0..large, lda > n, negative increments, Fortran ABI
 * and CBLAS in both layouts, alpha = 0 (A and x all NaN), beta = 0 (NaN in y vanishes),
 * beta = 1, argument errors with the reference numbers. The triangle not referenced, the unused
 * corners of the band and (hermitian) the imaginary parts of the diagonal hold NaN, so reading
 * any of them shows up as a wrong result. */
#include "level2_products_test.h"

enum { K_FULL = 0, K_BAND = 1, K_PACKED = 2 };
static const char *const kind_name[] = {"full", "band", "packed"};
#define HERM SB_IS_COMPLEX

/* Column-major storage index (into the buffer) of element (i, j) of the stored triangle, or -1
 * when (i, j) is not stored (other triangle, outside the band). */
static long stored_index(int kind, int upper, blas_int n, blas_int k, blas_int lda, blas_int i, blas_int j)
{
    if (upper ? i > j : i < j) return -1;
    if (kind == K_FULL) return i + (long)j * lda;
    if (kind == K_BAND) {
        if (upper) return j - i > k ? -1 : (k + i - j) + (long)j * lda;
        return i - j > k ? -1 : (i - j) + (long)j * lda;
    }
    if (upper) return i + (long)j * (j + 1) / 2;
    return i + (long)j * (2 * n - j - 1) / 2;
}

static void run_one(int api, int kind, int upper, blas_int n, blas_int k, int ldextra, blas_int incx, blas_int incy,
                    int special)
{
    /* the stored column-major triangle: row-major upper is column-major lower of A^T */
    int supper = api == API_ROW ? !upper : upper;
    blas_int lda = (kind == K_FULL ? L2P_MAX(1, n) : k + 1) + ldextra;
    sbt_mat A;
    if (kind == K_PACKED) A = sbt_mat_new(n * (n + 1) / 2, 1, n * (n + 1) / 2);
    else A = sbt_mat_new(kind == K_BAND ? lda : n, n, lda);
    long slots = kind == K_PACKED ? (long)n * (n + 1) / 2 : (long)lda * n;
    /* NaN in every slot that is not an element of the stored triangle */
    char *used = calloc((size_t)slots + 1, 1);
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < n; i++) {
            long s = stored_index(kind, supper, n, k, lda, i, j);
            if (s >= 0) used[s] = 1;
        }
    for (long s = 0; s < slots; s++)
        if (!used[s] && (kind == K_PACKED || s % lda < (kind == K_BAND ? lda : n))) A.a[s] = sbt_nan();
#if HERM
    for (blas_int j = 0; j < n; j++) { /* the imaginary part of the diagonal is not referenced */
        long s = stored_index(kind, supper, n, k, lda, j, j);
        A.a[s] = sb_make(sb_creal(A.a[s]), (sb_r)NAN);
    }
#endif
    free(used);
    sbt_vec x = sbt_vec_new(n, incx), y = sbt_vec_new(n, incy);
    sb_t alpha = sbt_rand_elem(), beta = sbt_rand_elem();
    if (special == 1) {
        alpha = 0;
        for (long s = 0; s < slots; s++) A.a[s] = sbt_nan();
        sbt_vec_set_all(&x, sbt_nan());
    }
    if (special == 2) {
        beta = 0;
        sbt_vec_set_all(&y, sbt_nan());
    }
    if (special == 3) beta = 1;
    sbt_mat_snapshot(&A);

    sb_t *want = malloc(sizeof(sb_t) * (size_t)(n + 1));
    double *scale = malloc(sizeof(double) * (size_t)(n + 1));
    for (blas_int r = 0; r < n; r++) {
        sb_t s = 0;
        double sa = 0;
        if (alpha != 0)
            for (blas_int c = 0; c < n; c++) {
                /* element (r, c) of the caller's matrix: from its stored triangle (in the
                 * caller's layout), or the mirror of it */
                blas_int i = r, j = c;
                int mirror = upper ? r > c : r < c;
                if (mirror) { i = c; j = r; }
                long idx = api == API_ROW ? stored_index(kind, supper, n, k, lda, j, i)
                                          : stored_index(kind, supper, n, k, lda, i, j);
                sb_t a = idx < 0 ? (sb_t)0 : A.copy[SBT_GUARD + idx];
#if HERM
                if (r == c) a = sb_creal(a);
                if (mirror) a = sb_conj(a);
#endif
                s += a * sbt_vec_orig(&x, c);
                sa += (double)sb_abs1(a) * (double)sb_abs1(sbt_vec_orig(&x, c));
            }
        sb_t y0 = sbt_vec_orig(&y, r);
        want[r] = alpha * s + (beta == 0 ? (sb_t)0 : beta * y0);
        if (alpha == 0 && beta == 1) want[r] = y0;
        scale[r] = (double)sb_abs1(alpha) * sa + (beta == 0 ? 0.0 : (double)sb_abs1(beta) * (double)sb_abs1(y0));
    }

    const char *ul = upper ? "U" : "l";
    CBLAS_UPLO cul = upper ? CblasUpper : CblasLower;
    CBLAS_LAYOUT lay = api == API_ROW ? CblasRowMajor : CblasColMajor;
    sbt_xerbla_reset();
#if HERM
    if (kind == K_FULL) {
        if (api == API_F77) SB_F77(hemv)(ul, &n, &alpha, A.a, &lda, x.v, &incx, &beta, y.v, &incy);
        else SB_CBLAS(hemv)(lay, cul, n, SBT_S(alpha), A.a, lda, x.v, incx, SBT_S(beta), y.v, incy);
    } else if (kind == K_BAND) {
        if (api == API_F77) SB_F77(hbmv)(ul, &n, &k, &alpha, A.a, &lda, x.v, &incx, &beta, y.v, &incy);
        else SB_CBLAS(hbmv)(lay, cul, n, k, SBT_S(alpha), A.a, lda, x.v, incx, SBT_S(beta), y.v, incy);
    } else {
        if (api == API_F77) SB_F77(hpmv)(ul, &n, &alpha, A.a, x.v, &incx, &beta, y.v, &incy);
        else SB_CBLAS(hpmv)(lay, cul, n, SBT_S(alpha), A.a, x.v, incx, SBT_S(beta), y.v, incy);
    }
#else
    if (kind == K_FULL) {
        if (api == API_F77) SB_F77(symv)(ul, &n, &alpha, A.a, &lda, x.v, &incx, &beta, y.v, &incy);
        else SB_CBLAS(symv)(lay, cul, n, alpha, A.a, lda, x.v, incx, beta, y.v, incy);
    } else if (kind == K_BAND) {
        if (api == API_F77) SB_F77(sbmv)(ul, &n, &k, &alpha, A.a, &lda, x.v, &incx, &beta, y.v, &incy);
        else SB_CBLAS(sbmv)(lay, cul, n, k, alpha, A.a, lda, x.v, incx, beta, y.v, incy);
    } else {
        if (api == API_F77) SB_F77(spmv)(ul, &n, &alpha, A.a, x.v, &incx, &beta, y.v, &incy);
        else SB_CBLAS(spmv)(lay, cul, n, alpha, A.a, x.v, incx, beta, y.v, incy);
    }
#endif
    sbt_expect_no_xerbla(kind_name[kind]);
    CHECK(sbt_vec_matches(&y, want, scale, 4.0 * (n + 4) * SBT_EPS),
          "%s %s uplo=%s n=%d k=%d ldx=%d incx=%d incy=%d special=%d: wrong y", kind_name[kind], api_name[api], ul,
          (int)n, (int)k, ldextra, (int)incx, (int)incy, special);
    CHECK(sbt_vec_guards_intact(&y), "%s %s n=%d: wrote outside y", kind_name[kind], api_name[api], (int)n);
    CHECK(sbt_mat_untouched(&A) && sbt_vec_untouched(&x), "%s %s n=%d: changed A or x", kind_name[kind],
          api_name[api], (int)n);
    free(want);
    free(scale);
    sbt_mat_free(&A);
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

/* One argument-error case through one entry point; k < -100 means "not a band routine". */
static void err_case(int kind, int api, int lay, int uplo, blas_int n, blas_int k, blas_int lda, blas_int incx,
                     blas_int incy, blas_int want)
{
    sb_t a[64], x[16], y[16], y0[16], one_ = 1;
    for (int i = 0; i < 64; i++) a[i] = 1;
    for (int i = 0; i < 16; i++) x[i] = y[i] = y0[i] = 1;
    const char *fu = uplo == CblasUpper ? "U" : uplo == CblasLower ? "L" : "*";
    static const char *const base[] = {HERM ? "HEMV" : "SYMV", HERM ? "HBMV" : "SBMV", HERM ? "HPMV" : "SPMV"};
    char fname[16], cname[20];
    snprintf(fname, sizeof fname, "%s%s", SB_UPPER, base[kind]);
    snprintf(cname, sizeof cname, "cblas_%c%s", SB_UPPER[0] + 32, base[kind]);
    for (char *p = cname + 7; *p; p++) *p = (char)(*p + 32);
    sbt_xerbla_reset();
#if HERM
    if (api == API_F77) {
        if (kind == K_FULL) SB_F77(hemv)(fu, &n, &one_, a, &lda, x, &incx, &one_, y, &incy);
        else if (kind == K_BAND) SB_F77(hbmv)(fu, &n, &k, &one_, a, &lda, x, &incx, &one_, y, &incy);
        else SB_F77(hpmv)(fu, &n, &one_, a, x, &incx, &one_, y, &incy);
    } else {
        if (kind == K_FULL) SB_CBLAS(hemv)((CBLAS_LAYOUT)lay, (CBLAS_UPLO)uplo, n, &one_, a, lda, x, incx, &one_, y, incy);
        else if (kind == K_BAND)
            SB_CBLAS(hbmv)((CBLAS_LAYOUT)lay, (CBLAS_UPLO)uplo, n, k, &one_, a, lda, x, incx, &one_, y, incy);
        else SB_CBLAS(hpmv)((CBLAS_LAYOUT)lay, (CBLAS_UPLO)uplo, n, &one_, a, x, incx, &one_, y, incy);
    }
#else
    if (api == API_F77) {
        if (kind == K_FULL) SB_F77(symv)(fu, &n, &one_, a, &lda, x, &incx, &one_, y, &incy);
        else if (kind == K_BAND) SB_F77(sbmv)(fu, &n, &k, &one_, a, &lda, x, &incx, &one_, y, &incy);
        else SB_F77(spmv)(fu, &n, &one_, a, x, &incx, &one_, y, &incy);
    } else {
        if (kind == K_FULL) SB_CBLAS(symv)((CBLAS_LAYOUT)lay, (CBLAS_UPLO)uplo, n, one_, a, lda, x, incx, one_, y, incy);
        else if (kind == K_BAND)
            SB_CBLAS(sbmv)((CBLAS_LAYOUT)lay, (CBLAS_UPLO)uplo, n, k, one_, a, lda, x, incx, one_, y, incy);
        else SB_CBLAS(spmv)((CBLAS_LAYOUT)lay, (CBLAS_UPLO)uplo, n, one_, a, x, incx, one_, y, incy);
    }
#endif
    if (want) sbt_expect_xerbla(api == API_F77 ? fname : cname, want, "argument error");
    else sbt_expect_no_xerbla("legal arguments");
    CHECK(want == 0 || memcmp(y, y0, sizeof y) == 0, "error path changed y");
}

static void errors(void)
{
    const int U = CblasUpper, L = CblasLower, C = CblasColMajor, R = CblasRowMajor;
    for (int api = 0; api < 3; api++) {
        int lay = api == API_ROW ? R : C, off = api == API_F77 ? 0 : 1; /* CBLAS: Fortran number + 1 */
        /* full: uplo 1, n 2, lda 5, incx 7, incy 10 */
        err_case(K_FULL, api, lay, 0, 0, 0, 1, 1, 1, api == API_F77 ? 1 : 2);
        err_case(K_FULL, api, lay, U, -1, 0, 1, 1, 1, 2 + off);
        err_case(K_FULL, api, lay, L, 2, 0, 1, 1, 1, 5 + off);
        err_case(K_FULL, api, lay, U, 2, 0, 2, 0, 1, 7 + off - (api == API_ROW && HERM ? 7 + off : 0));
        err_case(K_FULL, api, lay, L, 0, 0, 1, 0, 1, 7 + off);
        err_case(K_FULL, api, lay, U, 2, 0, 2, 1, 0, 10 + off);
        /* band: uplo 1, n 2, k 3, lda 6, incx 8, incy 11 */
        err_case(K_BAND, api, lay, 0, 0, 0, 1, 1, 1, api == API_F77 ? 1 : 2);
        err_case(K_BAND, api, lay, L, -1, 0, 1, 1, 1, 2 + off);
        err_case(K_BAND, api, lay, U, 0, -1, 1, 1, 1, 3 + off);
        err_case(K_BAND, api, lay, U, 0, 1, 1, 1, 1, 6 + off);
        err_case(K_BAND, api, lay, L, 0, 0, 1, 0, 1, 8 + off);
        err_case(K_BAND, api, lay, U, 0, 0, 1, 1, 0, 11 + off);
        /* packed: uplo 1, n 2, incx 6, incy 9 */
        err_case(K_PACKED, api, lay, 0, 0, 0, 1, 1, 1, api == API_F77 ? 1 : 2);
        err_case(K_PACKED, api, lay, U, -1, 0, 1, 1, 1, 2 + off);
        err_case(K_PACKED, api, lay, L, 0, 0, 1, 0, 1, 6 + off);
        err_case(K_PACKED, api, lay, U, 1, 0, 1, 1, 0, 9 + off);
    }
    err_case(K_FULL, API_COL, 99, U, 0, 0, 1, 1, 1, 1); /* bad layout */
    err_case(K_BAND, API_COL, 0, U, 0, 0, 1, 1, 1, 1);
    err_case(K_PACKED, API_COL, 5, U, 0, 0, 1, 1, 1, 1);
}

int main(void)
{
    static const int sizes[] = {0, 1, 2, 3, 5, 8, 13, 17};
    const int ns = sizeof sizes / sizeof sizes[0];
    static const blas_int ks[] = {0, 1, 2, 5, 20};
    for (int api = 0; api < 3; api++)
        for (int kind = 0; kind < 3; kind++)
            for (int upper = 0; upper < 2; upper++) {
                for (int a = 0; a < ns; a++)
                    for (int i = 0; i < L2P_NINCS; i++)
                        for (int b = 0; b < (kind == K_BAND ? 5 : 1); b++)
                            run_one(api, kind, upper, sizes[a], ks[b], (a + i + b) % 3, l2p_incs[i][0], l2p_incs[i][1],
                                    0);
                for (int s = 1; s <= 3; s++) run_one(api, kind, upper, 9, 3, 1, -1, 2, s);
                run_one(api, kind, upper, 300, 17, 3, 1, 1, 0);
                run_one(api, kind, upper, 201, 4, 0, -2, -1, 0);
            }
#if HERM
    /* row-major with incX = 0 and N > 0: reference CBLAS uses a unit-stride conjugated copy of x,
     * so x is a constant vector there */
    for (int kind = 0; kind < 3; kind++) run_one(API_ROW, kind, 1, 5, 2, 0, 0, 1, 0);
#endif
    errors();
    return sbt_finish("level2_products_symv_" SB_UPPER);
}
