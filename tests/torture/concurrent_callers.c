/* Torture case 4: 8 application threads call dgemm, dsyrk and dtrsm (and the pool job) at the
 * same time, 100 calls each, every result checked. One job runs on the pool at a time; the
 * others run on their callers' threads, so nobody waits on anybody. Timed: the whole case must
 * stay far from OpenBLAS 0.3.29's tens of seconds of spinning. */
#include "torture.h"

#define N 64
#define CALLERS 8
#define CALLS 100

static double *A, *B, *L, *G_EXPECT, *S_EXPECT, *T_EXPECT, *PLAIN;
static atomic_long bad[4];

static void *caller(void *arg)
{
    long id = (long)arg;
    double *c = malloc(sizeof(double) * N * N);
    for (int i = 0; i < CALLS; i++) {
        switch ((i + id) % 4) {
        case 0:
            tt_dgemm(N, N, N, 1.0, A, B, 0.0, c);
            if (tt_relerr(c, G_EXPECT, N * N) > TT_TOL) atomic_fetch_add(&bad[0], 1);
            break;
        case 1:
            memcpy(c, B, sizeof(double) * N * N);
            tt_dsyrk(N, N, 0.5, A, 2.0, c);
            if (tt_relerr(c, S_EXPECT, N * N) > TT_TOL) atomic_fetch_add(&bad[1], 1);
            break;
        case 2:
            memcpy(c, B, sizeof(double) * N * N);
            tt_dtrsm(N, N, 1.5, L, c);
            if (tt_relerr(c, T_EXPECT, N * N) > TT_TOL) atomic_fetch_add(&bad[2], 1);
            break;
        default:
            if (tt_pool_gemm(4, N, N, N, A, B, PLAIN, 0) < 1) atomic_fetch_add(&bad[3], 1);
        }
    }
    free(c);
    return NULL;
}

int main(void)
{
    tt_init(240);
    A = tt_rand_mat(N, N, 31);
    B = tt_rand_mat(N, N, 32);
    L = tt_tri_mat(N, 33);
    G_EXPECT = malloc(sizeof(double) * N * N);
    tt_ref_gemm(N, N, N, 1.0, A, B, 0.0, G_EXPECT);
    S_EXPECT = malloc(sizeof(double) * N * N);
    memcpy(S_EXPECT, B, sizeof(double) * N * N);
    tt_ref_syrk_un(N, N, 0.5, A, 2.0, S_EXPECT);
    T_EXPECT = malloc(sizeof(double) * N * N);
    memcpy(T_EXPECT, B, sizeof(double) * N * N);
    tt_ref_trsm_lln(N, N, 1.5, L, T_EXPECT);
    PLAIN = tt_plain_product(N, N, N, A, B);

    const int counts[] = {4, 2, 16};
    for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
        char name[64];
        snprintf(name, sizeof name, "%d callers at %d threads", CALLERS, counts[k]);
        tt_case = name;
        safeblas_set_num_threads(counts[k]);
        double t0 = tt_now();
        pthread_t t[CALLERS];
        for (long i = 0; i < CALLERS; i++) pthread_create(&t[i], NULL, caller, (void *)i);
        for (int i = 0; i < CALLERS; i++) pthread_join(t[i], NULL);
        printf("%d threads x %d calls at %2d SafeBLAS threads: %.2f s\n", CALLERS, CALLS, counts[k],
               tt_now() - t0);
    }
    CHECK(bad[0] == 0, "dgemm: %ld wrong", atomic_load(&bad[0]));
    CHECK(bad[1] == 0, "dsyrk: %ld wrong", atomic_load(&bad[1]));
    CHECK(bad[2] == 0, "dtrsm: %ld wrong", atomic_load(&bad[2]));
    CHECK(bad[3] == 0, "pool job: %ld wrong", atomic_load(&bad[3]));
    return sbt_finish("torture_concurrent_callers");
}
