"""The package's layout rules, checked over every module under src/newsledger:

- every module imports, and no two modules (or a ring of them) import each other at module level;
- newsledger.track, .store, .web, .lexicons and .dates load without spaCy (and without nlp/);
- no module is over MAX_LINES lines;
- no module uses another module's private (_name) names.

Each rule is checked per area (a subpackage of newsledger, or "newsledger" for the top-level
modules), so a failure names the area and the modules at fault.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "newsledger"
MAX_LINES = 650


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@lru_cache(maxsize=1)
def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def area_of(name: str) -> str:
    parts = name.split(".")
    if len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1]).is_dir()):
        return parts[1]
    return "newsledger"


def areas() -> list[str]:
    return sorted({area_of(m) for m in modules()})


def is_package(name: str) -> bool:
    return modules()[name].name == "__init__.py"


@lru_cache(maxsize=None)
def tree(name: str) -> ast.Module:
    return ast.parse(modules()[name].read_text(encoding="utf-8"), filename=str(modules()[name]))


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def top_level_imports(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Import statements that run when the module is imported: module level, in if/try/with
    blocks and class bodies, not in functions nor under `if TYPE_CHECKING`."""
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node):
                yield from top_level_imports(node.body)
            yield from top_level_imports(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *[h.body for h in node.handlers]):
                yield from top_level_imports(block)
        elif isinstance(node, (ast.With, ast.ClassDef)):
            yield from top_level_imports(node.body)


def resolve_from(name: str, node: ast.ImportFrom) -> Optional[str]:
    """The absolute module a `from X import ...` in module `name` reads from (None: not ours)."""
    if node.level:
        base = name.split(".") if is_package(name) else name.split(".")[:-1]
        base = base[:len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    return target if target == "newsledger" or target.startswith("newsledger.") else None


def imported_modules(name: str) -> dict[str, str]:
    """Our modules `name` imports at module level -> the local name bound to it when the import
    binds a module (else "")."""
    out: dict[str, str] = {}
    for node in top_level_imports(tree(name).body):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("newsledger"):
                    out[alias.name] = alias.asname or ""
            continue
        target = resolve_from(name, node)
        if target is None:
            continue
        for alias in node.names:
            sub = f"{target}.{alias.name}"
            if sub in modules():            # `from pkg import submodule`: that module only
                out[sub] = alias.asname or alias.name
            elif target in modules():
                out.setdefault(target, "")
    return out


@lru_cache(maxsize=1)
def import_graph() -> dict[str, set[str]]:
    return {m: {t for t in imported_modules(m) if t in modules() and t != m} for m in modules()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def describe_cycle(component: list[str], graph: dict[str, set[str]]) -> str:
    """One ring through the component, as `a -> b -> a`."""
    members = set(component)
    start = component[0]
    path, seen = [start], {start}
    while True:
        nxt = sorted(w for w in graph[path[-1]] if w in members)
        back = [w for w in nxt if w == start]
        if back and len(path) > 1:
            return " -> ".join(path + [start])
        fresh = [w for w in nxt if w not in seen]
        if not fresh:
            return " <-> ".join(component)
        path.append(fresh[0])
        seen.add(fresh[0])


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600,
                          cwd=SRC.parent)


# ---- the tests ------------------------------------------------------------------------------------

@pytest.mark.parametrize("area", areas())
def test_every_module_imports_and_none_import_each_other(area):
    names = [m for m in modules() if area_of(m) == area]
    code = ("import importlib, traceback\nfailed = []\n"
            f"for name in {names!r}:\n"
            "    try:\n        importlib.import_module(name)\n"
            "    except Exception as exc:\n"
            "        failed.append(f'{name}: {type(exc).__name__}: {exc}')\n"
            "print('\\n'.join(failed))\n")
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not proc.stdout.strip(), f"modules of {area} that do not import:\n{proc.stdout}"
    graph = import_graph()
    rings = [describe_cycle(c, graph) for c in cycles(graph) if any(area_of(m) == area for m in c)]
    assert not rings, "modules that import each other at module level:\n" + "\n".join(rings)


def test_track_store_web_load_without_spacy():
    proc = run_python(
        "import sys\n"
        "import newsledger.track, newsledger.store, newsledger.web, newsledger.lexicons, newsledger.dates\n"
        "print('spacy' in sys.modules)\n"
        "print(sorted(m for m in sys.modules if m.startswith('newsledger.nlp')))\n")
    assert proc.returncode == 0, proc.stderr[-3000:]
    spacy_loaded, nlp_modules = proc.stdout.splitlines()
    assert spacy_loaded == "False"
    assert nlp_modules == "[]", f"track/store/web import nlp/: {nlp_modules}"


def test_the_public_extract_is_the_function_and_loads_spacy_only_when_asked():
    proc = run_python(
        "import sys, newsledger\n"
        "print('spacy' in sys.modules)\n"
        "from newsledger import extract, extract_articles\n"
        "print(callable(extract) and extract.__name__ == 'extract', 'spacy' in sys.modules)\n")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.split() == ["False", "True", "True"]


@pytest.mark.parametrize("area", areas())
def test_no_module_is_too_long(area):
    long = {m: n for m, p in modules().items() if area_of(m) == area
            and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def private_uses(name: str) -> list[str]:
    """`from X import _name`, and `module._name`, where X / module is another of our modules."""
    out = []
    bound: dict[str, str] = {}
    for node in ast.walk(tree(name)):
        if isinstance(node, ast.ImportFrom):
            target = resolve_from(name, node)
            if target is None:
                continue
            for alias in node.names:
                if f"{target}.{alias.name}" in modules():
                    bound[alias.asname or alias.name] = f"{target}.{alias.name}"
                elif alias.name.startswith("_") and not alias.name.startswith("__"):
                    out.append(f"{name}:{node.lineno}: from {target} import {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules() and alias.asname:
                    bound[alias.asname] = alias.name
    for node in ast.walk(tree(name)):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in bound and node.attr.startswith("_")
                and not node.attr.startswith("__")):
            out.append(f"{name}:{node.lineno}: {bound[node.value.id]}.{node.attr}")
    return out


@pytest.mark.parametrize("area", areas())
def test_no_private_names_across_modules(area):
    found = [u for m in modules() if area_of(m) == area for u in private_uses(m)]
    assert not found, "private names used from another module:\n" + "\n".join(found)
