/* Bitwise determinism of the parallel level 1 and level 2 paths: dot (d, z dotc, dsdot, sdsdot),
 * asum, nrm2 (d, dz), axpy, scal, copy, swap, rot, gemv N and T (d, z) and ger (d, z gerc) give the
 * same bytes at 1, 2, 3, 4 and 7 threads. SAFEBLAS_PARALLEL_THRESHOLD=0 (tt_init) makes every
 * call split as far as the thread count allows; the vector length spans more than one batch of
 * chunks (level1.h) and is not a multiple of a chunk, and the matrix sizes are odd, so the
 * splits differ at every count. Unit and negative increments. The 1-thread results are also
 * checked against plain oracles. */
#include <complex.h>

#include "torture.h"

typedef double _Complex zc;

void daxpy_(const blas_int *n, const double *a, const double *x, const blas_int *incx, double *y,
            const blas_int *incy);
void dscal_(const blas_int *n, const double *a, double *x, const blas_int *incx);
void dcopy_(const blas_int *n, const double *x, const blas_int *incx, double *y, const blas_int *incy);
void dswap_(const blas_int *n, double *x, const blas_int *incx, double *y, const blas_int *incy);
void drot_(const blas_int *n, double *x, const blas_int *incx, double *y, const blas_int *incy, const double *c,
           const double *s);
double dasum_(const blas_int *n, const double *x, const blas_int *incx);
double dnrm2_(const blas_int *n, const double *x, const blas_int *incx);
double dznrm2_(const blas_int *n, const zc *x, const blas_int *incx);
zc zdotc_(const blas_int *n, const zc *x, const blas_int *incx, const zc *y, const blas_int *incy);
double dsdot_(const blas_int *n, const float *x, const blas_int *incx, const float *y, const blas_int *incy);
float sdsdot_(const blas_int *n, const float *b, const float *x, const blas_int *incx, const float *y,
              const blas_int *incy);
void dgemv_(const char *t, const blas_int *m, const blas_int *n, const double *alpha, const double *a,
            const blas_int *lda, const double *x, const blas_int *incx, const double *beta, double *y,
            const blas_int *incy, size_t);
void zgemv_(const char *t, const blas_int *m, const blas_int *n, const zc *alpha, const zc *a, const blas_int *lda,
            const zc *x, const blas_int *incx, const zc *beta, zc *y, const blas_int *incy, size_t);
void dger_(const blas_int *m, const blas_int *n, const double *alpha, const double *x, const blas_int *incx,
           const double *y, const blas_int *incy, double *a, const blas_int *lda);
void zgerc_(const blas_int *m, const blas_int *n, const zc *alpha, const zc *x, const blas_int *incx, const zc *y,
            const blas_int *incy, zc *a, const blas_int *lda);

#define VN 1300007 /* > 256 chunks of 4096: two batches */
#define GM 1031
#define GN 523

static double *X, *Y, *A;
static zc *ZX, *ZY, *ZA;
static float *FX, *FY;

typedef struct {
    double dot[2], asum[2], nrm2[2], znrm2, dsdot;
    float sdsdot;
    zc zdotc[2];
    double *axpy[2], *scal, *copy, *swapx, *swapy, *rotx[2], *roty[2];
    double *gemv_n[2], *gemv_t[2], *ger;
    zc *zgemv_n, *zgemv_c, *zger;
} results;

static double *ddup(const double *x, size_t n)
{
    double *y = malloc(sizeof(double) * n);
    memcpy(y, x, sizeof(double) * n);
    return y;
}

static zc *zdup(const zc *x, size_t n)
{
    zc *y = malloc(sizeof(zc) * n);
    memcpy(y, x, sizeof(zc) * n);
    return y;
}

