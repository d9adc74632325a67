/* Rank-1 and rank-2 updates against a plain oracle: ?ger (s, d), ?geru/?gerc (c, z), ?syr/?her,
 * ?spr/?hpr, ?syr2/?her2, ?spr2/?hpr2.  Fortran ABI, CBLAS column- and row-major; sizes 0, 1, odd,
 * 300; negative increments; lda > rows with guard bands (padding rows and the other triangle
 * never written); alpha = 0 quick returns; the reference rule that her/hpr/her2/hpr2 make every
 * diagonal element real (also where x(j) = 0); columns with y(j) = 0 (x(j) = 0) skipped as in
 * the reference; argument errors with the reference parameter numbers. */
#include "test_prec.h"
#include "cblas.h"

#if SB_IS_COMPLEX
#define R1 her
#define P1 hpr
#define R2 her2
#define P2 hpr2
#define HERM 1
typedef sb_r r1alpha_t;
#define CA(a) (&(a)) /* CBLAS complex scalar */
void SB_F77(geru)(const blas_int *, const blas_int *, const sb_t *, const sb_t *, const blas_int *, const sb_t *,
                  const blas_int *, sb_t *, const blas_int *);
void SB_F77(gerc)(const blas_int *, const blas_int *, const sb_t *, const sb_t *, const blas_int *, const sb_t *,
                  const blas_int *, sb_t *, const blas_int *);
#else
#define R1 syr
#define P1 spr
#define R2 syr2
#define P2 spr2
#define HERM 0
typedef sb_t r1alpha_t;
#define CA(a) (a)
void SB_F77(ger)(const blas_int *, const blas_int *, const sb_t *, const sb_t *, const blas_int *, const sb_t *,
                 const blas_int *, sb_t *, const blas_int *);
#endif
void SB_F77(R1)(const char *, const blas_int *, const r1alpha_t *, const sb_t *, const blas_int *, sb_t *,
                const blas_int *);
void SB_F77(P1)(const char *, const blas_int *, const r1alpha_t *, const sb_t *, const blas_int *, sb_t *);
void SB_F77(R2)(const char *, const blas_int *, const sb_t *, const sb_t *, const blas_int *, const sb_t *,
                const blas_int *, sb_t *, const blas_int *);
void SB_F77(P2)(const char *, const blas_int *, const sb_t *, const sb_t *, const blas_int *, const sb_t *,
                const blas_int *, sb_t *);

#define STR_(x) #x
#define STR(x) STR_(x)
#define CN(x) "cblas_" STR(SB_P) STR(x)

enum { API_F77, API_COL, API_ROW };
static const char *api_name[] = {"f77", "cblas-col", "cblas-row"};
static const blas_int incs[] = {1, 2, -1, -3};

/* ------------------------------------------------------------------ ger / geru / gerc */

/* conjy: gerc (complex only). */
static void call_ger(int api, int conjy, blas_int m, blas_int n, sb_t alpha, const sb_t *x, blas_int incx,
                     const sb_t *y, blas_int incy, sb_t *a, blas_int lda)
{
    CBLAS_LAYOUT lay = api == API_ROW ? CblasRowMajor : CblasColMajor;
#if SB_IS_COMPLEX
    if (api == API_F77) {
        if (conjy) SB_F77(gerc)(&m, &n, &alpha, x, &incx, y, &incy, a, &lda);
        else SB_F77(geru)(&m, &n, &alpha, x, &incx, y, &incy, a, &lda);
    } else if (conjy) {
        SB_CBLAS(gerc)(lay, m, n, &alpha, x, incx, y, incy, a, lda);
    } else {
        SB_CBLAS(geru)(lay, m, n, &alpha, x, incx, y, incy, a, lda);
    }
#else
    (void)conjy;
    if (api == API_F77) SB_F77(ger)(&m, &n, &alpha, x, &incx, y, &incy, a, &lda);
    else SB_CBLAS(ger)(lay, m, n, alpha, x, incx, y, incy, a, lda);
#endif
}

