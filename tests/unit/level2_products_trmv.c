/* ?trmv/?tbmv/?tpmv against a plain oracle: uplo x trans x diag, full/band/packed storage,
 * sizes 0..large, lda > n, negative increments, Fortran ABI and CBLAS in both layouts,
 * argument errors with the reference numbers, and the reference's NaN behaviour (the N form
 * skips a column whose x element is zero, the T form does not). The other triangle, the unused
 * band corners and (unit diagonal) the diagonal hold NaN: reading them shows as a wrong x. */
#include "level2_products_test.h"

enum { K_FULL = 0, K_BAND = 1, K_PACKED = 2 };
static const char *const kind_name[] = {"trmv", "tbmv", "tpmv"};
static const CBLAS_TRANSPOSE cb_trans[] = {CblasNoTrans, CblasTrans, CblasConjTrans};
static const char *const f_trans[] = {"n", "T", "c"};

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

static void call(int kind, int api, const char *ul, const char *tr, const char *dg, int lay, int cul, int ctr, int cdg,
                 blas_int n, blas_int k, const sb_t *a, blas_int lda, sb_t *x, blas_int incx)
{
    if (api == API_F77) {
        if (kind == K_FULL) SB_F77(trmv)(ul, tr, dg, &n, a, &lda, x, &incx);
        else if (kind == K_BAND) SB_F77(tbmv)(ul, tr, dg, &n, &k, a, &lda, x, &incx);
        else SB_F77(tpmv)(ul, tr, dg, &n, a, x, &incx);
    } else {
        CBLAS_LAYOUT l = (CBLAS_LAYOUT)lay;
        CBLAS_UPLO u = (CBLAS_UPLO)cul;
        CBLAS_TRANSPOSE t = (CBLAS_TRANSPOSE)ctr;
        CBLAS_DIAG d = (CBLAS_DIAG)cdg;
        if (kind == K_FULL) SB_CBLAS(trmv)(l, u, t, d, n, a, lda, x, incx);
        else if (kind == K_BAND) SB_CBLAS(tbmv)(l, u, t, d, n, k, a, lda, x, incx);
        else SB_CBLAS(tpmv)(l, u, t, d, n, a, x, incx);
    }
}

static void run_one(int api, int kind, int upper, int op, int unit, blas_int n, blas_int k, int ldextra, blas_int incx)
{
    int supper = api == API_ROW ? !upper : upper; /* the stored column-major triangle */
    blas_int lda = (kind == K_FULL ? L2P_MAX(1, n) : k + 1) + ldextra;
    sbt_mat A;
    if (kind == K_PACKED) A = sbt_mat_new(n * (n + 1) / 2, 1, n * (n + 1) / 2);
    else A = sbt_mat_new(kind == K_BAND ? lda : n, n, lda);
    long slots = kind == K_PACKED ? (long)n * (n + 1) / 2 : (long)lda * n;
    char *used = calloc((size_t)slots + 1, 1);
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < n; i++) {
            long s = stored_index(kind, supper, n, k, lda, i, j);
            if (s >= 0 && !(unit && i == j)) used[s] = 1;
        }
    for (long s = 0; s < slots; s++)
        if (!used[s] && (kind == K_PACKED || s % lda < (kind == K_BAND ? lda : n))) A.a[s] = sbt_nan();
    free(used);
    /* keep the products well scaled: diagonal near 1 */
    for (blas_int j = 0; j < n && !unit; j++) A.a[stored_index(kind, supper, n, k, lda, j, j)] += 1;
    sbt_mat_snapshot(&A);
    sbt_vec x = sbt_vec_new(n, incx);

    sb_t *want = malloc(sizeof(sb_t) * (size_t)(n + 1));
    double *scale = malloc(sizeof(double) * (size_t)(n + 1));
    for (blas_int r = 0; r < n; r++) {
        sb_t s = 0;
        double sa = 0;
        for (blas_int c = 0; c < n; c++) {
            blas_int i = op == 0 ? r : c, j = op == 0 ? c : r; /* element (i, j) of the caller's A */
            if (upper ? i > j : i < j) continue;
            sb_t a;
            if (i == j && unit) a = 1;
            else {
                long idx = api == API_ROW ? stored_index(kind, supper, n, k, lda, j, i)
                                          : stored_index(kind, supper, n, k, lda, i, j);
                a = idx < 0 ? (sb_t)0 : A.copy[SBT_GUARD + idx];
            }
            if (op == 2) a = sb_conj(a);
            s += a * sbt_vec_orig(&x, c);
            sa += (double)sb_abs1(a) * (double)sb_abs1(sbt_vec_orig(&x, c));
        }
        want[r] = s;
        scale[r] = sa;
    }
    const char *ul = upper ? "u" : "L", *dg = unit ? "u" : "N";
    sbt_xerbla_reset();
    call(kind, api, ul, f_trans[op], dg, api == API_ROW ? CblasRowMajor : CblasColMajor,
         upper ? CblasUpper : CblasLower, cb_trans[op], unit ? CblasUnit : CblasNonUnit, n, k, A.a, lda, x.v, incx);
    sbt_expect_no_xerbla(kind_name[kind]);
    CHECK(sbt_vec_matches(&x, want, scale, 4.0 * (n + 4) * SBT_EPS),
          "%s %s uplo=%s trans=%s diag=%s n=%d k=%d ldx=%d incx=%d: wrong x", kind_name[kind], api_name[api], ul,
          f_trans[op], dg, (int)n, (int)k, ldextra, (int)incx);
    CHECK(sbt_vec_guards_intact(&x), "%s %s n=%d: wrote outside x", kind_name[kind], api_name[api], (int)n);
    CHECK(sbt_mat_untouched(&A), "%s %s n=%d: changed A", kind_name[kind], api_name[api], (int)n);
    free(want);
    free(scale);
    sbt_mat_free(&A);
    sbt_vec_free(&x);
}

