"""The parsing package is pure Python: no module under resolutions/parsing imports Django."""

import ast
from pathlib import Path

import pytest

PARSING = Path(__file__).resolve().parents[2] / "resolutions" / "parsing"
MODULES = sorted(PARSING.rglob("*.py"))


def imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_the_parsing_package_has_modules_to_check():
    assert {"pages.py", "repair.py", "structure.py", "references.py"} <= {p.name for p in MODULES}


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_no_django_import(path):
    django = [n for n in imported_modules(path) if n == "django" or n.startswith("django.")]
    assert django == [], f"{path.name} imports {django}"


def test_the_import_walker_sees_django_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom django.db import models\ndef f():\n    import django\n")
    assert imported_modules(sample) == ["os", "django.db", "django"]
