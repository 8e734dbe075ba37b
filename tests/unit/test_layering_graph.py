"""The house's layers, checked on the real import graph of fieldvisit/ (see docs/architecture.md).

Each module's imports are read from its source (lazy imports inside functions too; imports
under `if TYPE_CHECKING:` are no runtime arrow and are left out), resolved to the modules
of this package, and folded into arrows between packages. Two checks:
- every package-level arrow is one the house allows (a new package, or a new arrow,
  fails until docs/architecture.md and ALLOWED say where it stands);
- the forbidden arrows are checked transitively: no chain of imports at all leads from a
  format to services, from storage to a format, from services or below to the GUI, ...;
  and the entry points reach storage and SQLAlchemy only through services.
"""

from __future__ import annotations

import ast
from collections import defaultdict, deque
from collections.abc import Iterable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "fieldvisit"
QT, SQL = "PySide6", "sqlalchemy"
EXTERNAL = {"PySide6": QT, "sqlalchemy": SQL, "alembic": SQL}

ENTRY = {"__main__", "app", "cli", "commands", "gui"}
FORMATS = {"packs", "returns", "interop"}
BASE = {"__init__", "paths", "settings", "display"}  # version, paths, settings, screen check

# Package-level arrows the house allows (docs/architecture.md draws them).
ALLOWED: dict[str, set[str]] = {
    "__main__": {"app"},
    "app": {"cli", "gui", "services", "domain", *BASE, QT},
    "cli": {"domain", *BASE},
    "commands": {"cli", "services", *FORMATS, "domain", *BASE},
    "gui": {"services", *FORMATS, "domain", *BASE, QT},
    "services": {"storage", *FORMATS, "domain", *BASE},  # queries live in storage
    "storage": {"domain", *BASE, SQL},
    "packs": {"interop", "domain", *BASE},
    "returns": {"interop", "domain", *BASE},
    "interop": {"domain", *BASE},
    "domain": {"__init__"},
    "paths": {"domain"},  # file permissions (domain.private)
    "settings": set(),
    "display": set(),
    "__init__": set(),
}

# (from, to, through): no chain of imports leads from `from` to `to`; with `through`, no
# chain that avoids those packages (the entry points reach storage through services only).
FORBIDDEN: list[tuple[set[str], set[str], set[str]]] = [
    (ENTRY, {"storage", SQL}, {"services"}),
    ({"storage"}, FORMATS | {"services", *ENTRY, QT}, set()),
    (FORMATS, {"services", "storage", *ENTRY, SQL, QT}, set()),
    ({"services"}, ENTRY | {QT}, set()),
    ({"services"}, {SQL}, {"storage"}),  # SQLAlchemy only behind storage's repositories
    ({"domain"}, {"services", "storage", *FORMATS, *ENTRY, SQL, QT}, set()),
]


