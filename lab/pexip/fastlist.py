"""The objects of a list page as the API shows them, built from database rows.

``codec.to_dict`` works on model instances; for a page of thousands of objects
building those instances (and prefetching their relations) costs far more than
the answer itself. ``page_dicts`` gives the same dictionaries from ``values()``
rows: one query for the page, and one per relation (nested objects and their own
relations included) that selects the page's objects by a subquery of the page
query (no list of thousands of ids to bind). Tastypie still chooses the objects
(filters, ordering, offset, limit); only the dehydration is different.

Each field is shown exactly as ``codec.value`` shows it; a resource with a
field this module cannot read from a row is left to the instance path
(``plan`` returns None).
"""
import json
import threading

from django.core.exceptions import FieldDoesNotExist
from django.db.models import F

from lab.pexip import codec, profile, spec
from lab.pexip.app.models import MODELS

SCALARS = ("string", "integer", "float", "boolean", "datetime")

_PLANS = {}
_PLANNING = threading.RLock()


def _has_column(resource, column):
    try:
        field = MODELS[resource]._meta.get_field(column)
    except FieldDoesNotExist:
        return False
    return field.concrete and not field.many_to_many


def _key_column(resource):
    """The column behind a resource's detail URI."""
    key = spec.detail_key(resource)
    return "id" if key in (None, "id") else key


class Plan:
    """How to turn rows of one resource into API dictionaries with given keys."""

    def __init__(self, resource, keys, nested_ok):
        self.resource = resource
        self.columns = ["id"]
        self.copied = []      # (name, column): the value as stored
        self.constant = []    # (name, value)
        self.converted = []   # (name, column, function(raw, row))
        self.to_one = []      # (name, column, target, nested_keys or None to show a URI)
        self.to_many = []     # (name, target, lookup, nested_keys or None to show URIs)
        self.ok = True
        fields = spec.fields(resource)
        uri_column = _key_column(resource)
        for name in sorted(keys):
            if name == "id":
                self.copied.append(("id", "id"))
            elif name == "resource_uri":
                self._need(uri_column)
                self.converted.append((name, uri_column, _uri_of(resource)))
            else:
                self._field(name, fields[name], nested_ok)

    def _need(self, column):
        if not _has_column(self.resource, column):
            self.ok = False
        elif column not in self.columns:
            self.columns.append(column)

    def _field(self, name, facts, nested_ok):
        kind = facts["type"]
        render = facts.get("render")
        if kind == "file":
            self.constant.append((name, None))
        elif render == "blank":
            self.constant.append((name, ""))
        elif render == "hash":
            self._need(name)
            self.converted.append((name, name, _hashed))
        elif kind == "json":
            self._need(name)
            self.converted.append((name, name, _json_or_none))
        elif kind in SCALARS:
            self._need(name)
            self.copied.append((name, name))
        elif kind != "related":
            self.ok = False  # a kind codec.value knows and this module does not
        elif not facts["served_target"]:
            self._need(name)
            self.converted.append((name, name, _json_or_list if facts["to_many"] else _json_or_none))
        else:
            target = facts["to"]
            nested = None
            if facts.get("nested") and nested_ok:
                nested = facts.get("nested_keys") or _all_keys(target)
            if facts["to_many"] or facts.get("reverse_of"):
                if facts.get("reverse_of"):
                    owner_resource, lookup = facts["reverse_of"]
                    if owner_resource != target:
                        self.ok = False
                else:
                    lookup = spec.reverse_accessor(self.resource, name)
                self.to_many.append((name, target, lookup, nested))
            else:
                self._need(name)
                self.to_one.append((name, name, target, nested))


def _all_keys(resource):
    """The keys codec.to_dict shows when it is given none."""
    keys = ["resource_uri"] + [name for name, facts in spec.fields(resource).items()
                               if facts.get("render") not in codec.HIDDEN_RENDERS]
    if spec.detail_key(resource) == "id":
        keys.append("id")
    return keys


def _uri_of(resource):
    prefix = spec.API_PREFIX + resource + "/"

    def uri(raw, row):
        return "%s%s/" % (prefix, raw)
    return uri


def _hashed(raw, row):
    return codec.secret_hash(raw, str(row["id"])) if raw else raw


