"""The shape of the house (docs/architecture.md): floors that only look down, core
templates that load no app's tags, and modules small enough to read."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# From the ground up; a module may import from its own floor and those below it.
FLOORS = [
    ("members",),
    ("leerhuis.core",),
    ("glossary",),
    ("events",),
    ("leerhuis.knowledge",),
    ("leerhuis.community",),
    (
        "leerhuis.search",
        "leerhuis.bench",
        "leerhuis.staff",
        "leerhuis.demo",
        "leerhuis.urls",
        "leerhuis.settings",
        "leerhuis.wsgi",
    ),
]
PACKAGES = ["members", "leerhuis", "glossary", "events"]
MAX_LINES = 400


def floor_of(module):
    for level, prefixes in enumerate(FLOORS):
        if any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes):
            return level
    return None  # Django, Wagtail, the standard library: not ours


def modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            yield name.removesuffix(".__init__"), path


def imports(path, module):
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                yield f"{base}.{node.module}" if node.module else base
            else:
                yield node.module


def test_no_module_imports_from_a_floor_above_it():
    upward = []
    for module, path in modules():
        own = floor_of(module)
        for imported in imports(path, module):
            level = floor_of(imported)
            if own is not None and level is not None and level > own:
                upward.append(f"{module} imports {imported}")
    assert upward == []


CORE_TEMPLATE_LIBRARIES = {
    "i18n",
    "static",
    "l10n",
    "wagtailcore_tags",
    "wagtailimages_tags",
    "wagtailroutablepage_tags",
    "rich_text",
    "formatting",
    "forms",
    "navigation",
}


@pytest.mark.parametrize(
    "folder", ["core", "includes", "blocks"], ids=lambda folder: f"templates/{folder}"
)
def test_core_templates_load_no_apps_template_tags(folder):
    loaded = set()
    for template in (ROOT / "templates" / folder).rglob("*.html"):
        for match in re.finditer(r"{%\s*load\s+([^%]+?)\s*%}", template.read_text()):
            loaded.update(match[1].split())
    assert loaded <= CORE_TEMPLATE_LIBRARIES


def test_no_module_is_over_400_lines():
    long = []
    for folder in [*PACKAGES, "tests"]:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            lines = len(path.read_text().splitlines())
            if lines > MAX_LINES:
                long.append(f"{path.relative_to(ROOT)}: {lines}")
    assert long == []
