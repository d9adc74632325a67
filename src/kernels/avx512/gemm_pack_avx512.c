/* gemm's packing of op(A) for the AVX-512 set (format in kernels.h): the copies along p (A 'T'
 * or 'C') of real and single complex elements with transposes in zmm registers, 8x8 of 64-bit
 * units (double, float complex) and 16x16 of floats, so that 64 bytes of a packed column are one
 * store (the small kernel reads its copied op(A) back at once with 64-byte loads). Slivers of
 * other heights, a partial last sliver and double complex: the AVX2 set's packer (the same
 * bytes). Measured (Xeon family 6 model 207, one thread, million calls/s against the AVX2
 * packer): dgemm TN n = 8 15.7 -> 16.2, n = 16 5.33 -> 5.53, sgemm TN n = 16 6.66 -> 7.01 (n = 8,
 * slivers of 8 floats, the AVX2 packer: 14.4 -> 14.1); dgemm/sgemm TN n = 400 unchanged (70.5,
 * 140 GFLOP/s). The loops over registers are unrolled by pragma: else GCC keeps v[] on the stack
 * (dgemm TN n = 8 then 13.7). */
#include "kernels/kernels.h"

#include <immintrin.h>

SB_KERNEL_PROTOTYPES(avx512)
SB_KERNEL_PROTOTYPES(avx2)

#include "kernels/avx512/transpose_avx512.h"

/* The unit transposed: UW units per zmm register (vec_t) */
#if defined(SB_PREC_S)
#define UW 16
typedef float unit_t;
typedef __m512 vec_t;
#define TRANSPOSE transpose16
#define V_LOADU(p) _mm512_loadu_ps(p)
#define V_STOREU(p, v) _mm512_storeu_ps((p), (v))
#define V_XOR(a, b) _mm512_xor_ps((a), (b))
#define V_ZERO() _mm512_setzero_ps()
/* rows 0-15 of column p of x (rows i at x + i*ldx), idx = (0..7)*ldx: two gathers of 8 */
#define V_GATHER(x, ldx, idx)                                                                          \
    _mm512_insertf32x8(_mm512_castps256_ps512(_mm512_i64gather_ps((idx), (x), 4)),                    \
                       _mm512_i64gather_ps((idx), (x) + 8 * (size_t)(ldx), 4), 1)
#elif defined(SB_PREC_D) || defined(SB_PREC_C)
#define UW 8
typedef double unit_t;
typedef __m512d vec_t;
#define TRANSPOSE transpose8
#define V_LOADU(p) _mm512_loadu_pd(p)
#define V_STOREU(p, v) _mm512_storeu_pd((p), (v))
#define V_XOR(a, b) _mm512_xor_pd((a), (b))
#define V_ZERO() _mm512_setzero_pd()
#define V_GATHER(x, ldx, idx) _mm512_i64gather_pd((idx), (x), 8)
#endif

#ifdef UW
/* Full slivers of r rows (r a multiple of UW), in units:
 * buf[s*r*cols + p*r + i] = x[p + (s*r + i)*ldx] ^ flip. */
static void gather_slivers(blas_int rows, blas_int cols, const unit_t *x, blas_int ldx, unit_t *buf, int r, vec_t flip)
{
    for (blas_int s = 0; s < rows / r; s++)
        for (int g = 0; g < r; g += UW) {
            const unit_t *c0 = x + ((size_t)s * r + g) * ldx;
            unit_t *d = buf + (size_t)s * r * cols + g;
            blas_int p = 0;
            for (; p + UW <= cols; p += UW) {
                vec_t v[UW];
#pragma GCC unroll 16
                for (int i = 0; i < UW; i++) v[i] = V_LOADU(c0 + (size_t)i * ldx + p);
                TRANSPOSE(v);
#pragma GCC unroll 16
                for (int q = 0; q < UW; q++) V_STOREU(d + (size_t)(p + q) * r, V_XOR(v[q], flip));
            }
            if (p < cols) { /* the last columns: gathered, one 64-byte store each */
                const __m512i idx =
                    _mm512_mullo_epi64(_mm512_setr_epi64(0, 1, 2, 3, 4, 5, 6, 7), _mm512_set1_epi64(ldx));
                for (; p < cols; p++) V_STOREU(d + (size_t)p * r, V_XOR(V_GATHER(c0 + p, ldx, idx), flip));
            }
        }
}
#endif

void SB_NAME(gemm_pack_a_avx512)(char trans, blas_int m, blas_int k, const sb_t *a, blas_int lda, sb_t *buf, int mr)
{
#ifdef UW
    if ((trans == 'T' || trans == 'C') && mr % UW == 0 && m >= mr && k > 0) {
        vec_t flip = V_ZERO();
#if defined(SB_PREC_C)
        /* conjugation: the sign bit of each imaginary part, the high half of a 64-bit unit */
        if (trans == 'C') flip = _mm512_castsi512_pd(_mm512_set1_epi64((long long)(1ULL << 63)));
#endif
        gather_slivers(m, k, (const unit_t *)a, lda, (unit_t *)buf, mr, flip);
        blas_int done = m / mr * mr;
        if (done < m)
            SB_NAME(gemm_pack_a_avx2)(trans, m - done, k, a + (size_t)done * lda, lda, buf + (size_t)done * k, mr);
        return;
    }
#endif
    SB_NAME(gemm_pack_a_avx2)(trans, m, k, a, lda, buf, mr);
}
