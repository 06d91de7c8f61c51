"""Turn stored objects into the dictionaries the API returns."""
import hashlib
import json

from lab.pexip import profile, spec

# How GET shows a field (spec "render"): "omit" leaves a write-only field out,
# "blank" shows it as "", "hash" shows a stable hash of the value (never the
# value), "create_response" leaves it out except in the answer to the POST
# that created the object.
HIDDEN_RENDERS = ("omit", "create_response")
# Nested objects the strict profile shows with an empty resource_uri, as the
# product does for a conference's automatic participants (reference NOTES).
EMBEDDED_WITHOUT_URI = ("automatic_participant",)


def secret_hash(value, salt):
    """A stable SHA-512-crypt-shaped hash of a secret: the same value and salt give the same text."""
    return "$6$%s$%s" % (salt, hashlib.sha512((salt + value).encode("utf-8")).hexdigest()[:86])


def value(resource, obj, name, nested_ok=True):
    """The API value of one field of ``obj``."""
    facts = spec.fields(resource)[name]
    kind = facts["type"]
    render = facts.get("render")
    if kind == "file":
        return None  # write-only: the product never returns an uploaded file
    if render == "blank":
        return ""
    if render == "hash":
        raw = getattr(obj, name)
        return secret_hash(raw, str(obj.pk)) if raw else raw
    if kind == "json":
        raw = getattr(obj, name)
        return json.loads(raw) if raw else None
    if kind != "related":
        return getattr(obj, name)
    if not facts["served_target"]:
        # embedded values (disabled codecs, event names, version info), stored as JSON
        raw = getattr(obj, name)
        if facts["to_many"]:
            return json.loads(raw) if raw else []
        return json.loads(raw) if raw else None
    target = facts["to"]
    nested = facts.get("nested") and nested_ok
    if facts["to_many"] or facts.get("reverse_of"):
        items = getattr(obj, spec.orm_name(resource, name)).all()
        if nested:
            keys = facts.get("nested_keys")
            shown = [to_dict(target, item, keys, nested_ok=False) for item in items]
            if profile.STRICT and target in EMBEDDED_WITHOUT_URI:
                for entry in shown:
                    if "resource_uri" in entry:
                        entry["resource_uri"] = ""
            return shown
        return [spec.object_uri(target, item) for item in items]
    pk = getattr(obj, name + "_id")
    if pk is None:
        return None
    if nested:
        return to_dict(target, getattr(obj, name), facts.get("nested_keys"), nested_ok=False)
    if spec.detail_key(target) != "id":
        return spec.object_uri(target, getattr(obj, name))
    return spec.uri(target, pk)


def to_dict(resource, obj, keys=None, nested_ok=True, created=False):
    """All fields (or just ``keys``) of ``obj`` as the API shows them; ``created``:
    the answer to the POST that made it (shows "create_response" fields)."""
    if keys is None:
        keys = ["resource_uri"] + [name for name, facts in spec.fields(resource).items()
                                   if facts.get("render") not in HIDDEN_RENDERS
                                   or (created and facts.get("render") == "create_response")]
        if spec.detail_key(resource) == "id":
            keys.append("id")
    out = {}
    for name in sorted(keys):
        if name == "id":
            out[name] = obj.pk
        elif name == "resource_uri":
            out[name] = spec.object_uri(resource, obj)
        elif created and spec.fields(resource)[name].get("render") == "create_response":
            out[name] = getattr(obj, name)
        else:
            out[name] = value(resource, obj, name, nested_ok)
    return out


def prefetches(resource):
    """select_related / prefetch_related arguments that avoid one query per row."""
    select, prefetch = [], []
    for name, facts in spec.fields(resource).items():
        if not spec.is_served_relation(facts):
            continue
        attr = spec.orm_name(resource, name)
        if facts["to_many"] or facts.get("reverse_of"):
            prefetch.append(attr)
            if facts.get("nested"):
                for sub, subfacts in spec.fields(facts["to"]).items():
                    if spec.is_served_relation(subfacts) and (subfacts["to_many"] or subfacts.get("reverse_of")):
                        prefetch.append(attr + "__" + spec.orm_name(facts["to"], sub))
        elif facts.get("nested"):
            select.append(attr)
    return select, prefetch
