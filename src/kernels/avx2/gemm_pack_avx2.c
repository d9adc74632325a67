/* gemm packing compiled for AVX2 (format in kernels.h). The copies along i (A 'N', B 'T') are
 * the portable body, whose fixed-size sliver copies the compiler turns into vector moves. The
 * copies along p (A 'T'/'C', B 'N'/'R'), which gather r source columns into the rows of a
 * sliver, use 4x4 register transposes here: 64-bit units (double, float complex) in ymm
 * registers, 32-bit units (float) in xmm registers, 128-bit units (double complex) one by one.
 * Conjugation flips the sign bit of the imaginary parts (an exact operation). */
#include "kernels/kernels.h"

#include <immintrin.h>
#include <string.h>

#include "kernels/avx2/transpose_avx2.h"

#define pack_a_body SB_NAME(gemm_pack_a_avx2_body)
#define pack_b_body SB_NAME(gemm_pack_b_avx2_body)
void pack_a_body(char trans, blas_int m, blas_int k, const sb_t *a, blas_int lda, sb_t *buf, int mr);
void pack_b_body(char trans, blas_int k, blas_int n, const sb_t *b, blas_int ldb, sb_t *buf, int nr);
#define SB_PACK_A_NAME pack_a_body
#define SB_PACK_B_NAME pack_b_body
#include "kernels/generic/gemm_pack_body.h"

#if defined(SB_PREC_D) || defined(SB_PREC_C)
/* 64-bit units. Full slivers of r rows: buf[s*r*cols + p*r + i] = x[p + (s*r + i)*ldx] ^ flip. */
static void gather64(blas_int rows, blas_int cols, const double *x, blas_int ldx, double *buf, int r, __m256d flip)
{
    blas_int nfull = rows / r;
    for (blas_int s = 0; s < nfull; s++) {
        const double *xs = x + (size_t)s * r * ldx;
        double *bs = buf + (size_t)s * r * cols;
        for (int g = 0; g < r; g += 4) {
            int w = r - g < 4 ? r - g : 4;
            const double *c0 = xs + (size_t)g * ldx;
            const double *c1 = c0 + (w > 1 ? (size_t)ldx : 0);
            const double *c2 = c0 + (w > 2 ? 2 * (size_t)ldx : 0);
            const double *c3 = c0 + (w > 3 ? 3 * (size_t)ldx : 0);
            double *d = bs + g;
            blas_int p = 0;
            for (; p + 4 <= cols; p += 4) {
                __m256d v[4] = {_mm256_loadu_pd(c0 + p), _mm256_loadu_pd(c1 + p), _mm256_loadu_pd(c2 + p),
                                _mm256_loadu_pd(c3 + p)};
                transpose4_pd(v);
                __m256d r0 = _mm256_xor_pd(v[0], flip), r1 = _mm256_xor_pd(v[1], flip);
                __m256d r2 = _mm256_xor_pd(v[2], flip), r3 = _mm256_xor_pd(v[3], flip);
                double *d0 = d + (size_t)p * r;
                if (w == 4) {
                    _mm256_storeu_pd(d0, r0);
                    _mm256_storeu_pd(d0 + r, r1);
                    _mm256_storeu_pd(d0 + 2 * r, r2);
                    _mm256_storeu_pd(d0 + 3 * r, r3);
                } else if (w == 2) {
                    _mm_storeu_pd(d0, _mm256_castpd256_pd128(r0));
                    _mm_storeu_pd(d0 + r, _mm256_castpd256_pd128(r1));
                    _mm_storeu_pd(d0 + 2 * r, _mm256_castpd256_pd128(r2));
                    _mm_storeu_pd(d0 + 3 * r, _mm256_castpd256_pd128(r3));
                } else if (w == 3) { /* (masked stores are slow on AMD) */
                    _mm_storeu_pd(d0, _mm256_castpd256_pd128(r0));
                    _mm_store_sd(d0 + 2, _mm256_extractf128_pd(r0, 1));
                    _mm_storeu_pd(d0 + r, _mm256_castpd256_pd128(r1));
                    _mm_store_sd(d0 + r + 2, _mm256_extractf128_pd(r1, 1));
                    _mm_storeu_pd(d0 + 2 * r, _mm256_castpd256_pd128(r2));
                    _mm_store_sd(d0 + 2 * r + 2, _mm256_extractf128_pd(r2, 1));
                    _mm_storeu_pd(d0 + 3 * r, _mm256_castpd256_pd128(r3));
                    _mm_store_sd(d0 + 3 * r + 2, _mm256_extractf128_pd(r3, 1));
                } else {
                    _mm_store_sd(d0, _mm256_castpd256_pd128(r0));
                    _mm_store_sd(d0 + r, _mm256_castpd256_pd128(r1));
                    _mm_store_sd(d0 + 2 * r, _mm256_castpd256_pd128(r2));
                    _mm_store_sd(d0 + 3 * r, _mm256_castpd256_pd128(r3));
                }
            }
            const __m128d flip1 = _mm256_castpd256_pd128(flip);
            for (; p < cols; p++) {
                double *d0 = d + (size_t)p * r;
                for (int i = 0; i < w; i++)
                    _mm_store_sd(d0 + i, _mm_xor_pd(_mm_load_sd(c0 + (size_t)i * ldx + p), flip1));
            }
        }
    }
}
#endif