/* Reference 3.11: the N form skips column j (diagonal included) when x(j) = 0; T does not. */
static void nan_behaviour(void)
{
    blas_int n = 2, one = 1, k = 1, ld2 = 2;
    for (int kind = 0; kind < 3; kind++) {
        /* upper, A(0,0) = NaN, A(0,1) = 2, A(1,1) = 3; x = (0, 1) */
        sb_t full[4] = {sbt_nan(), 7, 2, 3}, band[4] = {7, sbt_nan(), 2, 3}, pk[3] = {sbt_nan(), 2, 3};
        const sb_t *a = kind == K_FULL ? full : kind == K_BAND ? band : pk;
        sb_t x[2] = {0, 1};
        call(kind, API_F77, "U", "N", "N", 0, 0, 0, 0, n, k, a, ld2, x, one);
        CHECK(sb_creal(x[0]) == 2 && sb_creal(x[1]) == 3, "%s N: x(0) = 0 must skip column 0 (NaN diagonal)",
              kind_name[kind]);
        x[0] = 0;
        x[1] = 1;
        call(kind, API_F77, "U", "T", "N", 0, 0, 0, 0, n, k, a, ld2, x, one);
        CHECK(x[0] != x[0], "%s T: NaN diagonal times x(0) = 0 must give NaN", kind_name[kind]);
    }
}

static void err_case(int kind, int api, int lay, int uplo, int tr, int dg, blas_int n, blas_int k, blas_int lda,
                     blas_int incx, blas_int want)
{
    sb_t a[64], x[16], x0[16];
    for (int i = 0; i < 64; i++) a[i] = 1;
    for (int i = 0; i < 16; i++) x[i] = x0[i] = 1;
    const char *fu = uplo == CblasUpper ? "U" : uplo == CblasLower ? "L" : "/";
    const char *ft = tr == CblasNoTrans ? "N" : tr == CblasTrans ? "T" : tr == CblasConjTrans ? "C" : "X";
    const char *fd = dg == CblasUnit ? "U" : dg == CblasNonUnit ? "N" : "A";
    char fname[16], cname[20];
    snprintf(fname, sizeof fname, "%s%s", SB_UPPER, kind == K_FULL ? "TRMV" : kind == K_BAND ? "TBMV" : "TPMV");
    snprintf(cname, sizeof cname, "cblas_%c%s", SB_UPPER[0] + 32, kind_name[kind]);
    sbt_xerbla_reset();
    call(kind, api, fu, ft, fd, lay, uplo, tr, dg, n, k, a, lda, x, incx);
    sbt_expect_xerbla(api == API_F77 ? fname : cname, want, "argument error");
    CHECK(memcmp(x, x0, sizeof x) == 0, "error path changed x");
}

static void errors(void)
{
    const int U = CblasUpper, L = CblasLower, N = CblasNoTrans, T = CblasTrans, NU = CblasNonUnit, UN = CblasUnit;
    for (int api = 0; api < 3; api++) {
        int lay = api == API_ROW ? CblasRowMajor : CblasColMajor, off = api == API_F77 ? 0 : 1;
        for (int kind = 0; kind < 3; kind++) {
            /* uplo 1, trans 2, diag 3 (CBLAS: 2, 3, 4) */
            err_case(kind, api, lay, 0, N, NU, 0, 0, 1, 1, 1 + off);
            err_case(kind, api, lay, U, 0, NU, 0, 0, 1, 1, 2 + off);
            err_case(kind, api, lay, L, T, 0, 0, 0, 1, 1, 3 + off);
            err_case(kind, api, lay, U, CblasConjTrans, UN, -1, 0, 1, 1, 4 + off);
            if (kind == K_FULL) { /* lda 6, incx 8 */
                err_case(kind, api, lay, U, N, NU, 2, 0, 1, 1, 6 + off);
                err_case(kind, api, lay, L, T, UN, 0, 0, 1, 0, 8 + off);
            } else if (kind == K_BAND) { /* k 5, lda 7, incx 9 */
                err_case(kind, api, lay, U, N, NU, 0, -1, 1, 1, 5 + off);
                err_case(kind, api, lay, L, T, NU, 0, 2, 2, 1, 7 + off);
                err_case(kind, api, lay, L, CblasConjTrans, UN, 0, 0, 1, 0, 9 + off);
            } else { /* incx 7 */
                err_case(kind, api, lay, U, CblasConjTrans, UN, 2, 0, 1, 0, 7 + off);
            }
        }
    }
    for (int kind = 0; kind < 3; kind++) err_case(kind, API_COL, 3, CblasUpper, CblasNoTrans, CblasUnit, 0, 0, 1, 1, 1);
}

