/* ?gemm against a plain triple-loop oracle: every trans combination (N/T/C), sizes 0, 1, odd and
 * crossing the MR/NR/MC/KC/NC blocking (k > KC, m > MC, n > NC), lda/ldb/ldc > rows with guard
 * bands, beta = 0 with NaN in C, alpha = 0 not reading A/B (NaN there), beta = 1 quick returns,
 * argument errors through the Fortran ABI and CBLAS (both layouts), CBLAS row-major results,
 * bitwise independence of the result from the position of a block (sub-block calls), and
 * shapes one either side of every register block (MR, NR of each kernel set) and of every KC and
 * MC the cache-size rule can give; the small-problem path over shapes around the vector widths,
 * with the packed path's bits. ctest runs it once per kernel set (SAFEBLAS_KERNEL). */
#include "test_prec.h"
#include "cblas.h"
#include "safeblas.h"


void SB_F77(gemm)(const char *transa, const char *transb, const blas_int *m, const blas_int *n, const blas_int *k,
                  const sb_t *alpha, const sb_t *a, const blas_int *lda, const sb_t *b, const blas_int *ldb,
                  const sb_t *beta, sb_t *c, const blas_int *ldc, size_t la, size_t lb);

static const char *NAME = SB_UPPER "GEMM";

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

static void fill_nan(sbt_mat *x)
{
    for (blas_int j = 0; j < x->n; j++)
        for (blas_int i = 0; i < x->m; i++) x->a[i + (size_t)j * x->ld] = nan_elem();
    sbt_mat_snapshot(x);
}

/* Call gemm through Fortran (cblas = 0), CBLAS column-major (1) or CBLAS row-major (2). For
 * row-major the same column-major matrices are passed as the transposed problem:
 * C^T = op(B)^T op(A)^T, which must give the same C. */
