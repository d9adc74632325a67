#!/usr/bin/env bash
# libsafeblas.so is a complete LAPACK on our own BLAS:
#   1. it exports every symbol the reference liblapack.so.3 (LAPACK 3.11) exports;
#   2. it needs no other BLAS or LAPACK (no libblas/liblapack/openblas/blis in NEEDED), and every
#      Fortran-named routine the library calls (dgemm_, ...) is defined inside it, so the
#      reference LAPACK routines linked in run on SafeBLAS's BLAS;
#   3. xerbla_, xerbla_array_ and lsame_ are SafeBLAS's (runtime/errors.c, runtime/lsame.c),
#      not the archive's (whose xerbla stops the program);
#   4. build/compat/liblapack.so.3 and libblas.so.3 lead to it (libblas.so.3 through the BLAS
#      wrapper of cmake/install.cmake, an ELF filter on it named for threadpoolctl).
#   check_exports.sh LIBSAFEBLAS COMPATDIR ARCHIVE_REPORT_DIR
set -uo pipefail
lib=$1 compat=$2 report=$3
ref=/usr/lib/x86_64-linux-gnu/lapack/liblapack.so.3
fail=0 pass=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

nm -D --defined-only "$ref" | awk '{print $3}' | sort -u > /tmp/sb_ref_lapack.$$
nm -D --defined-only "$lib" | awk '{print $3}' | sort -u > /tmp/sb_ours.$$
missing=$(comm -23 /tmp/sb_ref_lapack.$$ /tmp/sb_ours.$$)
nref=$(wc -l < /tmp/sb_ref_lapack.$$)
if [[ -n $missing ]]; then
  bad "$(echo "$missing" | wc -l) of $nref reference LAPACK symbols not exported, e.g. $(echo "$missing" | head -8 | tr '\n' ' ')"
  if [[ -s $report/missing_symbols.txt ]]; then
    echo "      left out because SafeBLAS lacks: $(tr '\n' ' ' < "$report/missing_symbols.txt" | cut -c1-600)"
  fi
else
  ok; echo "all $nref reference LAPACK 3.11 symbols exported"
fi

needed=$(readelf -d "$lib" | awk '/NEEDED/ {print $5}' | tr -d '[]')
echo "NEEDED: $(echo $needed)"
if echo "$needed" | grep -qiE 'blas|lapack|blis|atlas|mkl'; then bad "links another BLAS/LAPACK: $needed"; else ok; fi

undef=$(nm -D --undefined-only "$lib" | awk '{print $2}' | grep -E '^[a-z][a-z0-9_]*_$' || true)
if [[ -n $undef ]]; then bad "Fortran-named symbols resolved outside libsafeblas: $(echo $undef | cut -c1-400)"; else ok; fi

for s in dgemm_ dtrsm_ zgemm_ xerbla_ xerbla_array_ lsame_; do
  if grep -qx "$s" /tmp/sb_ours.$$; then ok; else bad "$s not defined by libsafeblas"; fi
done
for m in xerbla.o xerbla_array.o lsame.o; do
  if [[ -f $report/kept.txt ]] && grep -qx "$m" "$report/kept.txt"; then bad "reference $m linked in"; else ok; fi
done
# The reference xerbla calls STOP through gfortran (_gfortran_stop_string); ours prints and returns.
if objdump -d --no-show-raw-insn "$lib" 2>/dev/null | awk '/<xerbla_>:/,/^$/' | grep -q stop_string; then
  bad "xerbla_ in libsafeblas is the reference one (calls STOP)"
else ok; fi

soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
for n in libblas.so.3 liblapack.so.3; do
  real=$(readlink -f "$compat/$n")
  if [[ "$real" == "$(readlink -f "$lib")" ]]; then ok
  elif [[ $n == libblas.so.3 ]] && readelf -d "$real" | grep -q "(FILTER).*\[$soname\]"; then ok
  else bad "$compat/$n does not lead to $lib"; fi
done
rm -f /tmp/sb_ref_lapack.$$ /tmp/sb_ours.$$
echo "lapack_exports: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
