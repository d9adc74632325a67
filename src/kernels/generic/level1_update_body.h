/* The vector level-1 update loops' body (kernels.h: scal, swap, rot on unit-stride vectors),
 * shared by the avx2 and avx512 sets: each includes it after defining, for the current real
 * precision, VT, W (reals per vector), V_LOAD, V_STORE (unaligned), V_SET1, V_MUL, V_ADD, V_SUB,
 * V_ALT(a) = (-a, a, -a, a, ...), V_SWAP_PAIRS (lanes 2k and 2k+1 exchanged), NO_CONTRACT (a
 * multiply and an add stay two rounded operations) and the names SCAL_KERNEL, SWAP_KERNEL,
 * ROT_KERNEL. No peeling for alignment; a scalar tail for the elements that do not fill a vector.
 * Every element gets the generic set's arithmetic (level1_update_generic.c) whatever its
 * position: each product and sum rounded, never an FMA, and complex products as C computes them
 * under -fcx-fortran-rules, (ar*xr - ai*xi, ar*xi + ai*xr), formed on the interleaved reals as
 * ar*(xr, xi) + (-ai, ai)*(xi, xr) (a - b is exactly a + (-b)). So every set gives the same bits. */
#if !SB_IS_COMPLEX

void SCAL_KERNEL(blas_int n, sb_t alpha, sb_t *x)
{
    const VT a = V_SET1(alpha);
    blas_int i = 0;
    for (; i + 4 * W <= n; i += 4 * W) {
        VT x0 = V_LOAD(x + i), x1 = V_LOAD(x + i + W), x2 = V_LOAD(x + i + 2 * W), x3 = V_LOAD(x + i + 3 * W);
        V_STORE(x + i, V_MUL(a, x0));
        V_STORE(x + i + W, V_MUL(a, x1));
        V_STORE(x + i + 2 * W, V_MUL(a, x2));
        V_STORE(x + i + 3 * W, V_MUL(a, x3));
    }
    for (; i + W <= n; i += W) V_STORE(x + i, V_MUL(a, V_LOAD(x + i)));
    for (; i < n; i++) x[i] = alpha * x[i];
}

NO_CONTRACT void ROT_KERNEL(blas_int n, sb_t *x, sb_t *y, sb_t c, sb_t s)
{
    const VT cv = V_SET1(c), sv = V_SET1(s);
    blas_int i = 0;
#define ROT_STEP(off)                                                                                  \
    do {                                                                                               \
        VT xv = V_LOAD(x + i + (off)), yv = V_LOAD(y + i + (off));                                     \
        V_STORE(y + i + (off), V_SUB(V_MUL(cv, yv), V_MUL(sv, xv)));                                   \
        V_STORE(x + i + (off), V_ADD(V_MUL(cv, xv), V_MUL(sv, yv)));                                   \
    } while (0)
    for (; i + 2 * W <= n; i += 2 * W) {
        ROT_STEP(0);
        ROT_STEP(W);
    }
    for (; i + W <= n; i += W) ROT_STEP(0);
#undef ROT_STEP
    for (; i < n; i++) {
        sb_t xi = x[i], yi = y[i];
        sb_t t = c * xi + s * yi;
        y[i] = c * yi - s * xi;
        x[i] = t;
    }
}

#else

/* a*x on interleaved reals: a_re = (ar, ar, ...), a_im = (-ai, ai, ...) */
#define CMUL(a_re, a_im, xv) V_ADD(V_MUL((a_re), (xv)), V_MUL((a_im), V_SWAP_PAIRS(xv)))

NO_CONTRACT void SCAL_KERNEL(blas_int n, sb_t alpha, sb_t *x)
{
    const sb_r ar = sb_creal(alpha), ai = sb_cimag(alpha), nai = -ai;
    const VT a_re = V_SET1(ar), a_im = V_ALT(ai);
    sb_r *v = (sb_r *)x;
    ptrdiff_t m = 2 * (ptrdiff_t)n, i = 0; /* reals */
    for (; i + 2 * W <= m; i += 2 * W) {
        VT x0 = V_LOAD(v + i), x1 = V_LOAD(v + i + W);
        V_STORE(v + i, CMUL(a_re, a_im, x0));
        V_STORE(v + i + W, CMUL(a_re, a_im, x1));
    }
    for (; i + W <= m; i += W) V_STORE(v + i, CMUL(a_re, a_im, V_LOAD(v + i)));
    for (; i < m; i += 2) {
        sb_r re = ar * v[i] + nai * v[i + 1], im = ar * v[i + 1] + ai * v[i];
        v[i] = re;
        v[i + 1] = im;
    }
}

NO_CONTRACT void ROT_KERNEL(blas_int n, sb_t *x, sb_t *y, sb_t c, sb_t s)
{
    const sb_r cr = sb_creal(c), ci = sb_cimag(c), sr = sb_creal(s), si = sb_cimag(s);
    const VT c_re = V_SET1(cr), c_im = V_ALT(ci), s_re = V_SET1(sr), s_im = V_ALT(si);
    sb_r *xr = (sb_r *)x, *yr = (sb_r *)y;
    ptrdiff_t m = 2 * (ptrdiff_t)n, i = 0; /* reals */
    for (; i + W <= m; i += W) {
        VT xv = V_LOAD(xr + i), yv = V_LOAD(yr + i);
        V_STORE(yr + i, V_SUB(CMUL(c_re, c_im, yv), CMUL(s_re, s_im, xv)));
        V_STORE(xr + i, V_ADD(CMUL(c_re, c_im, xv), CMUL(s_re, s_im, yv)));
    }
    for (; i < m; i += 2) {
        sb_t xi = sb_make(xr[i], xr[i + 1]), yi = sb_make(yr[i], yr[i + 1]);
        sb_t t = c * xi + s * yi, u = c * yi - s * xi;
        yr[i] = sb_creal(u);
        yr[i + 1] = sb_cimag(u);
        xr[i] = sb_creal(t);
        xr[i + 1] = sb_cimag(t);
    }
}

#endif

void SWAP_KERNEL(blas_int n, sb_t *x, sb_t *y)
{
    sb_r *xr = (sb_r *)x, *yr = (sb_r *)y;
    ptrdiff_t m = (1 + SB_IS_COMPLEX) * (ptrdiff_t)n, i = 0; /* reals */
    for (; i + 2 * W <= m; i += 2 * W) {
        VT x0 = V_LOAD(xr + i), x1 = V_LOAD(xr + i + W), y0 = V_LOAD(yr + i), y1 = V_LOAD(yr + i + W);
        V_STORE(xr + i, y0);
        V_STORE(xr + i + W, y1);
        V_STORE(yr + i, x0);
        V_STORE(yr + i + W, x1);
    }
    for (; i < m; i++) {
        sb_r t = xr[i];
        xr[i] = yr[i];
        yr[i] = t;
    }
}