static void compute(results *r)
{
    blas_int n = VN, one = 1, m2 = -2, half = VN / 2, gm = GM, gn = GN, three = 3;
    double a = 0.625, b = -1.5;
    r->dot[0] = ddot_(&n, X, &one, Y, &one);
    r->dot[1] = ddot_(&half, X, &m2, Y, &one);
    r->asum[0] = dasum_(&n, X, &one);
    r->asum[1] = dasum_(&half, X, &(blas_int){2});
    r->nrm2[0] = dnrm2_(&n, X, &one);
    r->nrm2[1] = dnrm2_(&half, X, &m2);
    r->znrm2 = dznrm2_(&n, ZX, &one);
    r->zdotc[0] = zdotc_(&n, ZX, &one, ZY, &one);
    r->zdotc[1] = zdotc_(&half, ZX, &m2, ZY, &one);
    r->dsdot = dsdot_(&n, FX, &one, FY, &one);
    float sb = 0.25f;
    r->sdsdot = sdsdot_(&n, &sb, FX, &one, FY, &one);
    r->axpy[0] = ddup(Y, VN);
    daxpy_(&n, &a, X, &one, r->axpy[0], &one);
    r->axpy[1] = ddup(Y, VN);
    daxpy_(&half, &a, X, &m2, r->axpy[1], &one);
    r->scal = ddup(X, VN);
    dscal_(&n, &b, r->scal, &one);
    r->copy = ddup(Y, VN);
    dcopy_(&half, X, &one, r->copy, &m2);
    r->swapx = ddup(X, VN);
    r->swapy = ddup(Y, VN);
    dswap_(&n, r->swapx, &one, r->swapy, &one);
    const double rc = 0.8, rs = 0.6;
    r->rotx[0] = ddup(X, VN);
    r->roty[0] = ddup(Y, VN);
    drot_(&n, r->rotx[0], &one, r->roty[0], &one, &rc, &rs);
    r->rotx[1] = ddup(X, VN);
    r->roty[1] = ddup(Y, VN);
    drot_(&half, r->rotx[1], &m2, r->roty[1], &one, &rc, &rs);
    /* gemv: y has GM or GN elements; incy -1 for the second case, incx 3 for T */
    r->gemv_n[0] = ddup(Y, GM);
    dgemv_("N", &gm, &gn, &a, A, &gm, X, &one, &b, r->gemv_n[0], &one, 1);
    r->gemv_n[1] = ddup(Y, GM);
    blas_int mone = -1;
    dgemv_("N", &gm, &gn, &a, A, &gm, X, &three, &b, r->gemv_n[1], &mone, 1);
    r->gemv_t[0] = ddup(Y, GN);
    dgemv_("T", &gm, &gn, &a, A, &gm, X, &one, &b, r->gemv_t[0], &one, 1);
    r->gemv_t[1] = ddup(Y, GN);
    dgemv_("T", &gm, &gn, &a, A, &gm, X, &three, &b, r->gemv_t[1], &mone, 1);
    r->ger = ddup(A, (size_t)GM * GN);
    dger_(&gm, &gn, &a, X, &one, Y, &one, r->ger, &gm);
    zc za = 0.5 - 0.75 * I, zb = 1.25 + 0.5 * I;
    r->zgemv_n = zdup(ZY, GM);
    zgemv_("N", &gm, &gn, &za, ZA, &gm, ZX, &one, &zb, r->zgemv_n, &one, 1);
    r->zgemv_c = zdup(ZY, GN);
    zgemv_("C", &gm, &gn, &za, ZA, &gm, ZX, &one, &zb, r->zgemv_c, &one, 1);
    r->zger = zdup(ZA, (size_t)GM * GN);
    zgerc_(&gm, &gn, &za, ZX, &one, ZY, &one, r->zger, &gm);
}

static void release(results *r)
{
    free(r->axpy[0]), free(r->axpy[1]), free(r->scal), free(r->copy), free(r->swapx), free(r->swapy);
    free(r->rotx[0]), free(r->roty[0]), free(r->rotx[1]), free(r->roty[1]);
    free(r->gemv_n[0]), free(r->gemv_n[1]), free(r->gemv_t[0]), free(r->gemv_t[1]), free(r->ger);
    free(r->zgemv_n), free(r->zgemv_c), free(r->zger);
}

