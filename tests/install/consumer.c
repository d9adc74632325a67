/* A program using an installed SafeBLAS, built three ways by consumers.sh (pkg-config, CMake
 * find_package, plain -lblas [-llapack] against <libdir>/safeblas).
 *
 *   consumer EXPECT_DIR [WRAPPER_DIR]
 *
 * Computes a ddot, a dgemm and a cblas_ddot (and, with -DSB_HAVE_LAPACK, a dgesv) whose results
 * are small integers, calling the Fortran ABI through the installed safeblas_blas.h and
 * safeblas_lapack.h, then reads /proc/self/maps: libsafeblas must be mapped from EXPECT_DIR (the
 * installed copy, not the build tree or some other BLAS), and, with WRAPPER_DIR, the libblas.so.3
 * wrapper from WRAPPER_DIR. Prints "N passed, N failed"; exit status 0 only when all passed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

#ifdef SB_USE_HEADERS
#include <safeblas.h> /* only in SafeBLAS's include folder: proves its include path is used */
#include <cblas.h>
#else
/* plain -lblas: the program declares the CBLAS function it uses, as C programs linked against
 * Debian's libblas.so.3 do */
double cblas_ddot(int n, const double *x, int incx, const double *y, int incy);
#endif
/* the installed Fortran-ABI prototypes (all three builds put <include>/safeblas on the path) */
#include <safeblas_blas.h>
#include <safeblas_lapack.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; \
  fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); fprintf(stderr, __VA_ARGS__); \
  fputc('\n', stderr); } } while (0)

static int under(const char *path, const char *dir);

/* The mapped file whose base name starts with `stem` (and which is not under `skip`, if given), or "" */
static void mapped(const char *stem, const char *skip, char *out, size_t outsz) {
  out[0] = 0;
  FILE *f = fopen("/proc/self/maps", "r");
  if (!f) return;
  char line[PATH_MAX + 256];
  while (fgets(line, sizeof line, f)) {
    char *path = strchr(line, '/');
    if (!path) continue;
    path[strcspn(path, "\n")] = 0;
    const char *base = strrchr(path, '/') + 1;
    if (strncmp(base, stem, strlen(stem)) == 0 && !(skip && under(path, skip))) {
      snprintf(out, outsz, "%s", path);
      break;
    }
  }
  fclose(f);
}

static int under(const char *path, const char *dir) {
  char rp[PATH_MAX], rd[PATH_MAX];
  if (!realpath(path, rp) || !realpath(dir, rd)) return 0;
  size_t n = strlen(rd);
  return strncmp(rp, rd, n) == 0 && rp[n] == '/';
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: %s EXPECT_DIR [WRAPPER_DIR]\n", argv[0]); return 2; }
  safeblas_int n = 3, one = 1;
  double x[3] = {1, 2, 3}, y[3] = {4, -5, 6};
  double d = ddot_(&n, x, &one, y, &one);
  CHECK(d == 12.0, "ddot_ = %g, want 12", d);
  double dc = cblas_ddot(3, x, 1, y, 1);
  CHECK(dc == 12.0, "cblas_ddot = %g, want 12", dc);

  /* C = A*B, column-major 2x2: A = [1 2; 3 4], B = [5 6; 7 8] -> [19 22; 43 50] */
  double a[4] = {1, 3, 2, 4}, b[4] = {5, 7, 6, 8}, c[4] = {-1, -1, -1, -1};
  double alpha = 1, beta = 0;
  safeblas_int two = 2;
  dgemm_("N", "N", &two, &two, &two, &alpha, a, &two, b, &two, &beta, c, &two);
  CHECK(c[0] == 19 && c[1] == 43 && c[2] == 22 && c[3] == 50,
        "dgemm_ = [%g %g; %g %g], want [19 22; 43 50]", c[0], c[2], c[1], c[3]);

#ifdef SB_HAVE_LAPACK
  /* A x = b with A = [2 1 1; 1 3 2; 1 0 0], x = [1 2 3] -> b = [7 13 1] */
  double la[9] = {2, 1, 1, 1, 3, 0, 1, 2, 0}, lb[3] = {7, 13, 1};
  safeblas_int ipiv[3], info = -1;
  dgesv_(&n, &one, la, &n, ipiv, lb, &n, &info);
  CHECK(info == 0, "dgesv_ info = %d", (int)info);
  for (int i = 0; i < 3; i++)
    CHECK(lb[i] > i + 1 - 1e-12 && lb[i] < i + 1 + 1e-12, "dgesv_ x[%d] = %.17g, want %d", i, lb[i], i + 1);
  printf("lapack: dgesv_ solved a 3x3 system\n");
#else
  printf("lapack: not checked (dgesv_/dgetrf_ not exported by this build)\n");
#endif

#ifdef SB_USE_HEADERS
  const char *cfg = safeblas_get_config();
  CHECK(cfg && strncmp(cfg, "SafeBLAS", 8) == 0, "safeblas_get_config() = %s", cfg ? cfg : "(null)");
#endif

  char lib[PATH_MAX + 1];
  mapped("libsafeblas.so", NULL, lib, sizeof lib);
  printf("mapped: %s\n", lib[0] ? lib : "(no libsafeblas)");
  CHECK(lib[0] != 0, "libsafeblas is not mapped");
  CHECK(lib[0] && under(lib, argv[1]), "libsafeblas mapped from %s, not from under %s", lib, argv[1]);
  if (argc > 2) {
    char w[PATH_MAX + 1];
    /* libblas.so.3 is a link to the wrapper's file, libopenblas-safeblas.so.3 (named for threadpoolctl) */
    mapped("libopenblas-safeblas.so", NULL, w, sizeof w);
    printf("mapped: %s\n", w[0] ? w : "(no libblas.so.3)");
    CHECK(w[0] && under(w, argv[2]), "libblas.so.3 mapped from %s, not from under %s", w[0] ? w : "nowhere", argv[2]);
    for (const char *s = "libopenblas\0libblis\0libatlas\0"; *s; s += strlen(s) + 1) {
      mapped(s, argv[2], w, sizeof w);
      CHECK(!w[0], "another BLAS is mapped too: %s", w);
    }
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
