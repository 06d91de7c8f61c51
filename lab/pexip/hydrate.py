"""Check incoming data against the spec and write it to the database.

``clean`` validates everything and touches nothing; ``apply`` writes. A
request handler calls ``clean`` for the whole request before its first write,
and runs in a transaction, so a rejected request leaves the data unchanged.
"""
import datetime
import ipaddress
import json
import re
import secrets
import types
import uuid
from urllib.parse import urlsplit

from django.db import DEFAULT_DB_ALIAS, connections, models

from lab.pexip import profile, spec, uploads
from lab.pexip.app.models import MODELS

_PIN = re.compile(r"[0-9]+#?")
_TRUE = {"true", "t", "1", "yes", "on"}
_FALSE = {"false", "f", "0", "no", "off"}


class Invalid(Exception):
    """One field's value is not acceptable; the message is shown to the client."""


class FieldErrors(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _label(name):
    return name.replace("_", " ").capitalize()


def _text(facts, value):
    if value is None:
        if facts["nullable"]:
            return None
        raise Invalid("This field cannot be null.")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise Invalid("Enter a text value.")
    value = str(value)
    if value == "":
        if facts["required"]:
            raise Invalid("This field cannot be blank.")
        if facts.get("choices") is None or facts["default"] == "":
            return value
    if facts.get("max_length") and len(value) > facts["max_length"]:
        raise Invalid("Ensure this value has at most %d characters (it has %d)."
                      % (facts["max_length"], len(value)))
    if facts.get("min_length") and len(value) < facts["min_length"]:
        raise Invalid("Ensure this value has at least %d characters (it has %d)."
                      % (facts["min_length"], len(value)))
    if facts.get("choices") is not None and value not in facts["choices"]:
        raise Invalid("Value %r is not a valid choice." % value)
    if facts.get("pattern") == "pin" and not _PIN.fullmatch(value):
        raise Invalid("A PIN is 4 to 20 digits, optionally ending with '#'.")
    if facts.get("pattern") == "regex":
        try:
            re.compile(value)
        except re.error as exc:
            raise Invalid("This is not a valid regular expression: %s." % exc) from None
    if facts.get("format") == "ip":
        try:
            ipaddress.ip_address(value)
        except ValueError:
            raise Invalid("Enter a valid IPv4 or IPv6 address.") from None
    return value


def _integer(facts, value):
    if value is None:
        if facts["nullable"]:
            return None
        raise Invalid("This field cannot be null.")
    if isinstance(value, bool):
        raise Invalid("'%s' value must be an integer." % value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?[0-9]+\s*", value):
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int):
        raise Invalid("'%s' value must be an integer." % (value,))
    if facts.get("min") is not None and value < facts["min"]:
        raise Invalid("Ensure this value is greater than or equal to %d." % facts["min"])
    if facts.get("max") is not None and value > facts["max"]:
        raise Invalid("Ensure this value is less than or equal to %d." % facts["max"])
    if facts.get("choices") is not None and value not in facts["choices"]:
        raise Invalid("Value %r is not a valid choice." % value)
    return value


def _boolean(facts, value):
    if value is None:
        if facts["nullable"]:
            return None
        raise Invalid("This field cannot be null.")
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
        return value.lower() in _TRUE
    raise Invalid("'%s' value must be either True or False." % (value,))


def _path_of(ref):
    """Path part of a resource URI given as a path, a full URL or a nested object."""
    if isinstance(ref, dict):
        ref = ref.get("resource_uri")
    if not isinstance(ref, str):
        raise Invalid("Expected a resource URI, got %r." % (ref,))
    return urlsplit(ref).path


def parse_uri(ref, target):
    """Detail key (the id for most) of the ``target`` object ``ref`` names, else Invalid."""
    path = _path_of(ref)
    key = spec.detail_key(target)
    pattern = r"/([0-9]+)/?" if key == "id" else r"/([^/]+)/?"
    match = re.fullmatch(re.escape(spec.API_PREFIX + target) + pattern, path)
    if not match:
        raise Invalid("%r is not a resource URI of %s." % (ref, target))
    return int(match.group(1)) if key == "id" else match.group(1)


def lookup(target, ref):
    """The ``target`` object ``ref`` (a URI) names, or None."""
    key = spec.detail_key(target)
    value = parse_uri(ref, target)
    return MODELS[target].objects.filter(**{"pk" if key == "id" else key: value}).first()


_EMBEDDED_TYPES = {"string": (str,), "integer": (int,), "float": (int, float), "boolean": (bool,),
                   "related": (str,)}


def _embedded(facts, item):
    """One embedded object (a disabled codec: {"value": "H264_H_0"}), checked against the
    keys and types of its embedded schema. A schema of one key needs that key."""
    keys = facts["embedded"]
    example = ", ".join('"%s": ...' % key for key in keys)
    if not isinstance(item, dict):
        raise Invalid("Each %s must be an object {%s}, got %r." % (facts["to"], example, item))
    unknown = sorted(set(item) - set(keys))
    if unknown:
        raise Invalid("%s objects have no field %s (their fields: %s)."
                      % (facts["to"], ", ".join(unknown), ", ".join(keys)))
    if len(keys) == 1:
        key = list(keys)[0]
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise Invalid("Each %s needs %r: a non-empty text, got %r." % (facts["to"], key, item.get(key)))
    for key, val in item.items():
        types = _EMBEDDED_TYPES.get(keys[key], (str,))
        if val is not None and (not isinstance(val, types) or (bool not in types and isinstance(val, bool))):
            raise Invalid("%s.%s must be of type %s, got %r." % (facts["to"], key, keys[key], val))
    return dict(item)


def _one(facts, ref):
    target = facts["to"]
    if facts.get("embedded"):
        return _embedded(facts, ref)
    if not facts["served_target"]:
        # The lab does not model the target: keep what was sent (a URI, or a
        # value such as a codec name) without checking it.
        if isinstance(ref, (str, dict)):
            return ref
        raise Invalid("Expected a resource URI, got %r." % (ref,))
    obj = lookup(target, ref)
    if obj is None:
        raise Invalid("Could not find the provided object via resource URI '%s'." % _path_of(ref))
    return obj


def _related(facts, value):
    if facts["to_many"] or facts.get("reverse_of"):
        if value is None:
            value = []
        if not isinstance(value, list):
            kind = "%s objects" % facts["to"] if facts.get("embedded") else "resource URIs"
            raise Invalid("Expected a list of %s." % kind)
        return [_one(facts, item) for item in value]
    if value is None or value == "":
        if facts["nullable"]:
            return None
        raise Invalid("This field is required.")
    return _one(facts, value)


def _file(facts, value):
    if value is None:
        if facts["required"]:
            raise Invalid("This field is required.")
        return None
    if hasattr(value, "read") and hasattr(value, "size"):
        if value.size == 0:
            raise Invalid("The submitted file is empty.")
        value.seek(0)
        content = value.read()
        return (getattr(value, "name", "") or "", value.size, content)
    raise Invalid("Send the file as multipart/form-data.")


def _datetime(facts, value):
    """An ISO 8601 date and time ("2026-01-31T10:00:00", optional fraction and offset),
    stored naive in UTC like the product shows it."""
    if value in (None, ""):
        if facts["nullable"]:
            return None
        raise Invalid("This field cannot be null.")
    if not isinstance(value, str):
        raise Invalid("Enter a date and time as text (ISO 8601), got %r." % (value,))
    try:
        parsed = datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise Invalid("%r is not a date and time (ISO 8601, e.g. 2026-01-31T10:00:00)." % value) from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return parsed


def _float(facts, value):
    if value is None:
        if facts["nullable"]:
            return None
        raise Invalid("This field cannot be null.")
    if isinstance(value, bool):
        raise Invalid("'%s' value must be a float." % value)
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise Invalid("'%s' value must be a float." % (value,)) from None
    if facts.get("min") is not None and value < facts["min"]:
        raise Invalid("Ensure this value is greater than or equal to %s." % facts["min"])
    if facts.get("max") is not None and value > facts["max"]:
        raise Invalid("Ensure this value is less than or equal to %s." % facts["max"])
    return value


def _aliases(value, update=False):
    """Aliases given with a conference, in either shape the product takes: objects
    {"alias", "description"} (new aliases are created) or URIs of existing
    conference_alias objects (what Pexip's Terraform provider sends; the named
    aliases become this conference's). Both may be mixed in one list. The strict
    profile (lab/pexip/profile.py) takes objects only when the conference is
    created: an update (PATCH, PUT) takes URIs only."""
    if value is None:
        value = []
    if not isinstance(value, list):
        raise Invalid("Expected a list of alias objects or conference_alias resource URIs.")
    out, seen = [], set()
    alias_fields = spec.fields("conference_alias")
    for item in value:
        existing = None
        if isinstance(item, str):
            pk = parse_uri(item, "conference_alias")
            existing = MODELS["conference_alias"].objects.filter(pk=pk).first()
            if existing is None:
                raise Invalid("Could not find the provided object via resource URI '%s'." % _path_of(item))
            item = {"alias": existing.alias}
        elif not isinstance(item, dict) or "alias" not in item:
            raise Invalid("Each alias must be an object with an 'alias' key or a conference_alias resource URI.")
        elif update and profile.STRICT:
            raise Invalid("Each alias must be a conference_alias resource URI.")
        alias = _text(alias_fields["alias"], item["alias"])
        description = _text(alias_fields["description"], item.get("description", ""))
        if alias in seen:
            raise Invalid("Alias '%s' is given more than once." % alias)
        seen.add(alias)
        out.append({"alias": alias, "description": description,
                    "keep_description": "description" not in item, "existing": existing})
    return out


_CONVERT = {"string": _text, "integer": _integer, "float": _float, "boolean": _boolean, "file": _file,
            "datetime": _datetime,
            "json": lambda facts, value: value, "related": _related}


def _default(facts):
    if facts["type"] == "related":
        if facts["to_many"] or facts.get("reverse_of"):
            return list(facts["default"] or [])
        return None
    return facts["default"]


def defaults(resource):
    """Every writable field at its default, required ones included (the initial
    state of a singleton, which exists before anyone writes it)."""
    out = {}
    for name, facts in spec.fields(resource).items():
        if facts["readonly"] or facts["type"] == "file":
            continue
        out[name] = _default(facts)
        if out[name] is None and facts["type"] == "string" and not facts["nullable"]:
            out[name] = ""
    return out


def _writable(resource):
    """(name, facts) of the fields a client may write, in spec order."""
    if resource not in _WRITABLE:
        _WRITABLE[resource] = [(name, facts) for name, facts in spec.fields(resource).items()
                               if not facts["readonly"]]
    return _WRITABLE[resource]


_WRITABLE = {}


def clean(resource, data, instance=None, partial=False, free=None):
    """Validated python values for the writable fields present in ``data``.

    ``partial`` (PATCH) only looks at the keys sent; otherwise missing optional
    fields get their defaults and missing required fields are errors. ``free``:
    see free_values().
    """
    errors, cleaned = {}, {}
    for name, facts in _writable(resource):
        if name not in data:
            if partial:
                continue
            if facts["required"]:
                errors[name] = ["This field is required."]
            elif facts["type"] != "file":
                cleaned[name] = _default(facts)
            continue
        try:
            if (resource, name) == ("conference", "aliases"):
                cleaned[name] = _aliases(data[name], update=instance is not None)
            else:
                cleaned[name] = _CONVERT[facts["type"]](facts, data[name])
        except Invalid as exc:
            errors[name] = [str(exc)]
    if not errors:
        _check_unique(resource, cleaned, instance, errors, free)
    if errors:
        raise FieldErrors(errors)
    return cleaned


def _cursor():
    """A cursor of the DB-API connection under Django's (same transaction). Plain SQL
    through it: the ORM's query building, and even Django's cursor wrapper, cost more
    than these lookups and inserts, which a bulk PATCH runs for every object."""
    wrapper = connections[DEFAULT_DB_ALIAS]
    wrapper.ensure_connection()
    return wrapper.connection.cursor()


def _first(sql, params):
    """Rows of ``sql`` (with "?" placeholders)."""
    cursor = _cursor()
    try:
        cursor.execute(sql, params)
        return cursor.fetchall()
    finally:
        cursor.close()


def _unique_checks(resource):
    """(name, SQL, error message) of each unique field of ``resource``."""
    if resource not in _UNIQUE:
        table = MODELS[resource]._meta.db_table
        _UNIQUE[resource] = [
            (name, 'SELECT 1 FROM "%s" WHERE "%s" = ? AND id <> ? LIMIT 1' % (table, name),
             "%s with this %s already exists." % (_label(resource), _label(name)))
            for name, facts in spec.fields(resource).items() if facts.get("unique")]
    return _UNIQUE[resource]


_UNIQUE = {}


def _existing(table, column, values):
    """Which of ``values`` some row of ``table`` holds in ``column``."""
    values, found = sorted(values), set()
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        found.update(row[0] for row in _first('SELECT DISTINCT "%s" FROM "%s" WHERE "%s" IN (%s)'
                                              % (column, table, column, ", ".join(["?"] * len(chunk))), chunk))
    return found


def free_values(resource, objects):
    """For a bulk PATCH of ``objects`` (run in one transaction): per unique field (and
    "aliases" for conferences), the text values the objects send that no row holds when
    the request starts: one query per field for the whole batch. _check_unique does not
    look these up again (nothing can hold them) until apply() writes them, which takes
    them out: a value two objects of the batch send is still refused for the second."""
    objects = [item for item in objects if isinstance(item, dict)]
    table = MODELS[resource]._meta.db_table
    free = {}
    for name, _sql, _message in _unique_checks(resource):
        sent = {item[name] for item in objects if isinstance(item.get(name), str) and item[name]}
        free[name] = sent - _existing(table, name, sent) if sent else set()
    if resource == "conference":
        sent = {alias["alias"] for item in objects if isinstance(item.get("aliases"), list)
                for alias in item["aliases"] if isinstance(alias, dict) and isinstance(alias.get("alias"), str)}
        free["aliases"] = sent - _existing(MODELS["conference_alias"]._meta.db_table, "alias", sent)
    return free


def _taken(resource, cleaned, free):
    """apply() is about to write ``cleaned``: its unique values are free no longer."""
    for name, _sql, _message in _unique_checks(resource):
        free.get(name, set()).discard(cleaned.get(name))
    if resource == "conference" and cleaned.get("aliases") and "aliases" in free:
        free["aliases"].difference_update(item["alias"] for item in cleaned["aliases"])


def _check_unique(resource, cleaned, instance, errors, free=None):
    other = instance.pk if instance is not None else -1
    free = free or {}
    for name, sql, message in _unique_checks(resource):
        if cleaned.get(name) not in (None, ""):
            if cleaned[name] in free.get(name, ()):
                continue  # no row held it at the start of the batch, none was given it since
            if _first(sql, [cleaned[name], other]):
                errors[name] = [message]
    if resource == "conference" and cleaned.get("aliases"):
        # an alias named by its URI moves to this conference; one given by value must be free
        wanted = [item["alias"] for item in cleaned["aliases"] if item["existing"] is None
                  and item["alias"] not in free.get("aliases", ())]
        rows = wanted and _first(
            'SELECT alias FROM "%s" WHERE alias IN (%s) AND conference_id <> ?'
            % (MODELS["conference_alias"]._meta.db_table, ", ".join(["?"] * len(wanted))),
            wanted + [other])
        if rows:
            errors["aliases"] = ["Conference alias with this Alias already exists: %s."
                                 % ", ".join(sorted(row[0] for row in rows))]


def _now():
    return datetime.datetime.now().replace(tzinfo=None)


def apply(resource, obj, cleaned, free=None):
    """Write ``cleaned`` (from ``clean``) onto ``obj`` and save it with its relations;
    ``free``: see free_values()."""
    if free:
        _taken(resource, cleaned, free)
    creating = obj.pk is None
    later = []
    fields = spec.fields(resource)
    for name, val in cleaned.items():
        facts = fields[name]
        kind = facts["type"]
        if kind == "related":
            if facts.get("reverse_of") or (facts["to_many"] and facts["served_target"]):
                later.append((name, val))
            elif facts["to_many"] or facts.get("embedded"):
                setattr(obj, name, None if val is None else json.dumps(val))
            else:
                setattr(obj, name, val)
        elif kind == "file":
            obj_name, size, content = val if val else ("", None, None)
            setattr(obj, name + "_name", obj_name)
            setattr(obj, name + "_size", size)
            setattr(obj, name + "_sha256", uploads.store(content) if content is not None else "")
        elif kind == "json":
            setattr(obj, name, None if val is None else json.dumps(val))
        else:
            setattr(obj, name, val)
    _stamp(resource, obj, creating)
    if creating:
        _insert(obj)
        obj._lab_new = True
    else:
        obj.save()
    for name, val in later:
        if creating and not val:
            continue  # a new object has no relations to clear
        if (resource, name) == ("conference", "aliases"):
            _replace_aliases(obj, val)
        else:
            getattr(obj, spec.orm_name(resource, name)).set(val)
    return obj


# Values Django would store unchanged: field class -> the exact Python type that
# get_db_prep_save() returns as it is (None is stored as None by every field).
_STORED_AS_IS = {models.TextField: str, models.BooleanField: bool, models.BigIntegerField: int,
                 models.FloatField: float}


def _insert_plan(model):
    """(INSERT statement, [(attname, field, type stored as is)]) of ``model``."""
    if model not in _INSERTS:
        columns = [f for f in model._meta.concrete_fields if not f.primary_key]
        for f in columns:
            # pre_save() is the attribute itself for every column the lab uses
            assert not getattr(f, "auto_now", False) and not getattr(f, "auto_now_add", False), f
        sql = 'INSERT INTO "%s" (%s) VALUES (%s)' % (
            model._meta.db_table, ", ".join('"%s"' % f.column for f in columns),
            ", ".join(["?"] * len(columns)))
        _INSERTS[model] = (sql, [(f.attname, f, _STORED_AS_IS.get(type(f))) for f in columns])
    return _INSERTS[model]


_INSERTS = {}


def _row(columns, attributes):
    """Database values of one row (``attributes``: the instance's __dict__, where a new
    instance holds every column's attribute) prepared as Model.save() prepares them."""
    db = connections[DEFAULT_DB_ALIAS]
    values = []
    for attname, field, plain in columns:
        value = attributes[attname]
        if value is not None and (plain is None or type(value) is not plain):  # pylint: disable=unidiomatic-typecheck
            value = field.get_db_prep_save(value, db)
        values.append(value)
    return values


def _insert(obj):
    """INSERT one new object with a single prepared statement (what save() does,
    minus the per-call query compilation that dominates bulk creates)."""
    model = type(obj)
    sql, columns = _insert_plan(model)
    values = _row(columns, vars(obj))
    cursor = _cursor()
    try:
        cursor.execute(sql, values)
        obj.pk = cursor.lastrowid
    finally:
        cursor.close()
    obj._state.adding = False
    obj._state.db = "default"


def _autos(resource):
    """(name, auto) of the fields the server fills in itself."""
    if resource not in _AUTOS:
        _AUTOS[resource] = [(name, facts["auto"]) for name, facts in spec.fields(resource).items()
                            if facts.get("auto")]
    return _AUTOS[resource]


_AUTOS = {}


def _new_row(model, **values):
    """The attributes of ``model(**values)`` (attribute names: conference_id for a
    relation), without building the instance: its defaults, then ``values``."""
    if model not in _DEFAULTS:
        fresh = model()
        columns = _insert_plan(model)[1]
        callable_default = any(f.has_default() and callable(f.default) for _a, f, _p in columns)
        _DEFAULTS[model] = None if callable_default else {attname: getattr(fresh, attname)
                                                          for attname, _f, _p in columns}
    template = _DEFAULTS[model]
    if template is None:
        fresh = model()
        template = {attname: getattr(fresh, attname) for attname, _f, _p in _insert_plan(model)[1]}
    row = types.SimpleNamespace(**template)
    for name, value in values.items():
        setattr(row, name, value)
    return row


_DEFAULTS = {}


def _insert_rows(resource, rows):
    """INSERT new objects given as _new_row() attributes, stamped as at creation."""
    sql, columns = _insert_plan(MODELS[resource])
    values = []
    for row in rows:
        _stamp(resource, row, creating=True)
        values.append(_row(columns, vars(row)))
    cursor = _cursor()
    try:
        cursor.executemany(sql, values)
    finally:
        cursor.close()


def _stamp(resource, obj, creating):
    for name, auto in _autos(resource):
        if auto == "now_on_save" or (auto == "now_on_create" and creating):
            setattr(obj, name, _now())
        elif auto == "uuid4" and creating:
            setattr(obj, name, str(uuid.uuid4()))
        elif auto == "uuid4_default" and creating and not getattr(obj, name):
            setattr(obj, name, str(uuid.uuid4()))
        elif auto == "client_id" and creating:
            setattr(obj, name, secrets.token_hex(20))
        elif auto == "zero" and creating:
            setattr(obj, name, 0)


def _replace_aliases(conference, wanted):
    """Make the conference's aliases exactly ``wanted``; unchanged aliases keep their id."""
    model = MODELS["conference_alias"]
    current = {}
    if not getattr(conference, "_lab_new", False):
        current = {alias.alias: alias for alias in model.objects.filter(conference=conference)}
    names = {item["alias"] for item in wanted}
    doomed = [alias.pk for name, alias in current.items() if name not in names]
    if doomed:
        model.objects.filter(pk__in=doomed).delete()
    fresh = []
    for item in wanted:
        alias = current.get(item["alias"])
        if alias is None and item["existing"] is not None:
            alias = item["existing"]
            alias.conference = conference
            alias.save(update_fields=["conference"])
        elif alias is None:
            fresh.append(_new_row(model, alias=item["alias"], description=item["description"],
                                  conference_id=conference.pk))
        elif not item["keep_description"] and alias.description != item["description"]:
            alias.description = item["description"]
            alias.save(update_fields=["description"])
    if fresh:
        _insert_rows("conference_alias", fresh)
