/* gemmt: C := alpha*op(A)*op(B) + beta*C on one triangle of the n x n matrix C (see level3.h),
 * and the engine of syrk/herk and syr2k/her2k (gemmt_ex, with herm).
 *
 * One run of the gemm loops restricted to the triangle (gemm_loops.c): op(A) and op(B) are
 * packed once per block as in gemm, tiles outside the triangle are skipped, tiles on the
 * diagonal go through a small copy. Parallel: the triangle's columns are cut into as many
 * pieces as threads, of about equal area (on multiples of NR); piece [j0, j1) is the block of
 * rows j0.. (lower) or ..j1 (upper) by those columns. Each element is computed by the same k
 * loop and microkernel whatever piece it falls in, so the result is bitwise the same at every
 * thread count. gemmt_pair adds a second product in the same pass (syr2k/her2k). */
#include "drivers/level3.h"
#include "kernels/kernels.h"
#include "kernels/workspace.h"
#include "runtime/parallel.h"

typedef struct {
    char uplo, ta, tb;
    int herm;
    blas_int n, k;
    sb_t alpha, beta;
    const sb_t *a, *b;
    blas_int lda, ldb;
    const sb_l3_second *second;
    sb_t *c;
    blas_int ldc;
    blas_int nr;
    int nparts;
} gemmt_job;

/* Entries of the triangle in columns [0, j). */
static double area_before(char uplo, blas_int n, blas_int j)
{
    double x = (double)j;
    return uplo == 'U' ? x * (x + 1) / 2 : x * (double)n - x * (x - 1) / 2;
}

/* First column of piece p: the first multiple of nr whose area before reaches p/nparts. */
static blas_int piece_start(const gemmt_job *g, int p)
{
    if (p <= 0) return 0;
    if (p >= g->nparts) return g->n;
    double goal = area_before(g->uplo, g->n, g->n) * p / g->nparts;
    blas_int j = 0;
    while (j < g->n && area_before(g->uplo, g->n, j) < goal) j += g->nr;
    return SB_MIN(j, g->n);
}

/* Columns [j0, j1) of the triangle on the calling thread. */
static void gemmt_cols(const gemmt_job *g, blas_int j0, blas_int j1)
{
    if (j1 <= j0) return;
    /* lower: rows j0..n-1, the diagonal at i - j = 0; upper: rows 0..j1-1, the diagonal at i - j = -j0 */
    blas_int r0 = g->uplo == 'U' ? 0 : j0, r1 = g->uplo == 'U' ? j1 : g->n;
    sb_l3_tri tri = {g->uplo, g->herm, j0 - r0, 0};
    /* one operand transposed and the other not, and B the same matrix as A (syrk/herk), or the
     * pair's products crosswise (syr2k/her2k) */
    int transposed = (g->ta == 'N') != (g->tb == 'N') && g->ta != 'R' && g->tb != 'R';
    if (g->second)
        tri.self = transposed && g->second->a == g->b && g->second->b == g->a && g->second->lda == g->ldb &&
                   g->second->ldb == g->lda;
    else
        tri.self = transposed && g->a == g->b && g->lda == g->ldb;
    const sb_t *a = sb_l3_op_at(g->ta, g->a, g->lda, r0, 0), *b = sb_l3_op_at(g->tb, g->b, g->ldb, 0, j0);
    sb_l3_second s2, *second = NULL;
    if (g->second) {
        s2 = *g->second;
        s2.a = sb_l3_op_at(g->ta, s2.a, s2.lda, r0, 0);
        s2.b = sb_l3_op_at(g->tb, s2.b, s2.ldb, 0, j0);
        second = &s2;
    }
    SB_NAME(gemm_block_pair)(g->ta, g->tb, r1 - r0, j1 - j0, g->k, g->alpha, a, g->lda, b, g->ldb, second, g->beta,
                             g->c + r0 + (size_t)j0 * g->ldc, g->ldc, &tri);
}

/* Small products of one triangle without a second product (syrk, gemmt; not herk, whose
 * diagonal is kept real): the kernel table's unpacked small gemm on blocks of GEMMT_SMALL_COLS
 * columns, the rows off the block's diagonal straight into C, its diagonal block through a copy
 * of C's block of which only the triangle is written back; op(A) other than A is first copied
 * (exactly) as an n x k matrix, as gemm's copy path does. Packing both operands was a quarter of
 * dsyrk n = 64 on one thread. Chosen by shape alone and run on the calling thread, so the bits
 * are the same at every thread count. EPYC family 25 model 1 (Zen 3), one thread, CPU time,
 * GFLOP/s packed -> this: dsyrk L N n = k = 32 17.5 -> 27.8, 64 28.4 -> 36, 100 32.8 -> 43.2;
 * U N 32 16.5 -> 28.9, 64 27.6 -> 37.4. */
enum { GEMMT_SMALL_COLS = 8 };
#define GEMMT_SMALL_MAX (SB_IS_COMPLEX ? 64.0 * 64 * 64 : 100.0 * 100 * 100)

