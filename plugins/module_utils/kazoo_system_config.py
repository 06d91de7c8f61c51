# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kazoo ``/v2/system_configs`` semantics for the modules.

Effective section = schema defaults (+) stored ``default`` (+) stored section; the server
stores only differences from those defaults. Idempotency therefore compares the
*effective* section the user wants with the effective section the server reports
(``?with_defaults=true``), never the stored document.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError, did_you_mean
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_client import retry_on_conflict, seg
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_schema import SchemaBundle

_MISSING = object()

# -- names Kazoo can address --------------------------------------------------------------
# A category is the id of a document of the system_config database and the suffix of its
# schema system_config.<category>: dot-separated words (crossbar, crossbar.auth,
# notify.voicemail_to_email, kazoo_convert.convertapi, number_manager.bandwidth2). CouchDB
# reserves ids that start with "_".
CATEGORY_RE = re.compile(r'^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$')
# Sections (schema system_configs): "default", zones (^[a-zA-Z0-9.]+$; here dot-separated
# words, so that "." and ".." are no zones, and "_" and "-" are allowed: Kazoo stores such a
# section too, only without validating it) and Erlang node names name@host (^.+@.+$; here the
# characters node names use, host names and addresses included). "id" is no section:
# Crossbar strips the "id" key from every request.
ZONE_RE = re.compile(r'^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$')
NODE_RE = re.compile(r'^[A-Za-z0-9_][A-Za-z0-9_.-]*@(?=[^@]*[A-Za-z0-9])[A-Za-z0-9_.:\[\]-]+$')


def check_category(category, option='category'):
    """Raise a usage ApiError naming ``option`` unless ``category`` is a system_config id Kazoo uses."""
    if not isinstance(category, str) or not CATEGORY_RE.match(category):
        raise ApiError("%s %r is not a system_config category: a category is one or more dot-separated words of "
                       "letters, digits, '_' and '-' that does not start with '_' or '-', for example 'ecallmgr' or "
                       "'crossbar.auth' (nothing was sent)" % (option, category), kind='usage')
    return category


def check_node(node, option='node'):
    """Raise a usage ApiError naming ``option`` unless ``node`` names a section Kazoo can address."""
    if node == 'id':
        raise ApiError("%s 'id' is not a section name: Crossbar removes the key 'id' from every request "
                       "(nothing was sent)" % option, kind='usage')
    if not isinstance(node, str) or not (node == 'default' or ZONE_RE.match(node) or NODE_RE.match(node)):
        raise ApiError("%s %r is not a section Kazoo can address: use 'default', a zone (words of letters, digits, "
                       "'_' and '-' separated by dots, for example 'zone1' or 'eu.west') or an Erlang node name name@host, for "
                       "example 'ecallmgr@fs1.example.com' (nothing was sent)" % (option, node), kind='usage')
    return node


def failure_message(exc, category=None, node=None):
    """The message of a failed request; a rate-limit refusal names the category and section it was for."""
    if getattr(exc, 'kind', None) != 'rate_limited' or not category:
        return str(exc)
    where = "category '%s'" % category + (", node '%s'" % node if node else '')
    return 'Kazoo rate-limited the requests for %s and the task gave up: %s' % (where, exc)


