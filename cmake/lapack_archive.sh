#!/usr/bin/env bash
# Builds the part of Debian's reference LAPACK archive (liblapack_pic.a; liblapack64_pic.a for the
# ILP64 library) that goes into libsafeblas.so (libsafeblas64.so). Run by cmake/lapack.cmake as a
# PRE_LINK step of the safeblas (safeblas64) target, i.e. after all of its own objects are compiled:
#
#   lapack_archive.sh NM AR ARCHIVE OBJECT_LIST OUTDIR
#
# OBJECT_LIST is a file naming SafeBLAS's own object files, one per line. The script
#   1. extracts the archive's members into OUTDIR/members (again only when the archive changed);
#   2. drops every member that defines a symbol one of our objects defines (our routines win),
#      plus the archive's xerbla, xerbla_array and lsame (ours stay in charge, so that a
#      program's own xerbla_ still replaces ours);
#   3. drops, repeatedly, members that call a Fortran-named routine (BLAS) that neither our
#      objects nor the kept members define -- so a BLAS routine still missing from SafeBLAS
#      leaves out the LAPACK routines that need it instead of breaking the link (a warning lists
#      them; tests/lapack's export test fails until nothing is left out);
#   4. writes OUTDIR/liblapack_kept.a (a thin archive of the kept members), which the safeblas
#      link takes whole, and reports in OUTDIR/*.txt what was dropped and why.
set -euo pipefail

NM=$1 AR=$2 ARCHIVE=$3 OBJLIST=$4 OUT=$5
members=$OUT/members
mkdir -p "$OUT"

if [[ ! -f $members/.stamp || $ARCHIVE -nt $members/.stamp ]]; then
  rm -rf "$members"
  mkdir -p "$members"
  (cd "$members" && "$AR" x "$ARCHIVE")
  # Member names must be unique for extraction to be faithful.
  dups=$("$AR" t "$ARCHIVE" | sort | uniq -d)
  if [[ -n $dups ]]; then
    echo "lapack_archive.sh: duplicate member names in $ARCHIVE: $dups" >&2
    exit 1
  fi
  "$AR" t "$ARCHIVE" > "$members/.list"
  touch "$members/.stamp"
fi

# Symbols our own objects define (global, any visibility: a hidden name cannot clash with a
# Fortran one anyway).
sort -u "$OBJLIST" | grep -v '^$' > "$OUT/our_objects.txt"
: > "$OUT/our_symbols.txt"
if [[ -s $OUT/our_objects.txt ]]; then
  xargs -d '\n' "$NM" -g --defined-only < "$OUT/our_objects.txt" 2>/dev/null |
    awk 'NF == 3 { print $3 }' | sort -u > "$OUT/our_symbols.txt"
fi

# nm of the extracted members, in archive order: "member: <name>" headers, then symbols.
(cd "$members" && xargs -d '\n' "$NM" -g -A < .list 2>/dev/null) > "$OUT/archive_nm.txt"

rm -f "$OUT"/{kept,dropped_ours,dropped_missing,missing_symbols}.txt
awk -v out="$OUT" '
  # pass 1: our symbols
  FNR == NR { ours[$1] = 1; next }
  # pass 2: "member.o:[addr] TYPE name" (nm -A)
  {
    c = index($0, ":"); m = substr($0, 1, c - 1); n = split(substr($0, c + 1), f, " ")
    if (!(m in seen)) { seen[m] = 1; order[++nm] = m }
    if (n == 3) { def[m, ++ndef[m]] = f[3]; definer[f[3]] = m }
    else if (n == 2 && (f[1] == "U" || f[1] == "w" || f[1] == "v")) und[m, ++nund[m]] = f[2]
  }
  END {
    fixed["xerbla.o"] = 1; fixed["xerbla_array.o"] = 1; fixed["lsame.o"] = 1
    bad = 0
    for (i = 1; i <= nm; i++) {
      m = order[i]; hit = 0; other = ""
      for (k = 1; k <= ndef[m]; k++) { s = def[m, k]; if (s in ours) hit++; else other = other " " s }
      if (hit || (m in fixed)) {
        drop[m] = "ours"
        print m > (out "/dropped_ours.txt")
        # A member we replace must not take other routines with it.
        if (hit && other != "" && other !~ /^( __[a-z_]*_MOD_[a-z0-9_]*)+$/) {
          print "lapack_archive.sh: " m " defines symbols SafeBLAS defines and also:" other > "/dev/stderr"
          bad = 1
        }
      }
    }
    if (bad) exit 2
    # Fixpoint: a kept member needing a Fortran-named routine nobody defines is left out.
    do {
      changed = 0
      delete avail
      for (s in ours) avail[s] = 1
      for (i = 1; i <= nm; i++) { m = order[i]; if (m in drop) continue
        for (k = 1; k <= ndef[m]; k++) avail[def[m, k]] = 1 }
      for (i = 1; i <= nm; i++) { m = order[i]; if (m in drop) continue
        for (k = 1; k <= nund[m]; k++) { s = und[m, k]
          if (s ~ /^[a-z][a-z0-9_]*_$/ && !(s in avail)) {
            drop[m] = "missing"; miss[s] = 1; changed = 1
            print m " needs " s > (out "/dropped_missing.txt")
            break } } }
    } while (changed)
    nkept = 0; nmiss = 0; nours = 0
    for (i = 1; i <= nm; i++) { m = order[i]
      if (!(m in drop)) { print m > (out "/kept.txt"); nkept++ }
      else if (drop[m] == "missing") nmiss++
      else nours++ }
    for (s in miss) if (!(s in definer)) { print s > (out "/missing_symbols.txt"); nsym++ }
    printf "SafeBLAS LAPACK: %d reference members linked, %d replaced by ours, %d left out\n", nkept, nours, nmiss
    if (nmiss) {
      printf "SafeBLAS LAPACK: WARNING: %d reference LAPACK members left out because SafeBLAS does not define %d routines they need (see %s/missing_symbols.txt)\n", nmiss, nsym, out > "/dev/stderr"
    }
  }' "$OUT/our_symbols.txt" "$OUT/archive_nm.txt" > "$OUT/summary.txt"
cat "$OUT/summary.txt"
for f in kept dropped_ours dropped_missing missing_symbols; do [[ -f $OUT/$f.txt ]] || : > "$OUT/$f.txt"; done

# The archive that the link takes whole (thin: it names the extracted members, by paths relative
# to the archive's own folder).
rm -f "$OUT/liblapack_kept.a"
(cd "$OUT" && sed 's|^|members/|' kept.txt | xargs -r "$AR" qcT liblapack_kept.a)
[[ -f $OUT/liblapack_kept.a ]] || (cd "$OUT" && "$AR" qcT liblapack_kept.a)
nmem=$("$AR" t "$OUT/liblapack_kept.a" | wc -l)
if [[ $nmem -ne $(wc -l < "$OUT/kept.txt") ]]; then
  echo "lapack_archive.sh: $OUT/liblapack_kept.a has $nmem members, expected $(wc -l < "$OUT/kept.txt")" >&2
  exit 1
fi
