/* One complex number of the current precision in the low lanes of an SSE register, and C's
 * product on it: cq_mul(alpha, q) is alpha*q as C computes it under -fcx-fortran-rules without
 * FMA, (ar*qr - ai*qi, ar*qi + ai*qr), every product and sum rounded (so the same bits as the
 * drivers' plain C). The complex gemv kernels (generic/gemv_nc_body.h, gemv_tc_body.h) scale by
 * alpha once per column: a C product of an sb_t there went through memory, two store-forwarding
 * stalls a column, which cost cgemv at n = 100..200 more than the column's FMAs (Xeon 6/207).
 * Functions that inline these must be compiled without contraction too (SB_NO_CONTRACT) or GCC
 * refuses; every FMA of such a kernel is written out. Included by files compiled with -mavx2 or
 * wider. */
#ifndef SB_KERNELS_AVX2_COMPLEX_SSE_H
#define SB_KERNELS_AVX2_COMPLEX_SSE_H

#include <immintrin.h>

#include "common/precision.h"

/* no a*b + c contracted into an FMA */
#define SB_NO_CONTRACT __attribute__((optimize("fp-contract=off")))
#define SB_NO_CONTRACT_INLINE static inline __attribute__((always_inline, optimize("fp-contract=off")))

#if SB_IS_DOUBLE
#define CQ __m128d
SB_NO_CONTRACT_INLINE CQ cq_load(const sb_t *p) { return _mm_loadu_pd((const double *)p); }
SB_NO_CONTRACT_INLINE void cq_store(sb_t *p, CQ q) { _mm_storeu_pd((double *)p, q); }
SB_NO_CONTRACT_INLINE CQ cq_add(CQ a, CQ b) { return _mm_add_pd(a, b); }
SB_NO_CONTRACT_INLINE CQ cq_mul(sb_t alpha, CQ q)
{
    return _mm_addsub_pd(_mm_mul_pd(_mm_set1_pd(sb_creal(alpha)), q),
                         _mm_mul_pd(_mm_set1_pd(sb_cimag(alpha)), _mm_shuffle_pd(q, q, 1)));
}
SB_NO_CONTRACT_INLINE sb_r cq_re(CQ q) { return _mm_cvtsd_f64(q); }
SB_NO_CONTRACT_INLINE sb_r cq_im(CQ q) { return _mm_cvtsd_f64(_mm_unpackhi_pd(q, q)); }
#else
#define CQ __m128
SB_NO_CONTRACT_INLINE CQ cq_load(const sb_t *p) { return _mm_castpd_ps(_mm_load_sd((const double *)p)); }
SB_NO_CONTRACT_INLINE void cq_store(sb_t *p, CQ q) { _mm_store_sd((double *)p, _mm_castps_pd(q)); }
SB_NO_CONTRACT_INLINE CQ cq_add(CQ a, CQ b) { return _mm_add_ps(a, b); }
SB_NO_CONTRACT_INLINE CQ cq_mul(sb_t alpha, CQ q)
{
    return _mm_addsub_ps(_mm_mul_ps(_mm_set1_ps(sb_creal(alpha)), q),
                         _mm_mul_ps(_mm_set1_ps(sb_cimag(alpha)), _mm_shuffle_ps(q, q, 0xB1)));
}
SB_NO_CONTRACT_INLINE sb_r cq_re(CQ q) { return _mm_cvtss_f32(q); }
SB_NO_CONTRACT_INLINE sb_r cq_im(CQ q) { return _mm_cvtss_f32(_mm_movehdup_ps(q)); }
#endif

#endif