/* The same rule in the blocked full-storage product (blocks of 64 elements, the strips beside them
 * by gemv): A = I but for two columns j with x(j) = 0 holding Inf off the diagonal all along the
 * triangle (through their own block and the strip beyond it) and NaN on it; x must come back
 * unchanged. Both triangles, both signs of incx; packed also at n = 1100, where the N form goes
 * by four groups of columns (tpmv.c): column 70 in the first, which works on x itself, and 900 in
 * a later one, which sums apart. */
static void nan_behaviour_blocked_n(blas_int n, blas_int z1, int packed_only);
static void nan_behaviour_blocked(void)
{
    nan_behaviour_blocked_n(200, 150, 0);
    nan_behaviour_blocked_n(1100, 900, 1);
}

static void nan_behaviour_blocked_n(blas_int n, blas_int z1, int packed_only)
{
    const blas_int zc[2] = {70, z1};
    sb_t *a = malloc(sizeof(sb_t) * (size_t)n * n), *x = malloc(sizeof(sb_t) * (size_t)n * 2);
    sb_t *ap = malloc(sizeof(sb_t) * (size_t)n * (n + 1) / 2);
    for (int packed = packed_only; packed < 2; packed++) /* tpmv: the copy path from n = 128 on */
    for (int upper = 0; upper < 2; upper++)
        for (int s = 0; s < 2; s++) {
            blas_int incx = s ? -2 : 1, ax = s ? 2 : 1;
            for (size_t q = 0; q < (size_t)n * n; q++) a[q] = 0;
            for (blas_int j = 0; j < n; j++) a[j + (size_t)j * n] = 1;
            for (int z = 0; z < 2; z++) {
                blas_int j = zc[z];
                for (blas_int i = upper ? 0 : j + 1; i < (upper ? j : n); i++) a[i + (size_t)j * n] = (sb_t)INFINITY;
                a[j + (size_t)j * n] = sbt_nan();
            }
            /* logical element i at x[(incx < 0 ? n - 1 - i : i) * |incx|] */
            for (blas_int i = 0; i < n; i++) x[(s ? n - 1 - i : i) * ax] = (i == zc[0] || i == zc[1]) ? 0 : 1;
            size_t q = 0;
            for (blas_int j = 0; j < n; j++)
                for (blas_int i = upper ? 0 : j; i <= (upper ? j : n - 1); i++) ap[q++] = a[i + (size_t)j * n];
            if (packed) call(K_PACKED, API_F77, upper ? "U" : "L", "N", "N", 0, 0, 0, 0, n, 0, ap, 0, x, incx);
            else call(K_FULL, API_F77, upper ? "U" : "L", "N", "N", 0, 0, 0, 0, n, 0, a, n, x, incx);
            int ok = 1;
            for (blas_int i = 0; i < n; i++)
                if (x[(s ? n - 1 - i : i) * ax] != ((i == zc[0] || i == zc[1]) ? 0 : 1)) ok = 0;
            CHECK(ok, "%s n=%d %s N incx=%d: a zero x(j) did not skip column j (or its NaN diagonal) in the blocked "
                  "product", packed ? "tpmv" : "trmv", (int)n, upper ? "U" : "L", (int)incx);
        }
    free(ap);
    free(a);
    free(x);
}

int main(void)
{
    static const int sizes[] = {0, 1, 2, 3, 5, 8, 13, 17};
    const int ns = sizeof sizes / sizeof sizes[0];
    static const blas_int ks[] = {0, 1, 3, 20};
    static const blas_int incs[] = {1, -1, 2, -3};
    for (int api = 0; api < 3; api++)
        for (int kind = 0; kind < 3; kind++)
            for (int upper = 0; upper < 2; upper++)
                for (int op = 0; op < 3; op++)
                    for (int unit = 0; unit < 2; unit++) {
                        for (int a = 0; a < ns; a++)
                            for (int i = 0; i < 4; i++)
                                for (int b = 0; b < (kind == K_BAND ? 4 : 1); b++)
                                    run_one(api, kind, upper, op, unit, sizes[a], ks[b], (a + i + b) % 3, incs[i]);
                        run_one(api, kind, upper, op, unit, 300, 25, 2, -2);
                    }
    nan_behaviour();
    nan_behaviour_blocked();
    errors();
    return sbt_finish("level2_products_trmv_" SB_UPPER);
}