# -- JSON helpers with Kazoo's (kz_json) semantics ------------------------------------
def strict_equal(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return set(a) == set(b) and all(strict_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(strict_equal(x, y) for x, y in zip(a, b))
    return a == b


def merge_recursive(*objects):
    """Later objects win, nested objects merge, ``None`` deletes a key.

    As in Kazoo (kz_json:merge_recursive), a later object only writes its leaves: an empty
    object (``{}``), or one holding only ``None`` and empty objects, creates no key and replaces
    no value. The first object is taken as it is (an empty object in it stays), less its ``None``.
    """
    if not objects:
        return {}
    out = _merge2({}, objects[0] or {}, keep_empty=True)
    for obj in objects[1:]:
        out = _merge2(out, obj or {})
    return out


def _writes(value):
    """Whether merging ``value`` in writes anything: it holds a leaf that is not ``None``."""
    if isinstance(value, dict):
        return any(_writes(v) for v in value.values())
    return value is not None


def _merge2(left, right, keep_empty=False):
    out = copy.deepcopy(left)
    for key, value in right.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge2(out[key], value, keep_empty)
        elif isinstance(value, dict):
            if keep_empty or _writes(value):
                out[key] = _merge2({}, value, keep_empty)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _flatten(obj, prefix=()):
    pairs = []
    for key, value in obj.items():
        if isinstance(value, dict) and value:
            pairs.extend(_flatten(value, prefix + (key,)))
        else:
            pairs.append((prefix + (key,), value))
    return pairs


def diff(a, b):
    """What is in ``a`` that is not in ``b`` (arrays and ``{}`` compared whole)."""
    other = dict(_flatten(b))
    out = {}
    for path, value in _flatten(a):
        if strict_equal(other.get(path, _MISSING), value):
            continue
        node = out
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = copy.deepcopy(value)
    return out


def _strip_id(data):
    data = dict(data or {})
    data.pop('id', None)
    return data


# -- the service ------------------------------------------------------------------------
class SystemConfigs(object):
    def __init__(self, client):
        self.client = client

    @staticmethod
    def doc_path(category):
        return '/v2/system_configs/%s' % seg(check_category(category))

    def section_path(self, category, node):
        return '%s/%s' % (self.doc_path(category), seg(check_node(node)))

    def categories(self, page_size=None):
        return self.client.paginate('/v2/system_configs', page_size=page_size)

    def document(self, category, with_defaults=True):
        params = {'with_defaults': 'true'} if with_defaults else None
        return _strip_id(self.client.get(self.doc_path(category), params=params).data)

    def section(self, category, node, with_defaults=True):
        params = {'with_defaults': 'true'} if with_defaults else None
        return _strip_id(self.client.get(self.section_path(category, node), params=params).data)

    def schema(self, category):
        return SchemaBundle.fetch(self.client, 'system_config.%s' % check_category(category))

    def schema_categories(self):
        """The categories the server has a schema for (``system_config.<category>``)."""
        prefix = 'system_config.'
        return sorted(n[len(prefix):] for n in self.client.paginate('/v2/schemas')
                      if isinstance(n, str) and n.startswith(prefix))


class SettingsInvalid(Exception):
    def __init__(self, name, errors, hint=''):
        self.name = name
        self.errors = errors
        Exception.__init__(self, 'Invalid settings for %s (nothing was written): %s%s' % (
            name, '; '.join('%s: %s' % e for e in errors), hint))


ALLOW_UNKNOWN_HINT = ('. Set allow_unknown: true to write keys or categories the schema does not list '
                      '(settings of a custom application).')


def unknown_settings(bundle, node, settings, current):
    """[(dotted path, reason)] for keys of ``settings`` the section schema does not list.

    Top-level keys are checked. Nested objects that list their keys are often maps with
    examples (conference profiles, ...), so they are checked only where the schema closes
    them (``additionalProperties: false``), by the schema validation. A ``null`` (reset) of
    a key the section holds is always allowed: it removes a stale or mistyped key.
    """
    listed = bundle.known_keys()
    out = []
    for key in sorted(settings):
        if bundle.known(key) or (settings[key] is None and key in current):
            continue
        out.append(('%s.%s' % (node, key), 'the schema has no such key%s' % did_you_mean(key, listed)))
    return out


def replace_nulls(stored, wanted):
    """``wanted`` plus ``null`` for every key of ``stored`` it does not hold (recursively).

    Sent as a PATCH, Kazoo's merge (null deletes) turns the section into exactly ``wanted``.
    """
    out = copy.deepcopy(wanted)
    for key, value in (stored or {}).items():
        if key not in out:
            out[key] = None
        elif isinstance(value, dict) and isinstance(out[key], dict):
            out[key] = replace_nulls(value, out[key])
    return out


def without_empty_objects(obj):
    """``obj`` less every object that holds no value and no ``null`` (recursively).

    Such an object means nothing in a merge, but Kazoo's merges disagree on it: 4.3 and later
    (kz_json:merge_recursive) write nothing for it, Kazoo 4.2's document PATCH (kz_json:merge)
    lets an explicit ``{}`` replace the object it meets, which would empty a nested object the
    user only meant to leave alone. A PATCH therefore never carries one.
    """
    out = {}
    for key, value in obj.items():
        if isinstance(value, dict):
            value = without_empty_objects(value)
            if not value:
                continue
        out[key] = value
    return out


def _not_in(saved, wanted):
    """Dotted paths of ``saved`` that ``wanted`` neither holds nor replaces with a value."""
    out = []
    for path, dummy in _flatten(saved):
        node = wanted
        for key in path:
            if not isinstance(node, dict):
                break
            if key not in node:
                out.append('.'.join(path))
                break
            node = node[key]
    return out


def ensure_present(svc, category, node, settings, mode, check_mode, allow_unknown=False):
    """Make the effective section match ``settings``; returns a result dict.

    Writes touch only the section: ``merge`` PATCHes the document with that section's keys,
    ``replace`` POSTs the section itself (``/v2/system_configs/{category}/{node}``), so
    concurrent writers of other sections never overwrite each other. The ``default``
    section is replaced with a PATCH that also sets each stored key not wanted to ``null``
    (a section POST on ``default`` would keep values equal to the schema defaults). Crossbar
    saves with the revision it read: a concurrent save answers 409 and the whole step is
    read and applied again.
    """
    check_category(category)
    check_node(node)
    bundle = svc.schema(category)
    if bundle is None and not allow_unknown:
        raise SettingsInvalid('category %s' % category, [(
            'category', 'the server has no schema system_config.%s, so Kazoo does not know this category%s'
            % (category, did_you_mean(category, svc.schema_categories())))], ALLOW_UNKNOWN_HINT)
    if bundle is not None:
        settings = bundle.coerce(settings)
    state = {}

    def attempt():
        state.clear()
        current = svc.section(category, node, with_defaults=True)
        if bundle is not None and not allow_unknown:
            unknown = unknown_settings(bundle, node, settings, current)
            if unknown:
                raise SettingsInvalid(bundle.name, unknown, ALLOW_UNKNOWN_HINT)
        if node == 'default':
            baseline = bundle.defaults() if bundle else {}
        else:
            baseline = svc.section(category, 'default', with_defaults=True)
        if mode == 'merge':
            full = merge_recursive(current, settings)
        else:
            full = merge_recursive(settings)
        expected = merge_recursive(baseline, full)
        state.update(before=current, after=expected, changed=not strict_equal(current, expected))
        if not state['changed']:
            state['stored'] = svc.section(category, node, with_defaults=False)
            return
        if bundle is not None:
            only = None if mode == 'replace' else set(settings)
            errors = bundle.errors(full, prefix=node, only_keys=only)
            if errors:
                raise SettingsInvalid(bundle.name, errors)
        if check_mode:
            state['stored'] = diff(full, baseline)
            return
        if mode == 'merge':
            reply = svc.client.patch(svc.doc_path(category), {node: without_empty_objects(settings)})
            stored = (reply.data or {}).get(node)
        elif node == 'default':
            raw = svc.section(category, node, with_defaults=False)
            reply = svc.client.patch(svc.doc_path(category), {node: without_empty_objects(replace_nulls(raw, full))})
            stored = (reply.data or {}).get(node)
            added = _not_in(stored or {}, full)
            if added:
                # another writer stored these keys between the read and the PATCH: apply again
                raise ApiError('the default section of %s changed while it was replaced (%s)'
                               % (category, ', '.join(added)), status=409, kind='conflict')
        else:
            # a section POST replaces this section only; sending it twice gives the same section
            reply = svc.client.post(svc.section_path(category, node), full, idempotent=True)
            stored = _strip_id(reply.data)
        state['stored'] = copy.deepcopy(stored or {})
        state['after'] = svc.section(category, node, with_defaults=True)

    retry_on_conflict(attempt)
    return state


def ensure_absent(svc, category, node, whole_document, check_mode):
    check_category(category)
    if not whole_document:
        check_node(node)
    if whole_document:
        result = dict(changed=False, before={}, after={}, stored={})

        def delete_document():
            if category not in svc.categories():
                return
            result.update(changed=True, before=svc.document(category, with_defaults=True))
            if check_mode:
                return
            try:
                svc.client.delete(svc.doc_path(category))
            except ApiError as exc:
                if exc.status != 404:
                    raise
                return
            # Crossbar discards the result of the hard delete: a delete that lost to a
            # concurrent save answers 200 and the document stays. Look again.
            if category in svc.categories():
                raise ApiError('Kazoo answered the DELETE of the %s document, but the document is still there '
                               '(a concurrent save); deleting again' % category,
                               status=409, method='DELETE', path=svc.doc_path(category), kind='conflict')

        retry_on_conflict(delete_document)
        return result

    state = {}

    def attempt():
        raw = svc.section(category, node, with_defaults=False)
        before = svc.section(category, node, with_defaults=True)
        state.update(changed=False, before=before, after=before, stored={})
        if not raw:
            return
        if check_mode:
            if node == 'default':
                bundle = svc.schema(category)
                after = bundle.defaults() if bundle else {}
            else:
                after = svc.section(category, 'default', with_defaults=True)
            state.update(changed=True, after=after)
            return
        try:
            svc.client.delete(svc.section_path(category, node))
        except ApiError as exc:
            if exc.status == 404:
                return
            raise
        state.update(changed=True, after=svc.section(category, node, with_defaults=True))

    retry_on_conflict(attempt)
    return state
