/* ?GETRF: LU factorization with partial pivoting, A = P L U, by recursion on the columns
 * (Gustavson / Toledo, as LAPACK's ?getrf2 but with the recursion itself doing the whole
 * matrix):
 *
 *   [A11 A12]   factor the left n1 columns [A11; A21] recursively (pivots in ipiv(1:n1)),
 *   [A21 A22]   apply those interchanges to [A12; A22], A12 := L11^-1 A12, A22 -= A21 A12,
 *               factor A22 recursively, apply its interchanges back to A21.
 *
 * Every update is one large gemm (or a triangular solve that is itself gemm by recursion), so
 * the panel factorization at each level is not a serial phase: the panel is factored by the
 * same recursion, its updates are parallel gemms too, and only the narrow leaves (GETRF_LEAF
 * columns) are level-2 loops. The interchanges are parallel over columns (lp_laswp).
 *
 * Contract as the reference: the pivot of a column is the first element of largest |.| (|re| +
 * |im| for complex, as i?amax); a zero pivot is recorded in info (the first one) and the
 * factorization goes on; column scaling multiplies by the reciprocal of the pivot unless the
 * pivot is below the safe minimum, where it divides. */
#include "drivers/level3.h"
#include "lapack/lapack.h"

#define GETRF_LEAF 8

static inline sb_r absval(sb_t x)
{
#if SB_IS_COMPLEX
    return sb_abs1(x);
#else
    return sb_rabs(x);
#endif
}

/* |x| as the reference's ABS (the modulus for complex), for the safe-minimum test. */
static inline sb_r modulus(sb_t x)
{
#if SB_IS_COMPLEX
#if SB_IS_DOUBLE
    return cabs(x);
#else
    return cabsf(x);
#endif
#else
    return sb_rabs(x);
#endif
}

/* Unblocked right-looking LU of the m x n panel (n small), interchanges applied within the
 * panel only. Returns the first zero pivot (1-based) or 0. */
static blas_int leaf(blas_int m, blas_int n, sb_t *a, blas_int lda, blas_int *ipiv)
{
    blas_int info = 0, mn = SB_MIN(m, n);
    for (blas_int j = 0; j < mn; j++) {
        sb_t *cj = a + (size_t)j * lda;
        /* pivot: first largest */
        blas_int p = j;
        sb_r best = absval(cj[j]);
        for (blas_int i = j + 1; i < m; i++) {
            sb_r v = absval(cj[i]);
            if (v > best) {
                best = v;
                p = i;
            }
        }
        ipiv[j] = p + 1;
        if (cj[p] != 0) {
            if (p != j)
                for (blas_int k = 0; k < n; k++) {
                    sb_t *col = a + (size_t)k * lda;
                    sb_t t = col[j];
                    col[j] = col[p];
                    col[p] = t;
                }
            sb_t piv = cj[j];
            if (modulus(piv) >= SB_SFMIN) {
                sb_t r = 1 / piv;
                for (blas_int i = j + 1; i < m; i++) cj[i] *= r;
            } else {
                for (blas_int i = j + 1; i < m; i++) cj[i] = cj[i] / piv;
            }
        } else if (info == 0) {
            info = j + 1;
        }
        /* rank-1 update of the panel's trailing columns (skipping zero multipliers, as ?ger) */
        for (blas_int k = j + 1; k < n; k++) {
            sb_t *ck = a + (size_t)k * lda;
            sb_t t = ck[j];
            if (t == 0) continue;
            for (blas_int i = j + 1; i < m; i++) ck[i] -= cj[i] * t;
        }
    }
    return info;
}

static blas_int rec(blas_int m, blas_int n, sb_t *a, blas_int lda, blas_int *ipiv)
{
    if (m == 0 || n == 0) return 0;
    blas_int mn = SB_MIN(m, n);
    if (n <= GETRF_LEAF || m == 1) return leaf(m, n, a, lda, ipiv);

    blas_int n1 = mn / 2;
    if (n1 > 32) n1 = n1 / 16 * 16;
    if (n1 < 1) n1 = 1;
    blas_int n2 = n - n1;
    sb_t *a12 = a + (size_t)n1 * lda, *a21 = a + n1, *a22 = a12 + n1;

    blas_int info = rec(m, n1, a, lda, ipiv);
    SB_NAME(lp_laswp)(n2, a12, lda, 1, n1, ipiv, 1);
    SB_NAME(lp_trsm)('L', 'L', 'N', 'U', n1, n2, a, lda, a12, lda);
    SB_NAME(gemm)('N', 'N', m - n1, n2, n1, -1, a21, lda, a12, lda, 1, a22, lda);
    blas_int info2 = rec(m - n1, n2, a22, lda, ipiv + n1);
    if (info == 0 && info2 > 0) info = info2 + n1;
    for (blas_int i = n1; i < mn; i++) ipiv[i] += n1;
    SB_NAME(lp_laswp)(n1, a, lda, n1 + 1, mn, ipiv, 1);
    return info;
}

blas_int SB_NAME(lp_getrf)(blas_int m, blas_int n, sb_t *a, blas_int lda, blas_int *ipiv)
{
    return rec(m, n, a, lda, ipiv);
}

SB_API void SB_F77(getrf)(const blas_int *m, const blas_int *n, sb_t *a, const blas_int *lda, blas_int *ipiv,
                          blas_int *info)
{
    *info = 0;
    if (*m < 0) *info = -1;
    else if (*n < 0) *info = -2;
    else if (*lda < SB_MAX(1, *m)) *info = -4;
    if (*info != 0) {
        sb_xerbla(SB_UPPER "GETRF", -*info);
        return;
    }
    if (*m == 0 || *n == 0) return;
    *info = SB_NAME(lp_getrf)(*m, *n, a, *lda, ipiv);
}