#if defined(SB_PREC_S)
/* 32-bit units, same layout as gather64, with 4x4 transposes in xmm registers. */
static void gather32(blas_int rows, blas_int cols, const float *x, blas_int ldx, float *buf, int r)
{
    blas_int nfull = rows / r;
    for (blas_int s = 0; s < nfull; s++) {
        const float *xs = x + (size_t)s * r * ldx;
        float *bs = buf + (size_t)s * r * cols;
        for (int g = 0; g < r; g += 4) {
            int w = r - g < 4 ? r - g : 4;
            const float *c0 = xs + (size_t)g * ldx;
            const float *c1 = c0 + (w > 1 ? (size_t)ldx : 0);
            const float *c2 = c0 + (w > 2 ? 2 * (size_t)ldx : 0);
            const float *c3 = c0 + (w > 3 ? 3 * (size_t)ldx : 0);
            float *d = bs + g;
            blas_int p = 0;
            for (; p + 4 <= cols; p += 4) {
                __m128 v0 = _mm_loadu_ps(c0 + p), v1 = _mm_loadu_ps(c1 + p);
                __m128 v2 = _mm_loadu_ps(c2 + p), v3 = _mm_loadu_ps(c3 + p);
                _MM_TRANSPOSE4_PS(v0, v1, v2, v3);
                float *d0 = d + (size_t)p * r;
                if (w == 4) {
                    _mm_storeu_ps(d0, v0);
                    _mm_storeu_ps(d0 + r, v1);
                    _mm_storeu_ps(d0 + 2 * r, v2);
                    _mm_storeu_ps(d0 + 3 * r, v3);
                } else if (w == 2) {
                    _mm_storel_pi((__m64 *)d0, v0);
                    _mm_storel_pi((__m64 *)(d0 + r), v1);
                    _mm_storel_pi((__m64 *)(d0 + 2 * r), v2);
                    _mm_storel_pi((__m64 *)(d0 + 3 * r), v3);
                } else {
                    float t[16];
                    _mm_storeu_ps(t, v0);
                    _mm_storeu_ps(t + 4, v1);
                    _mm_storeu_ps(t + 8, v2);
                    _mm_storeu_ps(t + 12, v3);
                    for (int q = 0; q < 4; q++)
                        for (int i = 0; i < w; i++) d0[(size_t)q * r + i] = t[4 * q + i];
                }
            }
            for (; p < cols; p++)
                for (int i = 0; i < w; i++) d[(size_t)p * r + i] = c0[(size_t)i * ldx + p];
        }
    }
}
#endif

#if defined(SB_PREC_Z)
/* 128-bit units: one complex per xmm register. */
static void gather128(blas_int rows, blas_int cols, const double *x, blas_int ldx, double *buf, int r, __m128d flip)
{
    blas_int nfull = rows / r;
    for (blas_int s = 0; s < nfull; s++) {
        const double *xs = x + (size_t)2 * s * r * ldx;
        double *bs = buf + (size_t)2 * s * r * cols;
        for (blas_int p = 0; p < cols; p++) {
            double *d0 = bs + (size_t)2 * p * r;
            for (int i = 0; i < r; i++)
                _mm_storeu_pd(d0 + 2 * i, _mm_xor_pd(_mm_loadu_pd(xs + 2 * ((size_t)i * ldx + p)), flip));
        }
    }
}
#endif

/* Rows of op(X) (rows x cols), op(X)(i, p) = X(p, i) (conjugated if cj), in slivers of r rows:
 * full slivers with the transposes above, a partial last one with the portable body. */
static void pack_gather(int cj, blas_int rows, blas_int cols, const sb_t *x, blas_int ldx, sb_t *buf, int r)
{
    if (rows <= 0 || cols <= 0) return;
#if defined(SB_PREC_D)
    gather64(rows, cols, x, ldx, buf, r, _mm256_setzero_pd());
#elif defined(SB_PREC_C)
    const __m256d flip = cj ? _mm256_castps_pd(_mm256_setr_ps(0.f, -0.f, 0.f, -0.f, 0.f, -0.f, 0.f, -0.f))
                            : _mm256_setzero_pd();
    gather64(rows, cols, (const double *)x, ldx, (double *)buf, r, flip);
#elif defined(SB_PREC_S)
    gather32(rows, cols, x, ldx, buf, r);
#else
    gather128(rows, cols, (const double *)x, ldx, (double *)buf, r, cj ? _mm_setr_pd(0.0, -0.0) : _mm_setzero_pd());
#endif
    blas_int done = rows / r * r;
    if (done < rows)
        pack_rows(cj ? 'C' : 'T', rows - done, cols, x + (size_t)done * ldx, ldx, buf + (size_t)done * cols, r);
}

void SB_NAME(gemm_pack_a_avx2)(char trans, blas_int m, blas_int k, const sb_t *a, blas_int lda, sb_t *buf, int mr)
{
    if (trans == 'T' || trans == 'C') pack_gather(SB_IS_COMPLEX && trans == 'C', m, k, a, lda, buf, mr);
    else pack_a_body(trans, m, k, a, lda, buf, mr);
}

void SB_NAME(gemm_pack_b_avx2)(char trans, blas_int k, blas_int n, const sb_t *b, blas_int ldb, sb_t *buf, int nr)
{
    /* op(B)'s columns are the rows of B^T under the opposite transposition: B 'N'/'R' gathers */
    if (trans == 'N' || trans == 'R') pack_gather(SB_IS_COMPLEX && trans == 'R', n, k, b, ldb, buf, nr);
    else pack_b_body(trans, k, n, b, ldb, buf, nr);
}
