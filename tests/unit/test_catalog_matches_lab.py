"""The resource descriptions agree with the facts the lab serves (lab/pexip/spec.json, built from the reference).

The two are written independently (the descriptions by hand, the lab's spec from the field facts), so this is
where they are held to each other: every described field exists on the lab and is writable there, with the same
limits and choices. A difference is either a mistake in a description or a choice made on purpose, listed in
ACCEPTED with its reason.
"""

import glob
import importlib
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PKG = 'ansible_collections.ucops.platform.plugins.module_utils.'

# (resource, field, what): why the description differs from the lab's facts on purpose
# The facts conflict on these (Terraform reads them only, the SDK sends them); the lab takes the read-only side and
# the modules the writable one. A manager that ignores them fails the task naming the field (Engine.check_kept),
# so both variants are covered.
_CONFLICT = 'the facts conflict on whether it is writable; the lab ignores writes, the module detects that'
ACCEPTED = {
    ('management_vm', 'address', 'read-only'): _CONFLICT,
    ('management_vm', 'netmask', 'read-only'): _CONFLICT,
    ('management_vm', 'gateway', 'read-only'): _CONFLICT,
    ('management_vm', 'hostname', 'read-only'): _CONFLICT,
    ('management_vm', 'domain', 'read-only'): _CONFLICT,
    ('management_vm', 'initializing', 'read-only'): _CONFLICT,
    ('tls_certificate', 'nodes', 'read-only'): _CONFLICT,
    ('ivr_theme', 'uuid', 'read-only'): _CONFLICT,
    ('ms_exchange_connector', 'uuid', 'read-only'): _CONFLICT,
    ('ivr_theme', 'gateway_routing_rule', 'read-only'): 'the reverse side of gateway_routing_rule.ivr_theme; the '
                                                        'facts do not say which side a client writes',
}


def _catalogs():
    # imported when the test file is collected: a test that starts Ansible's plugin loader (the inventory tests)
    # would otherwise send these imports through its collection finder
    return [importlib.import_module(PKG + os.path.basename(path)[:-3])
            for path in sorted(glob.glob(os.path.join(ROOT, 'plugins/module_utils/pexip_catalog_*.py')))]


CATALOGS = _catalogs()


def described():
    from ansible_collections.ucops.platform.plugins.module_utils.pexip_resource import Resource
    for module in CATALOGS:
        for value in vars(module).values():
            if isinstance(value, Resource):
                yield value


def differences():
    with open(os.path.join(ROOT, 'lab/pexip/spec.json'), encoding='utf-8') as handle:
        spec = json.load(handle)
    found = []
    for resource in described():
        facts = spec.get(resource.name)
        if facts is None:
            found.append((resource.name, None, 'the lab does not serve it'))
            continue
        for name, field in resource.fields.items():
            fact = facts['fields'].get(name)
            if fact is None:
                found.append((resource.name, name, 'no such field'))
                continue
            if fact.get('readonly') and name not in (resource.key,) + tuple(resource.scope):
                found.append((resource.name, name, 'read-only'))
            if field.kind in ('ref', 'refs', 'embedded', 'upload'):
                continue
            if field.max_length is not None and fact.get('max_length') not in (None, field.max_length):
                found.append((resource.name, name,
                              'max_length %s, facts %s' % (field.max_length, fact.get('max_length'))))
            if field.type == 'int':
                for mine, theirs in (('minimum', 'min'), ('maximum', 'max')):
                    if getattr(field, mine) is not None and fact.get(theirs) not in (None, getattr(field, mine)):
                        found.append((resource.name, name,
                                      '%s %s, facts %s' % (mine, getattr(field, mine), fact.get(theirs))))
            if field.choices is not None and fact.get('choices') and \
                    set(field.choices) - {''} != set(fact['choices']) - {''}:
                found.append((resource.name, name,
                              'choices %s, facts %s' % (sorted(field.choices), sorted(fact['choices']))))
    return found


def test_descriptions_agree_with_the_lab_facts():
    unexpected = [item for item in differences() if (item[0], item[1], item[2].split(' ')[0]) not in ACCEPTED]
    assert not unexpected, 'descriptions that differ from the facts:\n' + '\n'.join(
        '%s.%s: %s' % item for item in unexpected)
