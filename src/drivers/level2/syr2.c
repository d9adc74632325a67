/* Symmetric / Hermitian rank-2 update (syr2/her2 in full storage, spr2/hpr2 packed), column by
 * column as the reference: column j is skipped when x(j) = y(j) = 0; for her2/hpr2 the diagonal
 * is made real in every column.  Storage handled through a column pointer as in syr.c. */
#include "drivers/level2_updates.h"

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

static inline __attribute__((always_inline)) void syr2_body(int upper, blas_int n, sb_t alpha, const sb_t *x,
                                                             blas_int incx, const sb_t *y, blas_int incy,
                                                             sb_t *a, blas_int lda, int herm, int cx,
                                                             col_fn colp)
{
#define XV(i) sb_conj_if(cx, x[(ptrdiff_t)(i) * incx])
#define YV(i) sb_conj_if(cx, y[(ptrdiff_t)(i) * incy])
    for (blas_int j = 0; j < n; j++) {
        sb_t *col = colp(a, lda, upper, n, j);
        sb_t xj = XV(j), yj = YV(j);
        blas_int i0 = upper ? 0 : j + 1, i1 = upper ? j : n; /* off-diagonal rows [i0, i1) */
        if (!herm) {
            if (xj == 0 && yj == 0) continue;
            sb_t t1 = alpha * yj, t2 = alpha * xj;
            col[j] = col[j] + xj * t1 + yj * t2;
            for (blas_int i = i0; i < i1; i++) col[i] = col[i] + XV(i) * t1 + YV(i) * t2;
        } else {
            if (xj != 0 || yj != 0) {
                sb_t t1 = alpha * sb_conj(yj), t2 = sb_conj(alpha * xj);
                for (blas_int i = i0; i < i1; i++) col[i] = col[i] + XV(i) * t1 + YV(i) * t2;
                col[j] = sb_make(sb_creal(col[j]) + sb_creal(xj * t1 + yj * t2), 0);
            } else {
                col[j] = sb_make(sb_creal(col[j]), 0);
            }
        }
    }
#undef XV
#undef YV
}

#if SB_IS_COMPLEX
#define SYR2_DISPATCH(COLP)                                                                        \
    do {                                                                                           \
        if (herm) {                                                                                \
            if (conjxy) syr2_body(upper, n, alpha, x, incx, y, incy, a, lda, 1, 1, COLP);         \
            else if (incx == 1 && incy == 1) syr2_body(upper, n, alpha, x, 1, y, 1, a, lda, 1, 0, COLP); \
            else syr2_body(upper, n, alpha, x, incx, y, incy, a, lda, 1, 0, COLP);                \
        } else if (conjxy) {                                                                       \
            syr2_body(upper, n, alpha, x, incx, y, incy, a, lda, 0, 1, COLP);                     \
        } else if (incx == 1 && incy == 1) {                                                       \
            syr2_body(upper, n, alpha, x, 1, y, 1, a, lda, 0, 0, COLP);                           \
        } else {                                                                                   \
            syr2_body(upper, n, alpha, x, incx, y, incy, a, lda, 0, 0, COLP);                     \
        }                                                                                          \
    } while (0)
#else
#define SYR2_DISPATCH(COLP)                                                                        \
    do {                                                                                           \
        if (incx == 1 && incy == 1) syr2_body(upper, n, alpha, x, 1, y, 1, a, lda, 0, 0, COLP);   \
        else syr2_body(upper, n, alpha, x, incx, y, incy, a, lda, 0, 0, COLP);                    \
    } while (0)
#endif

void SB_NAME(syr2)(int upper, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, const sb_t *y,
                   blas_int incy, sb_t *a, blas_int lda, int herm, int conjxy)
{
    x += sb_l2u_vstart(n, incx);
    y += sb_l2u_vstart(n, incy);
    SYR2_DISPATCH(col_full);
}

void SB_NAME(spr2)(int upper, blas_int n, sb_t alpha, const sb_t *x, blas_int incx, const sb_t *y,
                   blas_int incy, sb_t *ap, int herm, int conjxy)
{
    sb_t *a = ap;
    blas_int lda = 0;
    x += sb_l2u_vstart(n, incx);
    y += sb_l2u_vstart(n, incy);
    SYR2_DISPATCH(col_packed);
}
