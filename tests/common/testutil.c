#include "testutil.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

long sbt_passed, sbt_failed;

/* Under ctest a unit test runs once per kernel set, with SAFEBLAS_KERNEL and SBT_KERNEL_SET both
 * naming it. When the library did not take that set (this CPU or OS cannot run it) the run is
 * reported as skipped (exit 77, ctest's SKIP_RETURN_CODE), never as passed. Weak: some programs
 * link this file without SafeBLAS. */
#pragma weak openblas_get_corename
char *openblas_get_corename(void);

__attribute__((constructor)) static void sbt_require_kernel_set(void)
{
    const char *want = getenv("SBT_KERNEL_SET");
    if (!want || !*want || !openblas_get_corename) return;
    const char *got = openblas_get_corename();
    if (strcmp(got, want) != 0) {
        printf("skipped: kernel set %s: this CPU or OS cannot run it (the library runs %s)\n", want, got);
        exit(77);
    }
}

int sbt_finish(const char *name)
{
    printf("%s: %ld passed, %ld failed\n", name, sbt_passed, sbt_failed);
    return sbt_failed ? 1 : 0;
}

/* ---- xerbla capture ---- */
static char last_name[64];
static long last_info;
static int have_error;

void sbt_xerbla_reset(void)
{
    have_error = 0;
    last_name[0] = 0;
    last_info = 0;
}

static void record(const char *name, size_t len, long info)
{
    size_t n = 0;
    for (; n < len && n < sizeof last_name - 1 && name[n]; n++) last_name[n] = (char)tolower((unsigned char)name[n]);
    while (n > 0 && last_name[n - 1] == ' ') n--;
    last_name[n] = 0;
    last_info = info;
    have_error = 1;
}

/* The test program's own xerbla_ (exported with -rdynamic and default visibility) replaces
 * SafeBLAS's, for calls made inside the library too. */
__attribute__((visibility("default"))) void xerbla_(const char *srname, const blas_int *info, size_t len)
{
    record(srname, len, (long)*info);
}

__attribute__((visibility("default"))) void cblas_xerbla(blas_int info, const char *rout, const char *form, ...)
{
    record(rout, strlen(rout), (long)info);
}

int sbt_expect_xerbla(const char *name, blas_int info, const char *what)
{
    char want[64];
    size_t n = 0;
    for (; name[n] && n < sizeof want - 1; n++) want[n] = (char)tolower((unsigned char)name[n]);
    want[n] = 0;
    int ok = have_error && strcmp(want, last_name) == 0 && last_info == (long)info;
    CHECK(ok, "%s: expected xerbla(%s, %ld), got %s(%s, %ld)", what, want, (long)info,
          have_error ? "" : "no call ", last_name, last_info);
    sbt_xerbla_reset();
    return ok;
}

int sbt_expect_no_xerbla(const char *what)
{
    CHECK(!have_error, "%s: unexpected xerbla(%s, %ld)", what, last_name, last_info);
    int ok = !have_error;
    sbt_xerbla_reset();
    return ok;
}

/* ---- random numbers (xorshift64*) ---- */
static uint64_t state = 0x9E3779B97F4A7C15ull;

void sbt_seed(uint64_t seed) { state = seed ? seed : 0x9E3779B97F4A7C15ull; }

double sbt_rand(void)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    uint64_t r = state * 2685821657736338717ull;
    return (double)(r >> 11) * (2.0 / 9007199254740992.0) - 1.0;
}

/* ---- guard bands ---- */
void sbt_guard_fill(void *p, size_t nbytes)
{
    unsigned char *b = p;
    for (size_t i = 0; i < nbytes; i++) b[i] = (unsigned char)(0xA5 ^ (i * 31));
}

int sbt_bytes_equal(const void *a, const void *b, size_t nbytes) { return memcmp(a, b, nbytes) == 0; }

const int sbt_small_sizes[] = {0, 1, 2, 3, 5, 7, 8, 13, 17, 31, 33};
const int sbt_num_small_sizes = (int)(sizeof sbt_small_sizes / sizeof sbt_small_sizes[0]);
