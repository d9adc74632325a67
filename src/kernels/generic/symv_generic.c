/* Portable symv kernel (kernels.h, "symv"; real only): the shared body (symv_body.h) on GCC's
 * generic vectors of 16 bytes, which baseline x86-64 runs as SSE2. A multiply and an add stay two
 * roundings here (no FMA in the baseline), in the vector lanes and in the scalar code alike. */
#include "kernels/kernels.h"

#include <string.h>

#include "common/precision.h"

#if !SB_IS_COMPLEX

#define W ((int)(16 / sizeof(sb_t)))
typedef sb_t VT __attribute__((vector_size(16)));
static inline VT v_load(const sb_t *p)
{
    VT v;
    memcpy(&v, p, sizeof v);
    return v;
}
static inline void v_store(sb_t *p, VT v) { memcpy(p, &v, sizeof v); }
static inline VT v_set1(sb_t s)
{
    VT v;
    for (int l = 0; l < W; l++) v[l] = s;
    return v;
}
/* lanes summed in order */
static inline sb_t v_hsum(VT v)
{
    sb_t s = v[0];
    for (int l = 1; l < W; l++) s += v[l];
    return s;
}
#define V_ZERO() v_set1(0)
#define V_SET1(s) v_set1(s)
#define V_LOAD(p) v_load(p)
#define V_STORE(p, v) v_store((p), (v))
#define V_FMA(a, b, c) ((a) * (b) + (c))
#define V_ADD(a, b) ((a) + (b))
#define V_HSUM(v) v_hsum(v)
#define S_FMA(a, b, c) ((a) * (b) + (c))
#define SYMV_KERNEL SB_NAME(symv_generic)

#include "kernels/generic/symv_body.h"

#else
typedef int sb_symv_generic_complex_unused; /* complex hemv stays in the driver */
#endif
