/* The engine behind syrk/herk and syr2k/her2k: a rank-k (or rank-2k) update of one triangle of C.
 *
 * Recursive over the triangle: it is split near the middle (at a multiple of 16); the rectangle
 * between the two halves (below the first half for 'L', right of it for 'U') is one gemm with
 * the whole k, which gemm splits over the threads itself; the halves are split again until they
 * are of order <= RK_BASE. Those diagonal blocks are computed by gemm into a small temporary
 * that holds the owned triangle of C (the other entries zero), and only the owned triangle is
 * copied back, so the other triangle of C is never written; they are independent and run in
 * parallel, whole blocks per part. Every element of C comes from exactly one gemm call whose
 * shape depends only on the problem, so the result is bitwise the same at every thread count. */
#include <stdlib.h>

#include "drivers/level3.h"
#include "drivers/level3_structured.h"
#include "runtime/parallel.h"

#ifndef SB_RK_BASE
#define SB_RK_BASE 32
#endif
enum { RK_BASE = SB_RK_BASE };

typedef struct {
    char uplo, trans, ta, tb;
    int herm, two;
    blas_int n, k;
    sb_t alpha, alpha2, beta;
    const sb_t *a, *b;
    blas_int lda, ldb;
    sb_t *c;
    blas_int ldc;
} rk_ctx;

/* The first element of rows [i, ...) of op(X). */
static const sb_t *oprows(const rk_ctx *x, const sb_t *m, blas_int ld, blas_int i)
{
    return x->trans == 'N' ? m + i : m + (size_t)i * ld;
}

/* C(rows I, cols J) := alpha*op(A)_I*op(B)_J' + alpha2*op(B)_I*op(A)_J' + beta*C (two terms), or
 * the first term only. */
static void update(const rk_ctx *x, blas_int i0, blas_int ib, blas_int j0, blas_int jb, sb_t beta, sb_t *c,
                   blas_int ldc)
{
    if (ib <= 0 || jb <= 0) return;
    SB_NAME(gemm)(x->ta, x->tb, ib, jb, x->k, x->alpha, oprows(x, x->a, x->lda, i0), x->lda,
                  oprows(x, x->b, x->ldb, j0), x->ldb, beta, c, ldc);
    if (x->two)
        SB_NAME(gemm)(x->ta, x->tb, ib, jb, x->k, x->alpha2, oprows(x, x->b, x->ldb, i0), x->ldb,
                      oprows(x, x->a, x->lda, j0), x->lda, 1, c, ldc);
}

static int owned(char uplo, blas_int i, blas_int j) { return uplo == 'U' ? i <= j : i >= j; }

/* op(X)(i, l) */
static sb_t opel(const rk_ctx *x, const sb_t *m, blas_int ld, blas_int i, blas_int l)
{
    return x->trans == 'N' ? m[i + (size_t)l * ld] : m[l + (size_t)i * ld];
}

/* Diagonal block without a temporary (only when allocation failed): element by element. */
static void diag_block_plain(const rk_ctx *x, blas_int j0, blas_int jb)
{
    for (blas_int j = j0; j < j0 + jb; j++)
        for (blas_int i = j0; i < j0 + jb; i++) {
            if (!owned(x->uplo, i, j)) continue;
            sb_t s1 = 0, s2 = 0;
            for (blas_int l = 0; l < x->k; l++) {
                sb_t bj = opel(x, x->b, x->ldb, j, l);
                s1 += opel(x, x->a, x->lda, i, l) * (x->herm ? sb_conj(bj) : bj);
                if (x->two) {
                    sb_t aj = opel(x, x->a, x->lda, j, l);
                    s2 += opel(x, x->b, x->ldb, i, l) * (x->herm ? sb_conj(aj) : aj);
                }
            }
            sb_t *cij = &x->c[i + (size_t)j * x->ldc];
            sb_t old = x->beta == 0 ? 0 : (x->herm && i == j ? sb_creal(*cij) : *cij);
            sb_t v = x->alpha * s1 + (x->two ? x->alpha2 * s2 : 0) + (x->beta == 0 ? 0 : x->beta * old);
            *cij = x->herm && i == j ? sb_creal(v) : v;
        }
}

static void diag_block(const rk_ctx *x, blas_int j0, blas_int jb, sb_t *t)
{
    sb_t *cd = x->c + j0 + (size_t)j0 * x->ldc;
    if (!t) {
        diag_block_plain(x, j0, jb);
        return;
    }
    for (blas_int j = 0; j < jb; j++)
        for (blas_int i = 0; i < jb; i++) {
            sb_t v = 0;
            if (x->beta != 0 && owned(x->uplo, i, j)) {
                v = cd[i + (size_t)j * x->ldc];
                if (x->herm && i == j) v = sb_creal(v);
            }
            t[i + (size_t)j * jb] = v;
        }
    update(x, j0, jb, j0, jb, x->beta, t, jb);
    for (blas_int j = 0; j < jb; j++)
        for (blas_int i = 0; i < jb; i++) {
            if (!owned(x->uplo, i, j)) continue;
            sb_t v = t[i + (size_t)j * jb];
            if (x->herm && i == j) v = sb_creal(v);
            cd[i + (size_t)j * x->ldc] = v;
        }
}

