/* ?omatcopy / ?imatcopy (OpenBLAS extension) against a plain oracle: both orders, every trans
 * (N, T, C, R), square and non-square shapes, lda/ldb larger than needed with guard bands,
 * alpha = 0 (A not read: NaN there), alpha = 1, in-place transposes of non-square matrices with
 * lda != ldb, argument errors (OpenBLAS numbering, through xerbla_), Fortran and CBLAS. */
#include "test_prec.h"
#include "cblas.h"

void SB_F77(omatcopy)(const char *order, const char *trans, const blas_int *rows, const blas_int *cols,
                      const sb_t *alpha, const sb_t *a, const blas_int *lda, sb_t *b, const blas_int *ldb, size_t lo,
                      size_t lt);
void SB_F77(imatcopy)(const char *order, const char *trans, const blas_int *rows, const blas_int *cols,
                      const sb_t *alpha, sb_t *ab, const blas_int *lda, const blas_int *ldb, size_t lo, size_t lt);

static sb_t nan_elem(void)
{
    sb_r q = (sb_r)NAN;
    return sb_make(q, q);
}

/* The expected op(A)(i, j) * alpha where A is given in column-major form ar x ac. */
static sb_t want_elem(char trans, const sb_t *a0, blas_int lda, blas_int i, blas_int j, sb_t alpha)
{
    int tr = trans == 'T' || trans == 'C';
    sb_t v = tr ? a0[j + (size_t)i * lda] : a0[i + (size_t)j * lda];
    if (SB_IS_COMPLEX && (trans == 'C' || trans == 'R')) v = sb_conj(v);
    if (alpha == 0) return 0;
    if (alpha == 1) return v;
    return alpha * v;
}

static CBLAS_TRANSPOSE ctrans(char t)
{
    return t == 'N' ? CblasNoTrans : t == 'T' ? CblasTrans : t == 'C' ? CblasConjTrans : CblasConjNoTrans;
}

/* One call. In column-major terms the stored A is ar x ac (ar = rows for order 'C', cols for 'R'). */
static void check_one(int inplace, int api, char order, char trans, blas_int rows, blas_int cols, sb_t alpha,
                      blas_int padA, blas_int padB)
{
    blas_int ar = order == 'C' ? rows : cols, ac = order == 'C' ? cols : rows;
    int tr = trans == 'T' || trans == 'C';
    blas_int br = tr ? ac : ar, bc = tr ? ar : ac;
    blas_int lda = ar + padA, ldb = br + padB;
    if (inplace) {
        /* one buffer big enough for both layouts, with guards around it */
        size_t na = (size_t)lda * ac, nb = (size_t)ldb * bc, need = na > nb ? na : nb;
        size_t total = need + 2 * SBT_GUARD;
        sb_t *buf = malloc(total * sizeof(sb_t)), *copy = malloc(total * sizeof(sb_t));
        sbt_guard_fill(buf, total * sizeof(sb_t));
        sb_t *ab = buf + SBT_GUARD;
        for (blas_int j = 0; j < ac; j++)
            for (blas_int i = 0; i < ar; i++) ab[i + (size_t)j * lda] = alpha == 0 ? nan_elem() : sbt_rand_elem();
        memcpy(copy, buf, total * sizeof(sb_t));
        sb_t *a0 = copy + SBT_GUARD;
        if (api == 0) {
            SB_F77(imatcopy)(&order, &trans, &rows, &cols, &alpha, ab, &lda, &ldb, 1, 1);
        } else {
#if SB_IS_COMPLEX
            SB_CBLAS(imatcopy)(order == 'C' ? CblasColMajor : CblasRowMajor, ctrans(trans), rows, cols, &alpha, ab, lda,
                               ldb);
#else
            SB_CBLAS(imatcopy)(order == 'C' ? CblasColMajor : CblasRowMajor, ctrans(trans), rows, cols, alpha, ab, lda,
                               ldb);
#endif
        }
        int ok = 1, guards = 1;
        for (blas_int j = 0; j < bc; j++)
            for (blas_int i = 0; i < br; i++) {
                sb_t w = want_elem(trans, a0, lda, i, j, alpha), g = ab[i + (size_t)j * ldb];
                if (!sbt_close(g, w, sb_abs1(w) + 1e-30, 4 * SBT_EPS)) ok = 0;
            }
        /* bytes outside the buffer's used extent stay as they were */
        for (size_t k = 0; k < SBT_GUARD; k++)
            if (memcmp(&buf[k], &copy[k], sizeof(sb_t)) || memcmp(&buf[total - 1 - k], &copy[total - 1 - k], sizeof(sb_t)))
                guards = 0;
        CHECK(ok, "imatcopy values api=%d order=%c trans=%c rows=%d cols=%d lda=%d ldb=%d", api, order, trans, (int)rows,
              (int)cols, (int)lda, (int)ldb);
        CHECK(guards, "imatcopy wrote outside its buffer");
        free(buf);
        free(copy);
        return;
    }
    sbt_mat a = sbt_mat_new(ar, ac, lda), b = sbt_mat_new(br, bc, ldb);
    if (alpha == 0) {
        for (size_t k = 0; k < a.total; k++) a.buf[k] = nan_elem();
        sbt_mat_snapshot(&a);
    }
    if (api == 0) {
        SB_F77(omatcopy)(&order, &trans, &rows, &cols, &alpha, a.a, &lda, b.a, &ldb, 1, 1);
    } else {
#if SB_IS_COMPLEX
        SB_CBLAS(omatcopy)(order == 'C' ? CblasColMajor : CblasRowMajor, ctrans(trans), rows, cols, &alpha, a.a, lda, b.a,
                           ldb);
#else
        SB_CBLAS(omatcopy)(order == 'C' ? CblasColMajor : CblasRowMajor, ctrans(trans), rows, cols, alpha, a.a, lda, b.a,
                           ldb);
#endif
    }
    int ok = 1;
    for (blas_int j = 0; j < bc; j++)
        for (blas_int i = 0; i < br; i++) {
            sb_t w = want_elem(trans, a.copy + SBT_GUARD, lda, i, j, alpha), g = b.a[i + (size_t)j * ldb];
            if (!sbt_close(g, w, sb_abs1(w) + 1e-30, 4 * SBT_EPS)) ok = 0;
        }
    CHECK(ok, "omatcopy values api=%d order=%c trans=%c rows=%d cols=%d", api, order, trans, (int)rows, (int)cols);
    CHECK(sbt_mat_guards_intact(&b, NULL, NULL), "omatcopy wrote outside B");
    CHECK(sbt_bytes_equal(a.buf, a.copy, a.total * sizeof(sb_t)), "omatcopy changed A");
    sbt_mat_free(&a);
    sbt_mat_free(&b);
}

