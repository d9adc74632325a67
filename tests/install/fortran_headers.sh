#!/usr/bin/env bash
# The Fortran-ABI headers include/safeblas_blas.h and include/safeblas_lapack.h against a build.
#
#   fortran_headers.sh regenerate BUILD_DIR SOURCE_DIR
#       scripts/gen_fortran_headers.py rebuilt from the build's libraries and Debian's
#       liblapack-doc must give the committed headers byte for byte (exit 77, skipped, when
#       liblapack-doc is not installed).
#   fortran_headers.sh check BUILD_DIR SOURCE_DIR
#       1. every exported Fortran symbol has a prototype and every prototype an exported symbol
#          (libsafeblas, and the name_64_ names of libsafeblas64)
#       2. SafeBLAS's own C entry points agree with the prototypes; nothing declared const is
#          writable in their definitions
#       3. fortran_headers_consumer.c compiled as C99 and as C++11 with -Wall -Wextra -Werror
#          -pedantic, LP64 against libsafeblas and -DSAFEBLAS_ILP64 against libsafeblas64, and run
# Prints PASS/FAIL lines and "fortran headers: N passed, N failed".
set -uo pipefail

mode=${1:?usage: fortran_headers.sh regenerate|check BUILD_DIR SOURCE_DIR}
build=$(cd "${2:?BUILD_DIR}" && pwd)
src=$(cd "${3:?SOURCE_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
cc=${CC:-cc}
command -v "$cc" >/dev/null || cc=gcc
cxx=${CXX:-c++}
command -v "$cxx" >/dev/null || cxx=g++

passed=0 failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
finish() {
  echo "fortran headers: $passed passed, $failed failed"
  [[ $failed -eq 0 ]]
  exit $?
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/safeblas-fheaders.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

lib=$build/libsafeblas.so.0
lib64=$build/libsafeblas64.so.0
[[ -e "$lib" ]] || { fail "$lib is not built"; finish; }
[[ -e "$lib64" ]] || lib64=

if [[ "$mode" == regenerate ]]; then
  docs=/usr/share/doc/liblapack-dev/explore-html
  if [[ ! -d "$docs" || ! -e /usr/share/man/man3/dgemm.3.gz ]]; then
    echo "SKIPPED: Debian's liblapack-doc is not installed ($docs): the committed headers cannot be"
    echo "         regenerated here (apt-get install liblapack-doc; CI has it)"
    exit 77
  fi
  if [[ -z "$lib64" ]]; then
    echo "SKIPPED: no libsafeblas64 in this build (-DSAFEBLAS_ILP64=OFF): the headers are generated with both"
    exit 77
  fi
  if python3 "$src/scripts/gen_fortran_headers.py" "$lib" "$tmp/gen" --lib64 "$lib64"; then
    pass "scripts/gen_fortran_headers.py ran"
  else
    fail "scripts/gen_fortran_headers.py ran"; finish
  fi
  for h in safeblas_blas.h safeblas_lapack.h; do
    if diff -u "$src/include/$h" "$tmp/gen/$h" >"$tmp/diff" 2>&1; then
      pass "include/$h is what the generator makes"
    else
      head -n 60 "$tmp/diff"
      fail "include/$h differs from the generator's output (rerun: scripts/gen_fortran_headers.py" \
           "build/libsafeblas.so.0 include --lib64 build/libsafeblas64.so.0)"
    fi
  done
  finish
fi

[[ "$mode" == check ]] || { echo "unknown mode $mode"; exit 2; }

# --- 1, 2: coverage and const-ness (python prints PASS/FAIL lines itself) -------------------------------
count() {   # run a checker, count its PASS/FAIL lines
  local out
  out=$("$@" 2>&1)
  echo "$out"
  passed=$((passed + $(grep -c '^PASS' <<<"$out")))
  failed=$((failed + $(grep -c '^FAIL' <<<"$out")))
  if ! grep -q '^PASS\|^FAIL' <<<"$out"; then failed=$((failed + 1)); fi
}
count python3 "$here/fortran_headers_check.py" coverage "$src/include" "$lib" ${lib64:+"$lib64"}
count python3 "$here/fortran_headers_check.py" const "$src/include" "$src" "$cc"

# --- 3. compile and run as C and C++, LP64 and ILP64 --------------------------------------------------
build_run() {   # lang model
  local lang=$1 model=$2 compiler std defs=() libname=safeblas
  if [[ $lang == C ]]; then compiler=$cc; std=(-std=c99); else compiler=$cxx; std=(-x c++ -std=c++11); fi
  if [[ $model == ILP64 ]]; then defs=(-DSAFEBLAS_ILP64); libname=safeblas64; fi
  local exe=$tmp/consumer-$lang-$model
  if "$compiler" "${std[@]}" -Wall -Wextra -Werror -pedantic "${defs[@]}" -I"$src/include" \
       -o "$exe" "$here/fortran_headers_consumer.c" -x none -L"$build" -l$libname -lm >"$tmp/cc.log" 2>&1; then
    pass "$lang $model: the headers compile with -Wall -Wextra -Werror -pedantic"
  else
    head -n 40 "$tmp/cc.log"; fail "$lang $model: the headers compile with -Wall -Wextra -Werror -pedantic"
    return
  fi
  if LD_LIBRARY_PATH=$build timeout 120 "$exe" >"$tmp/run.log" 2>&1; then
    cat "$tmp/run.log"; pass "$lang $model: calls through the headers give the expected results"
  else
    cat "$tmp/run.log"; fail "$lang $model: calls through the headers give the expected results"
  fi
}
for lang in C C++; do
  if [[ $lang == C++ ]] && ! command -v "$cxx" >/dev/null; then
    fail "no C++ compiler ($cxx) to check the headers under C++"; continue
  fi
  build_run "$lang" LP64
  if [[ -n "$lib64" ]]; then build_run "$lang" ILP64; else echo "NOTE: no libsafeblas64 in this build: ILP64 not checked"; fi
done
finish
