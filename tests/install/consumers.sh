#!/usr/bin/env bash
# Install test: `cmake --install` an existing build into a temporary DESTDIR (what `make install`
# does, without rebuilding), check the tree, then build tests/install/consumer.c three ways and
# run each:
#   1. pkg-config:  cc $(pkg-config --cflags --libs safeblas)  (only PKG_CONFIG_PATH into DESTDIR:
#                   the .pc files are relocatable, their paths must lead into the staged tree)
#   2. CMake:       find_package(SafeBLAS) with CMAKE_PREFIX_PATH, target SafeBLAS::safeblas
#   3. plain:       cc consumer.c -I<destdir><includedir>/safeblas -L<destdir><libdir>/safeblas -lblas [-llapack]
# and, through pkg-config safeblas and safeblas64, fortran_headers_consumer.c (the installed
# safeblas_blas.h / safeblas_lapack.h, LP64 and ILP64).
# The consumers check their numbers and that libsafeblas was mapped from the DESTDIR copy.
# LAPACK is exercised (dgesv_, and -llapack in 3) only when the installed libsafeblas exports dgetrf_.
#
#   consumers.sh BUILD_DIR [SOURCE_DIR]      (keeps its scratch folder when SAFEBLAS_KEEP_TMP=1)
set -uo pipefail

