/* The C-level frame of the vector gemm microkernels (avx2/gemm_ukr_avx2.c, avx512/gemm_ukr_avx512.c):
 * the in-order start from beta*C, the choice of k loop by alpha and beta, and the partial tile
 * run on a local copy so that every element gets the same arithmetic. The including file defines
 * first: VT, VW (scalars per vector), V_LOAD, V_STORE, V_SET1, V_MUL, V_ZERO, V_FMADDSUB, V_SWAP;
 * MR, NR and NV (vectors per tile column; the accumulators of B's scalar s, column j and vector v
 * sit at acc[(NV*s + v)*VW], complex column j having s = 2j (B's real parts) and 2j + 1); the
 * k loops kloop_sum, kloop_{add,sub}_{ac,cc,zc}; OUT(cp, ld, j, nv) (the first nv vectors of
 * column j) and SCALARS() for the epilogue with any other alpha; SB_UKR_PREFETCH_C(c, ldc) and
 * SB_UKR_NAME. Optionally SB_UKR_VECTORS_FOR(m), the vectors a partial tile of m rows needs, and
 * SB_UKR_RUN(loop, nv, (args)), which runs the k loop `loop` on the first nv vectors of each
 * column only (each element's arithmetic the same in every width); without them every tile runs
 * all NV.
 *
 * alpha = +-1: C := beta*C +- a(:,0)*b(0,:) +- a(:,1)*b(1,:) ..., each product added to the
 * running value of C in turn (FMA), as the reference gemm does: the accumulators start from
 * beta*C (complex: those of B's real parts; the epilogue then adds the imaginary parts' sums). A
 * product split along k then rounds as the whole (real: exactly): trsm's coupling updates
 * (alpha = -1, beta = 1) give the same bits whether one call or several make them, as with the
 * reference. cp: a whole MR x NR tile (C itself, or a partial tile's copy), ld elements apart. */
#ifndef SB_UKR_RUN
#define SB_UKR_VECTORS_FOR(m) NV
#define SB_UKR_RUN(loop, nv, args) kloop_##loop args
#endif

static inline __attribute__((always_inline)) void in_order(blas_int k, sb_t alpha, const sb_t *a, const sb_t *b,
                                                           sb_t beta, sb_t *cp, blas_int ld, sb_r *acc, const int nv)
{
    const int add = alpha == 1;
    if (beta == 1) {
        if (add) SB_UKR_RUN(add_cc, nv, (k, a, b, acc, cp, ld));
        else SB_UKR_RUN(sub_cc, nv, (k, a, b, acc, cp, ld));
        return;
    }
    if (beta == 0) {
        if (add) SB_UKR_RUN(add_zc, nv, (k, a, b, acc, cp, ld));
        else SB_UKR_RUN(sub_zc, nv, (k, a, b, acc, cp, ld));
        return;
    }
    /* any other beta: start from beta*C, prepared in acc */
#if !SB_IS_COMPLEX
    VT vb = V_SET1(beta);
    for (int j = 0; j < NR; j++)
        for (int v = 0; v < nv; v++)
            V_STORE(acc + (NV * j + v) * VW, V_MUL(vb, V_LOAD(cp + (size_t)j * ld + v * VW)));
#else
    VT vbr = V_SET1(sb_creal(beta)), vbi = V_SET1(sb_cimag(beta));
    for (int j = 0; j < NR; j++)
        for (int v = 0; v < nv; v++) {
            VT x = V_LOAD((const sb_r *)(cp + (size_t)j * ld) + v * VW);
            V_STORE(acc + (2 * NV * j + v) * VW, V_FMADDSUB(x, vbr, V_MUL(V_SWAP(x), vbi)));
            V_STORE(acc + (2 * NV * j + NV + v) * VW, V_ZERO());
        }
#endif
    if (add) SB_UKR_RUN(add_ac, nv, (k, a, b, acc, cp, ld));
    else SB_UKR_RUN(sub_ac, nv, (k, a, b, acc, cp, ld));
}

void SB_UKR_NAME(blas_int k, sb_t alpha, const sb_t *a, const sb_t *b, sb_t beta, sb_t *c, blas_int ldc, blas_int m,
                 blas_int n)
{
    sb_r acc[NV * NR * (SB_IS_COMPLEX ? 2 : 1) * VW] __attribute__((aligned(64)));
    int full = m == MR && n == NR;
    const int nv = SB_UKR_VECTORS_FOR(m); /* a partial tile's vectors per column */
    if (full) SB_UKR_PREFETCH_C(c, ldc);
    int mode = beta == 0 ? 0 : beta == 1 ? 1 : 2; /* 0: C not read; 1: add C; 2: add beta*C */
    sb_t t[MR * NR] __attribute__((aligned(64))); /* a partial tile's copy */
    if (!full && mode != 0) {
        for (int x = 0; x < MR * NR; x++) t[x] = 0;
        for (blas_int j = 0; j < n; j++)
            for (blas_int i = 0; i < m; i++) t[i + j * MR] = c[i + (size_t)j * ldc];
    }
    if (alpha == 1 || alpha == -1) {
        if (full) {
            in_order(k, alpha, a, b, beta, c, ldc, acc, NV);
            return;
        }
        in_order(k, alpha, a, b, beta, t, MR, acc, nv);
    } else {
        if (full) {
            SB_UKR_RUN(sum, NV, (k, a, b, acc, c, ldc));
            SCALARS();
            for (int j = 0; j < NR; j++) OUT(c, ldc, j, NV);
            return;
        }
        /* partial tile: the same code on the local copy */
        SB_UKR_RUN(sum, nv, (k, a, b, acc, c, ldc));
        SCALARS();
        for (int j = 0; j < NR; j++) OUT(t, MR, j, nv);
    }
    for (blas_int j = 0; j < n; j++)
        for (blas_int i = 0; i < m; i++) c[i + (size_t)j * ldc] = t[i + j * MR];
}
