/* The portable vector operations the generic set's symv and hemv kernels are written with
 * (symv_body.h, hemv_body.h): GCC's generic vectors of 16 bytes on the current precision's reals,
 * which baseline x86-64 runs as SSE2. A multiply and an add stay two roundings (no FMA in the
 * baseline), in the vector lanes and the scalar code alike; lanes summed in order. The "masked"
 * operations copy the first k lanes (other lanes zero). */
#ifndef SB_KERNELS_GENERIC_VEC_H
#define SB_KERNELS_GENERIC_VEC_H

#include <string.h>

#include "common/precision.h"

#define W ((int)(16 / sizeof(sb_r)))
typedef sb_r VT __attribute__((vector_size(16)));
static inline VT v_load(const sb_r *p)
{
    VT v;
    memcpy(&v, p, sizeof v);
    return v;
}
static inline void v_store(sb_r *p, VT v) { memcpy(p, &v, sizeof v); }
static inline VT v_set1(sb_r s)
{
    VT v;
    for (int l = 0; l < W; l++) v[l] = s;
    return v;
}
static inline VT v_pair(sb_r re, sb_r im)
{
    VT v;
    for (int l = 0; l < W; l += 2) v[l] = re, v[l + 1] = im;
    return v;
}
static inline sb_r v_hsum(VT v)
{
    sb_r s = v[0];
    for (int l = 1; l < W; l++) s += v[l];
    return s;
}
static inline VT v_maskload(const sb_r *p, int k)
{
    VT v = v_set1(0);
    memcpy(&v, p, sizeof(sb_r) * (size_t)k);
    return v;
}
static inline void v_maskstore(sb_r *p, int k, VT v) { memcpy(p, &v, sizeof(sb_r) * (size_t)k); }
#if SB_IS_DOUBLE
typedef long long sb_generic_vi __attribute__((vector_size(16)));
#define V_SWAP_PAIRS(v) __builtin_shuffle((v), (sb_generic_vi){1, 0})
#else
typedef int sb_generic_vi __attribute__((vector_size(16)));
#define V_SWAP_PAIRS(v) __builtin_shuffle((v), (sb_generic_vi){1, 0, 3, 2})
#endif
#define V_ZERO() v_set1(0)
#define V_SET1(s) v_set1(s)
#define V_PAIR(re, im) v_pair((re), (im))
#define V_LOAD(p) v_load(p)
#define V_STORE(p, v) v_store((p), (v))
#define V_FMA(a, b, c) ((a) * (b) + (c))
#define V_ADD(a, b) ((a) + (b))
#define V_HSUM(v) v_hsum(v)
#define S_FMA(a, b, c) ((a) * (b) + (c))
#define MASK_T int
#define V_MASK(r) (r)
#define V_MASKLOAD(p, k) v_maskload((p), (k))
#define V_MASKSTORE(p, k, v) v_maskstore((p), (k), (v))

#endif
