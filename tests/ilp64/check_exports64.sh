#!/usr/bin/env bash
# libsafeblas64 is a complete ILP64 BLAS + LAPACK with both naming conventions:
#   1. it exports every symbol Debian's reference ILP64 libraries export (libblas64.so.3 with its
#      CBLAS, liblapack64.so.3: LAPACK 3.11), under the plain names (less reference CBLAS's
#      internal *sub_ helpers);
#   2. every exported function NAME is also exported as NAME64_ (dgemm_64_, cblas_dgemm64_,
#      dgetrf_64_, openblas_set_num_threads64_), at the same address, as a function;
#   3. it needs no other BLAS or LAPACK, and every Fortran-named routine it calls is its own;
#   4. its xerbla_ is SafeBLAS's (not the reference one, which stops the program);
#   5. build/compat64/{libblas64,liblapack64}.so.3 lead to it (the names Debian's 64-bit-index
#      programs NEED);
#   6. the LP64 libsafeblas has no 64_ names (it is unchanged by the ILP64 build).
#   check_exports64.sh LIBSAFEBLAS64 COMPAT64 LIBSAFEBLAS
set -uo pipefail
lib=$1 compat=$2 lib32=$3
refdir=/usr/lib/x86_64-linux-gnu
fail=0 pass=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Value Type Name of the defined dynamic symbols
nm -D --defined-only "$lib" | awk '{print $3}' | sort -u > "$tmp/ours"
for ref in "$refdir/lapack64/liblapack64.so.3" "$refdir/blas64/libblas64.so.3"; do
  if [[ ! -e $ref ]]; then bad "$ref missing (Debian packages liblapack64-3, libblas64-3)"; continue; fi
  # minus reference CBLAS's internal Fortran helpers (ddotsub_, idamaxsub_ ...: cblas_ddot's
  # implementation in reference CBLAS, no part of the BLAS interface; the LP64 library has none either)
  nm -D --defined-only "$ref" | awk '$3 !~ /^[a-z0-9]+sub_$/ {print $3}' | sort -u > "$tmp/ref"
  missing=$(comm -23 "$tmp/ref" "$tmp/ours")
  if [[ -n $missing ]]; then
    bad "$(echo "$missing" | wc -l) of $(wc -l < "$tmp/ref") symbols of $(basename "$ref") not exported, e.g. $(echo "$missing" | head -8 | tr '\n' ' ')"
  else
    ok; echo "all $(wc -l < "$tmp/ref") symbols of $(basename "$ref") exported"
  fi
done

# functions (FUNC, GLOBAL or WEAK, defined): "address name"
readelf -W --dyn-syms "$lib" | awk '$4 == "FUNC" && ($5 == "GLOBAL" || $5 == "WEAK") && $7 != "UND" {
  n = $8; sub(/@.*/, "", n); print $2, n }' | sort -u -k2 > "$tmp/funcs"
awk '
  { addr[$2] = $1 }
  END {
    nplain = 0; nalias = 0; bad = 0
    for (n in addr) {
      if (n ~ /64_$/ && (substr(n, 1, length(n) - 3) in addr)) { nalias++; continue }
      if (n ~ /^__/ || n ~ /^safeblas_test_/) continue
      nplain++
      a = n "64_"
      if (!(a in addr)) { if (bad++ < 8) print "FAIL: " n " has no " a; continue }
      if (addr[a] != addr[n]) { if (bad++ < 8) print "FAIL: " a " is not at the address of " n }
    }
    printf "%d functions, %d of them with a 64_ name (%d problems)\n", nplain, nalias, bad
    exit bad != 0
  }' "$tmp/funcs" && ok || bad "64_ names incomplete"
for s in dgemm_64_ cblas_dgemm64_ dgetrf_64_ zheevd_64_ cblas_zdotc_sub64_ xerbla_64_; do
  grep -qx "$s" "$tmp/ours" && ok || bad "$s not exported"
done

needed=$(readelf -d "$lib" | awk '/NEEDED/ {print $5}' | tr -d '[]')
echo "NEEDED: $(echo $needed)"
if echo "$needed" | grep -qiE 'blas|lapack|blis|atlas|mkl'; then bad "links another BLAS/LAPACK: $needed"; else ok; fi
soname=$(readelf -d "$lib" | awk '/SONAME/ {print $5}' | tr -d '[]')
[[ $soname == libsafeblas64.so.0 ]] && ok || bad "SONAME $soname"
undef=$(nm -D --undefined-only "$lib" | awk '{print $2}' | grep -E '^[a-z][a-z0-9_]*_$' || true)
if [[ -n $undef ]]; then bad "Fortran-named symbols resolved outside libsafeblas64: $(echo $undef | cut -c1-400)"; else ok; fi

if objdump -d --no-show-raw-insn "$lib" 2>/dev/null | awk '/<xerbla_>:/,/^$/' | grep -q stop_string; then
  bad "xerbla_ in libsafeblas64 is the reference one (calls STOP)"
else ok; fi

for n in libblas64.so.3 liblapack64.so.3; do
  if [[ "$(readlink -f "$compat/$n")" == "$(readlink -f "$lib")" ]]; then ok; else bad "$compat/$n does not lead to $lib"; fi
done
# what Debian's ILP64 test programs NEED is what compat64 provides
for n in $(readelf -d "$refdir/lapack64/xlintstd" 2>/dev/null | awk '/NEEDED/ {print $5}' | tr -d '[]' | grep -E 'blas|lapack'); do
  [[ -e $compat/$n ]] && ok || bad "xlintstd NEEDs $n, which $compat lacks"
done

n64=$(nm -D --defined-only "$lib32" | awk '{print $3}' | grep -c '64_$' || true)
[[ $n64 -eq 0 ]] && ok || bad "the LP64 $(basename "$lib32") exports $n64 names ending 64_"

echo "ilp64_exports: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
