/* LD_PRELOAD'ed into every MPI rank of a ScaLAPACK tester: proves which BLAS/LAPACK each rank
 * really mapped. (A copy of tests/reference/maps_check.c that writes one file per process, since
 * all the ranks of one mpirun share the environment.)
 *
 * At load (after the dynamic linker has mapped every DT_NEEDED library, before main runs) this
 * writes "$SBSC_MAPS_DIR/maps.<pid>": a first line "RANK <OMPI_COMM_WORLD_RANK>", then the
 * distinct file paths in /proc/self/maps, then "END". Only in the process whose executable is
 * $SBSC_MAPS_PROG (so not in mpirun, orted or a shell that inherited LD_PRELOAD). The runner
 * (run_scalapack.py) reads the files and fails the run unless there is one per rank, each with
 * the library asked for and no other BLAS. If this object cannot be preloaded, no file appears
 * and the runner fails too: the check fails closed.
 *
 * Plain libc only, no BLAS symbols: it must not change which library serves the tester. */
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SBSC_MAX_PATHS 512

__attribute__((constructor)) static void sbsc_dump_maps(void)
{
    const char *dir = getenv("SBSC_MAPS_DIR");
    if (!dir || !*dir) return;
    const char *prog = getenv("SBSC_MAPS_PROG");
    if (prog && *prog) {
        char self[PATH_MAX];
        if (!realpath("/proc/self/exe", self) || strcmp(self, prog) != 0) return;
    }
    char out[PATH_MAX];
    snprintf(out, sizeof out, "%s/maps.%ld", dir, (long)getpid());
    FILE *in = fopen("/proc/self/maps", "r");
    if (!in) return;
    FILE *f = fopen(out, "w");
    if (!f) {
        fclose(in);
        return;
    }
    const char *rank = getenv("OMPI_COMM_WORLD_RANK");
    if (!rank) rank = getenv("PMI_RANK"); /* MPICH */
    fprintf(f, "RANK %s\n", rank && *rank ? rank : "?");

    static char seen[SBSC_MAX_PATHS][512];
    int nseen = 0;
    char line[4096];
    while (fgets(line, sizeof line, in)) {
        char *path = strchr(line, '/'); /* the pathname column starts with '/' */
        if (!path) continue;
        path[strcspn(path, "\n")] = '\0';
        int dup = 0;
        for (int i = 0; i < nseen && !dup; i++) dup = strcmp(seen[i], path) == 0;
        if (dup) continue;
        if (nseen < SBSC_MAX_PATHS) {
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