static void check_ger(int api, int conjy, blas_int m, blas_int n, blas_int incx, blas_int incy, blas_int pad,
                      sb_t alpha)
{
    int rm = api == API_ROW;
    blas_int rows = rm ? n : m, cols = rm ? m : n; /* the column-major view of the storage */
    blas_int lda = rows + pad;
    if (lda < 1) lda = 1;
    sbt_mat A = sbt_mat_new(rows, cols, lda);
    sbt_vec x = sbt_vec_new(m, incx), y = sbt_vec_new(n, incy);
    call_ger(api, conjy, m, n, alpha, x.v, incx, y.v, incy, A.a, lda);
    int ok = 1;
    for (blas_int i = 0; i < m; i++)
        for (blas_int j = 0; j < n; j++) {
            size_t off = rm ? (size_t)j + (size_t)i * lda : (size_t)i + (size_t)j * lda;
            sb_t a0 = A.copy[SBT_GUARD + off];
            sb_t yj = sbt_vec_orig(&y, j);
            if (conjy) yj = sb_conj(yj);
            sb_t want = alpha == 0 ? a0 : a0 + alpha * sbt_vec_orig(&x, i) * yj;
            if (!sbt_close(A.a[off], want, 4.0, 4 * SBT_EPS)) ok = 0;
            if (alpha == 0 && memcmp(&A.a[off], &a0, sizeof a0) != 0) ok = 0;
        }
    CHECK(ok, "ger%s values %s m=%d n=%d incx=%d incy=%d pad=%d", conjy ? "c" : "u", api_name[api], (int)m, (int)n,
          (int)incx, (int)incy, (int)pad);
    CHECK(sbt_mat_guards_intact(&A, NULL, NULL), "ger wrote outside A (%s m=%d n=%d lda=%d)", api_name[api],
          (int)m, (int)n, (int)lda);
    CHECK(sbt_vec_guards_intact(&x) && sbt_vec_guards_intact(&y) &&
              memcmp(x.buf, x.copy, x.total * sizeof(sb_t)) == 0 && memcmp(y.buf, y.copy, y.total * sizeof(sb_t)) == 0,
          "ger changed x or y");
    sbt_mat_free(&A);
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

/* y(j) = 0 skips column j as in the reference: an infinite x(i) must not turn A(i,j) into NaN. */
static void check_ger_zero_column(int api)
{
    blas_int m = 3, n = 3, lda = 3;
    sb_t a[9], x[3] = {1, (sb_t)INFINITY, 2}, y[3] = {1, 0, 1}, alpha = 1;
    for (int k = 0; k < 9; k++) a[k] = (sb_t)(k + 1);
    if (api == API_ROW) call_ger(api, 0, m, n, alpha, y, 1, x, 1, a, lda); /* same memory picture */
    else call_ger(api, 0, m, n, alpha, x, 1, y, 1, a, lda);
    /* logical column 1 (col-major) has y = 0: untouched, in particular a[1 + 3] = 5 stays 5. */
    CHECK(a[1 + 3] == 5 && a[0 + 3] == 4 && a[2 + 3] == 6, "ger %s: column with y(j) = 0 was touched",
          api_name[api]);
}

static void ger_errors(void)
{
    sb_t a[4] = {0}, x[2] = {0}, y[2] = {0}, alpha = 1;
    blas_int m, n, ix = 1, iy = 1, lda = 1, zero = 0;
#if SB_IS_COMPLEX
    const char *fn[2] = {SB_UPPER "GERU", SB_UPPER "GERC"};
    const char *cn[2] = {CN(geru), CN(gerc)};
    int variants = 2;
#else
    const char *fn[2] = {SB_UPPER "GER", SB_UPPER "GER"};
    const char *cn[2] = {CN(ger), CN(ger)};
    int variants = 1;
#endif
    for (int v = 0; v < variants; v++) {
        sbt_xerbla_reset();
        m = -1; n = 0;
        call_ger(API_F77, v, m, n, alpha, x, ix, y, iy, a, lda);
        sbt_expect_xerbla(fn[v], 1, "ger m<0");
        m = 0; n = -1;
        call_ger(API_F77, v, m, n, alpha, x, ix, y, iy, a, lda);
        sbt_expect_xerbla(fn[v], 2, "ger n<0");
        call_ger(API_F77, v, 0, 0, alpha, x, zero, y, iy, a, lda);
        sbt_expect_xerbla(fn[v], 5, "ger incx=0");
        call_ger(API_F77, v, 0, 0, alpha, x, ix, y, zero, a, lda);
        sbt_expect_xerbla(fn[v], 7, "ger incy=0");
        call_ger(API_F77, v, 2, 0, alpha, x, ix, y, iy, a, 1);
        sbt_expect_xerbla(fn[v], 9, "ger lda<m");
        call_ger(API_F77, v, 0, 0, 0, x, ix, y, iy, a, 1);
        sbt_expect_no_xerbla("ger m=n=0 fine");

        /* CBLAS column-major: Fortran numbers + 1 */
#if SB_IS_COMPLEX
        if (v) SB_CBLAS(gerc)((CBLAS_LAYOUT)999, 0, 0, &alpha, x, 1, y, 1, a, 1);
        else SB_CBLAS(geru)((CBLAS_LAYOUT)999, 0, 0, &alpha, x, 1, y, 1, a, 1);
#else
        SB_CBLAS(ger)((CBLAS_LAYOUT)999, 0, 0, alpha, x, 1, y, 1, a, 1);
#endif
        sbt_expect_xerbla(cn[v], 1, "cblas ger layout");
        call_ger(API_COL, v, -1, 0, alpha, x, 1, y, 1, a, 1);
        sbt_expect_xerbla(cn[v], 2, "cblas col ger m<0");
        call_ger(API_COL, v, 0, -1, alpha, x, 1, y, 1, a, 1);
        sbt_expect_xerbla(cn[v], 3, "cblas col ger n<0");
        call_ger(API_COL, v, 0, 0, alpha, x, 0, y, 1, a, 1);
        sbt_expect_xerbla(cn[v], 6, "cblas col ger incx=0");
        call_ger(API_COL, v, 0, 0, alpha, x, 1, y, 0, a, 1);
        sbt_expect_xerbla(cn[v], 8, "cblas col ger incy=0");
        call_ger(API_COL, v, 2, 0, alpha, x, 1, y, 1, a, 1);
        sbt_expect_xerbla(cn[v], 10, "cblas col ger lda<m");
        /* CBLAS row-major: the column-major call is ger(n, m, alpha, y, incy, x, incx, A, lda) */
        call_ger(API_ROW, v, -1, 0, alpha, x, 1, y, 1, a, 1);
        sbt_expect_xerbla(cn[v], 3, "cblas row ger m<0");
        call_ger(API_ROW, v, 0, -1, alpha, x, 1, y, 1, a, 1);
        sbt_expect_xerbla(cn[v], 2, "cblas row ger n<0");
        call_ger(API_ROW, v, 0, 0, alpha, x, 0, y, 1, a, 1);
        sbt_expect_xerbla(cn[v], 8, "cblas row ger incx=0");
        call_ger(API_ROW, v, 0, 0, alpha, x, 1, y, 0, a, 1);
        sbt_expect_xerbla(cn[v], 6, "cblas row ger incy=0");
        call_ger(API_ROW, v, 0, 2, alpha, x, 1, y, 1, a, 1);
        sbt_expect_xerbla(cn[v], 10, "cblas row ger lda<n");
        call_ger(API_ROW, v, 2, 0, alpha, x, 1, y, 1, a, 1);
        sbt_expect_no_xerbla("cblas row ger lda>=max(1,n)");
    }
#if SB_IS_COMPLEX
    /* row-major gerc copies conj(y) at unit stride when n > 0 (reference CBLAS): incy = 0 is
     * then legal and means "y(0) everywhere". */
    call_ger(API_ROW, 1, 2, 2, alpha, x, 1, y, 0, a, 2);
    sbt_expect_no_xerbla("cblas row gerc n>0 incy=0");
    call_ger(API_ROW, 0, 2, 2, alpha, x, 1, y, 0, a, 2);
    sbt_expect_xerbla(CN(geru), 6, "cblas row geru n>0 incy=0");
#endif
}

/* ------------------------------------------------------------------ syr / her, spr / hpr, syr2 / her2, spr2 / hpr2 */

enum { K_R1, K_P1, K_R2, K_P2 };
static const char *kind_name[] = {STR(R1), STR(P1), STR(R2), STR(P2)};

static void call_sym(int api, int kind, char uplo, blas_int n, sb_t alpha, const sb_t *x, blas_int incx,
                     const sb_t *y, blas_int incy, sb_t *a, blas_int lda)
{
    CBLAS_LAYOUT lay = api == API_ROW ? CblasRowMajor : CblasColMajor;
    CBLAS_UPLO ul = uplo == 'U' ? CblasUpper : uplo == 'L' ? CblasLower : (CBLAS_UPLO)999;
    r1alpha_t ar = (r1alpha_t)sb_creal(alpha);
    if (api == API_F77) {
        switch (kind) {
        case K_R1: SB_F77(R1)(&uplo, &n, &ar, x, &incx, a, &lda); break;
        case K_P1: SB_F77(P1)(&uplo, &n, &ar, x, &incx, a); break;
        case K_R2: SB_F77(R2)(&uplo, &n, &alpha, x, &incx, y, &incy, a, &lda); break;
        default: SB_F77(P2)(&uplo, &n, &alpha, x, &incx, y, &incy, a); break;
        }
    } else {
        switch (kind) {
        case K_R1: SB_CBLAS(R1)(lay, ul, n, ar, x, incx, a, lda); break;
        case K_P1: SB_CBLAS(P1)(lay, ul, n, ar, x, incx, a); break;
        case K_R2: SB_CBLAS(R2)(lay, ul, n, CA(alpha), x, incx, y, incy, a, lda); break;
        default: SB_CBLAS(P2)(lay, ul, n, CA(alpha), x, incx, y, incy, a); break;
        }
    }
}

typedef struct {
    int upper;
} owned_ctx;

static int owned_tri(blas_int i, blas_int j, const void *ctx)
{
    const owned_ctx *c = ctx;
    return c->upper ? i <= j : i >= j;
}

/* Memory offset of logical element (i, j) of the referenced triangle. */
static size_t sym_off(int packed, int rm, int upper, blas_int n, blas_int lda, blas_int i, blas_int j)
{
    if (rm) { /* row-major = column-major storage of the transpose, opposite triangle */
        blas_int t = i;
        i = j;
        j = t;
        upper = !upper;
    }
    if (!packed) return (size_t)i + (size_t)j * (size_t)lda;
    if (upper) return (size_t)i + (size_t)j * (size_t)(j + 1) / 2;
    return (size_t)i + (size_t)j * (size_t)(2 * n - j - 1) / 2;
}

static void check_sym(int api, int kind, char uplo, blas_int n, blas_int incx, blas_int incy, blas_int pad,
                      sb_t alpha, int zero_some_x)
{
    int rm = api == API_ROW, upper = uplo == 'U' || uplo == 'u';
    int packed = kind == K_P1 || kind == K_P2, rank2 = kind == K_R2 || kind == K_P2;
    if (!rank2) alpha = sb_creal(alpha);
    blas_int lda = n + pad;
    if (lda < 1) lda = 1;
    sbt_mat A = sbt_mat_new(n, n, lda);
    sbt_vec AP = sbt_vec_new(n * (n + 1) / 2, 1);
    sbt_vec x = sbt_vec_new(n, incx), y = sbt_vec_new(n, incy);
    if (zero_some_x) /* x(j) = 0 (and y(j) = 0) in some columns: her/hpr still make A(j,j) real */
        for (blas_int j = 0; j < n; j += 2) {
            *sbt_vec_at(&x, j) = 0;
            *sbt_vec_at(&y, j) = 0;
        }
    memcpy(x.copy, x.buf, x.total * sizeof(sb_t));
    memcpy(y.copy, y.buf, y.total * sizeof(sb_t));
    sb_t *mem = packed ? AP.v : A.a;
    const sb_t *orig = packed ? AP.copy + SBT_GUARD : A.copy + SBT_GUARD;
    call_sym(api, kind, uplo, n, alpha, x.v, incx, y.v, incy, mem, lda);
    int ok = 1, diag_ok = 1;
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = upper ? 0 : j; i < (upper ? j + 1 : n); i++) {
            size_t off = sym_off(packed, rm, upper, n, lda, i, j);
            sb_t a0 = orig[off], xi = sbt_vec_orig(&x, i), xj = sbt_vec_orig(&x, j);
            sb_t yi = sbt_vec_orig(&y, i), yj = sbt_vec_orig(&y, j);
            sb_t want;
            if (alpha == 0) {
                want = a0;
                if (memcmp(&mem[off], &a0, sizeof a0) != 0) ok = 0;
            } else if (!rank2) {
                want = a0 + alpha * xi * sb_conj(xj);
            } else {
                want = a0 + alpha * xi * sb_conj(yj) + sb_conj(alpha) * yi * sb_conj(xj);
            }
            if (HERM && i == j && alpha != 0) {
                want = sb_creal(want);
                if (sb_cimag(mem[off]) != 0) diag_ok = 0; /* exactly real */
            }
            if (!sbt_close(mem[off], want, 6.0, 6 * SBT_EPS)) ok = 0;
        }
    CHECK(ok, "%s values %s uplo=%c n=%d incx=%d incy=%d pad=%d zero=%d", kind_name[kind], api_name[api], uplo,
          (int)n, (int)incx, (int)incy, (int)pad, zero_some_x);
    CHECK(diag_ok, "%s diagonal not real %s uplo=%c n=%d", kind_name[kind], api_name[api], uplo, (int)n);
    if (packed) {
        CHECK(sbt_vec_guards_intact(&AP), "%s wrote outside AP", kind_name[kind]);
    } else {
        owned_ctx c = {upper != rm};
        CHECK(sbt_mat_guards_intact(&A, owned_tri, &c), "%s wrote outside its triangle %s uplo=%c n=%d lda=%d",
              kind_name[kind], api_name[api], uplo, (int)n, (int)lda);
    }
    CHECK(memcmp(x.buf, x.copy, x.total * sizeof(sb_t)) == 0 && memcmp(y.buf, y.copy, y.total * sizeof(sb_t)) == 0,
          "%s changed x or y", kind_name[kind]);
    sbt_mat_free(&A);
    sbt_vec_free(&AP);
    sbt_vec_free(&x);
    sbt_vec_free(&y);
}

