/* Torture case 7: bitwise determinism. gemm (NN and TN), syrk, symm, trsm, trmm (both sides) and dot give the same
 * bytes at 1, 2, 3, 4 and 7 threads (level 3 is split over m and n, never k; reductions combine
 * fixed chunks in a fixed order). SAFEBLAS_PARALLEL_THRESHOLD=0 makes every call as parallel as
 * the thread count allows, with odd sizes so the splits differ at every count. Results are also
 * checked against the oracle once. */
#include "torture.h"

#define M 157
#define NN 131
#define K 97
#define DOTN 100003
#define NR1 600 /* trmm side 'R' in one pass: order past TRMM_PK and two KC steps */

typedef struct {
    double *gemm_nn, *gemm_tn, *syrk, *symm_ll, *symm_ru, *trsm, *trmm, *trmm_r, *trmm_r1, dot;
} results;

static double *A, *AT, *B, *BS, *C0, *S0, *L, *U, *X, *Y, *B1, *U1;

static double *dupm(const double *x, size_t n)
{
    double *y = malloc(sizeof(double) * n);
    memcpy(y, x, sizeof(double) * n);
    return y;
}

static void compute(results *r)
{
    blas_int m = M, n = NN, k = K, one = 1, dn = DOTN;
    double alpha = 0.75, beta = -1.25;
    r->gemm_nn = dupm(C0, (size_t)M * NN);
    dgemm_("N", "N", &m, &n, &k, &alpha, A, &m, B, &k, &beta, r->gemm_nn, &m, 1, 1);
    r->gemm_tn = dupm(C0, (size_t)M * NN);
    dgemm_("T", "N", &m, &n, &k, &alpha, AT, &k, B, &k, &beta, r->gemm_tn, &m, 1, 1);
    r->syrk = dupm(S0, (size_t)M * M);
    dsyrk_("L", "N", &m, &k, &alpha, A, &m, &beta, r->syrk, &m, 1, 1);
    /* A packed from its stored triangle: the lower one of L (side L), the upper one of S0's
     * leading NN x NN (side R) */
    r->symm_ll = dupm(C0, (size_t)M * NN);
    dsymm_("L", "L", &m, &n, &alpha, L, &m, BS, &m, &beta, r->symm_ll, &m, 1, 1);
    r->symm_ru = dupm(C0, (size_t)M * NN);
    dsymm_("R", "U", &m, &n, &alpha, S0, &m, BS, &m, &beta, r->symm_ru, &m, 1, 1);
    r->trsm = dupm(C0, (size_t)M * NN);
    dtrsm_("L", "L", "N", "N", &m, &n, &alpha, L, &m, r->trsm, &m, 1, 1, 1, 1);
    r->trmm = dupm(C0, (size_t)M * NN);
    dtrmm_("L", "U", "N", "N", &m, &n, &alpha, U, &m, r->trmm, &m, 1, 1, 1, 1);
    r->trmm_r = dupm(C0, (size_t)M * NN); /* side 'R': B's rows over the threads */
    dtrmm_("R", "L", "T", "N", &m, &n, &alpha, L, &m, r->trmm_r, &m, 1, 1, 1, 1);
    blas_int n1 = NR1;
    r->trmm_r1 = dupm(B1, (size_t)M * NR1);
    dtrmm_("R", "U", "N", "N", &m, &n1, &alpha, U1, &n1, r->trmm_r1, &m, 1, 1, 1, 1);
    r->dot = ddot_(&dn, X, &one, Y, &one);
    (void)one;
}

static void release(results *r)
{
    free(r->gemm_nn), free(r->gemm_tn), free(r->syrk), free(r->symm_ll), free(r->symm_ru), free(r->trsm), free(r->trmm), free(r->trmm_r), free(r->trmm_r1);
}

