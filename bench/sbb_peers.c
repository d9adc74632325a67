/* Every peer at its best (see sbb_peers.h). */
#define _GNU_SOURCE
#include "sbb_peers.h"
#include "sbb_cpu.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What Debian's OpenBLAS 0.3.21 and BLIS 0.9 read that overrides their own detection or tuning
 * (`strings` on the libraries; OPENBLAS_L2_SIZE is read by later OpenBLAS releases). The thread
 * counts are not here: every worker gets its own. ATLAS and the reference BLAS read nothing. */
static const char *const override_vars[] = {
    "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_BLOCK_FACTOR", "OPENBLAS_THREAD_TIMEOUT",
    "OPENBLAS_DEFAULT_NUM_THREADS", "OMP_ADAPTIVE",
    "BLIS_ARCH_TYPE", "BLIS_ARCH_DEBUG", "BLIS_JC_NT", "BLIS_PC_NT", "BLIS_IC_NT", "BLIS_JR_NT",
    "BLIS_IR_NT", "BLIS_PACK_A", "BLIS_PACK_B", NULL};

const char *sbb_overrides_list(void)
{
    static char list[512];
    if (!list[0])
        for (int i = 0; override_vars[i]; i++) {
            if (i) strcat(list, ", ");
            strcat(list, override_vars[i]);
        }
    return list;
}

void sbb_overrides_present(char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; override_vars[i]; i++) {
        const char *v = getenv(override_vars[i]);
        if (!v) continue;
        int k = snprintf(buf + used, len - used, "%s%s=%s", used ? ", " : "", override_vars[i], v);
        if (k < 0 || (size_t)k >= len - used) break;
        used += (size_t)k;
    }
}

/* ---- worker side ---- */

/* The vector level (SBB_ISA_*) an OpenBLAS core or BLIS configuration name stands for; -1: a
 * name not listed here (never second-guessed). */
static int kernel_level(const char *k)
{
    static const char *const l3[] = {"SkylakeX", "Cooperlake", "SapphireRapids", "skx", "knl", NULL};
    static const char *const l2[] = {"Haswell", "Zen", "zen", "zen2", "zen3", "haswell", NULL};
    static const char *const l1[] = {"Sandybridge", "Bulldozer", "Piledriver", "Steamroller", "Excavator",
                                     "sandybridge", "bulldozer", "piledriver", "steamroller", "excavator", NULL};
    static const char *const l0[] = {"Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom", "Opteron",
                                     "Opteron(SSE3)", "Barcelona", "Bobcat", "Katmai", "Coppermine", "Northwood",
                                     "Banias", "Unknown", "penryn", "generic", NULL};
    const char *const *t[4] = {[SBB_ISA_SSE] = l0, [SBB_ISA_AVX] = l1, [SBB_ISA_AVX2] = l2, [SBB_ISA_AVX512] = l3};
    for (int lv = 0; lv < 4; lv++)
        for (int i = 0; t[lv][i]; i++)
            if (!strcmp(k, t[lv][i])) return lv;
    return -1;
}

/* BLIS's BLAS library (libblas.so.3) exports no bli_* symbols: ask the libblis.so.4 beside it,
 * which is the same build and makes the same choice in the same environment. */
