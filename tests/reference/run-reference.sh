#!/usr/bin/env bash
# Runs Debian's reference BLAS test programs (package libblas-test) against a BLAS library
# folder, checks that each process really mapped that library, and parses the testers' reports.
#
#   run-reference.sh [--lib DIR | --reference] [--checker SO] [--workdir DIR] [PROGRAM...]
#
#   --lib DIR      folder holding the libblas.so.3 under test (default: $SBREF_LIBDIR, else
#                  <source>/build/compat), put first on LD_LIBRARY_PATH
#   --reference    test Debian's reference BLAS itself (a temporary folder with a libblas.so.3
#                  link to /usr/lib/x86_64-linux-gnu/blas/libblas.so.3): the baseline
#   --checker SO   the LD_PRELOAD object built from maps_check.c (default: compiled here with cc)
#   --workdir DIR  scratch folder; each program runs in its own subfolder (default: a temp dir)
#   PROGRAM...     tester names (xblat1d, xblat2z, xscblat3, ...) or "all" (default)
#
# Environment: SBREF_TESTER_DIR (default /usr/lib/x86_64-linux-gnu/blas), SBREF_TIMEOUT
# (seconds per program, default 300), SBREF_VERBOSE=1 prints every tester's full report,
# SAFEBLAS_KERNEL with SBT_KERNEL_SET: run on that kernel set, exit 77 (skipped) if the library
# cannot take it here.
#
# What is checked, per program:
#  - the process mapped the realpath of DIR/libblas.so.3 and no other BLAS-like library
#    (maps_check.so, preloaded, dumps /proc/self/maps before main; no dump = failure);
#  - exit status 0 within the timeout;
#  - level 1: one "----- PASS -----" per subprogram tested;
#    level 2/3: "PASSED THE TESTS OF ERROR-EXITS" and "PASSED THE ... COMPUTATIONAL TESTS"
#    for every routine, "END OF TESTS" present;
#  - no FAIL / SUSPECT / "*****" / ABANDONED / FATAL line anywhere;
#  - the number of pass lines equals the count the reference library gives with Debian's
#    input files (table below).
# It prints one line per program ("N passed, N failed") and a closing total; exit 0 iff every
# program passed every check.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tester_dir=${SBREF_TESTER_DIR:-/usr/lib/x86_64-linux-gnu/blas}
timeout_s=${SBREF_TIMEOUT:-300}
libdir=${SBREF_LIBDIR:-}
reference=0
checker=
workdir=
progs=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --lib) libdir=$2; shift 2 ;;
    --lib=*) libdir=${1#--lib=}; shift ;;
    --reference) reference=1; shift ;;
    --checker) checker=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    -*) echo "run-reference: unknown option $1" >&2; exit 2 ;;
    *) progs+=("$1"); shift ;;
  esac
done

# Pass lines each tester prints with Debian's input files when every check passes (measured with
# the reference library itself: Fortran testers 238, CBLAS testers 328).
declare -A expect=(
  [xblat1s]=13 [xblat1d]=13 [xblat1c]=10 [xblat1z]=10
  [xblat2s]=32 [xblat2d]=32 [xblat2c]=34 [xblat2z]=34
  [xblat3s]=12 [xblat3d]=12 [xblat3c]=18 [xblat3z]=18
  [xscblat1]=10 [xdcblat1]=10 [xccblat1]=10 [xzcblat1]=10
  [xscblat2]=48 [xdcblat2]=48 [xccblat2]=51 [xzcblat2]=51
  [xscblat3]=18 [xdcblat3]=18 [xccblat3]=27 [xzcblat3]=27
)
all_progs=(xblat1s xblat1d xblat1c xblat1z xblat2s xblat2d xblat2c xblat2z
           xblat3s xblat3d xblat3c xblat3z
           xscblat1 xdcblat1 xccblat1 xzcblat1 xscblat2 xdcblat2 xccblat2 xzcblat2
           xscblat3 xdcblat3 xccblat3 xzcblat3)
