#!/usr/bin/env bash
# ILP64 install test: `cmake --install` the build into a temporary DESTDIR, check the ILP64 part of
# the tree (libsafeblas64.so.0, safeblas64.pc, <libdir>/safeblas64/{libblas64,liblapack64}.so.3
# wrappers: own SONAME, FILTER and NEEDED libsafeblas64.so.0), then build consumer64.c
#   1. with pkg-config safeblas64, and
#   2. plain: cc consumer64.c -L<libdir>/safeblas64 -lblas64 -llapack64,
# run each and check the libsafeblas64 it mapped is the DESTDIR copy.
#   install64.sh BUILD_DIR
set -uo pipefail
build=$(cd "${1:?usage: install64.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
cc=${CC:-cc}
passed=0 failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
finish() { echo "ilp64 install: $passed passed, $failed failed"; [[ $failed -eq 0 ]]; exit $?; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/safeblas-install64.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest

cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt" | head -n1; }
prefix=$(cache CMAKE_INSTALL_PREFIX); prefix=${prefix:-/usr/local}
libdir_rel=$(cache CMAKE_INSTALL_LIBDIR); libdir_rel=${libdir_rel:-lib}
[[ "$libdir_rel" == /* ]] && libdir=$libdir_rel || libdir=$prefix/$libdir_rel
D=$dest$libdir W=$D/safeblas64

if DESTDIR=$dest cmake --install "$build" >"$tmp/install.log" 2>&1; then pass "cmake --install into DESTDIR"
else cat "$tmp/install.log"; fail "cmake --install into DESTDIR"; finish; fi
(cd "$dest" && find . -path '*64*' | sort)

dyn() { readelf -d "$1" 2>/dev/null | awk -v k="$2" '$0 ~ "\\(" k "\\)" {print $NF}' | tr -d '[]'; }
[[ -f $D/libsafeblas64.so.0 ]] && pass "libsafeblas64.so.0 installed" || fail "no $libdir/libsafeblas64.so.0"
for w in blas64 lapack64; do
  f=$W/lib$w.so.3
  if [[ -f $f ]]; then
    [[ $(dyn "$f" SONAME) == lib$w.so.3 ]] && pass "lib$w.so.3 SONAME" || fail "lib$w.so.3 SONAME $(dyn "$f" SONAME)"
    [[ $(dyn "$f" FILTER) == libsafeblas64.so.0 ]] && pass "lib$w.so.3 is a filter on libsafeblas64.so.0" \
      || fail "lib$w.so.3 FILTER '$(dyn "$f" FILTER)'"
    dyn "$f" NEEDED | grep -qx libsafeblas64.so.0 && pass "lib$w.so.3 NEEDS libsafeblas64.so.0" || fail "lib$w.so.3 NEEDED"
    syms=$(nm -D --defined-only "$f" | awk '{print $NF}')
    grep -qx dgemm_64_ <<<"$syms" && pass "lib$w.so.3 defines dgemm_64_ (for the link editor)" \
      || fail "lib$w.so.3 lacks dgemm_64_"
  else
    fail "no $libdir/safeblas64/lib$w.so.3"
  fi
done

run() { # name exe env...
  local name=$1 exe=$2; shift 2
  local out; out=$(env "$@" "$exe" 2>&1); local rc=$?
  echo "$name: $out"
  if [[ $rc -eq 0 && $out == *"libsafeblas64 from $dest"* ]]; then pass "$name runs on the DESTDIR libsafeblas64"
  else fail "$name (rc $rc)"; fi
}

pcdir=$D/pkgconfig
if PKG_CONFIG_PATH=$pcdir PKG_CONFIG_SYSROOT_DIR=$dest pkg-config --exists safeblas64 2>/dev/null; then
  flags=$(PKG_CONFIG_PATH=$pcdir PKG_CONFIG_SYSROOT_DIR=$dest pkg-config --cflags --libs safeblas64)
  echo "pkg-config safeblas64: $flags"
  [[ $flags == *-DSAFEBLAS_ILP64* ]] && pass "safeblas64.pc sets -DSAFEBLAS_ILP64" || fail "safeblas64.pc lacks -DSAFEBLAS_ILP64"
  if "$cc" -O1 -o "$tmp/c-pc" "$here/consumer64.c" $flags -ldl >"$tmp/cc.log" 2>&1; then
    pass "pkg-config consumer builds"; run "pkg-config consumer" "$tmp/c-pc" "LD_LIBRARY_PATH=$D"
  else cat "$tmp/cc.log"; fail "pkg-config consumer builds"; fi
else
  fail "pkg-config finds safeblas64"
fi

if "$cc" -O1 -o "$tmp/c-plain" "$here/consumer64.c" -L"$W" -lblas64 -llapack64 -ldl >"$tmp/cc.log" 2>&1; then
  pass "plain consumer builds: cc consumer64.c -L<libdir>/safeblas64 -lblas64 -llapack64"
  dyn "$tmp/c-plain" NEEDED | grep -qx libsafeblas64.so.0 && fail "plain consumer NEEDS libsafeblas64.so.0 directly" \
    || pass "plain consumer NEEDS only the wrappers ($(dyn "$tmp/c-plain" NEEDED | tr '\n' ' '))"
  run "plain consumer" "$tmp/c-plain" "LD_LIBRARY_PATH=$W"
else
  cat "$tmp/cc.log"; fail "plain consumer builds"
fi
finish
