"""Generated module files refer only to options the module has (validate-modules checks O(...) markup)."""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# scripts/generate.py sets up its own import path, so it runs in a process of its own
_SCRIPT = '''
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location('generate_script', sys.argv[1])
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)
print(json.dumps(dict((resource.module, generate.module_file(const, resource, catalog))
                      for const, (resource, catalog) in generate.catalog_resources().items()
                      if resource.doc is not None and not resource.creatable)))
'''


def test_modules_without_state_never_mention_it():
    """A resource the manager makes (creatable=False) has no state option, so its RETURN may not name one."""
    out = subprocess.run([sys.executable, '-c', _SCRIPT, os.path.join(ROOT, 'scripts', 'generate.py')],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    files = json.loads(out)
    assert 'pexip_software_bundle' in files
    for module, text in files.items():
        assert not re.search(r'O\(state\b', text), '%s mentions O(state) but has no state option' % module