static void *blis_handle(const sbb_lib *L)
{
    if (dlsym(L->handle, "bli_arch_query_id")) return L->handle;
    if (!L->path || !strstr(L->path, "blis")) return NULL;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", L->path);
    char *s = strrchr(dir, '/');
    if (!s) return NULL;
    *s = '\0';
    const char *names[] = {"libblis.so.4", "libblis.so.3", "libblis.so"};
    for (int i = 0; i < 3; i++) {
        char p[4200];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        void *h = dlopen(p, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
        if (h) return h;
    }
    return NULL;
}

typedef int (*blis_id_fn)(void);
typedef const char *(*blis_str_fn)(int);

static void kernel_name(const sbb_lib *L, char *buf, size_t len)
{
    snprintf(buf, len, "n/a");
    const char *(*cfg)(void) = (const char *(*)(void))dlsym(L->handle, "safeblas_get_config");
    const char *(*core)(void) = (const char *(*)(void))dlsym(L->handle, "openblas_get_corename");
    if (cfg && cfg()) { /* "...; kernels avx2; ..." or "...; kernels avx512 (why); ..." */
        const char *c = cfg(), *k = strstr(c, "kernels ");
        if (k) {
            k += 8;
            snprintf(buf, len, "%.*s", (int)strcspn(k, " ;,()\n"), k);
        }
        return;
    }
    if (core && core()) {
        snprintf(buf, len, "%s", core());
        return;
    }
    void *h = blis_handle(L);
    if (h) {
        blis_id_fn q = (blis_id_fn)dlsym(h, "bli_arch_query_id");
        blis_str_fn str = (blis_str_fn)dlsym(h, "bli_arch_string");
        /* BLIS 0.9 checks a BLIS_ARCH_TYPE request against a context table it has not built
         * yet when asked this directly and aborts; with error checking off it answers. */
        void (*errlev)(int) = (void (*)(int))dlsym(h, "bli_error_checking_level_set");
        if (errlev) errlev(0);
        if (q && str) snprintf(buf, len, "%s", str(q()));
    }
}

/* The library's kernel for the CPU's vector level and the setting that selects it. */
static int kernel_force(const sbb_lib *L, char *env, size_t envlen, char *name, size_t namelen)
{
    const sbb_cpu *c = sbb_cpu_get();
    int amd = !strcmp(c->vendor, "AuthenticAMD");
    if (dlsym(L->handle, "openblas_get_corename")) {
        const char *k = c->level == SBB_ISA_AVX512 ? (c->avx512_bf16 ? "Cooperlake" : "SkylakeX")
                      : c->level == SBB_ISA_AVX2   ? (amd ? "Zen" : "Haswell")
                      : c->level == SBB_ISA_AVX    ? "Sandybridge" : NULL;
        if (!k) return 0;
        snprintf(env, envlen, "OPENBLAS_CORETYPE=%s", k);
        snprintf(name, namelen, "%s", k);
        return 1;
    }
    void *h = blis_handle(L);
    blis_str_fn str = h ? (blis_str_fn)dlsym(h, "bli_arch_string") : NULL;
    if (!str) return 0;
    const char *k = c->level == SBB_ISA_AVX512 ? "skx"
                  : c->level == SBB_ISA_AVX2   ? (amd ? "zen" : "haswell")
                  : c->level == SBB_ISA_AVX    ? "sandybridge" : NULL;
    /* BLIS_ARCH_TYPE takes the arch_t number, whose order changes between releases: look it up
     * (the list ends with "generic"). */
    for (int id = 0; k && id < 64; id++) {
        const char *s = str(id);
        if (!s) break;
        if (!strcmp(s, k)) {
            snprintf(env, envlen, "BLIS_ARCH_TYPE=%d", id);
            snprintf(name, namelen, "%s", k);
            return 1;
        }
        if (!strcmp(s, "generic")) break;
    }
    return 0;
}

int sbb_kernel_worker_main(int argc, char **argv)
{
    if (argc < 4) return 2;
    const char *name = argv[2], *path = strcmp(argv[3], "self") ? argv[3] : NULL;
    int check = 0, rate = 0;
    for (int i = 4; i < argc; i++) {
        check |= !strcmp(argv[i], "--force-check");
        rate |= !strcmp(argv[i], "--rate");
    }
    sbb_lib L;
    char err[512];
    if (sbb_lib_open(&L, name, path, err, sizeof err) != 0) {
        printf("E cannot load %s: %s\n", argv[3], err);
        return 1;
    }
    const char *(*cfg)(void) = NULL;
    if ((cfg = (const char *(*)(void))dlsym(L.handle, "safeblas_get_config")) ||
        (cfg = (const char *(*)(void))dlsym(L.handle, "openblas_get_config")) ||
        (cfg = (const char *(*)(void))dlsym(L.handle, "bli_info_get_version_str"))) {
        const char *s = cfg();
        if (s) printf("K version %.*s\n", (int)strcspn(s, "\n"), s);
    }
    printf("K served_by %s\n", L.served_by);
    char k[64], env[96], forced[64];
    kernel_name(&L, k, sizeof k);
    printf("K kernel %s\n", k);
    int lv = kernel_level(k);
    if (check && lv >= 0 && lv < sbb_cpu_get()->level && kernel_force(&L, env, sizeof env, forced, sizeof forced))
        printf("K force %s %s\n", env, forced);
    if (rate) printf("K gflops %.4f\n", sbb_gflops(&L, "dgemm", 512, 0.15, 5.0, 0.0));
    fflush(stdout);
    return 0;
}

/* ---- parent side ---- */

typedef struct {
    char version[640], served_by[512], kernel[64], force_env[96], force_name[64], error[200];
    double g;
} kw_out;

static void kw_line(const char *line, void *ctx)
{
    kw_out *o = ctx;
    if (!strncmp(line, "K version ", 10)) snprintf(o->version, sizeof o->version, "%s", line + 10);
    else if (!strncmp(line, "K served_by ", 12)) snprintf(o->served_by, sizeof o->served_by, "%s", line + 12);
    else if (!strncmp(line, "K kernel ", 9)) snprintf(o->kernel, sizeof o->kernel, "%s", line + 9);
    else if (!strncmp(line, "K gflops ", 9)) o->g = atof(line + 9);
    else if (!strncmp(line, "K force ", 8)) sscanf(line + 8, "%95s %63s", o->force_env, o->force_name);
    else if (!strncmp(line, "E ", 2)) snprintf(o->error, sizeof o->error, "%s", line + 2);
}

/* mode: "--force-check" or "--rate" */
static int kernel_worker(const sbb_libinfo *info, const char *name, const char *path, const char *mode, kw_out *o)
{
    memset(o, 0, sizeof *o);
    sbb_env e;
    sbb_env_init(&e);
    sbb_env_threads(&e, 1);
    sbb_libinfo_env(info, &e);
    char *argv[] = {(char *)sbb_self_exe(), "--kernel-worker", (char *)name, (char *)(path ? path : "self"),
                    (char *)mode, NULL};
    int rc = sbb_run_worker(argv, e.v, 60.0, kw_line, o);
    if (rc != 0 && !o->error[0]) snprintf(o->error, sizeof o->error, "kernel worker: status %d", rc);
    return rc;
}

void sbb_libinfo_get(const char *name, const char *path, int probe, sbb_libinfo *out)
{
    memset(out, 0, sizeof *out);
    out->is_peer = strcmp(name, "SafeBLAS") != 0;
    kw_out o;
    kernel_worker(out, name, path, probe && out->is_peer ? "--force-check" : NULL, &o);
    snprintf(out->version, sizeof out->version, "%s", o.version);
    snprintf(out->served_by, sizeof out->served_by, "%s", o.served_by);
    snprintf(out->error, sizeof out->error, "%s", o.error);
    snprintf(out->own, sizeof out->own, "%s", o.kernel[0] ? o.kernel : "n/a");
    snprintf(out->kernel, sizeof out->kernel, "%s", out->own);
    if (!o.force_env[0]) return;
    /* Own choice against the kernel for the CPU's level, twice each, alternately: the best of
     * each decides, and the forced kernel must win by more than noise. */
    sbb_libinfo forced = *out;
    snprintf(forced.set, sizeof forced.set, "%s", o.force_env);
    double own_g = 0.0, set_g = 0.0;
    char set_kernel[64] = "", set_version[640] = "";
    for (int round = 0; round < 2; round++) {
        kw_out f;
        if (kernel_worker(out, name, path, "--rate", &f) == 0 && f.g > own_g) own_g = f.g;
        if (kernel_worker(&forced, name, path, "--rate", &f) == 0) {
            if (f.g > set_g) set_g = f.g;
            snprintf(set_kernel, sizeof set_kernel, "%s", f.kernel);
            snprintf(set_version, sizeof set_version, "%s", f.version); /* OpenBLAS's names the core */
        }
    }
    out->own_g = own_g;
    out->set_g = set_g;
    snprintf(out->tried, sizeof out->tried, "%s", set_kernel[0] ? set_kernel : o.force_name);
    if (set_g > 1.03 * own_g) {
        snprintf(out->set, sizeof out->set, "%s", o.force_env);
        snprintf(out->kernel, sizeof out->kernel, "%s", out->tried);
        if (set_version[0]) snprintf(out->version, sizeof out->version, "%s", set_version);
    }
}

void sbb_libinfo_env(const sbb_libinfo *info, sbb_env *e)
{
    if (!info->is_peer) return;
    for (int i = 0; override_vars[i]; i++) sbb_env_add(e, override_vars[i]);
    if (info->set[0]) sbb_env_add(e, info->set);
}

void sbb_libinfo_how(const sbb_libinfo *I, char *buf, size_t len)
{
    const char *forced = getenv("SAFEBLAS_KERNEL");
    /* SafeBLAS's configuration says why: "kernels avx512 (measured on ...); threads ..." */
    const char *why = I->is_peer ? NULL : strstr(I->version, "kernels ");
    if (why) why = strchr(why + 8, ' ');
    int whylen = why && why[1] == '(' ? (int)strcspn(why + 2, ";") - 1 : 0;
    if (!I->is_peer && forced) snprintf(buf, len, "SAFEBLAS_KERNEL=%s (its environment is kept)", forced);
    else if (!I->is_peer && whylen > 0) snprintf(buf, len, "its own choice: %.*s", whylen, why + 2);
    else if (!I->is_peer) snprintf(buf, len, "its own detection");
    else if (!strcmp(I->kernel, "n/a")) snprintf(buf, len, "no run-time choice");
    else if (I->set[0])
        snprintf(buf, len, "set for this run (%s): its own choice, %s, ran dgemm n = 512 at %.1f GFLOP/s, %s at %.1f",
                 I->set, I->own, I->own_g, I->kernel, I->set_g);
    else if (I->tried[0])
        snprintf(buf, len, "its own detection (%s, tried for the CPU's vector level, ran dgemm n = 512 at %.1f "
                 "GFLOP/s against %.1f: not faster)", I->tried, I->set_g, I->own_g);
    else snprintf(buf, len, "its own detection");
}

int sbb_run_lib_worker(const char *mode, const char *name, const char *path, const sbb_libinfo *info, int threads,
                       int quick, double timeout_s, void (*on_line)(const char *line, void *ctx), void *ctx,
                       char *note, size_t notelen)
{
    sbb_env e;
    sbb_env_init(&e);
    sbb_env_threads(&e, threads);
    if (info) sbb_libinfo_env(info, &e);
    char *argv[8];
    int a = 0;
    argv[a++] = (char *)sbb_self_exe();
    argv[a++] = "--worker";
    argv[a++] = (char *)mode;
    argv[a++] = (char *)name;
    argv[a++] = path ? (char *)path : "self";
    if (quick) argv[a++] = "--quick";
    argv[a] = NULL;
    double s = sbb_now();
    fprintf(stderr, "bench: %-9s %-8s %2d thread%s ...", name, mode, threads, threads > 1 ? "s" : " ");
    int rc = sbb_run_worker(argv, e.v, timeout_s, on_line, ctx);
    fprintf(stderr, " %.1f s%s\n", sbb_now() - s, rc == -2 ? " (TIMED OUT: killed)" : rc ? " (worker failed)" : "");
    if (rc == -2) snprintf(note, notelen, "worker timed out after %.0f s (hang or very slow)", timeout_s);
    else if (rc != 0 && !note[0]) snprintf(note, notelen, "worker exit status %d", rc);
    return rc;
}
