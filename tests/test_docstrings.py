"""Docstrings on the public API: the number of public functions, classes and methods without one may only fall."""
from __future__ import annotations

import ast
from pathlib import Path

import isnad

PACKAGE = Path(isnad.__file__).parent
# public definitions without a docstring when the ceiling was last lowered: lower it as they get one
CEILING = 84


def undocumented(source: str) -> list[tuple[int, str]]:
    """(line, name) of the module-level functions and classes, and their methods, that are public (no
    leading underscore) and have no docstring; functions nested in functions are not counted."""
    missing = []
    for node in ast.parse(source).body:
        items = [node, *node.body] if isinstance(node, ast.ClassDef) else [node]
        for n in items:
            if (isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                    and not n.name.startswith("_") and not ast.get_docstring(n)):
                missing.append((n.lineno, n.name))
    return missing


def test_the_count_takes_public_definitions_and_their_methods_only():
    source = '''
def shown(): pass
def _private(): pass
def documented():
    """Has one."""
    def nested(): pass
class Shown:
    def method(self): pass
    def _helper(self): pass
    async def fetch(self): pass
'''
    assert [name for _, name in undocumented(source)] == ["shown", "Shown", "method", "fetch"]


def test_public_definitions_without_a_docstring_stay_under_the_ceiling():
    missing = [f"{path.relative_to(PACKAGE.parent)}:{line}:{name}"
               for path in sorted(PACKAGE.rglob("*.py"))
               for line, name in undocumented(path.read_text(encoding="utf-8"))]
    assert len(missing) <= CEILING, (
        f"{len(missing)} public functions, classes or methods have no docstring (at most {CEILING} may): "
        f"the first of them: {', '.join(missing[:10])}"
    )
