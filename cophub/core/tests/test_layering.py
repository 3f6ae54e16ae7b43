"""`core` depends on no other app: its modules (tests aside) import no feature app, and the small
import loops inside an app stay broken. Imports are read from the source, so that an import hidden
in a function body counts as well."""

import ast
from pathlib import Path

import cophub

PACKAGE = Path(cophub.__file__).parent
CORE = PACKAGE / "core"
FEATURE_APPS = sorted(
    path.parent.name for path in PACKAGE.glob("*/apps.py") if path.parent.name != "core"
)


def _imported_modules(path: Path, package: str) -> set[str]:
    """Every module the file imports, relative imports resolved against `package`."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _module_name(path: Path) -> tuple[str, str]:
    """(the module's dotted name, the package its relative imports start from)."""
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
        return ".".join(parts), ".".join(parts)
    return ".".join(parts), ".".join(parts[:-1])


def _feature_imports(path: Path) -> list[str]:
    _name, package = _module_name(path)
    return sorted(
        module
        for module in _imported_modules(path, package)
        if module.split(".")[:2] in (["cophub", app] for app in FEATURE_APPS)
    )


def core_modules() -> list[Path]:
    return sorted(p for p in CORE.rglob("*.py") if "tests" not in p.relative_to(CORE).parts)


def test_the_check_sees_a_feature_import_in_any_form(tmp_path):
    source = (
        "import cophub.accounts.models\n"
        "from cophub.workgroup import services\n"
        "def later():\n"
        "    from ..helplines.selectors import helplines\n"
        "from cophub.core import i18n\n"
        "from . import mandate\n"
    )
    copy = tmp_path / "example.py"
    copy.write_text(source, encoding="utf-8")
    found = _imported_modules(copy, "cophub.core")
    assert {"cophub.accounts.models", "cophub.workgroup", "cophub.helplines.selectors"} <= found
    assert {"cophub.core", "cophub.core.mandate"} <= found


def test_core_imports_no_feature_app():
    assert "accounts" in FEATURE_APPS and "workgroup" in FEATURE_APPS
    modules = core_modules()
    assert CORE / "admin_site.py" in modules
    offending = {
        str(path.relative_to(PACKAGE)): imports
        for path in modules
        if (imports := _feature_imports(path))
    }
    assert offending == {}


def _loops(package_dir: Path) -> set[tuple[str, str]]:
    """Pairs of modules of one app that import each other."""
    graph = {}
    for path in package_dir.glob("*.py"):
        name, package = _module_name(path)
        graph[name] = {m for m in _imported_modules(path, package) if m.startswith(package + ".")}
    return {
        tuple(sorted((a, b)))
        for a, imports in graph.items()
        for b in imports
        if b in graph and a in graph[b]
    }


def test_no_two_modules_of_core_or_resources_import_each_other():
    assert _loops(CORE) == set()
    assert _loops(PACKAGE / "resources") == set()
