"""Turn stored objects into the dictionaries the API returns."""
import json

from lab.pexip import spec


def value(resource, obj, name, nested_ok=True):
    """The API value of one field of ``obj``."""
    facts = spec.fields(resource)[name]
    kind = facts["type"]
    if kind == "file":
        return None  # write-only: the product never returns an uploaded package
    if facts.get("render") == "blank":
        return ""
    if kind == "json":
        raw = getattr(obj, name)
        return json.loads(raw) if raw else None
    if kind != "related":
        return getattr(obj, name)
    if not facts["served_target"]:
        # also embedded values (disabled codecs), stored as the objects sent
        raw = getattr(obj, name)
        if facts["to_many"]:
            return json.loads(raw) if raw else []
        return raw
    target = facts["to"]
    nested = facts.get("nested") and nested_ok
    if facts["to_many"] or facts.get("reverse_of"):
        items = getattr(obj, spec.orm_name(resource, name)).all()
        if nested:
            keys = facts.get("nested_keys")
            return [to_dict(target, item, keys, nested_ok=False) for item in items]
        return [spec.uri(target, item.pk) for item in items]
    pk = getattr(obj, name + "_id")
    if pk is None:
        return None
    if nested:
        return to_dict(target, getattr(obj, name), facts.get("nested_keys"), nested_ok=False)
    return spec.uri(target, pk)


def to_dict(resource, obj, keys=None, nested_ok=True):
    """All fields (or just ``keys``) of ``obj`` as the API shows them."""
    if keys is None:
        keys = ["resource_uri"] + [name for name, facts in spec.fields(resource).items()
                                   if facts.get("render") != "omit"]
        if spec.detail_key(resource) == "id":
            keys.append("id")
    out = {}
    for name in sorted(keys):
        if name == "id":
            out[name] = obj.pk
        elif name == "resource_uri":
            out[name] = spec.object_uri(resource, obj)
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