static void call_gemm(int api, char ta, char tb, blas_int m, blas_int n, blas_int k, sb_t alpha, sbt_mat *a,
                      sbt_mat *b, sb_t beta, sbt_mat *c)
{
    if (api == 0) {
        SB_F77(gemm)(&ta, &tb, &m, &n, &k, &alpha, a->a, &a->ld, b->a, &b->ld, &beta, c->a, &c->ld, 1, 1);
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
        SB_CBLAS(gemm)(CblasColMajor, cta, ctb, m, n, k, pa, a->a, a->ld, b->a, b->ld, pb, c->a, c->ld);
    else /* row-major view of the column-major data: C^T (n x m) = op(B)^T op(A)^T */
        SB_CBLAS(gemm)(CblasRowMajor, ctb, cta, n, m, k, pa, b->a, b->ld, a->a, a->ld, pb, c->a, c->ld);
}

/* One problem: checks values against the oracle with an error bound, and guards. */
static void check_one(int api, char ta, char tb, blas_int m, blas_int n, blas_int k, sb_t alpha, sb_t beta,
                      int nan_c, int nan_ab, int pad)
{
    blas_int ar = ta == 'N' ? m : k, ac = ta == 'N' ? k : m;
    blas_int br = tb == 'N' ? k : n, bc = tb == 'N' ? n : k;
    sbt_mat a = sbt_mat_new(ar, ac, ar + pad), b = sbt_mat_new(br, bc, br + pad), c = sbt_mat_new(m, n, m + pad);
    if (nan_c) fill_nan(&c);
    if (nan_ab) {
        fill_nan(&a);
        fill_nan(&b);
    }
    call_gemm(api, ta, tb, m, n, k, alpha, &a, &b, beta, &c);
    int ok = 1;
    for (blas_int j = 0; j < n && ok; j++)
        for (blas_int i = 0; i < m; i++) {
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
    CHECK(ok, "gemm values api=%d %c%c m=%d n=%d k=%d nan_c=%d nan_ab=%d", api, ta, tb, (int)m, (int)n, (int)k, nan_c,
          nan_ab);
    CHECK(sbt_mat_guards_intact(&c, NULL, NULL), "gemm wrote outside C: api=%d %c%c m=%d n=%d k=%d", api, ta, tb,
          (int)m, (int)n, (int)k);
    CHECK(sbt_mat_guards_intact(&a, NULL, NULL) && sbt_bytes_equal(a.buf, a.copy, a.total * sizeof(sb_t)) &&
              sbt_bytes_equal(b.buf, b.copy, b.total * sizeof(sb_t)),
          "gemm changed A or B: %c%c m=%d n=%d k=%d", ta, tb, (int)m, (int)n, (int)k);
    sbt_mat_free(&a);
    sbt_mat_free(&b);
    sbt_mat_free(&c);
}

/* C must be byte-for-byte untouched (quick returns). */
static void check_untouched(char ta, char tb, blas_int m, blas_int n, blas_int k, sb_t alpha, sb_t beta)
{
    blas_int ar = ta == 'N' ? m : k, ac = ta == 'N' ? k : m;
    blas_int br = tb == 'N' ? k : n, bc = tb == 'N' ? n : k;
    sbt_mat a = sbt_mat_new(ar, ac, ar + 1), b = sbt_mat_new(br, bc, br + 1), c = sbt_mat_new(m, n, m + 1);
    fill_nan(&c);
    for (int api = 0; api < 3; api++) {
        call_gemm(api, ta, tb, m, n, k, alpha, &a, &b, beta, &c);
        CHECK(sbt_bytes_equal(c.buf, c.copy, c.total * sizeof(sb_t)), "gemm quick return wrote C: m=%d n=%d k=%d api=%d",
              (int)m, (int)n, (int)k, api);
    }
    sbt_mat_free(&a);
    sbt_mat_free(&b);
    sbt_mat_free(&c);
}

/* The same element must get the same bits whether computed in a big call or in a sub-block call
 * (shifted row/column offsets, different tile positions): what makes threading deterministic. */
static void check_position_independence(void)
{
    blas_int m = 37, n = 29, k = 300;
    sbt_mat a = sbt_mat_new(m, k, m), b = sbt_mat_new(k, n, k), c1 = sbt_mat_new(m, n, m), c2 = sbt_mat_new(m, n, m);
    sb_t alpha = sbt_rand_elem(), beta = sbt_rand_elem();
    memcpy(c2.buf, c1.buf, c1.total * sizeof(sb_t));
    char N = 'N';
    SB_F77(gemm)(&N, &N, &m, &n, &k, &alpha, a.a, &a.ld, b.a, &b.ld, &beta, c1.a, &c1.ld, 1, 1);
    /* c2 in four uneven blocks */
    blas_int i0 = 5, j0 = 7;
    blas_int ms[2] = {i0, m - i0}, ns[2] = {j0, n - j0}, is[2] = {0, i0}, js[2] = {0, j0};
    for (int x = 0; x < 2; x++)
        for (int y = 0; y < 2; y++)
            SB_F77(gemm)(&N, &N, &ms[x], &ns[y], &k, &alpha, a.a + is[x], &a.ld, b.a + (size_t)js[y] * b.ld, &b.ld,
                         &beta, c2.a + is[x] + (size_t)js[y] * c2.ld, &c2.ld, 1, 1);
    CHECK(sbt_bytes_equal(c1.buf, c2.buf, c1.total * sizeof(sb_t)), "gemm result depends on block position");
    sbt_mat_free(&a);
    sbt_mat_free(&b);
    sbt_mat_free(&c1);
    sbt_mat_free(&c2);
}

#if !SB_IS_COMPLEX
/* The products are added to beta*C in order, one l after the other (alpha*B(l,j) rounded first,
 * as the reference orders it): so C computed in two calls split along k, the second with beta = 1,
 * has the same bits as one call, for any alpha and whichever kernel (small unpacked or packed)
 * each call takes. (Complex kernels add the imaginary parts' products as a separate sum.) */
static void check_k_split(void)
{
    blas_int m = 37, n = 29, k = 300, k1 = 123, k2 = k - 123;
    sb_t alphas[3] = {1, -1, sbt_rand_elem()};
    char tbs[2] = {'N', 'T'};
    for (int ai = 0; ai < 3; ai++)
        for (int ti = 0; ti < 4; ti++) {
            char N = 'N', tb = tbs[ti % 2], ta = ti < 2 ? 'N' : 'T'; /* ta: the small calls' op(A) */
            blas_int br = tb == 'N' ? k : n, bc = tb == 'N' ? n : k;
            sbt_mat a = sbt_mat_new(m, k, m), b = sbt_mat_new(br, bc, br), c1 = sbt_mat_new(m, n, m),
                    c2 = sbt_mat_new(m, n, m);
            sb_t alpha = alphas[ai], beta = sbt_rand_elem(), one = 1;
            memcpy(c2.buf, c1.buf, c1.total * sizeof(sb_t));
            SB_F77(gemm)(&N, &tb, &m, &n, &k, &alpha, a.a, &a.ld, b.a, &b.ld, &beta, c1.a, &c1.ld, 1, 1);
            const sb_t *b2 = tb == 'N' ? b.a + k1 : b.a + (size_t)k1 * b.ld; /* op(B) from row k1 on */
            SB_F77(gemm)(&N, &tb, &m, &n, &k1, &alpha, a.a, &a.ld, b.a, &b.ld, &beta, c2.a, &c2.ld, 1, 1);
            SB_F77(gemm)(&N, &tb, &m, &n, &k2, &alpha, a.a + (size_t)k1 * a.ld, &a.ld, b2, &b.ld, &one, c2.a, &c2.ld,
                         1, 1);
            CHECK(sbt_bytes_equal(c1.buf, c2.buf, c1.total * sizeof(sb_t)),
                  "gemm split along k differs from one call: alpha %g, op(B) %c", (double)alpha, tb);
            /* and a small one (the unpacked kernel; op(A) = A^T copied first) split unevenly */
            blas_int ms = 6, ns = 5, ks = 40, ks1 = 17, ks2 = 23;
            blas_int lda = ta == 'N' ? a.ld : ks + 1; /* A's storage seen as ks + 1 rows for A^T */
            memcpy(c2.buf, c1.buf, c1.total * sizeof(sb_t));
            SB_F77(gemm)(&ta, &tb, &ms, &ns, &ks, &alpha, a.a, &lda, b.a, &b.ld, &beta, c1.a, &c1.ld, 1, 1);
            const sb_t *bs2 = tb == 'N' ? b.a + ks1 : b.a + (size_t)ks1 * b.ld;
            const sb_t *as2 = ta == 'N' ? a.a + (size_t)ks1 * lda : a.a + ks1; /* op(A) from column ks1 on */
            SB_F77(gemm)(&ta, &tb, &ms, &ns, &ks1, &alpha, a.a, &lda, b.a, &b.ld, &beta, c2.a, &c2.ld, 1, 1);
            SB_F77(gemm)(&ta, &tb, &ms, &ns, &ks2, &alpha, as2, &lda, bs2, &b.ld, &one, c2.a, &c2.ld, 1, 1);
            CHECK(sbt_bytes_equal(c1.buf, c2.buf, c1.total * sizeof(sb_t)),
                  "small gemm split along k differs from one call: alpha %g, op(A) %c, op(B) %c", (double)alpha, ta,
                  tb);
            sbt_mat_free(&a);
            sbt_mat_free(&b);
            sbt_mat_free(&c1);
            sbt_mat_free(&c2);
        }
}
#endif

/* The small-problem path (an unpacked kernel; op(A) other than A copied first) against the
 * oracle: every trans pair, m from 1 to 49 (either side of one, two and three vectors of every
 * set: 2, 4, 8, 16 elements; avx512 takes the last three vectors as one block where blocks of two
 * would leave 2 + 1) and 63-65, 79-81 (five vectors of 16 floats), n either side of the column blocks (1, 2, 4, 8), lda/ldb/ldc > rows with
 * guard bands, alpha +-1 and any, beta 0 (NaN in C), 1 and any. */
static void check_small_shapes(void)
{
    static const char tr[3] = {'N', 'T', 'C'};
    static const blas_int ns[] = {1, 2, 3, 4, 5, 7, 8, 9, 12, 16, 17};
    int x = 0;
    for (blas_int m = 1; m <= 81; m = m == 49 ? 63 : m == 65 ? 79 : m + 1)
        for (int s = 0; s < (int)(sizeof ns / sizeof ns[0]); s++, x++) {
            blas_int n = ns[s], k = 1 + (m * 7 + n * 3) % 19;
            sb_t alpha = x % 3 == 0 ? 1 : x % 3 == 1 ? -1 : sbt_rand_elem();
            int bsel = (x / 3) % 3;
            sb_t beta = bsel == 0 ? 0 : bsel == 1 ? 1 : sbt_rand_elem();
            check_one(x % 3, tr[x % 3], tr[(x / 3) % 3], m, n, k, alpha, beta, bsel == 0, 0, x % 4);
        }
}

/* A block of C gets the same bits in any call: one call on the whole (packed: too big for the
 * small path) against calls on blocks small enough for it, for every trans pair and alpha +-1
 * or any, with k crossing the rounds of four steps of the microkernels (complex: their joins of
 * the imaginary parts' sums). Blocks of 5, 40, 22 and 63 rows: 40 and 22 end in the small
 * kernel's block of three vectors (masked or not) in the avx512 set's precisions. */
static void check_small_matches_packed(void)
{
    static const char tr[3] = {'N', 'T', 'C'};
    static const blas_int ks[3] = {100, 9, 64};
    blas_int m = 130, n = 130, cut_m[5] = {0, 5, 45, 67, 130}, cut_n[4] = {0, 7, 69, 130}; /* whole: 130^2 k > 100^3 */
    for (int x = 0; x < 9; x++) {
        char ta = tr[x % 3], tb = tr[x / 3];
        blas_int k = ks[x % 3];
        blas_int ar = ta == 'N' ? m : k, ac = ta == 'N' ? k : m, br = tb == 'N' ? k : n, bc = tb == 'N' ? n : k;
        sbt_mat a = sbt_mat_new(ar, ac, ar + 1), b = sbt_mat_new(br, bc, br + 2), c1 = sbt_mat_new(m, n, m + 1),
                c2 = sbt_mat_new(m, n, m + 1);
        sb_t alpha = x % 3 == 0 ? 1 : x % 3 == 1 ? -1 : sbt_rand_elem(), beta = x % 2 ? sbt_rand_elem() : 1;
        memcpy(c2.buf, c1.buf, c1.total * sizeof(sb_t));
        SB_F77(gemm)(&ta, &tb, &m, &n, &k, &alpha, a.a, &a.ld, b.a, &b.ld, &beta, c1.a, &c1.ld, 1, 1);
        for (int p = 0; p < 4; p++)
            for (int q = 0; q < 3; q++) {
                blas_int i0 = cut_m[p], j0 = cut_n[q], mb = cut_m[p + 1] - i0, nb = cut_n[q + 1] - j0;
                const sb_t *ab = ta == 'N' ? a.a + i0 : a.a + (size_t)i0 * a.ld;
                const sb_t *bb = tb == 'N' ? b.a + (size_t)j0 * b.ld : b.a + j0;
                SB_F77(gemm)(&ta, &tb, &mb, &nb, &k, &alpha, ab, &a.ld, bb, &b.ld, &beta,
                             c2.a + i0 + (size_t)j0 * c2.ld, &c2.ld, 1, 1);
            }
        CHECK(sbt_bytes_equal(c1.buf, c2.buf, c1.total * sizeof(sb_t)),
              "small gemm gives other bits than packed: %c%c k=%d alpha %g", ta, tb, (int)k, (double)sb_creal(alpha));
        sbt_mat_free(&a);
        sbt_mat_free(&b);
        sbt_mat_free(&c1);
        sbt_mat_free(&c2);
    }
}

/* op(A) transposed or conjugated with m and k up to 17 (the avx512 and avx2 sets' small_t copy
 * op(A) themselves, by register transposes of 4, 8 and 16 wide tiles): the bytes of the same call with
 * transa 'N' on op(A) copied here (the small kernel on a copy, the path's contract), C's guard
 * bands included, every transb, alpha +-1 and any, beta 0 (NaN in C), 1 and any. */
static void check_small_t_matches_copy(void)
{
    static const char tr[2] = {'T', 'C'}, trb[3] = {'N', 'T', 'C'};
    static const blas_int ns[] = {1, 3, 8, 9};
    int x = 0;
    for (blas_int m = 1; m <= 17; m++)
        for (blas_int k = 1; k <= 17; k++)
            for (int s = 0; s < 4; s++, x++) {
                char ta = tr[x % 2], tb = trb[(x / 2) % 3], nt = 'N';
                blas_int n = ns[s], br = tb == 'N' ? k : n, bc = tb == 'N' ? n : k;
                sbt_mat a = sbt_mat_new(k, m, k + 3), oa = sbt_mat_new(m, k, m + 1), b = sbt_mat_new(br, bc, br + 1),
                        c1 = sbt_mat_new(m, n, m + 2), c2 = sbt_mat_new(m, n, m + 2);
                for (blas_int i = 0; i < m; i++)
                    for (blas_int l = 0; l < k; l++) oa.a[i + (size_t)l * oa.ld] = op_elem(ta, &a, i, l);
                sb_t alpha = x % 3 == 0 ? 1 : x % 3 == 1 ? -1 : sbt_rand_elem();
                int bsel = (x / 5) % 3;
                sb_t beta = bsel == 0 ? 0 : bsel == 1 ? 1 : sbt_rand_elem();
                if (bsel == 0) fill_nan(&c1);
                memcpy(c2.buf, c1.buf, c1.total * sizeof(sb_t));
                SB_F77(gemm)(&ta, &tb, &m, &n, &k, &alpha, a.a, &a.ld, b.a, &b.ld, &beta, c1.a, &c1.ld, 1, 1);
                SB_F77(gemm)(&nt, &tb, &m, &n, &k, &alpha, oa.a, &oa.ld, b.a, &b.ld, &beta, c2.a, &c2.ld, 1, 1);
                CHECK(sbt_bytes_equal(c1.buf, c2.buf, c1.total * sizeof(sb_t)),
                      "small gemm on op(A) %c gives other bytes than on its copy: m=%d n=%d k=%d tb=%c", ta, (int)m,
                      (int)n, (int)k, tb);
                sbt_mat_free(&a);
                sbt_mat_free(&oa);
                sbt_mat_free(&b);
                sbt_mat_free(&c1);
                sbt_mat_free(&c2);
            }
}

#if !SB_IS_COMPLEX
/* Real op(A) = A on one thread: the avx512 set's small kernel takes every side up to 152 (d) or
 * 208 (s), 208 and 288 where L2 has 2 MiB (kernel_table.c's small_max), packing takes larger ones and any on two threads (gemm_small.h). Either side of those
 * switch points and the 100^3 one, one call on the whole at one and at two threads against calls
 * on blocks of at most 64 x 64 (always the small kernel where a set has one): the same bits. */
static void check_one_thread_switch(void)
{
    static const blas_int sizes[] = {100, 101, 152, 153, 208, 209, 288, 289};
    int before = safeblas_get_num_threads();
    for (int x = 0; x < (int)(sizeof sizes / sizeof sizes[0]); x++) {
        blas_int n = sizes[x], m = n + (x % 2 ? 0 : -1), k = n - (x % 3 == 2);
        char N = 'N', tb = x % 2 ? 'T' : 'N';
        sbt_mat a = sbt_mat_new(m, k, m + 1), b = tb == 'N' ? sbt_mat_new(k, n, k + 2) : sbt_mat_new(n, k, n + 2),
                c1 = sbt_mat_new(m, n, m + 1), c2 = sbt_mat_new(m, n, m + 1), c3 = sbt_mat_new(m, n, m + 1);
        sb_t alpha = x % 3 == 0 ? 1 : x % 3 == 1 ? -1 : sbt_rand_elem(), beta = sbt_rand_elem();
        memcpy(c2.buf, c1.buf, c1.total * sizeof(sb_t));
        memcpy(c3.buf, c1.buf, c1.total * sizeof(sb_t));
        safeblas_set_num_threads(1);
        SB_F77(gemm)(&N, &tb, &m, &n, &k, &alpha, a.a, &a.ld, b.a, &b.ld, &beta, c1.a, &c1.ld, 1, 1);
        safeblas_set_num_threads(2);
        SB_F77(gemm)(&N, &tb, &m, &n, &k, &alpha, a.a, &a.ld, b.a, &b.ld, &beta, c2.a, &c2.ld, 1, 1);
        for (blas_int i0 = 0; i0 < m; i0 += 64)
            for (blas_int j0 = 0; j0 < n; j0 += 64) {
                blas_int mb = m - i0 < 64 ? m - i0 : 64, nb = n - j0 < 64 ? n - j0 : 64;
                const sb_t *bb = tb == 'N' ? b.a + (size_t)j0 * b.ld : b.a + j0;
                SB_F77(gemm)(&N, &tb, &mb, &nb, &k, &alpha, a.a + i0, &a.ld, bb, &b.ld, &beta,
                             c3.a + i0 + (size_t)j0 * c3.ld, &c3.ld, 1, 1);
            }
        CHECK(sbt_bytes_equal(c1.buf, c2.buf, c1.total * sizeof(sb_t)),
              "gemm N%c %dx%dx%d: one thread and two differ", tb, (int)m, (int)n, (int)k);
        CHECK(sbt_bytes_equal(c1.buf, c3.buf, c1.total * sizeof(sb_t)),
              "gemm N%c %dx%dx%d: whole and 64 x 64 blocks differ", tb, (int)m, (int)n, (int)k);
        sbt_mat_free(&a);
        sbt_mat_free(&b);
        sbt_mat_free(&c1);
        sbt_mat_free(&c2);
        sbt_mat_free(&c3);
    }
    safeblas_set_num_threads(before);
}
#endif

/* The same bytes at every thread count (the split is over m and n, never k). */
static void check_thread_determinism(void)
{
    blas_int m = 301, n = 283, k = 290;
    sbt_mat a = sbt_mat_new(k, m, k + 1), b = sbt_mat_new(k, n, k), c0 = sbt_mat_new(m, n, m + 2);
    sb_t alpha = sbt_rand_elem(), beta = sbt_rand_elem();
    sb_t *ref = malloc(c0.total * sizeof(sb_t));
    static const int threads[] = {1, 2, 3, 4, 7};
    int before = safeblas_get_num_threads();
    for (int t = 0; t < 5; t++) {
        memcpy(c0.buf, c0.copy, c0.total * sizeof(sb_t));
        safeblas_set_num_threads(threads[t]);
        char T = 'T', N = 'N';
        SB_F77(gemm)(&T, &N, &m, &n, &k, &alpha, a.a, &a.ld, b.a, &b.ld, &beta, c0.a, &c0.ld, 1, 1);
        if (t == 0) memcpy(ref, c0.buf, c0.total * sizeof(sb_t));
        else CHECK(sbt_bytes_equal(ref, c0.buf, c0.total * sizeof(sb_t)), "gemm differs at %d threads", threads[t]);
    }
    safeblas_set_num_threads(before);
    free(ref);
    sbt_mat_free(&a);
    sbt_mat_free(&b);
    sbt_mat_free(&c0);
}

static void check_errors(void)
{
    sb_t one = 1, buf[64] = {0};
    blas_int two = 2, m1 = -1, one_i = 1;
    struct {
        const char *ta, *tb;
        blas_int m, n, k, lda, ldb, ldc, info;
    } cases[] = {
        {"X", "N", 2, 2, 2, 2, 2, 2, 1},  {"N", "X", 2, 2, 2, 2, 2, 2, 2},  {"N", "N", -1, 2, 2, 2, 2, 2, 3},
        {"N", "N", 2, -1, 2, 2, 2, 2, 4}, {"N", "N", 2, 2, -1, 2, 2, 2, 5}, {"N", "N", 2, 2, 2, 1, 2, 2, 8},
        {"T", "N", 3, 2, 2, 1, 2, 3, 8},  {"N", "N", 2, 2, 2, 2, 1, 2, 10}, {"N", "T", 2, 3, 2, 2, 2, 2, 10},
        {"N", "N", 2, 2, 2, 2, 2, 1, 13}, {"X", "Y", -1, -1, -1, 0, 0, 0, 1}, {"N", "N", 0, 0, 0, 0, 0, 0, 8},
    };
    for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) {
        sbt_xerbla_reset();
        SB_F77(gemm)(cases[t].ta, cases[t].tb, &cases[t].m, &cases[t].n, &cases[t].k, &one, buf, &cases[t].lda, buf,
                     &cases[t].ldb, &one, buf, &cases[t].ldc, 1, 1);
        sbt_expect_xerbla(NAME, cases[t].info, "fortran gemm argument error");
    }
    /* lower-case letters are fine */
    sbt_xerbla_reset();
    SB_F77(gemm)("n", "t", &two, &two, &two, &one, buf, &two, buf, &two, &one, buf, &two, 1, 1);
    sbt_expect_no_xerbla("lower-case trans");
    (void)m1;
    (void)one_i;

    /* CBLAS: numbers as reference CBLAS reports them (Fortran number + 1 of the column-major
     * call; row-major swaps A/B and M/N) */
    const char *cname = "cblas_" SB_UPPER "gemm"; /* compared case-insensitively */
#if SB_IS_COMPLEX
    const void *al = &one, *be = &one;
#else
    sb_t al = one, be = one;
#endif
    struct {
        int layout, ta, tb;
        blas_int m, n, k, lda, ldb, ldc, info;
    } cc[] = {
        {100, CblasNoTrans, CblasNoTrans, 2, 2, 2, 2, 2, 2, 1},
        {CblasColMajor, 99, CblasNoTrans, 2, 2, 2, 2, 2, 2, 2},
        {CblasColMajor, CblasNoTrans, 99, 2, 2, 2, 2, 2, 2, 3},
        {CblasColMajor, CblasConjNoTrans, CblasNoTrans, 2, 2, 2, 2, 2, 2, 2},
        {CblasColMajor, CblasNoTrans, CblasNoTrans, -1, 2, 2, 2, 2, 2, 4},
        {CblasColMajor, CblasNoTrans, CblasNoTrans, 2, -1, 2, 2, 2, 2, 5},
        {CblasColMajor, CblasNoTrans, CblasNoTrans, 2, 2, -1, 2, 2, 2, 6},
        {CblasColMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1, 2, 2, 9},
        {CblasColMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 2, 1, 2, 11},
        {CblasColMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 2, 2, 1, 14},
        {CblasRowMajor, 99, CblasNoTrans, 2, 2, 2, 2, 2, 2, 2},
        {CblasRowMajor, CblasNoTrans, 99, 2, 2, 2, 2, 2, 2, 2},
        {CblasRowMajor, CblasNoTrans, CblasNoTrans, -1, 2, 2, 2, 2, 2, 5},
        {CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, -1, 2, 2, 2, 2, 4},
        {CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, -1, 2, 2, 2, 6},
        {CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1, 2, 2, 11},
        {CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 2, 1, 2, 9},
        {CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 2, 2, 1, 14},
        {CblasRowMajor, CblasTrans, CblasNoTrans, 3, 2, 2, 2, 2, 3, 11}, /* row-major A^T: lda >= m */
    };
    for (size_t t = 0; t < sizeof cc / sizeof cc[0]; t++) {
        sbt_xerbla_reset();
        SB_CBLAS(gemm)((CBLAS_LAYOUT)cc[t].layout, (CBLAS_TRANSPOSE)cc[t].ta, (CBLAS_TRANSPOSE)cc[t].tb, cc[t].m,
                       cc[t].n, cc[t].k, al, buf, cc[t].lda, buf, cc[t].ldb, be, buf, cc[t].ldc);
        char what[64];
        snprintf(what, sizeof what, "cblas gemm argument error case %d", (int)t);
        sbt_expect_xerbla(cname, cc[t].info, what);
    }
}

static int run_all(void)
{
    static const char tr[3] = {'N', 'T', 'C'};
    /* every trans pair, over small and edge-crossing shapes, all three APIs */
    static const blas_int shapes[][3] = {
        {1, 1, 1},   {2, 3, 4},    {5, 7, 3},    {7, 5, 9},   {8, 6, 16},  {9, 7, 17},  {16, 6, 5},
        {17, 13, 1}, {23, 19, 31}, {33, 12, 64}, {4, 25, 40}, {47, 49, 8}, {1, 37, 11}, {37, 1, 11},
    };
    int ns = (int)(sizeof shapes / sizeof shapes[0]);
    for (int s = 0; s < ns; s++)
        for (int x = 0; x < 3; x++)
            for (int y = 0; y < 3; y++) {
                int api = (s + x + y) % 3;
                check_one(api, tr[x], tr[y], shapes[s][0], shapes[s][1], shapes[s][2], sbt_rand_elem(),
                          sbt_rand_elem(), 0, 0, (s % 3));
            }
    /* larger: crossing MC (m > 256 for every set), KC (k > 256) and NC (n > 4096) */
    check_one(0, 'N', 'N', 300, 40, 37, sbt_rand_elem(), sbt_rand_elem(), 0, 0, 3);
    check_one(1, 'T', 'C', 61, 53, 300, sbt_rand_elem(), sbt_rand_elem(), 0, 0, 1);
    check_one(2, 'C', 'N', 130, 131, 129, sbt_rand_elem(), sbt_rand_elem(), 0, 0, 2);
    check_one(0, 'N', 'T', 3, 4200, 5, sbt_rand_elem(), sbt_rand_elem(), 0, 0, 0);
    check_one(0, 'T', 'N', 270, 259, 520, sbt_rand_elem(), 0, 1, 0, 1);
    /* one either side of the register blocks of every set (MR 4, 8, 12, 16, 24, 48; NR 3, 4, 6, 8) */
    static const blas_int regs[] = {3, 5, 7, 9, 11, 13, 15, 17, 23, 25, 47, 49};
    for (int s = 0; s < (int)(sizeof regs / sizeof regs[0]); s++)
        check_one(s % 3, tr[s % 3], tr[(s / 3) % 3], regs[s], regs[(s + 5) % 12], 1 + s % 4, sbt_rand_elem(),
                  sbt_rand_elem(), 0, 0, s % 2);
    /* one either side of the KC values the cache rule gives (multiples of 16 from 128 to 512)
     * and of the MC values (at most 256 rows) */
    for (blas_int kc = 128; kc <= 512; kc += 16) {
        check_one(0, 'N', 'N', 25, 9, kc - 1, sbt_rand_elem(), 1, 0, 0, 1);
        check_one(1, 'T', 'N', 13, 7, kc + 1, sbt_rand_elem(), 0, 0, 0, 0);
    }
    static const blas_int mcs[] = {191, 193, 239, 241, 255, 257};
    for (int s = 0; s < 6; s++) check_one(s % 3, 'N', tr[s % 3], mcs[s], 9, 3, sbt_rand_elem(), sbt_rand_elem(), 0, 0, 1);
    /* beta = 0: NaN in C vanishes; beta = 1 (no scaling) */
    for (int api = 0; api < 3; api++) {
        check_one(api, 'N', 'N', 13, 11, 7, sbt_rand_elem(), 0, 1, 0, 2);
        check_one(api, 'T', 'N', 9, 14, 5, sbt_rand_elem(), 1, 0, 0, 1);
        /* alpha = 0: A and B (NaN) are not read; beta = 0 -> zeros; beta != 0 -> beta*C */
        check_one(api, 'N', 'N', 13, 11, 7, 0, 0, 1, 1, 2);
        check_one(api, 'N', 'T', 12, 9, 7, 0, sbt_rand_elem(), 0, 1, 1);
        /* k = 0: C := beta*C */
        check_one(api, 'N', 'N', 6, 5, 0, sbt_rand_elem(), sbt_rand_elem(), 0, 0, 1);
        check_one(api, 'N', 'N', 6, 5, 0, sbt_rand_elem(), 0, 1, 0, 1);
    }
    /* quick returns: m = 0, n = 0, (alpha = 0 or k = 0) with beta = 1 */
    check_untouched('N', 'N', 0, 5, 3, 1, 0);
    check_untouched('N', 'N', 5, 0, 3, 1, 0);
    check_untouched('N', 'N', 4, 5, 3, 0, 1);
    check_untouched('T', 'N', 4, 5, 0, 1, 1);
    check_position_independence();
    check_small_shapes();
    check_small_matches_packed();
    check_small_t_matches_copy();
#if !SB_IS_COMPLEX
    check_k_split();
    check_one_thread_switch();
#endif
    check_thread_determinism();
    check_errors();
    return sbt_finish("level3_gemm_" SB_UPPER);
}

int main(void) { return run_all(); }
