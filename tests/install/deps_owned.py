#!/usr/bin/env python3
"""deps_each_target_owns_its_files: every file a `make` target opens from a Debian package belongs
to a package that scripts/install-deps installs for that target: one on `install-deps --list
TARGET` (its own list and those of the targets it builds on), one those depend on, or one of the
base system (Essential or Priority required). So a new dependency added without its package fails
`make test` here, not on the next fresh machine.

  deps_owned.py SOURCE_DIR          (exit 0: all owned, 1: a file or a package is missing, 77: no dpkg)

No list of files is kept here: they come from each target's sources,
  build  Makefile CMakeLists.txt cmake/ src/ include/     bench  bench/ (not bench/results/)
  demo   demo/ and the files demo/CMakeLists.txt compiles  test   tests/ scripts/
and are, in those sources:
  - absolute /usr paths; a folder must hold files of some package on the list, and the file names
    the same source names that the folder holds are checked too (tester programs, .in/.dat inputs);
  - programs: find_program(), `command -v`, shutil.which(), exec*/popen/system/posix_spawnp and
    `char *argv[] = {"prog", ...}`, through PATH, symlinks and every choice of an alternatives link;
  - Python modules: import statements (also inside `python3 -c` strings), `-m`/`-p` names and, where
    pytest is imported, the top-level imports of the conftest.py of the packages it imports (the
    numpy/scipy suites: numpy's needs hypothesis).
A program or module reference on a line that says "optional" is not checked (a probe with a fallback),
nor a module reference on a line that says "from PyPI" (run by a venv's python on what pip put there).
"""
import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys

SRC = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../.."))
TARGETS = {"build": ["Makefile", "CMakeLists.txt", "cmake", "src", "include"],
           "demo": ["demo"], "bench": ["bench"], "test": ["tests", "scripts"]}
SKIP_DIRS = {"results", "__pycache__", ".git"}
BIG_DIR = 300   # folders with more entries (/usr/bin, /usr/lib/<triplet>) are too shared to match names in

PATH_RE = re.compile(r"/usr/(?:bin|sbin|lib|lib64|libexec|share|include)(?:/[\w.+-]+)*")
NAME_RE = re.compile(r"[\w.+-]+")
PROG_RES = [re.compile(r"command -v\s+([\w.+-]+)"),
            re.compile(r"""shutil\.which\(\s*["']([\w.+-]+)"""),
            re.compile(r"""subprocess\.\w+\(\s*\[\s*["']([\w.+-]+)"""),
            re.compile(r"""\b(?:popen|system|execlp|execvp|execvpe)\s*\(\s*"([\w.+-]+)"""),
            re.compile(r"""\bposix_spawnp\s*\([^,"]*,\s*"([\w.+-]+)"""),
            re.compile(r"""char\s*\*\s*\w*argv\w*\[\]\s*=\s*\{\s*"([\w.+-]+)\"""")]
SHELL_BUILTINS = {"exit", "exec", "cd", "set", "export", "eval", "."}   # system("exit 3") runs no program
SYSTEM_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"   # where Debian's programs are (not /usr/local, ~/.pyenv)
FIND_PROGRAM_RE = re.compile(r"find_program\(\s*\w+\s+(?:NAMES\s+)?([^)]*)\)")
IMPORT_RE = re.compile(r"""(?:^[ \t]*|["';][ \t]*)(?:import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)"""
                       r"""|from\s+([\w.]+)\s+import\b)""", re.M)
OPT_MODULE_RE = re.compile(r"""(?<![\w-])-[mp]["',\s]+([A-Za-z_][\w.]*)""")


def sources(target):
    """(relative path, text) of the files of a target."""
    roots = list(TARGETS[target])
    if target == "demo":   # what demo/CMakeLists.txt compiles from elsewhere (bench/sbb_common.c)
        with open(os.path.join(SRC, "demo/CMakeLists.txt")) as f:
            roots += [p for p in re.findall(r"\$\{CMAKE_SOURCE_DIR\}/([\w./-]+)", f.read())
                      if os.path.isfile(os.path.join(SRC, p))]
    for root in roots:
        top = os.path.join(SRC, root)
        walk = [(os.path.dirname(top), [], [os.path.basename(top)])] if os.path.isfile(top) else os.walk(top)
        for d, dirs, files in walk:
            dirs[:] = sorted(x for x in dirs if x not in SKIP_DIRS and not x.startswith("build"))
            for name in sorted(files):
                if os.path.join(d, name) == os.path.abspath(__file__):   # this checker opens nothing
                    continue
                try:
                    with open(os.path.join(d, name), encoding="utf-8") as f:
                        yield os.path.relpath(os.path.join(d, name), SRC), f.read()
                except (UnicodeDecodeError, OSError):
                    pass