int main(void)
{
    tt_init(240);
    A = tt_rand_mat(M, K, 61);
    AT = malloc(sizeof(double) * M * K);
    for (int i = 0; i < M; i++)
        for (int l = 0; l < K; l++) AT[l + (size_t)i * K] = A[i + (size_t)l * M];
    B = tt_rand_mat(K, NN, 62);
    C0 = tt_rand_mat(M, NN, 63);
    BS = tt_rand_mat(M, NN, 69);
    S0 = tt_rand_mat(M, M, 64);
    L = tt_tri_mat(M, 65);
    U = tt_tri_mat(M, 66);
    X = tt_rand_mat(DOTN, 1, 67);
    Y = tt_rand_mat(DOTN, 1, 68);
    B1 = tt_rand_mat(M, NR1, 70);
    U1 = tt_tri_mat(NR1, 71);

    tt_case = "determinism, 1 thread";
    safeblas_set_num_threads(1);
    results ref;
    compute(&ref);

    /* the 1-thread results against the oracle */
    double *e = dupm(C0, (size_t)M * NN);
    tt_ref_gemm(M, NN, K, 0.75, A, B, -1.25, e);
    CHECK(tt_relerr(ref.gemm_nn, e, (size_t)M * NN) <= TT_TOL, "gemm NN vs oracle");
    CHECK(tt_relerr(ref.gemm_tn, e, (size_t)M * NN) <= TT_TOL, "gemm TN vs oracle");
    double *full = malloc(sizeof(double) * M * M);
    for (int j = 0; j < M; j++)
        for (int i = 0; i < M; i++) full[i + (size_t)j * M] = i >= j ? L[i + (size_t)j * M] : L[j + (size_t)i * M];
    memcpy(e, C0, sizeof(double) * M * NN);
    tt_ref_gemm(M, NN, M, 0.75, full, BS, -1.25, e);
    CHECK(tt_relerr(ref.symm_ll, e, (size_t)M * NN) <= TT_TOL, "symm LL vs oracle");
    for (int j = 0; j < NN; j++)
        for (int i = 0; i < NN; i++) full[i + (size_t)j * NN] = i <= j ? S0[i + (size_t)j * M] : S0[j + (size_t)i * M];
    memcpy(e, C0, sizeof(double) * M * NN);
    tt_ref_gemm(M, NN, NN, 0.75, BS, full, -1.25, e);
    CHECK(tt_relerr(ref.symm_ru, e, (size_t)M * NN) <= TT_TOL, "symm RU vs oracle");
    free(full);
    memcpy(e, C0, sizeof(double) * M * NN);
    tt_ref_trsm_lln(M, NN, 0.75, L, e);
    CHECK(tt_relerr(ref.trsm, e, (size_t)M * NN) <= TT_TOL, "trsm vs oracle");
    memcpy(e, C0, sizeof(double) * M * NN);
    tt_ref_trmm_lun(M, NN, 0.75, U, e);
    CHECK(tt_relerr(ref.trmm, e, (size_t)M * NN) <= TT_TOL, "trmm vs oracle");
    double d = 0;
    for (int i = 0; i < DOTN; i++) d += X[i] * Y[i];
    CHECK(fabs(ref.dot - d) <= 1e-10 * (1 + fabs(d)), "dot vs oracle: %.17g vs %.17g", ref.dot, d);
    free(e);

    const int counts[] = {2, 3, 4, 7};
    for (int rep = 0; rep < 2; rep++)
        for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
            char name[64];
            snprintf(name, sizeof name, "determinism, %d threads", counts[i]);
            tt_case = name;
            safeblas_set_num_threads(counts[i]);
            results r;
            compute(&r);
            int t = counts[i];
            CHECK(sbt_bytes_equal(r.gemm_nn, ref.gemm_nn, sizeof(double) * M * NN), "gemm NN at %d threads", t);
            CHECK(sbt_bytes_equal(r.gemm_tn, ref.gemm_tn, sizeof(double) * M * NN), "gemm TN at %d threads", t);
            CHECK(sbt_bytes_equal(r.syrk, ref.syrk, sizeof(double) * M * M), "syrk at %d threads", t);
            CHECK(sbt_bytes_equal(r.symm_ll, ref.symm_ll, sizeof(double) * M * NN), "symm LL at %d threads", t);
            CHECK(sbt_bytes_equal(r.symm_ru, ref.symm_ru, sizeof(double) * M * NN), "symm RU at %d threads", t);
            CHECK(sbt_bytes_equal(r.trsm, ref.trsm, sizeof(double) * M * NN), "trsm at %d threads", t);
            CHECK(sbt_bytes_equal(r.trmm, ref.trmm, sizeof(double) * M * NN), "trmm at %d threads", t);
            CHECK(sbt_bytes_equal(r.trmm_r, ref.trmm_r, sizeof(double) * M * NN), "trmm side R at %d threads", t);
            CHECK(sbt_bytes_equal(r.trmm_r1, ref.trmm_r1, sizeof(double) * M * NR1), "trmm side R order %d at %d threads",
                  NR1, t);
            CHECK(memcmp(&r.dot, &ref.dot, sizeof(double)) == 0, "dot at %d threads: %.17g vs %.17g", t, r.dot,
                  ref.dot);
            release(&r);
        }
    release(&ref);
    printf("gemm NN/TN, syrk, symm, trsm, trmm L/R, dot: identical bytes at 1, 2, 3, 4 and 7 threads\n");
    return sbt_finish("torture_determinism");
}