/* The off-diagonal rectangles of the triangle of order nn at (j0, j0), recursively: split near
 * the middle (at a multiple of 16), the rectangle between the halves is one gemm (k whole),
 * which gemm itself splits over the threads. Diagonal blocks of order <= RK_BASE are left to
 * the diagonal pass. */
static void rk_rec(const rk_ctx *x, blas_int j0, blas_int nn)
{
    if (nn <= RK_BASE) return;
    blas_int n1 = (nn / 2 + 8) / 16 * 16;
    if (n1 < 16) n1 = 16;
    blas_int n2 = nn - n1;
    if (x->uplo == 'U')
        update(x, j0, n1, j0 + n1, n2, x->beta, x->c + j0 + (size_t)(j0 + n1) * x->ldc, x->ldc);
    else
        update(x, j0 + n1, n2, j0, n1, x->beta, x->c + j0 + n1 + (size_t)j0 * x->ldc, x->ldc);
    rk_rec(x, j0, n1);
    rk_rec(x, j0 + n1, n2);
}

/* The diagonal blocks the recursion leaves: the same split, collected in order. */
static blas_int rk_leaves(blas_int j0, blas_int nn, blas_int *start, blas_int *size, blas_int cnt)
{
    if (nn <= RK_BASE) {
        start[cnt] = j0;
        size[cnt] = nn;
        return cnt + 1;
    }
    blas_int n1 = (nn / 2 + 8) / 16 * 16;
    if (n1 < 16) n1 = 16;
    cnt = rk_leaves(j0, n1, start, size, cnt);
    return rk_leaves(j0 + n1, nn - n1, start, size, cnt);
}

/* The same leaves, computed one after the other (when no list can be allocated). */
static void rk_diag_walk(const rk_ctx *x, blas_int j0, blas_int nn, sb_t *t)
{
    if (nn <= RK_BASE) {
        diag_block(x, j0, nn, t);
        return;
    }
    blas_int n1 = (nn / 2 + 8) / 16 * 16;
    if (n1 < 16) n1 = 16;
    rk_diag_walk(x, j0, n1, t);
    rk_diag_walk(x, j0 + n1, nn - n1, t);
}

typedef struct {
    const rk_ctx *x;
    const blas_int *start, *size;
    blas_int nleaves;
} rk_diag_job;

static void rk_diag_part(void *ctx, int part, int nparts)
{
    const rk_diag_job *d = ctx;
    sb_t *t = malloc((size_t)RK_BASE * RK_BASE * sizeof(sb_t));
    for (blas_int u = part; u < d->nleaves; u += nparts) diag_block(d->x, d->start[u], d->size[u], t);
    free(t);
}

/* Shared by syrk (b == NULL) and syr2k. */
void SB_NAME(l3s_rankk)(char uplo, char trans, int herm, blas_int n, blas_int k, sb_t alpha, const sb_t *a,
                        blas_int lda, const sb_t *b, blas_int ldb, sb_t beta, sb_t *c, blas_int ldc)
{
    if (n <= 0) return;
    if (alpha == 0 || k == 0) {
        SB_NAME(l3s_scale_tri)(uplo, herm, n, beta, c, ldc);
        return;
    }
    rk_ctx x;
    x.uplo = uplo;
    x.trans = trans == 'N' ? 'N' : 'T';
    x.herm = herm;
    x.two = b != NULL;
    x.n = n;
    x.k = k;
    x.alpha = alpha;
    x.alpha2 = herm ? sb_conj(alpha) : alpha;
    x.beta = beta;
    x.a = a;
    x.lda = lda;
    x.b = b ? b : a;
    x.ldb = b ? ldb : lda;
    x.c = c;
    x.ldc = ldc;
    char t = herm ? 'C' : 'T';
    x.ta = trans == 'N' ? 'N' : t;
    x.tb = trans == 'N' ? t : 'N';
    rk_rec(&x, 0, n);
    /* leaves: each of order >= 16 (a split leaves both halves >= 16) */
    blas_int cap = n / 16 + 2;
    blas_int *lv = malloc(2 * (size_t)cap * sizeof(blas_int));
    if (!lv) {
        sb_t *t = malloc((size_t)RK_BASE * RK_BASE * sizeof(sb_t));
        rk_diag_walk(&x, 0, n, t);
        free(t);
        return;
    }
    rk_diag_job d = {&x, lv, lv + cap, 0};
    d.nleaves = rk_leaves(0, n, lv, lv + cap, 0);
    double flops = (double)RK_BASE * (double)n * (double)k * (x.two ? 2.0 : 1.0) * (SB_IS_COMPLEX ? 4.0 : 1.0);
    int nt = sb_threads_for(flops);
    if (nt > d.nleaves) nt = (int)d.nleaves;
    sb_parallel_run(nt, rk_diag_part, &d);
    free(lv);
}