static void check_errors(void)
{
    sb_t one = 1, buf[64] = {0};
    struct {
        const char *o, *t;
        blas_int rows, cols, lda, ldb, info;
    } cases[] = {
        {"X", "N", 2, 2, 2, 2, 1}, {"C", "X", 2, 2, 2, 2, 2}, {"C", "N", 0, 2, 2, 2, 3}, {"C", "N", 2, -1, 2, 2, 4},
        {"C", "N", 3, 2, 2, 3, 7}, {"R", "N", 2, 3, 2, 3, 7}, {"C", "N", 3, 2, 3, 2, 9}, {"C", "T", 2, 3, 2, 2, 9},
        {"R", "N", 3, 2, 2, 1, 9}, {"R", "T", 3, 2, 2, 2, 9}, {"X", "X", 0, 0, 0, 0, 1}, {"C", "N", 3, 2, 1, 1, 7},
    };
    for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) {
        sbt_xerbla_reset();
        SB_F77(omatcopy)(cases[t].o, cases[t].t, &cases[t].rows, &cases[t].cols, &one, buf, &cases[t].lda, buf + 32,
                         &cases[t].ldb, 1, 1);
        sbt_expect_xerbla(SB_UPPER "OMATCOPY", cases[t].info, "omatcopy argument error");
        sbt_xerbla_reset();
        SB_F77(imatcopy)(cases[t].o, cases[t].t, &cases[t].rows, &cases[t].cols, &one, buf, &cases[t].lda,
                         &cases[t].ldb, 1, 1);
        sbt_expect_xerbla(SB_UPPER "IMATCOPY", cases[t].info, "imatcopy argument error");
    }
    sbt_xerbla_reset();
#if SB_IS_COMPLEX
    SB_CBLAS(omatcopy)((CBLAS_LAYOUT)7, CblasNoTrans, 2, 2, &one, buf, 2, buf + 32, 2);
    sbt_expect_xerbla(SB_UPPER "OMATCOPY", 1, "cblas omatcopy bad layout");
    SB_CBLAS(imatcopy)(CblasColMajor, (CBLAS_TRANSPOSE)7, 2, 2, &one, buf, 2, 2);
    sbt_expect_xerbla(SB_UPPER "IMATCOPY", 2, "cblas imatcopy bad trans");
#else
    SB_CBLAS(omatcopy)((CBLAS_LAYOUT)7, CblasNoTrans, 2, 2, one, buf, 2, buf + 32, 2);
    sbt_expect_xerbla(SB_UPPER "OMATCOPY", 1, "cblas omatcopy bad layout");
    SB_CBLAS(imatcopy)(CblasColMajor, (CBLAS_TRANSPOSE)7, 2, 2, one, buf, 2, 2);
    sbt_expect_xerbla(SB_UPPER "IMATCOPY", 2, "cblas imatcopy bad trans");
#endif
}

int main(void)
{
    static const char orders[2] = {'C', 'R'}, trans[4] = {'N', 'T', 'C', 'R'};
    static const blas_int shapes[][2] = {{1, 1}, {3, 3}, {5, 2}, {2, 7}, {33, 40}, {70, 31}, {64, 64}};
    int ns = (int)(sizeof shapes / sizeof shapes[0]);
    for (int s = 0; s < ns; s++)
        for (int o = 0; o < 2; o++)
            for (int t = 0; t < 4; t++)
                for (int ip = 0; ip < 2; ip++) {
                    int api = (s + o + t + ip) % 2;
                    check_one(ip, api, orders[o], trans[t], shapes[s][0], shapes[s][1], sbt_rand_elem(), s % 3,
                              (s + t) % 2);
                    check_one(ip, api, orders[o], trans[t], shapes[s][0], shapes[s][1], 1, 0, 0);
                    check_one(ip, !api, orders[o], trans[t], shapes[s][0], shapes[s][1], 0, 1, 2);
                    check_one(ip, api, orders[o], trans[t], shapes[s][0], shapes[s][1], sbt_rand_elem(), 0, 0);
                }
    check_errors();
    return sbt_finish("ext_matcopy_" SB_UPPER);
}
