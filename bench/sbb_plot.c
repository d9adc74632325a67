/* Plots through gnuplot (see sbb_plot.h): the script, data included as inline data blocks, goes
 * to gnuplot's standard input; nothing is left behind but the PNG. Paths must not contain a
 * single quote (the script quotes them with one). */
#define _GNU_SOURCE
#include "sbb_plot.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

int sbb_plot_available(char *why, size_t len)
{
    /* gnuplot-nox has pngcairo; a build without cairo says "unknown or ambiguous terminal type" */
    int rc = system("gnuplot -e 'set terminal pngcairo' </dev/null >/dev/null 2>&1");
    if (rc == 0) return 1;
    int st = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    snprintf(why, len, st == 127 ? "gnuplot is not installed (apt-get install gnuplot-nox)"
                                 : "gnuplot has no pngcairo terminal");
    return 0;
}

/* A library keeps its colour in every plot; SafeBLAS's line is the thick red one. */
static const char *colour_of(const char *lib)
{
    static const char *const names[] = {"SafeBLAS", "OpenBLAS", "BLIS", "ATLAS", "reference"};
    static const char *const colours[] = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#8c564b"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(lib, names[i])) return colours[i];
    return "#7f7f7f";
}

int sbb_plot_png(const char *path, const char *title, const sbb_plot_panel *panels, int npanels, char *err,
                 size_t errlen)
{
    void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN); /* a gnuplot that dies must not kill us */
    FILE *g = popen("gnuplot >/dev/null", "w");     /* its complaints go to our stderr */
    if (!g) {
        signal(SIGPIPE, old_pipe);
        snprintf(err, errlen, "cannot run gnuplot");
        return -1;
    }
    fprintf(g, "set terminal pngcairo size %d,560 font 'sans,10' noenhanced\nset output '%s'\n", 640 * npanels,
            path);
    for (int p = 0; p < npanels; p++) {
        const sbb_plot_panel *P = &panels[p];
        for (int l = 0; l < P->nlibs; l++) {
            fprintf(g, "$d%d_%d << EOD\n", p, l);
            for (int i = 0; i < P->npts; i++)
                if (P->g[l][i] > 0) fprintf(g, "%d %.6g\n", P->n[i], P->g[l][i]);
            fprintf(g, "EOD\n");
        }
    }
    fprintf(g, "set multiplot layout 1,%d title '%s'\n", npanels, title);
    fprintf(g, "set logscale x 2\nset format x '%%g'\nset xlabel 'n'\nset ylabel 'GFLOP/s'\nset grid\n"
               "set key below\n");
    for (int p = 0; p < npanels; p++) {
        const sbb_plot_panel *P = &panels[p];
        int lo = 0, hi = 0;
        for (int i = 0; i < P->npts; i++) {
            if (!lo || P->n[i] < lo) lo = P->n[i];
            if (P->n[i] > hi) hi = P->n[i];
        }
        fprintf(g, "set title '%s'\n", P->title);
        if (lo > 0) fprintf(g, "set xrange [%g:%g]\n", lo / 1.3, hi * 1.3);
        fprintf(g, "set xtics ("); /* at the measured n (LAPACK's 1000, 2000, 4000 are not powers of 2) */
        for (int i = 0; i < P->npts; i++) fprintf(g, "%s%d", i ? ", " : "", P->n[i]);
        fprintf(g, ")\n");
        double top = P->peak; /* room above the peak line and above every point */
        for (int l = 0; l < P->nlibs; l++)
            for (int i = 0; i < P->npts; i++)
                if (P->g[l][i] > top) top = P->g[l][i];
        if (top > 0) fprintf(g, "set yrange [0:%g]\n", top * 1.1);
        else fprintf(g, "set yrange [0:*]\n");
        fprintf(g, "plot ");
        int first = 1;
        if (P->peak > 0) {
            fprintf(g, "%g with lines dashtype 2 lc rgb '#000000' lw 1.5 title '%s %.0f'", P->peak, P->peak_label,
                    P->peak);
            first = 0;
        }
        for (int l = 0; l < P->nlibs; l++) {
            int any = 0;
            for (int i = 0; i < P->npts; i++) any |= P->g[l][i] > 0;
            if (!any) continue;
            fprintf(g, "%s$d%d_%d using 1:2 with linespoints lw %s pt 7 ps 0.8 lc rgb '%s' title '%s'",
                    first ? "" : ", ", p, l, strcmp(P->lib[l], "SafeBLAS") ? "1.5" : "2.5", colour_of(P->lib[l]),
                    P->lib[l]);
            first = 0;
        }
        if (first) fprintf(g, "NaN notitle");
        fprintf(g, "\n");
    }
    fprintf(g, "unset multiplot\n");
    int rc = pclose(g);
    signal(SIGPIPE, old_pipe);
    if (rc != 0) snprintf(err, errlen, "gnuplot failed (exit status %d)", WIFEXITED(rc) ? WEXITSTATUS(rc) : -1);
    return rc == 0 ? 0 : -1;
}