def _json_or_none(raw, row):
    return json.loads(raw) if raw else None


def _json_or_list(raw, row):
    return json.loads(raw) if raw else []


def plan(resource, keys=None, nested_ok=True):
    """The Plan of ``resource`` (and of every resource it nests), or None when one of
    them has a field only the instance path shows."""
    cache_key = (resource, tuple(keys) if keys is not None else None, nested_ok)
    with _PLANNING:
        if cache_key not in _PLANS:
            _PLANS[cache_key] = _plan(resource, keys, nested_ok)
    return _PLANS[cache_key]


def _plan(resource, keys, nested_ok):
    # nested plans never nest further (nested_ok=False): no relation cycle to follow
    found = Plan(resource, _all_keys(resource) if keys is None else keys, nested_ok)
    for _name, _column, target, nested in found.to_one:
        found.ok = found.ok and _shows(target, nested)
    for _name, target, _lookup, nested in found.to_many:
        found.ok = found.ok and _shows(target, nested)
    return found if found.ok else None


def _shows(target, nested):
    """Whether rows can show a relation to ``target``: nested, or as URIs."""
    if nested is not None:
        return plan(target, nested, False) is not None
    return _has_column(target, _key_column(target))


def _build(found, rows, ids):
    """API dictionaries of ``rows`` (dicts with found.columns), in their order;
    ``ids``: a query of the rows' ids (a subquery of the relation queries)."""
    out = []
    copied, constant, converted = found.copied, found.constant, found.converted
    for row in rows:
        entry = {name: row[column] for name, column in copied}
        for name, val in constant:
            entry[name] = val
        for name, column, convert in converted:
            entry[name] = convert(row[column], row)
        out.append(entry)
    for name, column, target, nested in found.to_one:
        if not any(row[column] is not None for row in rows):
            shown = {}
        else:
            targets = MODELS[found.resource].objects.filter(pk__in=ids).values(column)
            shown = _to_one_values(target, targets, nested)
        for row, entry in zip(rows, out):
            pk = row[column]
            entry[name] = None if pk is None else shown[pk]
    for name, target, lookup, nested in found.to_many:
        shown = _to_many_values(target, lookup, ids, nested)
        for row, entry in zip(rows, out):
            entry[name] = shown.get(row["id"]) or []
    return out


def _to_one_values(target, ids, nested):
    """id -> what a to-one relation to that ``target`` object shows, for the
    ``target`` objects whose ids the query ``ids`` gives."""
    query = MODELS[target].objects.filter(pk__in=ids)
    if nested is not None:
        sub = plan(target, nested, False)
        rows = list(query.values(*sub.columns))
        return {row["id"]: entry for row, entry in zip(rows, _build(sub, rows, query.values("id")))}
    key = _key_column(target)
    return {pk: spec.uri(target, val) for pk, val in query.values_list("id", key)}


def _to_many_values(target, lookup, ids, nested):
    """owner id -> the list a to-many relation shows for each owner the query ``ids``
    gives, in the target's order (by id)."""
    shown = {}
    query = MODELS[target].objects.filter(**{lookup + "__in": ids}).order_by("id")
    if nested is not None:
        sub = plan(target, nested, False)
        blank_uri = profile.STRICT and target in codec.EMBEDDED_WITHOUT_URI
        rows = list(query.values(*sub.columns, lab_owner=F(lookup)))
        if not rows:
            return shown
        sub_ids = MODELS[target].objects.filter(**{lookup + "__in": ids}).values("id")
        for row, entry in zip(rows, _build(sub, rows, sub_ids)):
            if blank_uri and "resource_uri" in entry:
                entry["resource_uri"] = ""
            shown.setdefault(row["lab_owner"], []).append(entry)
        return shown
    for owner, val in query.values_list(lookup, _key_column(target)):
        shown.setdefault(owner, []).append(spec.uri(target, val))
    return shown


def page_dicts(resource, objects):
    """The API dictionaries of a page (a sliced QuerySet of ``resource``), or None
    when this resource has to go through codec.to_dict."""
    found = plan(resource)
    if found is None:
        return None
    page = objects.prefetch_related(None)
    rows = list(page.values(*found.columns))
    return _build(found, rows, page.values("id"))
