/* Symmetric / Hermitian rank-1 update (syr/her in full storage, spr/hpr packed), column by
 * column as the reference: column j is skipped when x(j) = 0; for her/hpr the diagonal is made
 * real in every column (also when x(j) = 0). A unit-stride, unconjugated x runs the column's
 * off-diagonal part through the kernel table's axpy, which rounds the product and the sum
 * separately (kernels.h) as the loop does, so it gives the same bits in wider vectors (dsyr
 * n = 500, one thread, Xeon 6/207: 0.63x OpenBLAS's speed with the loop).
 *
 * Both storages are handled by one body: `col` returns a pointer such that element (i, j) of
 * the referenced triangle is col[i] (full: a + j*lda; packed upper: ap + j(j+1)/2; packed
 * lower: ap + j(2n-j+1)/2 - j). */
#include "drivers/level2_updates.h"
#include "kernels/kernels.h"

static inline sb_t *col_full(sb_t *a, blas_int lda, int upper, blas_int n, blas_int j)
{
    return a + (ptrdiff_t)j * lda;
}

static inline sb_t *col_packed(sb_t *ap, blas_int unused, int upper, blas_int n, blas_int j)
{
    if (upper) return ap + (ptrdiff_t)j * (j + 1) / 2;
    return ap + (ptrdiff_t)j * (2 * (ptrdiff_t)n - j + 1) / 2 - j;
}

typedef sb_t *(*col_fn)(sb_t *, blas_int, int, blas_int, blas_int);

static inline __attribute__((always_inline)) void syr_body(int upper, blas_int n, sb_t alpha, const sb_t *x,
                                                            blas_int incx, sb_t *a, blas_int lda, int herm,
                                                            int cx, col_fn colp)
{
    const SB_NAME(axpy_fn) axpy = incx == 1 && !cx ? SB_NAME(axpy_kernel)() : NULL;
#define XV(i) sb_conj_if(cx, x[(ptrdiff_t)(i) * incx])
#define COL_UPDATE(temp)                                                                                      \
    do {                                                                                                      \
        if (axpy) {                                                                                           \
            if (i1 > i0) axpy(i1 - i0, temp, x + i0, col + i0);                                               \
        } else {                                                                                              \
            for (blas_int i = i0; i < i1; i++) col[i] += XV(i) * (temp);                                      \
        }                                                                                                     \
    } while (0)
    for (blas_int j = 0; j < n; j++) {
        sb_t *col = colp(a, lda, upper, n, j);
        sb_t xj = XV(j);
        blas_int i0 = upper ? 0 : j + 1, i1 = upper ? j : n; /* off-diagonal rows [i0, i1) */
        if (!herm) {
            if (xj == 0) continue;
            sb_t temp = alpha * xj;
            col[j] += xj * temp;
            COL_UPDATE(temp);
        } else {
            if (xj != 0) {
                sb_t temp = alpha * sb_conj(xj);
                COL_UPDATE(temp);
                col[j] = sb_make(sb_creal(col[j]) + sb_creal(xj * temp), 0);
            } else {
                col[j] = sb_make(sb_creal(col[j]), 0);
            }
        }
    }
#undef COL_UPDATE
#undef XV
}

/* Specialise on (herm, conjx, incx == 1) so the common case has a unit-stride inner loop. */
#if SB_IS_COMPLEX
#define SYR_DISPATCH(COLP)                                                                    \
    do {                                                                                      \
        if (herm) {                                                                           \
            if (conjx) syr_body(upper, n, alpha, x, incx, a, lda, 1, 1, COLP);               \
            else if (incx == 1) syr_body(upper, n, alpha, x, 1, a, lda, 1, 0, COLP);         \
            else syr_body(upper, n, alpha, x, incx, a, lda, 1, 0, COLP);                     \
        } else if (conjx) {                                                                   \
            syr_body(upper, n, alpha, x, incx, a, lda, 0, 1, COLP);                          \
        } else if (incx == 1) {                                                               \
            syr_body(upper, n, alpha, x, 1, a, lda, 0, 0, COLP);                             \
        } else {                                                                              \
            syr_body(upper, n, alpha, x, incx, a, lda, 0, 0, COLP);                          \
        }                                                                                     \
    } while (0)
#else
#define SYR_DISPATCH(COLP)                                                                    \
    do {                                                                                      \
        if (incx == 1) syr_body(upper, n, alpha, x, 1, a, lda, 0, 0, COLP);                  \
        else syr_body(upper, n, alpha, x, incx, a, lda, 0, 0, COLP);                         \
    } while (0)
#endif

void SB_NAME(syr)(int upper, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, sb_t *a, blas_int lda,
                  int herm, int conjx)
{
    x += sb_l2u_vstart(n, incx);
    SYR_DISPATCH(col_full);
}

void SB_NAME(spr)(int upper, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, sb_t *ap, int herm,
                  int conjx)
{
    sb_t *a = ap;
    blas_int lda = 0;
    x += sb_l2u_vstart(n, incx);
    SYR_DISPATCH(col_packed);
}
