/* Triangular solves op(A)*x = b for the three storages (trsv full, tbsv band, tpsv packed), in
 * the reference order of operations:
 *   op = A or conj(A):       column sweeps, x(i) -= x(j)*A(i,j) (unit-stride axpy down a column),
 *                            skipped when x(j) = 0;
 *   op = A^T or A^H:         x(j) = (x(j) - sum A(i,j)*x(i)) / A(j,j) (a dot down a column).
 * With a unit diagonal A(j,j) is never read.  One body serves every storage: `col(j)` points
 * at a column such that A(i,j) is col[i], and only rows within k of the diagonal exist
 * (k = n - 1 for full and packed storage). */
#include "drivers/level2_updates.h"

enum { ST_FULL, ST_PACKED, ST_BAND };

static inline const sb_t *colp(int st, int upper, const sb_t *a, blas_int lda, blas_int n, blas_int k,
                               blas_int j)
{
    if (st == ST_FULL) return a + (ptrdiff_t)j * lda;
    if (st == ST_BAND) return a + (ptrdiff_t)j * lda + (upper ? k - j : -j);
    if (upper) return a + (ptrdiff_t)j * (j + 1) / 2;
    return a + (ptrdiff_t)j * (2 * (ptrdiff_t)n - j + 1) / 2 - j;
}

static inline __attribute__((always_inline)) void tsv_body(int st, int upper, int trans, int unit, blas_int n,
                                                            blas_int k, const sb_t *a, blas_int lda, sb_t *x,
                                                            blas_int incx)
{
#define XV(i) x[(ptrdiff_t)(i) * incx]
    const int cj = trans == SB_TR_C || trans == SB_TR_R;
    if (trans == SB_TR_N || trans == SB_TR_R) {
        if (upper) {
            for (blas_int j = n - 1; j >= 0; j--) {
                if (XV(j) == 0) continue;
                const sb_t *col = colp(st, upper, a, lda, n, k, j);
                if (!unit) XV(j) = XV(j) / sb_conj_if(cj, col[j]);
                sb_t temp = XV(j);
                blas_int lo = j - k > 0 ? j - k : 0;
                for (blas_int i = lo; i < j; i++) XV(i) = XV(i) - temp * sb_conj_if(cj, col[i]);
            }
        } else {
            for (blas_int j = 0; j < n; j++) {
                if (XV(j) == 0) continue;
                const sb_t *col = colp(st, upper, a, lda, n, k, j);
                if (!unit) XV(j) = XV(j) / sb_conj_if(cj, col[j]);
                sb_t temp = XV(j);
                blas_int hi = (ptrdiff_t)j + k < (ptrdiff_t)n - 1 ? j + k : n - 1;
                for (blas_int i = j + 1; i <= hi; i++) XV(i) = XV(i) - temp * sb_conj_if(cj, col[i]);
            }
        }
    } else {
        if (upper) {
            for (blas_int j = 0; j < n; j++) {
                const sb_t *col = colp(st, upper, a, lda, n, k, j);
                sb_t temp = XV(j);
                blas_int lo = j - k > 0 ? j - k : 0;
                for (blas_int i = lo; i < j; i++) temp = temp - sb_conj_if(cj, col[i]) * XV(i);
                if (!unit) temp = temp / sb_conj_if(cj, col[j]);
                XV(j) = temp;
            }
        } else {
            for (blas_int j = n - 1; j >= 0; j--) {
                const sb_t *col = colp(st, upper, a, lda, n, k, j);
                sb_t temp = XV(j);
                blas_int hi = (ptrdiff_t)j + k < (ptrdiff_t)n - 1 ? j + k : n - 1;
                for (blas_int i = hi; i > j; i--) temp = temp - sb_conj_if(cj, col[i]) * XV(i);
                if (!unit) temp = temp / sb_conj_if(cj, col[j]);
                XV(j) = temp;
            }
        }
    }
#undef XV
}

/* Specialise the conjugation and the unit stride so the inner loops are branch-free. */
static inline __attribute__((always_inline)) void tsv(int st, int upper, int trans, int unit, blas_int n,
                                                       blas_int k, const sb_t *a, blas_int lda, sb_t *x,
                                                       blas_int incx)
{
    x += sb_l2u_vstart(n, incx);
#if SB_IS_COMPLEX
    if (trans == SB_TR_C || trans == SB_TR_R) {
        int t = trans == SB_TR_C ? SB_TR_C : SB_TR_R;
        if (incx == 1) tsv_body(st, upper, t, unit, n, k, a, lda, x, 1);
        else tsv_body(st, upper, t, unit, n, k, a, lda, x, incx);
        return;
    }
#else
    if (trans == SB_TR_C) trans = SB_TR_T;
    if (trans == SB_TR_R) trans = SB_TR_N;
#endif
    if (trans == SB_TR_T) {
        if (incx == 1) tsv_body(st, upper, SB_TR_T, unit, n, k, a, lda, x, 1);
        else tsv_body(st, upper, SB_TR_T, unit, n, k, a, lda, x, incx);
    } else {
        if (incx == 1) tsv_body(st, upper, SB_TR_N, unit, n, k, a, lda, x, 1);
        else tsv_body(st, upper, SB_TR_N, unit, n, k, a, lda, x, incx);
    }
}

void SB_NAME(trsv)(int upper, int trans, int unit, blas_int n, const sb_t *a, blas_int lda, sb_t *x,
                   blas_int incx)
{
    tsv(ST_FULL, upper, trans, unit, n, n - 1, a, lda, x, incx);
}

void SB_NAME(tbsv)(int upper, int trans, int unit, blas_int n, blas_int k, const sb_t *a, blas_int lda,
                   sb_t *x, blas_int incx)
{
    tsv(ST_BAND, upper, trans, unit, n, k, a, lda, x, incx);
}

void SB_NAME(tpsv)(int upper, int trans, int unit, blas_int n, const sb_t *ap, sb_t *x, blas_int incx)
{
    tsv(ST_PACKED, upper, trans, unit, n, n - 1, ap, 0, x, incx);
}