def module_name(path: Path) -> str:
    parts = ["fieldvisit", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts}


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Ids of the import nodes under `if TYPE_CHECKING:`."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        test = getattr(node, "test", None)
        if isinstance(node, ast.If) and (
            (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
            or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
        ):
            for child in node.body:
                skipped.update(id(n) for n in ast.walk(child))
    return skipped


def imported_names(source: str) -> Iterable[str]:
    tree = ast.parse(source)
    skipped = _type_checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value


def module_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """module -> the modules of this package (and QT, SQL) it imports."""

    def resolve(name: str) -> str | None:
        while name:
            if name in modules:
                return name
            name = name.rpartition(".")[0]
        return None

    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in modules.items():
        for name in imported_names(path.read_text(encoding="utf-8")):
            top = name.partition(".")[0]
            if top == "fieldvisit":
                target = resolve(name)
                if target is not None and target != module:
                    graph[module].add(target)
            elif top in EXTERNAL:
                graph[module].add(EXTERNAL[top])
    return graph


def package_of(module: str) -> str:
    if module in (QT, SQL):
        return module
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


GRAPH = module_graph(sources())


def package_arrows(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    arrows: dict[str, set[str]] = defaultdict(set)
    for module, targets in graph.items():
        for target in targets:
            if package_of(module) != package_of(target):
                arrows[package_of(module)].add(package_of(target))
    return arrows


def chain(
    graph: dict[str, set[str]], starts: set[str], goals: set[str], avoid: set[str]
) -> list[str] | None:
    """The shortest chain of imports from a module of `starts` to one of `goals` (packages),
    never entering a module of `avoid`; None when there is none."""
    queue = deque([[m] for m in graph if package_of(m) in starts])
    seen = {path[0] for path in queue}
    while queue:
        path = queue.popleft()
        for target in sorted(graph.get(path[-1], ())):
            package = package_of(target)
            if package in goals:
                return [*path, target]
            if target in seen or package in avoid:
                continue
            seen.add(target)
            queue.append([*path, target])
    return None


def test_the_graph_is_read() -> None:
    assert "fieldvisit.services.store" in GRAPH["fieldvisit.services.returns"]
    assert SQL in GRAPH["fieldvisit.storage.repository"]
    # Lazy imports count; TYPE_CHECKING ones do not.
    assert "fieldvisit.services.returns" in GRAPH["fieldvisit.gui.send_return"]


def test_every_package_arrow_is_allowed() -> None:
    arrows = package_arrows(GRAPH)
    unknown = sorted(set(arrows) - set(ALLOWED))
    assert unknown == [], f"packages not placed in the house: {unknown}"
    wrong = {
        package: sorted(targets - ALLOWED[package])
        for package, targets in arrows.items()
        if targets - ALLOWED[package]
    }
    assert wrong == {}


@pytest.mark.parametrize(
    ("starts", "goals", "through"),
    FORBIDDEN,
    ids=[f"{'+'.join(sorted(s))} -/-> {'+'.join(sorted(g))}" for s, g, _t in FORBIDDEN],
)
def test_no_chain_of_imports_crosses_a_forbidden_arrow(
    starts: set[str], goals: set[str], through: set[str]
) -> None:
    found = chain(GRAPH, starts, goals, avoid=through)
    assert found is None, " -> ".join(found or [])


def test_the_transitive_check_sees_a_chain_through_an_unlisted_package() -> None:
    """The case that slipped through before: GUI -> exports -> storage, no direct arrow."""
    graph = {
        "fieldvisit.gui.exports_menu": {"fieldvisit.exports.booklet"},
        "fieldvisit.exports.booklet": {"fieldvisit.storage.models"},
        "fieldvisit.storage.models": {SQL},
    }
    found = chain(graph, ENTRY, {"storage", SQL}, avoid={"services"})
    assert found == [
        "fieldvisit.gui.exports_menu",
        "fieldvisit.exports.booklet",
        "fieldvisit.storage.models",
    ]
    assert "exports" in package_arrows(graph)["gui"]
    assert "exports" not in ALLOWED


def test_no_session_or_unit_of_work_under_gui_or_commands() -> None:
    problems = []
    for module, path in sources().items():
        if package_of(module) not in ("gui", "commands"):
            continue
        text = path.read_text(encoding="utf-8")
        for needle in (".unit()", "Session(", "sqlalchemy"):
            if needle in text:
                problems.append(f"{path.relative_to(PACKAGE)}: {needle}")
    assert problems == []


# What running a query looks like: SQLAlchemy's statement builders, and a Session's or
# Connection's methods that send SQL. Only storage/ calls them.
QUERY_BUILDERS = {"select", "insert", "update", "delete", "text"}
QUERY_METHODS = {"execute", "executemany", "scalar", "scalars", "exec_driver_sql", "query"}


def query_calls(source: str) -> list[str]:
    """`name()` and `.method()` calls in `source` that build or run SQL, with their lines."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in QUERY_BUILDERS:
            found.append(f"{node.lineno}: {func.id}()")
        elif isinstance(func, ast.Attribute) and func.attr in QUERY_METHODS:
            found.append(f"{node.lineno}: .{func.attr}()")
    return found


def orm_rows(source: str) -> list[str]:
    """Names of storage's ORM row classes imported by `source`."""
    return [
        alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("fieldvisit.storage")
        for alias in node.names
        if alias.name.endswith("Row")
    ]


def test_the_query_check_sees_a_query() -> None:
    source = (
        "from fieldvisit.storage.models import NoteRow\n"
        "def f(s):\n"
        "    return s.scalars(select(NoteRow)).all()\n"
    )
    assert query_calls(source) == ["3: .scalars()", "3: select()"]
    assert orm_rows(source) == ["NoteRow"]


def test_services_run_no_query_and_hold_no_orm_row() -> None:
    """Every query is in storage/ (repositories over a unit of work); services get
    dataclasses and plain values back, never a row."""
    problems = []
    for module, path in sources().items():
        if package_of(module) != "services":
            continue
        source = path.read_text(encoding="utf-8")
        where = path.relative_to(PACKAGE)
        problems += [f"{where}:{call}" for call in query_calls(source)]
        problems += [f"{where}: imports {row}" for row in orm_rows(source)]
    assert problems == []


def test_only_storage_queries_a_store() -> None:
    """Outside storage/ nothing runs SQL; the one exception reads a map file, not a store
    (interop/mbtiles.py: a hostile MBTiles file, read-only, through its own connection)."""
    problems = []
    for module, path in sources().items():
        if package_of(module) == "storage" or module == "fieldvisit.interop.mbtiles":
            continue
        calls = query_calls(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(PACKAGE)}:{call}" for call in calls]
    assert problems == []
