/* The vector asum loop (kernels.h; real only), as a body included by a set's source after its
 * vector operations VT, W, V_ZERO, V_LOAD, V_ADD, V_ABS, V_HSUM: four vector sums, acc_k over
 * elements [i + kW, i + (k+1)W) of each block of 4W, the remaining full vectors into acc0,
 * (acc0 + acc1) + (acc2 + acc3) reduced, then the last n mod W added in order. The shape depends
 * only on n and W. SB_ASUM_NAME names the function. */
sb_r SB_ASUM_NAME(blas_int n, const sb_r *x)
{
    VT acc0 = V_ZERO(), acc1 = V_ZERO(), acc2 = V_ZERO(), acc3 = V_ZERO();
    blas_int i = 0;
    for (; i + 4 * W <= n; i += 4 * W) {
        acc0 = V_ADD(acc0, V_ABS(V_LOAD(x + i)));
        acc1 = V_ADD(acc1, V_ABS(V_LOAD(x + i + W)));
        acc2 = V_ADD(acc2, V_ABS(V_LOAD(x + i + 2 * W)));
        acc3 = V_ADD(acc3, V_ABS(V_LOAD(x + i + 3 * W)));
    }
    for (; i + W <= n; i += W) acc0 = V_ADD(acc0, V_ABS(V_LOAD(x + i)));
    sb_r s = V_HSUM(V_ADD(V_ADD(acc0, acc1), V_ADD(acc2, acc3)));
    for (; i < n; i++) s += sb_rabs(x[i]);
    return s;
}