static int gemmt_small(const gemmt_job *g, const sb_gemm_kernels_t *kt)
{
    if (!kt->small || g->second || g->herm || (double)g->n * g->n * g->k > GEMMT_SMALL_MAX) return 0;
    const sb_t *a = g->a;
    blas_int lda = g->lda;
    sb_t *copy = NULL;
    int owned = 0;
    if (g->ta != 'N') {
        copy = sb_workspace_get((size_t)g->n * (size_t)g->k * sizeof(sb_t), &owned);
        if (!copy) return 0;
        kt->pack_a(g->ta, g->n, g->k, g->a, g->lda, copy, (int)g->n);
        a = copy;
        lda = g->n;
    }
    enum { W = GEMMT_SMALL_COLS };
    sb_t t[W * W];
    const int lower = g->uplo != 'U';
    for (blas_int j0 = 0; j0 < g->n; j0 += W) {
        blas_int w = SB_MIN(W, g->n - j0);
        const sb_t *b = sb_l3_op_at(g->tb, g->b, g->ldb, 0, j0);
        sb_t *cd = g->c + j0 + (size_t)j0 * g->ldc;
        /* the block's triangle (zeros elsewhere: the other triangle of C is not read) */
        for (blas_int j = 0; j < w; j++)
            for (blas_int i = 0; i < w; i++) t[i + j * W] = (lower ? i >= j : i <= j) ? cd[i + (size_t)j * g->ldc] : 0;
        kt->small(w, w, g->k, &g->alpha, a + j0, lda, g->tb, b, g->ldb, &g->beta, t, W);
        for (blas_int j = 0; j < w; j++)
            for (blas_int i = lower ? j : 0; i < (lower ? w : j + 1); i++) cd[i + (size_t)j * g->ldc] = t[i + j * W];
        blas_int r0 = lower ? j0 + w : 0, rows = lower ? g->n - j0 - w : j0;
        if (rows > 0)
            kt->small(rows, w, g->k, &g->alpha, a + r0, lda, g->tb, b, g->ldb, &g->beta,
                      g->c + r0 + (size_t)j0 * g->ldc, g->ldc);
    }
    if (copy) sb_workspace_put(copy, owned);
    return 1;
}

static void gemmt_part(void *ctx, int part, int nparts)
{
    const gemmt_job *g = ctx;
    (void)nparts;
    gemmt_cols(g, piece_start(g, part), piece_start(g, part + 1));
}

void SB_NAME(gemmt_pair)(char uplo, int herm, char transa, char transb, blas_int n, blas_int k, sb_t alpha,
                         const sb_t *a, blas_int lda, const sb_t *b, blas_int ldb, const sb_l3_second *second,
                         sb_t beta, sb_t *c, blas_int ldc)
{
    if (n <= 0) return;
    if (!SB_IS_COMPLEX) {
        herm = 0;
        if (transa == 'C') transa = 'T';
        if (transa == 'R') transa = 'N';
        if (transb == 'C') transb = 'T';
        if (transb == 'R') transb = 'N';
    }
    if (second && (second->alpha == 0 || alpha == 0 || k <= 0)) { /* at most one product: as two passes */
        SB_NAME(gemmt_pair)(uplo, herm, transa, transb, n, k, alpha, a, lda, b, ldb, NULL, beta, c, ldc);
        if (second->alpha != 0)
            SB_NAME(gemmt_pair)(uplo, herm, transa, transb, n, k, second->alpha, second->a, second->lda, second->b,
                                second->ldb, NULL, 1, c, ldc);
        return;
    }
    if (alpha == 0 || k <= 0) {
        for (blas_int j = 0; j < n; j++) {
            blas_int lo = uplo == 'U' ? 0 : j, hi = uplo == 'U' ? j + 1 : n;
            sb_t *cj = c + (size_t)j * ldc;
            sb_r djj = beta == 0 ? 0 : sb_creal(cj[j]);
            SB_NAME(gemm_scale)(hi - lo, 1, beta, cj + lo, ldc);
            if (herm) cj[j] = sb_creal(beta) * djj;
        }
        return;
    }
    const sb_gemm_kernels_t *kt = sb_gemm_kernels();
    gemmt_job g = {uplo, transa, transb, herm, n, k, alpha, beta, a, b, lda, ldb, second, c, ldc, kt->nr, 1};
    if ((double)n * n * k <= 8.0 * 8 * 8 && k <= 16) { /* tiny: as gemm does */
        sb_l3_tri tri = {uplo, herm, 0, 0};
        SB_NAME(gemm_simple)(transa, transb, n, n, k, alpha, a, lda, b, ldb, beta, c, ldc, &tri);
        if (second)
            SB_NAME(gemm_simple)(transa, transb, n, n, k, second->alpha, second->a, second->lda, second->b,
                                 second->ldb, 1, c, ldc, &tri);
        return;
    }
    if (gemmt_small(&g, kt)) return;
    double flops = (second ? 2.0 : 1.0) * (SB_IS_COMPLEX ? 4.0 : 1.0) * (double)n * (double)(n + 1) * (double)k;
    int nparts = sb_threads_for_compute(flops);
    blas_int tiles = (n + g.nr - 1) / g.nr;
    if (nparts > tiles) nparts = (int)tiles;
    if (nparts <= 1) {
        gemmt_cols(&g, 0, n);
        return;
    }
    g.nparts = nparts;
    sb_parallel_run_writing(nparts, gemmt_part, &g, c, sizeof(sb_t), n, n, ldc);
}

void SB_NAME(gemmt_ex)(char uplo, int herm, char transa, char transb, blas_int n, blas_int k, sb_t alpha,
                       const sb_t *a, blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    SB_NAME(gemmt_pair)(uplo, herm, transa, transb, n, k, alpha, a, lda, b, ldb, NULL, beta, c, ldc);
}

void SB_NAME(gemmt)(char uplo, char transa, char transb, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                    blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    SB_NAME(gemmt_ex)(uplo, 0, transa, transb, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
