"""The layout's promises: every registry entry is offered by the command line and documented,
errors.py stands alone, every error is a BpoKbError, and no module imports itself back."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import click
import pytest

import bpo_kb
from bpo_kb.cli import main
from bpo_kb.errors import BpoKbError
from bpo_kb.formats.registry import FORMATS
from bpo_kb.query import OUTPUT_FORMATS
from bpo_kb.rdf.read import INPUT_FORMATS
from bpo_kb.rules.report import FAIL_LEVELS, REPORT_FORMATS
from bpo_kb.rules.validation import ENGINES, PROFILES

PACKAGE_DIR = Path(bpo_kb.__file__).parent
README = PACKAGE_DIR.parent / "README.md"


def _choices(command: str, option: str) -> set[str]:
    found = main.commands[command]
    for parameter in found.params:
        if option in parameter.opts:
            assert isinstance(parameter.type, click.Choice), f"{command} {option}"
            return set(parameter.type.choices)
    raise AssertionError(f"bpo-kb {command} has no {option}")


@pytest.mark.parametrize(
    ("command", "option", "registry"),
    [
        ("export", "--format", FORMATS),
        ("validate", "--profile", PROFILES),
        ("validate", "--engine", ENGINES),
        ("validate", "--format", REPORT_FORMATS),
        ("validate", "--fail-on", FAIL_LEVELS),
        ("validate", "--input-format", set(INPUT_FORMATS.values())),
        ("query", "--format", OUTPUT_FORMATS),
    ],
)
def test_the_command_line_offers_exactly_what_each_registry_holds(
    command: str, option: str, registry: object
) -> None:
    assert _choices(command, option) == set(registry)  # type: ignore[call-overload]


def test_the_readme_export_table_names_every_format() -> None:
    text = README.read_text(encoding="utf-8")
    for name, export_format in FORMATS.items():
        shown = export_format.filename + ("/" if export_format.is_folder else "")
        assert f"| `{shown}` | `{name}` |" in text, name


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``path`` imports, at any depth of its code."""
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bpo_kb"):
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                imported.add(child if child in modules else node.module)
        elif isinstance(node, ast.Import):
            imported |= {a.name for a in node.names if a.name in modules}
    return imported


def test_errors_imports_nothing_from_the_package() -> None:
    modules = _modules()
    assert _imports(modules["bpo_kb.errors"], modules) == set()


def test_no_module_imports_itself_back_through_others() -> None:
    modules = _modules()
    graph = {name: _imports(path, modules) - {name} for name, path in modules.items()}
    circles = []

    def visit(start: str, node: str, path: list[str]) -> None:
        for following in sorted(graph.get(node, ())):
            if following == start:
                circles.append(" -> ".join([*path, start]))
            elif following not in path and following > start:  # each circle once
                visit(start, following, [*path, following])

    for name in sorted(graph):
        visit(name, name, [name])
    assert circles == []


# BaseException subclasses that are not failures of the library: SIGTERM unwinding like Ctrl-C,
# and click's presentation of a BpoKbError.
NOT_LIBRARY_ERRORS = {"bpo_kb.process.Terminated", "bpo_kb.cli_options.CliError"}


def test_every_error_the_library_defines_is_a_bpo_kb_error_with_an_exit_code() -> None:
    found = []
    for module_info in pkgutil.walk_packages(bpo_kb.__path__, "bpo_kb."):
        if module_info.name == "bpo_kb.__main__":  # importing it runs the command line
            continue
        module = importlib.import_module(module_info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseException) and value.__module__ == module.__name__:
                found.append(value)
    assert found
    for error in found:
        name = f"{error.__module__}.{error.__qualname__}"
        if name in NOT_LIBRARY_ERRORS:
            continue
        assert issubclass(error, BpoKbError), name
        assert error.exit_code in (1, 2), name


def test_the_error_tree_names_every_error_class() -> None:
    import bpo_kb.errors as errors

    tree = errors.__doc__ or ""
    for name in errors.__all__:
        assert re.search(rf"\b{name}\b", tree), name
