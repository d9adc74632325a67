/* Construct the modified Givens transformation H that zeros the second component of
 * (sqrt(d1)*x1, sqrt(d2)*y1), the algorithm of reference ?ROTMG (Hopkins, Lawson & Hanson):
 * same cases, same rescaling by gam = 4096 with the reference's thresholds, same outputs.
 *
 * Reference 3.11 quirk kept on purpose (checked bitwise against Debian's libblas 3.11): in the
 * rescaling loops, a flag that is already -1 falls into the "flag = 1" branch and resets
 * h21 = -1, h12 = 1, so a rescale that needs more than one step (or both d1 and d2) replaces
 * the computed h21/h12. LAPACK 3.12 tests "flag == 1" there instead; to follow it, change the
 * two `} else {` marked REF311 below to `} else if (flag == 1) {`. */
#include "drivers/level1.h"

#if !SB_IS_COMPLEX
#if SB_IS_DOUBLE
#define GAMSQ 16777216.0
#define RGAMSQ 5.9604645e-8
#else
/* the single-precision reference rounds these thresholds to 6 digits */
#define GAMSQ 1.67772e7f
#define RGAMSQ 5.96046e-8f
#endif

void SB_NAME(rotmg)(sb_t *d1p, sb_t *d2p, sb_t *x1p, sb_t y1, sb_t *param)
{
    const sb_t gam = 4096, gam2 = (sb_t)4096 * 4096;
    sb_t d1 = *d1p, d2 = *d2p, x1 = *x1p;
    sb_t flag = 0, h11 = 0, h12 = 0, h21 = 0, h22 = 0;
    int zero_all = 0;

    if (d1 < 0) {
        zero_all = 1;
    } else {
        sb_t p2 = d2 * y1;
        if (p2 == 0) {
            param[0] = -2;
            return;
        }
        sb_t p1 = d1 * x1, q2 = p2 * y1, q1 = p1 * x1;
        if (sb_rabs(q1) > sb_rabs(q2)) {
            h21 = -y1 / x1;
            h12 = p2 / p1;
            sb_t u = 1 - h12 * h21;
            if (u > 0) {
                flag = 0;
                d1 = d1 / u;
                d2 = d2 / u;
                x1 = x1 * u;
            } else {
                zero_all = 1; /* only through rounding; kept for safety as reference */
            }
        } else if (q2 < 0) {
            zero_all = 1;
        } else {
            flag = 1;
            h11 = p1 / p2;
            h22 = x1 / y1;
            sb_t u = 1 + h11 * h22;
            sb_t t = d2 / u;
            d2 = d1 / u;
            d1 = t;
            x1 = y1 * u;
        }
        if (!zero_all) {
            /* Rescale d1 and d2 into (RGAMSQ, GAMSQ). An infinite d never gets there: reference
             * loops forever; we stop (the only departure from reference, for a call that would
             * not return). */
            if (d1 != 0) {
                while ((d1 <= RGAMSQ || d1 >= GAMSQ) && !isinf(d1)) {
                    if (flag == 0) {
                        h11 = 1;
                        h22 = 1;
                        flag = -1;
                    } else { /* REF311 */
                        h21 = -1;
                        h12 = 1;
                        flag = -1;
                    }
                    if (d1 <= RGAMSQ) {
                        d1 = d1 * gam2;
                        x1 = x1 / gam;
                        h11 = h11 / gam;
                        h12 = h12 / gam;
                    } else {
                        d1 = d1 / gam2;
                        x1 = x1 * gam;
                        h11 = h11 * gam;
                        h12 = h12 * gam;
                    }
                }
            }
            if (d2 != 0) {
                while ((sb_rabs(d2) <= RGAMSQ || sb_rabs(d2) >= GAMSQ) && !isinf(d2)) {
                    if (flag == 0) {
                        h11 = 1;
                        h22 = 1;
                        flag = -1;
                    } else { /* REF311 */
                        h21 = -1;
                        h12 = 1;
                        flag = -1;
                    }
                    if (sb_rabs(d2) <= RGAMSQ) {
                        d2 = d2 * gam2;
                        h21 = h21 / gam;
                        h22 = h22 / gam;
                    } else {
                        d2 = d2 / gam2;
                        h21 = h21 * gam;
                        h22 = h22 * gam;
                    }
                }
            }
        }
    }
    if (zero_all) {
        flag = -1;
        h11 = h12 = h21 = h22 = 0;
        d1 = d2 = x1 = 0;
    }
    if (flag < 0) {
        param[1] = h11;
        param[2] = h21;
        param[3] = h12;
        param[4] = h22;
    } else if (flag == 0) {
        param[2] = h21;
        param[3] = h12;
    } else {
        param[1] = h11;
        param[4] = h22;
    }
    param[0] = flag;
    *d1p = d1;
    *d2p = d2;
    *x1p = x1;
}
#endif