if [[ ${#progs[@]} -eq 0 || ${progs[0]} == all ]]; then progs=("${all_progs[@]}"); fi

if [[ -z $workdir ]]; then
  workdir=$(mktemp -d "${TMPDIR:-/tmp}/sbref.XXXXXX")
fi
mkdir -p "$workdir" || { echo "run-reference: cannot create $workdir" >&2; exit 2; }
workdir=$(cd "$workdir" && pwd)

if [[ $reference -eq 1 ]]; then
  libdir=$workdir/reference-lib
  mkdir -p "$libdir"
  ln -sfn "$tester_dir/libblas.so.3" "$libdir/libblas.so.3"
fi
if [[ -z $libdir ]]; then libdir=$here/../../build/compat; fi
if [[ ! -e $libdir/libblas.so.3 ]]; then
  echo "run-reference: no libblas.so.3 in $libdir (build SafeBLAS first, or pass --lib DIR)" >&2
  exit 2
fi
libdir=$(cd "$libdir" && pwd)
expect_lib=$(realpath "$libdir/libblas.so.3")
# SBT_KERNEL_SET (set by ctest together with SAFEBLAS_KERNEL): the kernel set the run is for. If
# the library did not take it (this CPU or OS cannot run it), the run is skipped (77), not passed.
if [[ -n ${SBT_KERNEL_SET:-} && $reference -eq 0 ]]; then
  got=$(python3 -c 'import ctypes, sys
lib = ctypes.CDLL(sys.argv[1]); lib.openblas_get_corename.restype = ctypes.c_char_p
print(lib.openblas_get_corename().decode())' "$libdir/libblas.so.3" 2>/dev/null)
  if [[ $got != "$SBT_KERNEL_SET" ]]; then
    echo "skipped: kernel set $SBT_KERNEL_SET: this CPU or OS cannot run it (the library runs ${got:-?})"
    exit 77
  fi
  echo "kernel set: $got"
fi
# The library's own dependencies may be BLAS-like (OpenBLAS's libblas.so.3 needs libopenblas.so.0,
# SafeBLAS's is an ELF filter on libsafeblas.so.0); any other BLAS in the process is a failure.
# They are listed through a tester, which needs only libblas.so.3: ldd cannot list a filter
# library itself (glibc's ld.so stops on an assertion in init_tls).
allowed_deps=$(LD_LIBRARY_PATH=$libdir ldd "$tester_dir/${progs[0]}" 2>/dev/null |
               sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p' | xargs -r realpath 2>/dev/null)

if [[ -z $checker ]]; then
  checker=$workdir/maps_check.so
  if ! cc -O2 -shared -fPIC -o "$checker" "$here/maps_check.c"; then
    echo "run-reference: cannot build the maps checker" >&2; exit 2
  fi
fi
checker=$(realpath "$checker")

# Where each tester reads its input: level 2/3 Fortran testers read <p>blat<l>.in on stdin and
# write their summary to the file its first line names; CBLAS level 2/3 read <p>in<l> on stdin
# and report on stdout; level 1 testers read nothing and report on stdout.
input_of() {
  local prog=$1
  case "$prog" in
    xblat1?|x?cblat1) echo /dev/null ;;
    xblat[23]?) echo "$tester_dir/${prog:6:1}blat${prog:5:1}.in" ;;
    x?cblat[23]) echo "$tester_dir/${prog:1:1}in${prog:7:1}" ;;
  esac
}

total_pass=0
total_fail=0
prog_ok=0
prog_bad=0
printf 'reference BLAS testers from %s\nlibrary under test: %s -> %s\n' "$tester_dir" "$libdir/libblas.so.3" "$expect_lib"

for prog in "${progs[@]}"; do
  if [[ -z ${expect[$prog]:-} ]]; then
    echo "run-reference: unknown tester $prog" >&2; exit 2
  fi
  want=${expect[$prog]}
  exe=$tester_dir/$prog
  input=$(input_of "$prog")
  dir=$workdir/$prog
  rm -rf "$dir"; mkdir -p "$dir"
  problems=()

  if [[ ! -x $exe ]]; then
    problems+=("tester $exe not installed (Debian package libblas-test)")
    rc=127
  elif [[ ! -r $input ]]; then
    problems+=("input $input missing")
    rc=127
  else
    ( cd "$dir" &&
      SBREF_MAPS_OUT=$dir/maps.txt SBREF_MAPS_PROG=$(realpath "$exe") \
      LD_PRELOAD=$checker LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
      timeout -k 5 "$timeout_s" "$exe" < "$input" > "$dir/stdout.txt" 2> "$dir/stderr.txt" )
    rc=$?
  fi

  # The summary: stdout, plus the file a Fortran level 2/3 tester names on its input's first line.
  report=$dir/report.txt
  cat "$dir/stdout.txt" > "$report" 2>/dev/null
  if [[ $prog == xblat[23]? && -r $input ]]; then
    sumfile=$(head -n1 "$input" | sed -n "s/^ *'\([^']*\)'.*/\1/p")
    if [[ -n $sumfile && -f $dir/$sumfile ]]; then cat "$dir/$sumfile" >> "$report"; fi
  fi

  # 1. Which library the process really mapped.
  mapped=
  map_bad=0
  startup_error=$(grep -a -m1 -E 'symbol lookup error|error while loading shared libraries' "$dir/stderr.txt" 2>/dev/null)
  if [[ -n $startup_error ]]; then
    problems+=("the tester could not start: ${startup_error##*: }")
    map_bad=1
  elif [[ -x $exe ]]; then
    if [[ ! -s $dir/maps.txt ]] || [[ $(tail -n1 "$dir/maps.txt") != END ]]; then
      problems+=("no /proc/self/maps dump from the tester: the checker was not preloaded, cannot prove which BLAS ran")
      map_bad=1
    else
      if grep -qxF "$expect_lib" "$dir/maps.txt"; then mapped=$expect_lib; else
        problems+=("the tester did not map $expect_lib"); map_bad=1
      fi
      while IFS= read -r other; do
        [[ $other == "$expect_lib" ]] && continue
        grep -qxF "$other" <<< "$allowed_deps" && continue
        problems+=("the tester also mapped another BLAS: $other"); map_bad=1
      done < <(grep -E '/lib[^/]*(blas|blis|atlas|mkl)[^/]*\.so' "$dir/maps.txt" | grep -v '^END$')
    fi
  fi

  # 2. Exit status.
  if [[ $rc -eq 124 || $rc -eq 137 ]]; then problems+=("timed out after ${timeout_s}s")
  elif [[ $rc -ne 0 ]]; then problems+=("exit status $rc"); fi

  # 3. The report.
  if [[ $prog == *blat1? || $prog == x?cblat1 ]]; then
    npass=$(grep -a -c -- '----- PASS -----' "$report")
  else
    npass=$(grep -a -c 'PASSED THE' "$report")
    grep -a -q 'END OF TESTS' "$report" || problems+=("no END OF TESTS line: the tester stopped early")
  fi
  # (cat -v: a name with NUL bytes in it, as a wrong hidden length gives, shows as ^@)
  bad=$(grep -a -h -E 'FAIL|SUSPECT|\*\*\*\*\*|ABANDON|FATAL' "$report" "$dir/stderr.txt" 2>/dev/null |
        cat -v | awk '!seen[$0]++' | head -n 12)
  [[ -n $bad ]] && problems+=("failure lines in the report")
  if [[ $npass -ne $want ]]; then problems+=("$npass pass lines, the reference gives $want"); fi

  # Counts: a check passed only if its pass line is there. A run on the wrong library counts
  # nothing as passed; a run that fails for another reason with every pass line present (a
  # crash at exit, a stray failure line) counts one failure.
  if [[ $map_bad -eq 1 ]]; then npass=0; fi
  nfail=$(( want > npass ? want - npass : 0 ))
  if [[ ${#problems[@]} -gt 0 && $nfail -eq 0 ]]; then nfail=1; npass=$(( want - 1 )); fi
  total_pass=$(( total_pass + npass ))
  total_fail=$(( total_fail + nfail ))

  if [[ ${#problems[@]} -eq 0 ]]; then
    prog_ok=$(( prog_ok + 1 ))
    printf '%-9s ok    %3d passed, %3d failed\n' "$prog" "$npass" "$nfail"
  else
    prog_bad=$(( prog_bad + 1 ))
    printf '%-9s FAIL  %3d passed, %3d failed  (scratch: %s)\n' "$prog" "$npass" "$nfail" "$dir"
    for p in "${problems[@]}"; do printf '          - %s\n' "$p"; done
    if [[ -n $bad ]]; then printf '%s\n' "$bad" | sed 's/^/          | /'; fi
    if [[ -s $dir/stderr.txt ]]; then
      echo "          stderr (last lines):"; tail -n 5 "$dir/stderr.txt" | sed 's/^/          | /'
    fi
  fi
  if [[ ${SBREF_VERBOSE:-0} == 1 ]]; then sed 's/^/    /' "$report"; fi
done

printf 'programs: %d ok, %d failed\n' "$prog_ok" "$prog_bad"
printf '%d passed, %d failed\n' "$total_pass" "$total_fail"
[[ $prog_bad -eq 0 ]]
