"""Every module is exercised by at least one integration test against the lab."""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULES = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, 'plugins', 'modules'))
                 if name.endswith('.py') and not name.startswith('_'))


def integration_texts():
    """The text of every file the integration tests, role scenarios and playbooks run."""
    for folder in ('tests/integration', 'extensions/molecule', 'roles', 'playbooks'):
        for base, _dirs, files in os.walk(os.path.join(ROOT, folder)):
            for name in files:
                if name.endswith(('.py', '.yml', '.yaml', '.j2')):
                    with open(os.path.join(base, name), encoding='utf-8') as handle:
                        yield name, handle.read()


def test_every_module_has_an_integration_test():
    lifecycles = set(name[:-4] for name in os.listdir(os.path.join(ROOT, 'tests/integration/lifecycles'))
                     if name.endswith('.yml'))
    seen = set(lifecycles)
    texts = '\n'.join(text for _name, text in integration_texts())
    for module in MODULES:
        if re.search(r'(ucops\.platform\.|\b)%s\b\s*:' % re.escape(module), texts) or \
                re.search(r"['\"]%s['\"]" % re.escape(module), texts):
            seen.add(module)
    missing = sorted(set(MODULES) - seen)
    assert not missing, 'modules no integration test runs: %s' % ', '.join(missing)
