/* Strided level-1 vectors for the unit-stride kernels (kernels.h): the elements x[0], x[inc],
 * ..., x[(cnt-1)*inc] copied into a contiguous buffer, four per step (independent loads and
 * stores; the plain loop runs at about one element per cycle). Include after
 * common/precision.h. */
#ifndef SB_KERNELS_LEVEL1_GATHER_H
#define SB_KERNELS_LEVEL1_GATHER_H

static inline void sb_l1_gather(blas_int cnt, const sb_t *x, ptrdiff_t inc, sb_t *restrict buf)
{
    blas_int i = 0;
    for (; i + 4 <= cnt; i += 4, x += 4 * inc) {
        sb_t a0 = x[0], a1 = x[inc], a2 = x[2 * inc], a3 = x[3 * inc];
        buf[i] = a0;
        buf[i + 1] = a1;
        buf[i + 2] = a2;
        buf[i + 3] = a3;
    }
    for (; i < cnt; i++, x += inc) buf[i] = x[0];
}

#endif