def local_module(name):
    """A module of the project's own (tests/python/sb_blascheck.py ...)."""
    return any(name + ".py" in files or name in dirs for t in TARGETS for _, dirs, files in
               (w for r in TARGETS[t] for w in os.walk(os.path.join(SRC, r))))


def module_file(name):
    """The file a top-level module is loaded from; '' for a built-in one, None when not installed."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    if spec.origin in (None, "built-in", "frozen"):
        locs = list(spec.submodule_search_locations or [])
        return locs[0] if locs else ""
    return spec.origin


def references(target):
    """-> list of (kind, what, where, required): kind path | prog | module; a reference that is not
    required is checked only where it is installed."""
    refs = []
    for rel, text in sources(target):
        lines = text.splitlines()
        optional = lambda m: "optional" in lines[text.count("\n", 0, m.start())]
        from_pypi = lambda m: "from PyPI" in lines[text.count("\n", 0, m.start())]
        dirs = set()
        for m in PATH_RE.finditer(text):
            p = m.group(0).rstrip(".")
            refs.append(("path", p, rel, True))
            if os.path.isdir(p):
                dirs.add(p)
        names = set(NAME_RE.findall(text))
        for d in sorted(dirs):   # file names this source names in a folder it names
            entries = os.listdir(d)
            if len(entries) <= BIG_DIR:
                refs += [("path", os.path.join(d, e), rel, True) for e in sorted(names.intersection(entries))
                         if os.path.isfile(os.path.join(d, e))]
        for rx in PROG_RES:
            refs += [("prog", m.group(1), rel, True) for m in rx.finditer(text)
                     if m.group(1) not in SHELL_BUILTINS and not optional(m)]
        for m in FIND_PROGRAM_RE.finditer(text):
            progs = []
            for w in m.group(1).split():
                if w.isupper():   # PATHS, REQUIRED, NO_DEFAULT_PATH ...: the names are over
                    break
                if "$" not in w:
                    progs.append(w)
            if progs and not optional(m):
                refs.append(("prog", " ".join(progs), rel, True))
        for m in filter(lambda m: not optional(m) and not from_pypi(m), IMPORT_RE.finditer(text)):
            for mod in (m.group(1) or m.group(2)).split(","):
                refs.append(("module", mod.split()[0].split(".")[0], rel, True))
        # -m NAME / -p NAME: also `mkdir -p dir`, so checked only where such a module is installed
        refs += [("module", m.group(1).split(".")[0], rel, False) for m in OPT_MODULE_RE.finditer(text)
                 if not from_pypi(m)]
    # the suites pytest runs: the top-level imports of the imported packages' conftest.py
    mods = {w for k, w, _, _ in refs if k == "module"}
    if "pytest" in mods:
        for mod in sorted(mods):
            f = module_file(mod)
            conftest = os.path.join(os.path.dirname(f), "conftest.py") if f else ""
            if f and f.endswith("__init__.py") and os.path.exists(conftest):
                with open(conftest) as fh:
                    for node in ast.parse(fh.read()).body:
                        if isinstance(node, ast.Import):
                            refs += [("module", a.name.split(".")[0], conftest, True) for a in node.names]
                        elif isinstance(node, ast.ImportFrom) and node.level == 0:
                            refs.append(("module", node.module.split(".")[0], conftest, True))
    return refs


def candidates(path):
    """Paths dpkg may know `path` by: itself, where its symlinks lead, the /usr-merged forms; an
    alternatives link (/etc/alternatives/NAME) stands for every choice of NAME."""
    out, p = [path], path
    for _ in range(20):
        if not os.path.islink(p):
            break
        t = os.path.join(os.path.dirname(p), os.readlink(p))
        if t.startswith("/etc/alternatives/"):
            r = subprocess.run(["update-alternatives", "--list", os.path.basename(t)],
                               capture_output=True, text=True)
            out += r.stdout.split()
        p = os.path.normpath(t)
        out.append(p)
    out.append(os.path.realpath(path))
    out += [c[4:] for c in out if c.startswith("/usr/")]
    return list(dict.fromkeys(out))


def dpkg_owners(paths):
    """-> {path: set of packages}, one dpkg-query for all."""
    r = subprocess.run(["dpkg-query", "-S", *paths], capture_output=True, text=True)
    owners = {}
    for line in r.stdout.splitlines():
        if ": " in line and not line.startswith("diversion"):
            pkgs, p = line.split(": ", 1)
            owners.setdefault(p, set()).update(x.strip().split(":")[0] for x in pkgs.split(","))
    return owners


def installed():
    """-> (base system packages, {package: [first choice of each dependency]}, {virtual: providers})"""
    fmt = "${db:Status-Abbrev}\t${Package}\t${Essential}\t${Priority}\t${Pre-Depends}, ${Depends}\t${Provides}\n"
    out = subprocess.run(["dpkg-query", "-W", "-f", fmt], capture_output=True, text=True).stdout
    base, deps, provides = set(), {}, {}
    strip = lambda s: re.sub(r"\(.*?\)|\[.*?\]|:\w+", "", s).strip()
    rows = [line.split("\t") for line in out.splitlines() if line.startswith("ii")]
    names = {row[1] for row in rows}
    for _, pkg, essential, prio, depends, prov in rows:
        if essential == "yes" or prio == "required":
            base.add(pkg)
        for v in filter(None, map(strip, prov.split(","))):
            provides.setdefault(v, set()).add(pkg)
        deps[pkg] = []
        for clause in filter(None, map(str.strip, depends.split(","))):
            alts = [strip(a) for a in clause.split("|")]
            # apt takes the first choice; here, the first one installed (or what provides it)
            deps[pkg].append(next((a for a in alts if a in names), alts[0]))
    return base, deps, provides


def closure(pkgs, deps, provides):
    seen, todo = set(), list(pkgs)
    while todo:
        p = todo.pop()
        for q in ([p] if p in deps else sorted(provides.get(p, ()))):
            if q not in seen:
                seen.add(q)
                todo += deps.get(q, [])
    return seen


def main():
    # the modules are looked up as the project's Python, Debian's /usr/bin/python3, finds them
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", os.path.abspath(__file__), SRC])
    if not shutil.which("dpkg-query"):
        print("SKIPPED: no dpkg-query (not Debian)")
        return 77
    base, deps, provides = installed()
    lists = {t: subprocess.run(["bash", os.path.join(SRC, "scripts/install-deps"), "--list", t],
                               capture_output=True, text=True, check=True).stdout.split() for t in TARGETS}
    problems, notes = [], []

    # every reference -> the file it opens
    files = {t: {} for t in TARGETS}
    for t in TARGETS:
        # a file that is not here is a missing package only if the whole list is installed
        complete = all(p in deps for p in lists[t])
        for kind, what, where, required in references(t):
            if kind == "path":
                f = what if os.path.exists(what) else None
            elif kind == "prog":
                f = next(filter(None, (shutil.which(w, path=SYSTEM_PATH) for w in what.split())), None)
            else:
                f = module_file(what)
            if f is None and kind == "path":   # dpkg may know it (a file left out by path-exclude)
                f = what if dpkg_owners([what]) else None
            if f is None:
                if required and not (kind == "module" and local_module(what)):
                    msg = "[%s] %s %s (named in %s) is not on this machine" % (t, kind, what, where)
                    if complete:
                        problems.append(msg + ", though every package on the %s list is installed: add "
                                        "the package that has it to the list in scripts/install-deps" % t)
                    else:
                        notes.append(msg + " (not checked: the %s list is not all installed)" % t)
                continue
            if f and not f.startswith(SRC + "/"):   # not a built-in module, not one of ours
                files[t].setdefault(f, set()).add("%s %s in %s" % (kind, what, where))
    cands = {f: candidates(f) for fs in files.values() for f in fs}
    owners = dpkg_owners(sorted({c for cs in cands.values() for c in cs}))

    for t in TARGETS:
        allowed = closure(lists[t], deps, provides) | base
        print("== %s: %d files; scripts/install-deps --list %s: %s" % (t, len(files[t]), t, " ".join(lists[t])))
        for f, why in sorted(files[t].items()):
            pkgs = set().union(*(owners.get(c, set()) for c in cands[f]))
            ok = sorted(pkgs & allowed)
            if ok:
                print("   %s: %s%s" % (f, ", ".join(ok[:3]), " ..." if len(ok) > 3 else ""))
            elif not pkgs:
                problems.append("[%s] %s (%s) belongs to no Debian package" % (t, f, "; ".join(sorted(why))))
            else:
                problems.append("[%s] %s (%s) belongs to %s, which `scripts/install-deps --check-%s` does not "
                                "install: add it to the %s list" % (t, f, "; ".join(sorted(why)),
                                                                   " or ".join(sorted(pkgs)), t, t))
    for n in notes:
        print("NOTE: " + n)
    for p in problems:
        print("FAIL: " + p)
    print("deps_each_target_owns_its_files: %d files checked, %d problems"
          % (sum(len(fs) for fs in files.values()), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
