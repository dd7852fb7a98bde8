"""The layering of docs/ARCHITECTURE.md, checked on the source: what each layer imports, no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "termbase"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """The termbase modules ``path`` imports, anywhere in it (lazy imports in functions included)."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("termbase"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("termbase"):
                continue
            found.add(target)
            for alias in node.names:  # "from . import x" imports the module termbase.pkg.x
                if (SRC.parent / Path(*f"{target}.{alias.name}".split("."))).with_suffix(".py").exists() or (
                    SRC.parent / Path(*f"{target}.{alias.name}".split(".")) / "__init__.py"
                ).exists():
                    found.add(f"{target}.{alias.name}")
    found.discard(module)
    return found


MODULES = {_module_name(p): _imports(p) for p in sorted(SRC.rglob("*.py"))}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


# What each layer may import (besides itself); see docs/ARCHITECTURE.md.
ALLOWED = {
    "errors": set(),
    "limits": {"errors"},
    "models": {"errors", "limits"},
    "fsutil": {"errors", "limits"},
    "languages": {"errors", "limits", "models"},
    "formats": {"errors", "limits", "models", "fsutil", "languages"},
    "store": {"errors", "fsutil", "limits", "models", "languages"},
    "search": {"errors", "limits", "models", "languages", "store"},
    "extraction": {"errors", "limits", "models", "languages", "search"},
    "alignment": {"errors", "limits", "models", "languages", "search"},
    "checking": {"errors", "limits", "models", "languages", "search"},
    "mining": {"errors", "limits", "models", "languages", "extraction"},
    "glossary": {"errors", "limits", "models", "fsutil", "formats"},
    "services": {"errors", "limits", "models", "fsutil", "languages", "formats", "store", "search", "extraction",
                 "alignment", "checking", "mining", "glossary"},
    "http": {"errors", "models", "services"},
    "cli": {"errors", "models", "services", "http"},  # http: 'termbase serve' starts the server
    "": {"errors", "limits", "models", "services", "store", "search", "extraction", "alignment", "checking", "mining"},  # the public API
    "__main__": {"cli"},
}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layer_imports_only_what_it_may(module):
    layer = _layer(module)
    assert layer in ALLOWED, f"{module}: a layer docs/ARCHITECTURE.md does not describe"
    bad = sorted(m for m in MODULES[module] if _layer(m) != layer and _layer(m) not in ALLOWED[layer])
    assert bad == [], f"{module} ({layer}) imports {bad}"


def test_front_ends_import_only_services_models_and_errors():
    for module, imported in MODULES.items():
        if _layer(module) == "cli":
            assert {_layer(m) for m in imported} <= {"cli", "services", "models", "errors", "http"}, module
        if _layer(module) == "http":
            assert {_layer(m) for m in imported} <= {"http", "services", "models", "errors"}, module


def test_import_graph_has_no_cycle():
    # Every import counts, lazy ones too: a cycle through a function-level import is still a knot.
    graph = {m: {i for i in imports if i in MODULES} for m, imports in MODULES.items()}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_sql_only_in_the_store():
    for path in SRC.rglob("*.py"):
        if _layer(_module_name(path)) == "store":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not names & {"sqlite3", "psycopg", "psycopg2"}, path