#if !SB_IS_COMPLEX
/* Real syr/spr/syr2/spr2 skip column j when x(j) (and y(j)) = 0: an infinite x(i) elsewhere must
 * not produce NaN there. For her the same rule holds for the off-diagonal part. */
static void check_sym_zero_column(int kind)
{
    blas_int n = 3, lda = 3;
    sb_t a[9], x[3] = {1, 0, (sb_t)INFINITY}, y[3] = {1, 0, (sb_t)INFINITY}, alpha = 1;
    for (int k = 0; k < 9; k++) a[k] = (sb_t)(k + 1);
    /* lower: column 1 holds rows 1, 2 -> (1,1) at 4, (2,1) at 5 (full) / 3, 4 (packed) */
    call_sym(API_F77, kind, 'L', n, alpha, x, 1, y, 1, a, lda);
    int packed = kind == K_P1 || kind == K_P2;
    size_t off = packed ? 4 : 5;
    CHECK(a[off] == (sb_t)(off + 1), "%s: column with x(j) = 0 was updated", kind_name[kind]);
}
#endif

static void sym_errors(int kind)
{
    sb_t a[4] = {0}, x[2] = {0}, y[2] = {0}, alpha = 1;
    int packed = kind == K_P1 || kind == K_P2, rank2 = kind == K_R2 || kind == K_P2;
    char fname[16];
    snprintf(fname, sizeof fname, "%s%s", SB_UPPER, kind_name[kind]);
    char cname[24];
    snprintf(cname, sizeof cname, "cblas_%s%s", STR(SB_P), kind_name[kind]);
    blas_int lda_pos = rank2 ? 9 : 7;

    call_sym(API_F77, kind, 'X', 0, alpha, x, 1, y, 1, a, 1);
    sbt_expect_xerbla(fname, 1, "uplo");
    call_sym(API_F77, kind, 'u', -1, alpha, x, 1, y, 1, a, 1);
    sbt_expect_xerbla(fname, 2, "n<0");
    call_sym(API_F77, kind, 'l', 0, alpha, x, 0, y, 1, a, 1);
    sbt_expect_xerbla(fname, 5, "incx=0");
    if (rank2) {
        call_sym(API_F77, kind, 'U', 0, alpha, x, 1, y, 0, a, 1);
        sbt_expect_xerbla(fname, 7, "incy=0");
    }
    if (!packed) {
        call_sym(API_F77, kind, 'U', 2, alpha, x, 1, y, 1, a, 1);
        sbt_expect_xerbla(fname, lda_pos, "lda<n");
    }
    call_sym(API_F77, kind, 'U', 0, alpha, x, 1, y, 1, a, 1);
    sbt_expect_no_xerbla("n=0");

    call_sym(API_COL, kind, 'U', 0, alpha, x, 1, y, 1, a, 1);
    sbt_expect_no_xerbla("cblas n=0");
    /* invalid layout */
    {
        r1alpha_t ar = 1;
        switch (kind) {
        case K_R1: SB_CBLAS(R1)((CBLAS_LAYOUT)7, CblasUpper, 0, ar, x, 1, a, 1); break;
        case K_P1: SB_CBLAS(P1)((CBLAS_LAYOUT)7, CblasUpper, 0, ar, x, 1, a); break;
        case K_R2: SB_CBLAS(R2)((CBLAS_LAYOUT)7, CblasUpper, 0, CA(alpha), x, 1, y, 1, a, 1); break;
        default: SB_CBLAS(P2)((CBLAS_LAYOUT)7, CblasUpper, 0, CA(alpha), x, 1, y, 1, a); break;
        }
        sbt_expect_xerbla(cname, 1, "cblas layout");
    }
    for (int api = API_COL; api <= API_ROW; api++) {
        int rm = api == API_ROW;
        call_sym(api, kind, 'X', 0, alpha, x, 1, y, 1, a, 1);
        sbt_expect_xerbla(cname, 2, "cblas uplo");
        call_sym(api, kind, 'U', -1, alpha, x, 1, y, 1, a, 1);
        sbt_expect_xerbla(cname, 3, "cblas n<0");
        /* row-major hermitian rank-2 swaps x and y in the column-major call */
        int swap = rm && HERM && rank2;
        call_sym(api, kind, 'L', 0, alpha, x, 0, y, 1, a, 1);
        sbt_expect_xerbla(cname, swap ? 8 : 6, "cblas incx=0");
        if (rank2) {
            call_sym(api, kind, 'U', 0, alpha, x, 1, y, 0, a, 1);
            sbt_expect_xerbla(cname, swap ? 6 : 8, "cblas incy=0");
        }
        if (!packed) {
            call_sym(api, kind, 'U', 2, alpha, x, 1, y, 1, a, 1);
            sbt_expect_xerbla(cname, lda_pos + 1, "cblas lda<n");
        }
        /* n > 0 with a zero increment: an error except for row-major hermitian (the reference
         * copies conj(x) at unit stride first) */
        call_sym(api, kind, 'U', 2, alpha, x, 0, y, 1, a, 2);
        if (rm && HERM) sbt_expect_no_xerbla("cblas row herm incx=0 n>0");
        else sbt_expect_xerbla(cname, swap ? 8 : 6, "cblas incx=0 n>0");
    }
}

