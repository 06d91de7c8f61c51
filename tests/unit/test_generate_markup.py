"""Generated module files refer only to options the module has (validate-modules checks O(...) markup)."""
import importlib.util
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _generate():
    spec = importlib.util.spec_from_file_location('generate_script', os.path.join(ROOT, 'scripts', 'generate.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_modules_without_state_never_mention_it():
    """A resource the manager makes (creatable=False) has no state option, so its RETURN may not name one."""
    generate = _generate()
    checked = []
    for const, (resource, catalog) in generate.catalog_resources().items():
        if resource.doc is None or resource.creatable:
            continue
        text = generate.module_file(const, resource, catalog)
        assert not re.search(r'O\(state\b', text), '%s mentions O(state) but has no state option' % resource.module
        checked.append(resource.module)
    assert 'pexip_software_bundle' in checked