#define SAME(f, sz, what) CHECK(memcmp(r.f, ref.f, (sz)) == 0, "%s at %d threads", what, t)
#define SAMEV(f, what) CHECK(memcmp(&r.f, &ref.f, sizeof r.f) == 0, "%s at %d threads", what, t)

static int close_to(double x, double e, double scale) { return fabs(x - e) <= 1e-12 * scale; }

static void oracles(const results *r)
{
    /* dot, asum, nrm2 */
    long double d = 0, dn = 0, s = 0, q = 0, qn = 0, sc = 0;
    blas_int half = VN / 2;
    for (long i = 0; i < VN; i++) {
        d += (long double)X[i] * Y[i];
        s += fabs(X[i]) + fabs(Y[i]) * 0;
        q += (long double)X[i] * X[i];
        sc += fabsl((long double)X[i] * Y[i]);
    }
    for (long i = 0; i < half; i++) {
        /* incx = -2: logical element i of x is X[(half - 1 - i) * 2] */
        dn += (long double)X[(half - 1 - i) * 2] * Y[i];
        qn += (long double)X[2 * i] * X[2 * i];
    }
    CHECK(close_to(r->dot[0], (double)d, (double)sc), "ddot vs oracle: %.17g vs %.17g", r->dot[0], (double)d);
    CHECK(close_to(r->dot[1], (double)dn, (double)sc), "ddot incx=-2 vs oracle");
    CHECK(close_to(r->asum[0], (double)s, (double)s), "dasum vs oracle");
    CHECK(close_to(r->nrm2[0], sqrt((double)q), sqrt((double)q)), "dnrm2 vs oracle");
    CHECK(close_to(r->nrm2[1], sqrt((double)qn), sqrt((double)qn)), "dnrm2 incx=-2 vs oracle");
    long double zr = 0, zi = 0, zs = 0, zq = 0, fd = 0;
    for (long i = 0; i < VN; i++) {
        double xr = creal(ZX[i]), xi = -cimag(ZX[i]), yr = creal(ZY[i]), yi = cimag(ZY[i]);
        zr += (long double)xr * yr - (long double)xi * yi;
        zi += (long double)xr * yi + (long double)xi * yr;
        zs += fabs(xr * yr) + fabs(xi * yi) + fabs(xr * yi) + fabs(xi * yr);
        zq += (long double)xr * xr + (long double)xi * xi;
        fd += (long double)FX[i] * FY[i];
    }
    CHECK(close_to(creal(r->zdotc[0]), (double)zr, (double)zs) && close_to(cimag(r->zdotc[0]), (double)zi, (double)zs),
          "zdotc vs oracle");
    CHECK(close_to(r->znrm2, sqrt((double)zq), sqrt((double)zq)), "dznrm2 vs oracle");
    CHECK(fabs(r->dsdot - (double)fd) <= 1e-9 * (double)sc, "dsdot vs oracle");
    CHECK(fabs(r->sdsdot - (float)(0.25 + (double)fd)) <= 1e-4f * (float)sc, "sdsdot vs oracle");
    /* updates: exact */
    int ok = 1;
    for (long i = 0; i < VN && ok; i++) {
        ok &= r->axpy[0][i] == Y[i] + 0.625 * X[i];
        ok &= r->scal[i] == -1.5 * X[i];
        ok &= r->swapx[i] == Y[i] && r->swapy[i] == X[i];
        ok &= r->rotx[0][i] == 0.8 * X[i] + 0.6 * Y[i] && r->roty[0][i] == 0.8 * Y[i] - 0.6 * X[i];
    }
    for (long i = 0; i < half && ok; i++) {
        ok &= r->axpy[1][i] == Y[i] + 0.625 * X[(half - 1 - i) * 2];
        ok &= r->copy[(half - 1 - i) * 2] == X[i];
        long k = (half - 1 - i) * 2; /* logical element i of x at incx = -2 */
        ok &= r->rotx[1][k] == 0.8 * X[k] + 0.6 * Y[i] && r->roty[1][i] == 0.8 * Y[i] - 0.6 * X[k];
    }
    CHECK(ok, "axpy/scal/copy/swap/rot vs oracle");
    /* gemv and ger */
    double *e = malloc(sizeof(double) * GM), *et = malloc(sizeof(double) * GN);
    for (int i = 0; i < GM; i++) {
        long double t = 0;
        for (int j = 0; j < GN; j++) t += (long double)A[i + (size_t)j * GM] * X[j];
        e[i] = 0.625 * (double)t - 1.5 * Y[i];
    }
    CHECK(tt_relerr(r->gemv_n[0], e, GM) <= TT_TOL, "dgemv N vs oracle");
    for (int j = 0; j < GN; j++) {
        long double t = 0;
        for (int i = 0; i < GM; i++) t += (long double)A[i + (size_t)j * GM] * X[i];
        et[j] = 0.625 * (double)t - 1.5 * Y[j];
    }
    CHECK(tt_relerr(r->gemv_t[0], et, GN) <= TT_TOL, "dgemv T vs oracle");
    /* incx = 3, incy = -1: x(j) = X[3j]; y(i) at Y[GM-1-i] */
    for (int i = 0; i < GM; i++) {
        long double t = 0;
        for (int j = 0; j < GN; j++) t += (long double)A[i + (size_t)j * GM] * X[3 * j];
        e[i] = 0.625 * (double)t - 1.5 * Y[GM - 1 - i];
    }
    double *got = malloc(sizeof(double) * GM);
    for (int i = 0; i < GM; i++) got[i] = r->gemv_n[1][GM - 1 - i];
    CHECK(tt_relerr(got, e, GM) <= TT_TOL, "dgemv N incx=3 incy=-1 vs oracle");
    for (int j = 0; j < GN; j++) {
        long double t = 0;
        for (int i = 0; i < GM; i++) t += (long double)A[i + (size_t)j * GM] * X[3 * i];
        et[j] = 0.625 * (double)t - 1.5 * Y[GN - 1 - j];
    }
    for (int j = 0; j < GN; j++) got[j] = r->gemv_t[1][GN - 1 - j];
    CHECK(tt_relerr(got, et, GN) <= TT_TOL, "dgemv T incx=3 incy=-1 vs oracle");
    ok = 1;
    for (int j = 0; j < GN; j++)
        for (int i = 0; i < GM; i++) {
            size_t k = i + (size_t)j * GM;
            ok &= r->ger[k] == A[k] + X[i] * (0.625 * Y[j]);
        }
    CHECK(ok, "dger vs oracle");
    zc za = 0.5 - 0.75 * I, zb = 1.25 + 0.5 * I;
    double maxerr = 0;
    for (int j = 0; j < GN; j++) {
        zc t = 0;
        for (int i = 0; i < GM; i++) t += conj(ZA[i + (size_t)j * GM]) * ZX[i];
        zc ex = za * t + zb * ZY[j];
        double err = cabs(ex - r->zgemv_c[j]) / (1 + cabs(ex));
        if (err > maxerr) maxerr = err;
    }
    for (int i = 0; i < GM; i++) {
        zc t = 0;
        for (int j = 0; j < GN; j++) t += ZA[i + (size_t)j * GM] * ZX[j];
        zc ex = za * t + zb * ZY[i];
        double err = cabs(ex - r->zgemv_n[i]) / (1 + cabs(ex));
        if (err > maxerr) maxerr = err;
    }
    CHECK(maxerr <= 1e-12, "zgemv N/C vs oracle: %g", maxerr);
    maxerr = 0;
    for (int j = 0; j < GN; j++)
        for (int i = 0; i < GM; i++) {
            size_t k = i + (size_t)j * GM;
            zc ex = ZA[k] + ZX[i] * (za * conj(ZY[j]));
            double err = cabs(ex - r->zger[k]) / (1 + cabs(ex));
            if (err > maxerr) maxerr = err;
        }
    CHECK(maxerr <= 1e-14, "zgerc vs oracle: %g", maxerr);
    free(e), free(et), free(got);
}

