/* LD_PRELOAD'ed into a reference tester: proves which BLAS the process really mapped.
 *
 * At load (after the dynamic linker has mapped every DT_NEEDED library, before main runs) this
 * writes the distinct file paths in /proc/self/maps to the file named by $SBREF_MAPS_OUT, then
 * "END" as the last line (only in the process whose executable is $SBREF_MAPS_PROG, if set). The runner (run-reference.sh) reads that list and fails the test
 * unless the library it asked for is there and no other BLAS is. If this object cannot be
 * preloaded, the file never appears and the runner fails too: the check fails closed.
 *
 * Plain libc only, no BLAS symbols: it must not change which library serves the tester. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

#define SBREF_MAX_PATHS 512

__attribute__((constructor)) static void sbref_dump_maps(void)
{
    const char *out = getenv("SBREF_MAPS_OUT");
    if (!out || !*out) return;
    /* Only the tester itself reports, not a wrapper (timeout, env) that inherited LD_PRELOAD. */
    const char *prog = getenv("SBREF_MAPS_PROG");
    if (prog && *prog) {
        char self[4096];
        if (!realpath("/proc/self/exe", self) || strcmp(self, prog) != 0) return;
    }
    FILE *in = fopen("/proc/self/maps", "r");
    if (!in) return;
    FILE *f = fopen(out, "w");
    if (!f) { fclose(in); return; }

    static char seen[SBREF_MAX_PATHS][512];
    int nseen = 0;
    char line[4096];
    while (fgets(line, sizeof line, in)) {
        char *path = strchr(line, '/');          /* the pathname column starts with '/' */
        if (!path) continue;
        path[strcspn(path, "\n")] = '\0';
        int dup = 0;
        for (int i = 0; i < nseen && !dup; i++) dup = strcmp(seen[i], path) == 0;
        if (dup) continue;
        if (nseen < SBREF_MAX_PATHS) {
            strncpy(seen[nseen], path, sizeof seen[0] - 1);
            seen[nseen][sizeof seen[0] - 1] = '\0';
            nseen++;
        }
        fprintf(f, "%s\n", path);
    }
    fprintf(f, "END\n");
    fclose(f);
    fclose(in);
}
