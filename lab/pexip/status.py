"""The status API (``/api/admin/status/v1/<resource>/``) of the lab Management Node.

A status resource is a function that returns its current entries (dicts with an
``id`` and a ``resource_uri``); modules register theirs with ``register(name,
entries)`` (lab/pexip/calls.py: participant, conference, conference_shard,
licensing; lab/pexip/alarms.py: alarm). worker_vm is served by
lab/pexip/node_sim.py through ``list_answer``. Every entry is completed to the
fields of the reference's status facts (``complete``: a missing field gets its
type's empty value), so clients see the product's field names.

Lists behave like the configuration API (tastypie): ``limit`` (default 20,
``0`` = all up to the profile's max_limit), ``offset``, ``meta.next``/``previous``/
``total_count``; every field filters with tastypie's lookups (``name=``,
``name__startswith=``, ``media_node__in=a,b``, ``media_load__gte=50``,
``time_raised__isnull=true``, ...) and ``order_by=[-]field`` orders. An unknown
field or lookup is a 400. The facts do not say which status fields the product
filters on: the default profile filters on all, the strict one (lab/pexip/profile.py)
only on id and name (worker_vm: its own list), any other is a 400.
"""
import datetime
import importlib
import json
import os

from django.http import HttpResponse, JsonResponse
from django.urls import path
from tastypie.exceptions import BadRequest
from tastypie.paginator import Paginator

from lab.pexip import profile
from lab.pexip.resources import DEFAULT_LIMIT, MAX_LIMIT, STRICT_FILTERS

PREFIX = "/api/admin/status/v1/"
SOURCES = {}  # name -> () -> [entry]
# Modules that register status resources when imported (status_urls imports them).
SOURCE_MODULES = ("lab.pexip.alarms", "lab.pexip.calls")
RESERVED = ("limit", "offset", "format", "order_by", "username", "api_key")
LOOKUPS = ("exact", "iexact", "contains", "icontains", "startswith", "istartswith", "endswith", "iendswith",
           "in", "gt", "gte", "lt", "lte", "isnull")
EMPTY = {"string": "", "integer": 0, "float": 0.0, "boolean": False, "list": [], "dict": {}}

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "shapes.json"), encoding="utf-8") as _handle:
    FIELDS = {name: facts["fields"] for name, facts in json.load(_handle)["status"].items()}


def register(name, entries):
    SOURCES[name] = entries


def uri(name, entry_id):
    return "%s%s/%s/" % (PREFIX, name, entry_id)


def iso(timestamp):
    """A status datetime: naive ISO 8601 in UTC, whole seconds (as the configuration API)."""
    if timestamp is None:
        return None
    return datetime.datetime.utcfromtimestamp(timestamp).replace(microsecond=0).isoformat()


def complete(name, entry):
    """``entry`` with every field of the facts: a missing one gets its type's empty value
    (null where the facts make it nullable)."""
    for field, facts in FIELDS.get(name, {}).items():
        if field not in entry:
            entry[field] = None if facts.get("nullable") or facts["type"] not in EMPTY else EMPTY[facts["type"]]
    return entry


def _text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _matches(value, lookup, wanted):
    """Whether one entry value passes ``<field>__<lookup>=<wanted>`` (wanted is the query text)."""
    if lookup == "isnull":
        return (value is None) == (wanted.lower() in ("true", "1"))
    if lookup == "in":
        return any(_matches(value, "exact", item) for item in wanted.split(","))
    if lookup in ("gt", "gte", "lt", "lte"):
        left, right = _number(value), _number(wanted)
        if left is None or right is None:
            left, right = _text(value), wanted
        return {"gt": left > right, "gte": left >= right, "lt": left < right, "lte": left <= right}[lookup]
    text = _text(value)
    if isinstance(value, bool):
        wanted = {"1": "true", "0": "false"}.get(wanted.lower(), wanted.lower())
    elif isinstance(value, (int, float)) and _number(wanted) is not None:
        return lookup in ("exact", "iexact") and float(value) == _number(wanted)
    if lookup.startswith("i"):
        text, wanted, lookup = text.lower(), wanted.lower(), lookup[1:]
    if lookup == "exact":
        return text == wanted
    if lookup == "contains":
        return wanted in text
    if lookup == "startswith":
        return text.startswith(wanted)
    return text.endswith(wanted)


def select(name, entries, query, filters=None):
    """Filter and order ``entries`` by a query dict (name -> [values]); ValueError for a bad one.
    ``filters``: the fields that filter (default: every field of the facts)."""
    fields = FIELDS.get(name) or (entries[0] if entries else {})
    if filters is None:
        filters = STRICT_FILTERS if profile.STRICT else fields
    for key, values in query.items():
        if key in RESERVED:
            continue
        field, _sep, lookup = key.partition("__")
        lookup = lookup or "exact"
        if field not in fields or field not in filters:
            raise ValueError("The '%s' field does not allow filtering." % field)
        if lookup not in LOOKUPS:
            raise ValueError("The '%s' lookup is not allowed on the '%s' field." % (lookup, field))
        entries = [entry for entry in entries if _matches(entry.get(field), lookup, values[-1])]
    order = (query.get("order_by") or [None])[-1]
    if order:
        field = order.lstrip("-")
        if field not in fields:
            raise ValueError("No matching '%s' field for ordering on." % field)
        entries = sorted(entries, key=lambda entry: (entry.get(field) is None, _number(entry.get(field))
                                                     if _number(entry.get(field)) is not None
                                                     else _text(entry.get(field))),
                         reverse=order.startswith("-"))
    return entries


def list_answer(request, name, entries, filters=None):
    """The tastypie-shaped list answer of one status resource (filters, order, page)."""
    if request.method != "GET":
        return JsonResponse({"error": "Method not allowed."}, status=405)
    try:
        entries = select(name, [complete(name, entry) for entry in entries], dict(request.GET.lists()), filters)
        page = Paginator(request.GET, entries, resource_uri=PREFIX + name + "/", limit=DEFAULT_LIMIT,
                         max_limit=MAX_LIMIT).page()
    except (ValueError, BadRequest) as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    return JsonResponse(page)


def _list(request, name):
    if name not in SOURCES:
        return JsonResponse({"error": "Not found: %s%s/" % (PREFIX, name)}, status=404)
    return list_answer(request, name, SOURCES[name]())


def _detail(request, name, entry_id):
    if name not in SOURCES:
        return JsonResponse({"error": "Not found: %s%s/" % (PREFIX, name)}, status=404)
    if request.method != "GET":
        return JsonResponse({"error": "Method not allowed."}, status=405)
    for entry in SOURCES[name]():
        if str(entry["id"]) == entry_id:
            return JsonResponse(complete(name, entry))
    return HttpResponse(status=404)


def status_urls():
    """The routes of every registered status resource (after node_sim's worker_vm routes)."""
    for module in SOURCE_MODULES:
        importlib.import_module(module)
    return [path("v1/<str:name>/", _list), path("v1/<str:name>/<str:entry_id>/", _detail)]
