#!/usr/bin/env bash
# scripts/wheel-rescue on a venv of wheels: apply, use, undo; the venv's *.libs folders come back
# byte for byte (sha256 of every file before apply and after undo) and run OpenBLAS again.
#
#   rescue_roundtrip.sh VENV BUILD SRC
set -uo pipefail
VENV=$1 BUILD=$2 SRC=$3
RESCUE=(/usr/bin/python3 "$SRC/scripts/wheel-rescue")
SEED=(/usr/bin/python3 "$SRC/tests/pypi/wheels/seed_runs.py" --venv "$VENV" --timeout 60)
pass=0 fail=0
check() { # check "what" command...
  local what=$1; shift
  if "$@"; then echo "PASS: $what"; pass=$((pass + 1)); else echo "FAIL: $what"; fail=$((fail + 1)); fi
}
libs_sums() { (cd "$VENV"/lib/python3*/site-packages && find ./*.libs -type f -print0 | sort -z | xargs -0 sha256sum); }
status_says() {
  local out
  out=$("${RESCUE[@]}" status --venv "$VENV") && echo "$out" && grep -qF "$1" <<<"$out"
}

"${RESCUE[@]}" undo --venv "$VENV" >/dev/null # a stopped run may have left it applied
before=$(libs_sums)
check "status before: the wheels' OpenBLAS" status_says "the wheel's OpenBLAS"
check "apply" "${RESCUE[@]}" apply --venv "$VENV" --build "$BUILD"
check "status after apply: the SafeBLAS rescue" status_says "SafeBLAS rescue since"
check "the seed program runs on SafeBLAS and survives" \
  "${SEED[@]}" --threads 8 --runs 2 --rounds 50 --expect safeblas --must-survive
check "apply again: nothing to do" bash -c "${RESCUE[*]} apply --venv $VENV --build $BUILD | grep -q 'already applied'"
check "undo" "${RESCUE[@]}" undo --venv "$VENV"
after=$(libs_sums)
check "every file in the *.libs folders is back byte for byte ($(echo "$before" | wc -l) files)" \
  test "$before" == "$after"
check "no rescue state left" test ! -e "$VENV/.safeblas-wheel-rescue"
check "status after undo: the wheels' OpenBLAS" status_says "the wheel's OpenBLAS (no rescue recorded)"
# (at 2 threads: OpenBLAS 0.3.31's pool, oversubscribed on a loaded 2-CPU machine, can take minutes)
check "numpy runs on OpenBLAS again" "${SEED[@]}" --threads 2 --runs 1 --rounds 5 --expect openblas --must-survive
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
