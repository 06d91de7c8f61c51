# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""JSON object operations as Kazoo's ``kz_json`` module performs them.

Written from Kazoo's behaviour (2600hz/kazoo ``core/kazoo_stdlib/src/kz_json.erl``), not from
the collection's module code, so that a mistake in the modules cannot hide behind the lab:

* :func:`merge_recursive` follows ``kz_json:merge_recursive/1,2``: the first object is the
  starting point, unchanged; every later object is walked down to its leaves and each leaf
  is written at its key path (``set_value``), a ``null`` leaf deletes that path
  (``keep_null`` is false) and leaves its parents in place (``no_prune``). A right-hand
  ``{}`` has no leaves, so it writes nothing: it neither creates a key nor replaces a value.
* :func:`merge_right` follows ``kz_json:merge/2`` (``merge_right/3`` with ``recursive``
  false): both sides' keys in sorted order, a ``null`` drops the key, an explicit ``{}`` on
  the right replaces an object on the left, objects present on one side only lose their
  ``null`` members.
* :func:`diff` follows ``kz_json:diff/2``: both sides flattened the legacy way (objects
  become key paths; arrays and ``{}`` stay whole values), the (path, value) pairs of the
  left that also occur on the right are subtracted as a set, the rest is expanded again.

Two JSON values are the same here when the Erlang terms would match (``=:=``, what
``sets`` uses): ``1`` is not ``1.0`` nor ``true``, and two objects with their keys in a
different order are different terms. :func:`_term` encodes a value into a string that
keeps exactly those distinctions.
"""

import copy
import json


def _term(value):
    """A string that is equal for two JSON values exactly when their Erlang terms match."""
    return json.dumps(value, separators=(',', ':'))


def _is_object(value):
    return isinstance(value, dict)


# -- paths ----------------------------------------------------------------------------
def _leaves(obj, at=()):
    """Key paths of the non-object values of ``obj`` (an empty object has none)."""
    for key, value in obj.items():
        here = at + (key,)
        if _is_object(value):
            yield from _leaves(value, here)
        else:
            yield here, value


def _put(target, path, value):
    """``kz_json:set_value``: write ``value`` at ``path``, turning non-objects on the way into objects."""
    head, rest = path[0], path[1:]
    if not rest:
        target[head] = copy.deepcopy(value)
        return
    if not _is_object(target.get(head)):
        target[head] = {}
    _put(target[head], rest, value)


def _drop(target, path):
    """``kz_json:delete_key`` without pruning: the parents of a removed key stay, even empty."""
    node = target
    for key in path[:-1]:
        node = node.get(key) if _is_object(node) else None
        if node is None:
            return
    if _is_object(node):
        node.pop(path[-1], None)


# -- merges ---------------------------------------------------------------------------
def merge_recursive(first, *others):
    acc = copy.deepcopy(first if first is not None else {})
    for other in others:
        for path, leaf in _leaves(other or {}):
            if leaf is None:
                _drop(acc, path)
            else:
                _put(acc, path, leaf)
    return acc


def _without_nulls(obj):
    # one-sided objects go through merge_right against {}: their null members disappear
    return merge_right({}, obj)


def merge_right(left, right):
    left, right = left or {}, right or {}
    picked = []
    for key in sorted(set(left) | set(right)):
        if key in right and right[key] is None:
            continue
        if key not in right:
            value = left[key]
            if value is None:
                continue
            picked.append((key, _without_nulls(value) if _is_object(value) else copy.deepcopy(value)))
            continue
        value = right[key]
        if key not in left:
            picked.append((key, _without_nulls(value) if _is_object(value) else copy.deepcopy(value)))
        elif _is_object(left[key]) and value == {}:
            picked.append((key, {}))
        elif _is_object(left[key]) and _is_object(value):
            picked.append((key, merge_right(left[key], value)))
        else:
            picked.append((key, copy.deepcopy(value)))
    # the Erlang accumulator is built by prepending, so the keys come out in descending order
    return dict(reversed(picked))


# -- difference -----------------------------------------------------------------------
def _flat(obj, at=()):
    """Legacy flatten: (path, value) pairs; ``{}`` and arrays are values, not descended."""
    pairs = []
    for key, value in obj.items():
        if _is_object(value) and value:
            pairs.extend(_flat(value, at + (key,)))
        else:
            pairs.append((at + (key,), value))
    return pairs


def diff(left, right):
    """What is in ``left`` that is not in ``right``."""
    seen = set((path, _term(value)) for path, value in _flat(right or {}))
    out = {}
    for path, value in _flat(left or {}):
        if (path, _term(value)) not in seen:
            _put(out, path, value)
    return out
