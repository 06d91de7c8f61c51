# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""JSON object operations with the semantics Kazoo's kz_json gives them.

* ``merge_recursive(a, b, ...)``: later objects win, nested objects merge,
  a JSON ``null`` on the right deletes the key.
* ``merge(a, b)``: the same, except that an explicit ``{}`` on the right
  replaces the left value instead of merging into it.
* ``diff(a, b)``: what is in ``a`` that is not in ``b``, computed on flattened
  key paths where arrays and empty objects are leaves compared whole.

Values are compared strictly: ``true`` is not ``1`` and ``1`` is not ``1.0``
(Erlang terms of different types never match).
"""

import copy

_MISSING = object()


def strict_equal(a, b):
    """Equality that keeps JSON types apart (bool/int/float)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return set(a) == set(b) and all(strict_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(strict_equal(x, y) for x, y in zip(a, b))
    return a == b


def _merge2(left, right, empty_replaces):
    out = copy.deepcopy(left) if isinstance(left, dict) else {}
    for key, value in right.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict) and not (empty_replaces and value == {}):
            out[key] = _merge2(out[key], value, empty_replaces)
        else:
            out[key] = _strip_nulls(copy.deepcopy(value))
    return out


def _strip_nulls(value):
    if isinstance(value, dict):
        return dict((k, _strip_nulls(v)) for k, v in value.items() if v is not None)
    return value


def merge_recursive(*objects):
    out = {}
    for obj in objects:
        if obj:
            out = _merge2(out, obj, empty_replaces=False)
    return out


def merge(left, right):
    return _merge2(left or {}, right or {}, empty_replaces=True)


def flatten(obj, prefix=()):
    """[(path tuple, leaf value)]; non-empty objects are descended into."""
    pairs = []
    for key, value in obj.items():
        path = prefix + (key,)
        if isinstance(value, dict) and value:
            pairs.extend(flatten(value, path))
        else:
            pairs.append((path, value))
    return pairs


def expand(pairs):
    out = {}
    for path, value in pairs:
        node = out
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = copy.deepcopy(value)
    return out


def diff(a, b):
    """Pairs of ``a`` whose path is absent from ``b`` or holds another value."""
    other = dict(flatten(b))
    kept = [(p, v) for p, v in flatten(a) if not strict_equal(other.get(p, _MISSING), v)]
    return expand(kept)