int main(void)
{
    tt_init(240);
    X = tt_rand_mat(VN, 1, 71);
    Y = tt_rand_mat(VN, 1, 72);
    A = tt_rand_mat(GM, GN, 73);
    double *t1 = tt_rand_mat(2 * VN, 1, 74), *t2 = tt_rand_mat(2 * VN, 1, 75), *t3 = tt_rand_mat(2 * GM, GN, 76);
    ZX = malloc(sizeof(zc) * VN);
    ZY = malloc(sizeof(zc) * VN);
    ZA = malloc(sizeof(zc) * GM * GN);
    FX = malloc(sizeof(float) * VN);
    FY = malloc(sizeof(float) * VN);
    for (long i = 0; i < VN; i++) {
        ZX[i] = t1[2 * i] + t1[2 * i + 1] * I;
        ZY[i] = t2[2 * i] + t2[2 * i + 1] * I;
        FX[i] = (float)t1[i];
        FY[i] = (float)t2[i];
    }
    for (long i = 0; i < (long)GM * GN; i++) ZA[i] = t3[2 * i] + t3[2 * i + 1] * I;
    free(t1), free(t2), free(t3);

    tt_case = "determinism level 1/2, 1 thread";
    safeblas_set_num_threads(1);
    results ref;
    compute(&ref);
    oracles(&ref);

    const int counts[] = {2, 3, 4, 7};
    for (int rep = 0; rep < 2; rep++)
        for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
            char name[64];
            int t = counts[c];
            snprintf(name, sizeof name, "determinism level 1/2, %d threads", t);
            tt_case = name;
            safeblas_set_num_threads(t);
            results r;
            compute(&r);
            SAMEV(dot, "ddot");
            SAMEV(asum, "dasum");
            SAMEV(nrm2, "dnrm2");
            SAMEV(znrm2, "dznrm2");
            SAMEV(zdotc, "zdotc");
            SAMEV(dsdot, "dsdot");
            SAMEV(sdsdot, "sdsdot");
            const size_t vb = sizeof(double) * VN;
            SAME(axpy[0], vb, "daxpy");
            SAME(axpy[1], vb, "daxpy incx=-2");
            SAME(scal, vb, "dscal");
            SAME(copy, vb, "dcopy incy=-2");
            SAME(swapx, vb, "dswap x");
            SAME(swapy, vb, "dswap y");
            SAME(rotx[0], vb, "drot x");
            SAME(roty[0], vb, "drot y");
            SAME(rotx[1], vb, "drot x incx=-2");
            SAME(roty[1], vb, "drot y incx=-2");
            SAME(gemv_n[0], sizeof(double) * GM, "dgemv N");
            SAME(gemv_n[1], sizeof(double) * GM, "dgemv N incx=3 incy=-1");
            SAME(gemv_t[0], sizeof(double) * GN, "dgemv T");
            SAME(gemv_t[1], sizeof(double) * GN, "dgemv T incx=3 incy=-1");
            SAME(ger, sizeof(double) * GM * GN, "dger");
            SAME(zgemv_n, sizeof(zc) * GM, "zgemv N");
            SAME(zgemv_c, sizeof(zc) * GN, "zgemv C");
            SAME(zger, sizeof(zc) * GM * GN, "zgerc");
            release(&r);
        }
    release(&ref);
    printf("dot/asum/nrm2/axpy/scal/copy/swap/rot/gemv/ger: identical bytes at 1, 2, 3, 4 and 7 threads\n");
    return sbt_finish("torture_determinism_level12");
}
