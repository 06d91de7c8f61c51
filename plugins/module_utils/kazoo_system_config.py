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

from ansible_collections.ucops.platform.plugins.module_utils.errors import ApiError
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_client import retry_on_conflict, seg
from ansible_collections.ucops.platform.plugins.module_utils.kazoo_schema import SchemaBundle

_MISSING = object()


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
    """Later objects win, nested objects merge, ``None`` deletes a key."""
    out = {}
    for obj in objects:
        out = _merge2(out, obj or {})
    return out


def _merge2(left, right):
    out = copy.deepcopy(left)
    for key, value in right.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge2(out[key], value)
        else:
            out[key] = _merge2({}, value) if isinstance(value, dict) else copy.deepcopy(value)
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
        return '/v2/system_configs/%s' % seg(category)

    def section_path(self, category, node):
        return '%s/%s' % (self.doc_path(category), seg(node))

    def categories(self, page_size=None):
        return self.client.paginate('/v2/system_configs', page_size=page_size)

    def document(self, category, with_defaults=True):
        params = {'with_defaults': 'true'} if with_defaults else None
        return _strip_id(self.client.get(self.doc_path(category), params=params).data)

    def section(self, category, node, with_defaults=True):
        params = {'with_defaults': 'true'} if with_defaults else None
        return _strip_id(self.client.get(self.section_path(category, node), params=params).data)

    def schema(self, category):
        return SchemaBundle.fetch(self.client, 'system_config.%s' % category)


class SettingsInvalid(Exception):
    def __init__(self, name, errors):
        self.name = name
        self.errors = errors
        Exception.__init__(self, 'Invalid settings for %s (nothing was written): %s' % (
            name, '; '.join('%s: %s' % e for e in errors)))


def ensure_present(svc, category, node, settings, mode, check_mode, warn=None):
    """Make the effective section match ``settings``; returns a result dict."""
    state = {}

    def attempt():
        state.clear()
        bundle = svc.schema(category)
        if bundle is None and warn:
            warn('The server has no schema system_config.%s: settings are not validated and schema '
                 'defaults are unknown to the module.' % category)
        current = svc.section(category, node, with_defaults=True)
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
            reply = svc.client.patch(svc.doc_path(category), {node: settings})
        else:
            doc = svc.document(category, with_defaults=False)
            doc[node] = settings
            reply = svc.client.post(svc.doc_path(category), doc)
        state['stored'] = copy.deepcopy((reply.data or {}).get(node) or {})
        state['after'] = svc.section(category, node, with_defaults=True)

    retry_on_conflict(attempt)
    return state


def ensure_absent(svc, category, node, whole_document, check_mode):
    if whole_document:
        if category not in svc.categories():
            return dict(changed=False, before={}, after={}, stored={})
        before = svc.document(category, with_defaults=True)
        if not check_mode:
            try:
                svc.client.delete(svc.doc_path(category))
            except ApiError as exc:
                if exc.status != 404:
                    raise
                return dict(changed=False, before={}, after={}, stored={})
        return dict(changed=True, before=before, after={}, stored={})

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