build=$(cd "${1:?usage: consumers.sh BUILD_DIR [SOURCE_DIR]}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
# SOURCE_DIR ($2) is accepted for symmetry with alternatives.sh; the consumer source is next to this script
cc=${CC:-cc}
command -v "$cc" >/dev/null || cc=gcc

passed=0 failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
finish() {
  echo "install consumers: $passed passed, $failed failed"
  [[ $failed -eq 0 ]]
  exit $?
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/safeblas-install.XXXXXX")
cleanup() { if [[ "${SAFEBLAS_KEEP_TMP:-0}" == 1 ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
dest=$tmp/dest

# --- what the build was configured with (`make install` configures with PREFIX and LIBDIR) ----------
cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt" | head -n1; }
[[ -f "$build/CMakeCache.txt" ]] || { fail "$build is not a CMake build folder"; finish; }
prefix=$(cache CMAKE_INSTALL_PREFIX); prefix=${prefix:-/usr/local}
libdir_rel=$(cache CMAKE_INSTALL_LIBDIR); libdir_rel=${libdir_rel:-lib}
incdir_rel=$(cache CMAKE_INSTALL_INCLUDEDIR); incdir_rel=${incdir_rel:-include}
[[ "$libdir_rel" == /* ]] && libdir=$libdir_rel || libdir=$prefix/$libdir_rel
[[ "$incdir_rel" == /* ]] && incdir=$incdir_rel || incdir=$prefix/$incdir_rel
echo "prefix $prefix, libdir $libdir, includedir $incdir, DESTDIR $dest"

# --- 0. install -----------------------------------------------------------------------------------
if DESTDIR=$dest cmake --install "$build" >"$tmp/install.log" 2>&1; then
  pass "cmake --install into DESTDIR"
else
  cat "$tmp/install.log"; fail "cmake --install into DESTDIR"; finish
fi
echo "--- installed tree (find \$DESTDIR | sort) ---"
(cd "$dest" && find . | sort | while read -r f; do
   if [[ -L "$f" ]]; then echo "$f -> $(readlink "$f")"; else echo "$f"; fi
 done)
echo "---"

D=$dest$libdir
I=$dest$incdir/safeblas
expect=("$D/libsafeblas.so.0" "$D/libsafeblas.so" "$I/cblas.h" "$I/safeblas.h" "$I/safeblas_int.h"
        "$I/safeblas_blas.h" "$I/safeblas_lapack.h" "$D/pkgconfig/safeblas.pc"
        "$D/cmake/SafeBLAS/SafeBLASConfig.cmake" "$D/cmake/SafeBLAS/SafeBLASConfigVersion.cmake"
        "$D/safeblas/libblas.so.3" "$D/safeblas/liblapack.so.3" "$D/safeblas/libblas.so"
        "$D/safeblas/liblapack.so")
for f in "${expect[@]}"; do
  [[ -e "$f" ]] && pass "installed ${f#"$dest"}" || fail "missing ${f#"$dest"}"
done
soname() { readelf -d "$1" 2>/dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p'; }
needed() { readelf -d "$1" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
[[ "$(soname "$D/libsafeblas.so.0")" == libsafeblas.so.0 ]] && pass "libsafeblas SONAME libsafeblas.so.0" \
  || fail "libsafeblas SONAME is '$(soname "$D/libsafeblas.so.0")'"
for w in blas lapack; do
  f=$D/safeblas/lib$w.so.3
  [[ -e "$f" ]] || continue
  [[ "$(soname "$f")" == "lib$w.so.3" ]] && pass "lib$w.so.3 SONAME lib$w.so.3" || fail "lib$w.so.3 SONAME is '$(soname "$f")'"
  needed "$f" | grep -qx libsafeblas.so.0 && pass "lib$w.so.3 NEEDED libsafeblas.so.0" \
    || fail "lib$w.so.3 does not NEED libsafeblas.so.0 ($(needed "$f" | tr '\n' ' '))"
done
if [[ ! -e "$D/libsafeblas.so.0" ]]; then finish; fi

# --- LAPACK present? ----------------------------------------------------------------------------------
defs=()
extra_libs=()
exported=$(nm -D --defined-only "$D/libsafeblas.so.0" | awk '{print $NF}')
if grep -qx dgetrf_ <<<"$exported" && grep -qx dgesv_ <<<"$exported"; then
  echo "libsafeblas exports dgetrf_: the consumer checks LAPACK (dgesv_) too"
  defs+=(-DSB_HAVE_LAPACK); extra_libs+=(-llapack)
else
  echo "NOTE: libsafeblas does not export dgetrf_ yet: LAPACK not checked"
fi

run_consumer() {   # what binary [env...] -- args
  local what=$1 bin=$2; shift 2
  local envs=()
  while [[ $# -gt 0 && "$1" != -- ]]; do envs+=("$1"); shift; done
  shift
  echo "--- run ($what): ${envs[*]} $bin $*"
  if env "${envs[@]}" timeout 120 "$bin" "$@" >"$tmp/run.log" 2>&1; then
    cat "$tmp/run.log"; pass "$what consumer runs on the installed libsafeblas"
  else
    cat "$tmp/run.log"; fail "$what consumer"
  fi
}

# --- relocatable: no configure-time path in the installed .pc and CMake files -------------------------
for f in "$D"/pkgconfig/safeblas*.pc "$D"/cmake/SafeBLAS/*.cmake; do
  [[ -e "$f" ]] || continue
  if grep -qF -e "$libdir/" -e "$incdir/" -e "$libdir " "$f" || grep -qE "^(prefix|libdir|includedir)=/" "$f"; then
    fail "${f#"$dest"} names an absolute install path: $(grep -nF -e "$libdir" -e "$incdir" "$f" | head -n 2 | tr '\n' ' ')"
  else
    pass "${f#"$dest"} holds no absolute install path"
  fi
done

same_dir() { [[ -d "$1" && -d "$2" && "$(cd "$1" && pwd -P)" == "$(cd "$2" && pwd -P)" ]]; }

# --- 1. pkg-config --------------------------------------------------------------------------------------
if command -v pkg-config >/dev/null; then
  # no PKG_CONFIG_SYSROOT_DIR: the paths must come out of ${pcfiledir}, i.e. the staged tree itself
  export PKG_CONFIG_PATH=$D/pkgconfig
  export PKG_CONFIG_ALLOW_SYSTEM_CFLAGS=1 PKG_CONFIG_ALLOW_SYSTEM_LIBS=1
  for pc in safeblas safeblas64; do
    [[ -e "$D/pkgconfig/$pc.pc" ]] || continue
    inc=$(pkg-config --cflags-only-I "$pc" | sed -n 's/^-I\([^ ]*\).*/\1/p')
    ldir=$(pkg-config --libs-only-L "$pc" | sed -n 's/^-L\([^ ]*\).*/\1/p')
    if same_dir "$inc" "$I" && same_dir "$ldir" "$D"; then
      pass "pkg-config $pc (relocated): -I$inc and -L$ldir are the staged $incdir/safeblas and $libdir"
    else
      fail "pkg-config $pc (relocated): -I'$inc' -L'$ldir', want the staged $I and $D"
    fi
  done
  version=$(cache CMAKE_PROJECT_VERSION)
  pcver=$(pkg-config --modversion safeblas 2>&1)
  [[ -z "$version" || "$pcver" == "$version" ]] && pass "pkg-config --modversion safeblas = $pcver" \
    || fail "pkg-config --modversion safeblas = '$pcver', project version $version"
  if flags=$(pkg-config --cflags --libs safeblas 2>&1); then
    echo "pkg-config --cflags --libs safeblas: $flags"
    # shellcheck disable=SC2086
    if "$cc" -O1 -o "$tmp/consumer-pkgconfig" "$here/consumer.c" -DSB_USE_HEADERS "${defs[@]}" $flags \
         >"$tmp/cc.log" 2>&1; then
      pass "pkg-config consumer builds"
      run_consumer pkg-config "$tmp/consumer-pkgconfig" "LD_LIBRARY_PATH=$D" -- "$D"
    else
      cat "$tmp/cc.log"; fail "pkg-config consumer builds"
    fi
  else
    echo "$flags"; fail "pkg-config --cflags --libs safeblas"
  fi
  # the Fortran-ABI headers as installed: LP64 through safeblas.pc, ILP64 through safeblas64.pc
  for pc in safeblas safeblas64; do
    [[ -e "$D/pkgconfig/$pc.pc" ]] || continue
    flags=$(pkg-config --cflags --libs "$pc")
    # shellcheck disable=SC2086
    if "$cc" -std=c99 -Wall -Wextra -Werror -pedantic -o "$tmp/fheaders-$pc" "$here/fortran_headers_consumer.c" \
         $flags -lm >"$tmp/cc.log" 2>&1; then
      pass "installed safeblas_blas.h + safeblas_lapack.h compile via pkg-config $pc (-std=c99 -Werror -pedantic)"
      run_consumer "Fortran headers, pkg-config $pc" "$tmp/fheaders-$pc" "LD_LIBRARY_PATH=$D" --
    else
      cat "$tmp/cc.log"; fail "installed Fortran headers compile via pkg-config $pc"
    fi
  done
  unset PKG_CONFIG_PATH PKG_CONFIG_ALLOW_SYSTEM_CFLAGS PKG_CONFIG_ALLOW_SYSTEM_LIBS
else
  fail "pkg-config is not installed (Debian package pkgconf)"
fi

# --- 2. CMake find_package --------------------------------------------------------------------------------
proj=$tmp/cmake-consumer
mkdir -p "$proj"
cat >"$proj/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.16)
project(SafeBLASConsumer C)
find_package(SafeBLAS 0.1 REQUIRED)
message(STATUS "SafeBLAS_FOUND=\${SafeBLAS_FOUND} SafeBLAS_VERSION=\${SafeBLAS_VERSION} from \${SafeBLAS_DIR}")
add_executable(consumer "$here/consumer.c")
target_compile_definitions(consumer PRIVATE SB_USE_HEADERS $(printf '%s ' "${defs[@]#-D}"))
target_link_libraries(consumer PRIVATE SafeBLAS::safeblas)
EOF
if cmake -S "$proj" -B "$proj/build" -DCMAKE_PREFIX_PATH="$dest$prefix" -DCMAKE_BUILD_TYPE=Release \
     -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF \
     >"$tmp/cmake.log" 2>&1 && cmake --build "$proj/build" >>"$tmp/cmake.log" 2>&1; then
  grep -E 'SafeBLAS_FOUND' "$tmp/cmake.log"
  if grep -q "from $dest" "$tmp/cmake.log"; then pass "find_package(SafeBLAS) found the DESTDIR copy"
  else fail "find_package(SafeBLAS) found some other SafeBLAS"; fi
  pass "CMake consumer builds"
  # no LD_LIBRARY_PATH: CMake's build RPATH points at the imported library's folder
  run_consumer cmake "$proj/build/consumer" -- "$D"
else
  cat "$tmp/cmake.log"; fail "CMake consumer configures and builds"
fi

# --- 3. plain -lblas [-llapack] against the Debian-style folder -----------------------------------------
W=$D/safeblas
if "$cc" -O1 -o "$tmp/consumer-plain" "$here/consumer.c" "${defs[@]}" -I"$I" -L"$W" -lblas "${extra_libs[@]}" \
     >"$tmp/cc.log" 2>&1; then
  pass "plain consumer builds: cc consumer.c -I<includedir>/safeblas -L<libdir>/safeblas -lblas ${extra_libs[*]}"
  echo "consumer NEEDED: $(needed "$tmp/consumer-plain" | tr '\n' ' ')"
  needed "$tmp/consumer-plain" | grep -qx libblas.so.3 && pass "plain consumer NEEDS libblas.so.3" \
    || fail "plain consumer does not NEED libblas.so.3"
  needed "$tmp/consumer-plain" | grep -qx libsafeblas.so.0 && fail "plain consumer NEEDS libsafeblas.so.0 directly (should go through libblas.so.3)" \
    || pass "plain consumer does not NEED libsafeblas.so.0 directly"
  # LD_LIBRARY_PATH points at the wrapper folder only: the wrapper finds libsafeblas.so.0 by its RUNPATH
  run_consumer plain "$tmp/consumer-plain" "LD_LIBRARY_PATH=$W" -- "$D" "$W"
  # reached through a symlink in another folder next to libsafeblas.so.0, as the alternatives
  # link /usr/lib/<triplet>/libblas.so.3 is ($ORIGIN is the link's folder)
  alt=$tmp/alt-libdir
  mkdir -p "$alt"
  ln -s "$W/libblas.so.3" "$alt/libblas.so.3"; ln -s "$W/liblapack.so.3" "$alt/liblapack.so.3"
  ln -s "$D/libsafeblas.so.0" "$alt/libsafeblas.so.0"
  run_consumer "plain via alternatives-style links" "$tmp/consumer-plain" "LD_LIBRARY_PATH=$alt" -- "$D" "$W"
else
  cat "$tmp/cc.log"
  if grep -q 'undefined reference' "$tmp/cc.log" && ! nm -D --defined-only "$W/libblas.so.3" | awk '{print $NF}' | grep -x ddot_ >/dev/null; then
    echo "NOTE: $W/libblas.so.3 defines no BLAS symbols (nm -D --defined-only shows no ddot_), so the link"
    echo "      editor cannot resolve -lblas against it; the wrapper must define (forward) the symbols."
  fi
  fail "plain consumer builds: cc consumer.c -L<libdir>/safeblas -lblas ${extra_libs[*]}"
fi

finish
