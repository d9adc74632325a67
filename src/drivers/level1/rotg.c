/* Construct a plane rotation, with the safe scaling of reference BLAS 3.11 (Anderson,
 * "Algorithm 978: Safe Scaling in the Level 1 BLAS"):
 *   real:    [c s; -s c] [a; b] = [r; 0]; a := r, b := z (the reconstruction value)
 *   complex: [c s; -conj(s) c] [a; b] = [r; 0]; a := r, b unchanged
 * Same branches, scalings and operation order as the reference, so results match it. */
#include "drivers/level1.h"

#if SB_IS_DOUBLE
#define SAFMIN 0x1p-1022
#define SAFMAX 0x1p+1023
#else
#define SAFMIN 0x1p-126f
#define SAFMAX 0x1p+127f
#endif

/* Fortran MAX/MIN as gfortran evaluates them: a NaN argument is passed over. */
#if SB_IS_DOUBLE
#define FMAX(a, b) fmax((a), (b))
#define FMIN(a, b) fmin((a), (b))
#else
#define FMAX(a, b) fmaxf((a), (b))
#define FMIN(a, b) fminf((a), (b))
#endif

#if !SB_IS_COMPLEX
void SB_NAME(rotg)(sb_t *a, sb_t *b, sb_r *c, sb_t *s)
{
    const sb_t anorm = sb_rabs(*a), bnorm = sb_rabs(*b);
    if (bnorm == 0) {
        *c = 1;
        *s = 0;
        *b = 0;
    } else if (anorm == 0) {
        *c = 0;
        *s = 1;
        *a = *b;
        *b = 1;
    } else {
        const sb_t scl = FMIN(SAFMAX, FMAX(SAFMIN, FMAX(anorm, bnorm)));
        const sb_t sigma = anorm > bnorm ? (sb_t)copysign(1, *a) : (sb_t)copysign(1, *b);
        const sb_t as = *a / scl, bs = *b / scl;
        const sb_t r = sigma * (scl * sb_rsqrt(as * as + bs * bs));
        *c = *a / r;
        *s = *b / r;
        sb_t z;
        if (anorm > bnorm) z = *s;
        else if (*c != 0) z = 1 / *c;
        else z = 1;
        *a = r;
        *b = z;
    }
}
#else
/* Fortran evaluates real (op) complex by first making the real a complex (x, 0) and then doing
 * the full complex operation (gfortran, -fcx-fortran-rules: Smith's division, the plain
 * product, signed zeros honoured). C would work component by component, which differs in the
 * sign of zeros and with Inf; CX() makes the operand complex so that the results match. */
#define CX(x) ((sb_t)(x))

static inline sb_r abssq(sb_t t) { return sb_creal(t) * sb_creal(t) + sb_cimag(t) * sb_cimag(t); }

void SB_NAME(rotg)(sb_t *a, sb_t *b, sb_r *c, sb_t *s)
{
    const sb_r rtmin = sb_rsqrt(SAFMIN);
    const sb_t f = *a, g = *b;
    sb_t r;
    if (g == 0) {
        *c = 1;
        *s = 0;
        r = f;
    } else if (f == 0) {
        *c = 0;
        if (sb_creal(g) == 0) {
            sb_r rr = sb_rabs(sb_cimag(g));
            *s = sb_conj(g) / CX(rr);
            r = rr;
        } else if (sb_cimag(g) == 0) {
            sb_r rr = sb_rabs(sb_creal(g));
            *s = sb_conj(g) / CX(rr);
            r = rr;
        } else {
            const sb_r g1 = FMAX(sb_rabs(sb_creal(g)), sb_rabs(sb_cimag(g)));
            const sb_r rtmax = sb_rsqrt(SAFMAX / 2);
            if (g1 > rtmin && g1 < rtmax) {
                const sb_r d = sb_rsqrt(abssq(g));
                *s = sb_conj(g) / CX(d);
                r = d;
            } else {
                const sb_r u = FMIN(SAFMAX, FMAX(SAFMIN, g1));
                const sb_t gs = g / CX(u);
                const sb_r d = sb_rsqrt(abssq(gs));
                *s = sb_conj(gs) / CX(d);
                r = d * u;
            }
        }
    } else {
        const sb_r f1 = FMAX(sb_rabs(sb_creal(f)), sb_rabs(sb_cimag(f)));
        const sb_r g1 = FMAX(sb_rabs(sb_creal(g)), sb_rabs(sb_cimag(g)));
        const sb_r rtmax = sb_rsqrt(SAFMAX / 4);
        const int unscaled = f1 > rtmin && f1 < rtmax && g1 > rtmin && g1 < rtmax;
        sb_t fs, gs;
        sb_r u = 1, w = 1, f2, h2, cc;
        if (unscaled) {
            fs = f;
            gs = g;
            f2 = abssq(f);
            h2 = f2 + abssq(g);
        } else {
            u = FMIN(SAFMAX, FMAX(SAFMIN, FMAX(f1, g1)));
            gs = g / CX(u);
            const sb_r g2 = abssq(gs);
            if (f1 / u < rtmin) {
                /* f is not well scaled by g's scale: give it its own */
                const sb_r v = FMIN(SAFMAX, FMAX(SAFMIN, f1));
                w = v / u;
                fs = f / CX(v);
                f2 = abssq(fs);
                h2 = f2 * (w * w) + g2;
            } else {
                fs = f / CX(u);
                f2 = abssq(fs);
                h2 = f2 + g2;
            }
        }
        /* here safmin <= f2 <= h2 <= safmax */
        if (f2 >= h2 * SAFMIN) {
            cc = sb_rsqrt(f2 / h2);
            r = fs / CX(cc);
            if (f2 > rtmin && h2 < rtmax * 2) *s = sb_conj(gs) * (fs / CX(sb_rsqrt(f2 * h2)));
            else *s = sb_conj(gs) * (r / CX(h2));
        } else {
            /* f2/h2 may be subnormal and h2/f2 may overflow */
            const sb_r d = sb_rsqrt(f2 * h2);
            cc = f2 / d;
            if (cc >= SAFMIN) r = fs / CX(cc);
            else r = fs * CX(h2 / d);
            *s = sb_conj(gs) * (fs / CX(d));
        }
        if (!unscaled) {
            cc = cc * w;
            r = r * CX(u);
        }
        *c = cc;
    }
    *a = r;
}
#endif