int main(void)
{
    static const sb_t zero = 0;
    /* ger / geru / gerc */
    for (int v = 0; v < 1 + SB_IS_COMPLEX; v++)
        for (int api = 0; api < 3; api++) {
            for (int s = 0; s < sbt_num_small_sizes; s++)
                for (int t = 0; t < sbt_num_small_sizes; t += 3) {
                    blas_int m = sbt_small_sizes[s], n = sbt_small_sizes[t];
                    for (int a = 0; a < 4; a++)
                        for (int b = 0; b < 4; b += (m > 8 ? 3 : 1))
                            check_ger(api, v, m, n, incs[a], incs[b], (a + b) % 3, sbt_rand_elem());
                    check_ger(api, v, n, m, 1, 1, 0, zero);
                }
            check_ger(api, v, 300, 301, 1, 1, 3, sbt_rand_elem());
            check_ger(api, v, 301, 300, -2, 3, 0, sbt_rand_elem());
            check_ger_zero_column(api);
        }
#if SB_IS_COMPLEX
    check_ger(API_ROW, 1, 5, 4, 1, 0, 1, sbt_rand_elem()); /* row-major gerc with incy = 0, n > 0 */
#endif
    ger_errors();

    /* syr/her, spr/hpr, syr2/her2, spr2/hpr2 */
    for (int kind = 0; kind < 4; kind++) {
        for (int api = 0; api < 3; api++)
            for (int u = 0; u < 2; u++) {
                char uplo = u ? 'L' : 'U';
                if (api == API_F77) uplo = u ? 'l' : 'u';
                char up = u ? 'L' : 'U';
                for (int s = 0; s < sbt_num_small_sizes; s++) {
                    blas_int n = sbt_small_sizes[s];
                    for (int a = 0; a < 4; a++)
                        for (int b = 0; b < 4; b++) {
                            if (api == API_F77) check_sym(api, kind, uplo, n, incs[a], incs[b], (a + b) % 3,
                                                          sbt_rand_elem(), 0);
                            else check_sym(api, kind, up, n, incs[a], incs[b], (a + b) % 3, sbt_rand_elem(), 0);
                        }
                    check_sym(api, kind, up, n, 1, -1, 1, sbt_rand_elem(), 1);
                    check_sym(api, kind, up, n, 1, 1, 2, zero, 0);
                }
                check_sym(api, kind, up, 300, 1, 1, 2, sbt_rand_elem(), 0);
                check_sym(api, kind, up, 300, -2, 3, 0, sbt_rand_elem(), 1);
            }
#if SB_IS_COMPLEX
        /* row-major hermitian with a zero increment and n > 0: x(0) (y(0)) everywhere */
        check_sym(API_ROW, kind, 'U', 5, 0, 0, 1, sbt_rand_elem(), 0);
        check_sym(API_ROW, kind, 'L', 4, 0, 2, 1, sbt_rand_elem(), 0);
#else
        check_sym_zero_column(kind);
#endif
        sym_errors(kind);
    }
    return sbt_finish("level2_updates_rank_" SB_UPPER);
}
