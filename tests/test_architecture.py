"""The house rules, checked on the code itself: data flows one way, so a change
has one room to go in (README, "How it is built")."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "advisor"


def imports() -> dict[str, set[str]]:
    """Each advisor module and the advisor modules it imports anywhere in its code
    (inside functions and under TYPE_CHECKING too)."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
        graph[name] = {m for m in found if m.startswith("advisor")}
    return {m: {d for d in deps if d in graph and d != m} for m, deps in graph.items()}


def test_render_never_imports_views() -> None:
    for module, deps in imports().items():
        if module.startswith("advisor.render"):
            assert not {d for d in deps if d.startswith("advisor.views")}, module


def test_the_core_imports_no_interface() -> None:
    """scoring, describe and intake are called by every front: no rich, typer,
    questionary, views or renderers in them."""
    graph = imports()
    core = ("advisor.scoring", "advisor.intake", "advisor.describe", "advisor.placement")
    for module in graph:
        if not any(module == c or module.startswith(c + ".") for c in core):
            continue
        banned = {"advisor.cli", "advisor.wizard", "advisor.views", "advisor.render.terminal"}
        assert not {d for d in graph[module] if d.startswith(tuple(banned))}, module
        path = PACKAGE.parent / module.replace(".", "/")
        source = (path / "__init__.py" if path.is_dir() else path.with_suffix(".py")).read_text()
        for library in ("rich", "typer", "questionary"):
            assert f"import {library}" not in source and f"from {library}" not in source


def test_no_import_circle() -> None:
    graph = imports()
    seen: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        assert module not in path, " -> ".join([*path, module])
        if module in seen:
            return
        for dep in sorted(graph[module]):
            visit(dep, [*path, module])
        seen.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_the_cli_calls_one_view_per_command() -> None:
    """cli.py declares commands; from views/ it imports only each command's view."""
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    taken = {
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("advisor.views")
        for alias in node.names
    }
    assert all(name.endswith("_view") for _, name in taken), taken
    assert len((PACKAGE / "cli.py").read_text(encoding="utf-8").splitlines()) < 450
