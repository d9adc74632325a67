"""pytest plugin (loaded with -p sb_blascheck by run_pytest.py): proves which BLAS/LAPACK the test
process really ran on, and records the outcome counts.

At the start of the session (after numpy and, for scipy's suite, scipy.linalg are imported) and
again at its end, every BLAS-like library mapped into the process (/proc/self/maps) must be one
of the files named by SB_EXPECT_LIBS (':'-separated real paths); at least one must be mapped.
Writes {"maps": {...}, "counts": {...}, "failed": [...]} to SB_PYTEST_REPORT.
"""
import json
import os
import re

BLASLIKE = re.compile(r"blas|lapack|blis|atlas|mkl|flexiblas", re.I)
_state = {"start": None, "end": None}


def is_blaslike(path):
    """A shared library (lib*.so*) whose name says BLAS/LAPACK; Python extension modules such as
    numpy's lapack_lite or scipy's _flapack are not libraries and are not counted."""
    base = os.path.basename(path)
    return base.startswith("lib") and ".so" in base and bool(BLASLIKE.search(base))


def mapped_blaslike():
    libs = set()
    with open("/proc/self/maps") as f:
        for line in f:
            parts = line.split(None, 5)
            if len(parts) == 6 and parts[5].startswith("/"):
                path = parts[5].strip()
                if path.endswith(" (deleted)"):
                    path = path[: -len(" (deleted)")]
                if is_blaslike(path):
                    libs.add(os.path.realpath(path))
    return sorted(libs)


def _check(when):
    expect = set(filter(None, os.environ.get("SB_EXPECT_LIBS", "").split(":")))
    libs = mapped_blaslike()
    bad = [l for l in libs if l not in expect]
    ok = bool(libs) and not bad
    _state[when] = {"ok": ok, "mapped": libs, "unexpected": bad}
    return ok


def pytest_sessionstart(session):
    import numpy  # noqa: F401  (loads libblas.so.3 / liblapack.so.3)
    import numpy.linalg  # noqa: F401
    if os.environ.get("SB_IMPORT_SCIPY"):
        import scipy.linalg  # noqa: F401
    if not _check("start"):
        print("\nsb_blascheck: WRONG BLAS at start: mapped %s" % _state["start"]["mapped"])


def pytest_sessionfinish(session, exitstatus):
    _check("end")
    tr = session.config.pluginmanager.get_plugin("terminalreporter")
    counts, failed = {}, []
    if tr is not None:
        for key, reports in tr.stats.items():
            if key == "":
                continue
            counts[key] = len([r for r in reports if getattr(r, "when", "call") in ("call", "setup", "teardown", None)
                               or key in ("error", "failed")])
            if key in ("failed", "error"):
                failed += [r.nodeid for r in reports if hasattr(r, "nodeid")]
    out = os.environ.get("SB_PYTEST_REPORT")
    if out:
        with open(out, "w") as f:
            json.dump({"maps": _state, "counts": counts, "failed": sorted(set(failed))}, f, indent=1)
    if not (_state["start"] and _state["start"]["ok"] and _state["end"]["ok"]):
        print("\nsb_blascheck: WRONG BLAS: %s" % json.dumps(_state))
        session.exitstatus = 1
