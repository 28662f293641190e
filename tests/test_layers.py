"""The package layers of docs/ARCHITECTURE.md, read from the imports themselves (AST, not grep)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "ingest", "retrieval", "calculators", "assistant", "ui", "bench", "api")
# What each package may import from the project (besides itself). Anything else is a layering error.
ALLOWED = {
    "core": set(),
    "ingest": {"core"},
    "retrieval": {"core", "ingest"},
    "calculators": {"core"},
    "assistant": {"core", "ingest", "retrieval", "calculators"},
    "ui": {"core", "ingest", "retrieval", "calculators", "assistant"},
    "bench": {"core", "ingest", "retrieval", "calculators", "assistant", "api"},
    "api": {"core", "ingest", "retrieval", "calculators", "assistant"},
}


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module a file imports, at any depth (lazy imports inside functions too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def package_imports(package: str) -> dict[str, set[str]]:
    return {str(p.relative_to(ROOT)): imported_modules(p) for p in sorted((ROOT / package).rglob("*.py"))}


@pytest.mark.parametrize("package", PACKAGES)
def test_a_package_imports_only_the_layers_below_it(package):
    wrong = {
        f: sorted(m for m in mods if m in PACKAGES and m != package and m not in ALLOWED[package])
        for f, mods in package_imports(package).items()
    }
    assert {f: m for f, m in wrong.items() if m} == {}


def test_no_cycle_between_top_level_packages():
    graph = {
        pkg: {m for mods in package_imports(pkg).values() for m in mods if m in PACKAGES and m != pkg}
        for pkg in PACKAGES
    }

    def reaches(start: str, goal: str, seen: frozenset = frozenset()) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in graph[start])

    assert [p for p in PACKAGES if reaches(p, p)] == []


def test_streamlit_is_imported_only_under_ui_and_by_the_entry_point():
    users = sorted(
        str(p.relative_to(ROOT))
        for p in ROOT.rglob("*.py")
        if ".venv" not in p.parts and "tests" not in p.parts and "streamlit" in imported_modules(p)
    )
    assert users and all(u.startswith("ui/") or u == "app.py" for u in users), users


def test_the_checker_sees_lazy_imports(tmp_path):
    f = tmp_path / "m.py"
    f.write_text("def f():\n    from retrieval.index import load_index\n    import ingest.parse\n")
    assert imported_modules(f) == {"retrieval", "ingest"}
