"""The Kazoo lab tests the modules, so it must not share their code (issue 12).

A copy of the modules' JSON merge, schema default or validation code in the lab would make a
bug in that code pass every test. These checks fail when the lab imports anything from
``plugins/`` or holds a function body, or a sizeable block, of ``kazoo_schema.py`` or
``kazoo_system_config.py`` again (compared as syntax trees, with local names, arguments and
docstrings normalised away, so renaming variables does not hide a copy).
"""
import ast
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
LAB = os.path.join(ROOT, 'lab')
MODULE_FILES = [os.path.join(ROOT, 'plugins', 'module_utils', name) for name in ('kazoo_schema.py', 'kazoo_system_config.py')]
BLOCK_STATEMENTS = 4  # a compound statement with at least this many statements inside counts as a block


def _python_files(top):
    for folder, dummy, files in os.walk(top):
        for name in sorted(files):
            if name.endswith('.py'):
                yield os.path.join(folder, name)


def _parse(path):
    with open(path) as handle:
        return ast.parse(handle.read(), filename=path)


class _Normalise(ast.NodeTransformer):
    """Names of locals and arguments become n0, n1, ... in order of appearance; docstrings go."""

    def __init__(self):
        self.names = {}

    def _canon(self, name):
        return self.names.setdefault(name, 'n%d' % len(self.names))

    def visit_Name(self, node):
        return ast.copy_location(ast.Name(id=self._canon(node.id), ctx=node.ctx), node)

    def visit_arg(self, node):
        return ast.copy_location(ast.arg(arg=self._canon(node.arg), annotation=None), node)

    @staticmethod
    def _strip_doc(body):
        while body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            body = body[1:]
        return body


def _normalised(nodes):
    walker = _Normalise()
    body = walker._strip_doc(list(nodes))
    return ast.dump(ast.Module(body=[walker.visit(ast.parse(ast.unparse(n)).body[0]) for n in body], type_ignores=[]))


def _statement_count(node):
    return sum(1 for n in ast.walk(node) if isinstance(n, ast.stmt)) - 1


def fingerprints(path):
    """{normalised text: where} for every function body and every sizeable compound block of ``path``."""
    out = {}
    for node in ast.walk(_parse(path)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out.setdefault(_normalised(node.body), '%s: def %s' % (os.path.basename(path), node.name))
        elif isinstance(node, (ast.For, ast.While, ast.If, ast.With, ast.Try)) and _statement_count(node) >= BLOCK_STATEMENTS:
            out.setdefault(_normalised([node]), '%s:%d block' % (os.path.basename(path), node.lineno))
    return out


def shared_code(lab_files, module_files=MODULE_FILES):
    theirs = {}
    for path in module_files:
        theirs.update(fingerprints(path))
    found = []
    for path in lab_files:
        for text, where in fingerprints(path).items():
            if text in theirs:
                found.append('%s is %s' % (where, theirs[text]))
    return sorted(found)


def plugin_imports(path):
    found = []
    for node in ast.walk(_parse(path)):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or '']
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            # import by string (importlib, sys.path edits) of the collection's code
            if 'module_utils' in node.value or 'ansible_collections.ucops' in node.value:
                found.append('%s:%d mentions %r' % (os.path.relpath(path, ROOT), node.lineno, node.value))
        for name in names:
            if name == 'plugins' or name.startswith('plugins.') or name.startswith('ansible_collections'):
                found.append('%s:%d imports %s' % (os.path.relpath(path, ROOT), node.lineno, name))
    return found


def test_lab_imports_nothing_from_plugins():
    found = [item for path in _python_files(LAB) for item in plugin_imports(path)]
    assert found == []


def test_kazoo_lab_shares_no_function_body_with_the_kazoo_modules():
    assert shared_code(list(_python_files(os.path.join(LAB, 'kazoo')))) == []


@pytest.mark.parametrize('name', ['kazoo_schema.py', 'kazoo_system_config.py'])
def test_the_check_finds_a_copy(tmp_path, name):
    """The comparison sees through renamed locals and a new docstring (a copy with cosmetic edits)."""
    source = os.path.join(ROOT, 'plugins', 'module_utils', name)
    tree = _parse(source)
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and len(n.body) > 1]
    copied = functions[-1]
    renamer = _Normalise()
    renamed = renamer.visit(ast.parse(ast.unparse(copied)))
    renamed.body[0].name = 'borrowed'
    renamed.body[0].body.insert(0, ast.Expr(value=ast.Constant(value='Looks new.')))
    target = tmp_path / 'copy.py'
    target.write_text(ast.unparse(renamed))
    assert 'copy.py: def borrowed is %s: def %s' % (name, copied.name) in shared_code([str(target)])
    assert plugin_imports(str(target)) == []
    target.write_text('from ansible_collections.ucops.platform.plugins.module_utils import kazoo_schema\n')
    assert plugin_imports(str(target)) == ['%s:1 imports ansible_collections.ucops.platform.plugins.module_utils'
                                           % os.path.relpath(str(target), ROOT)]
