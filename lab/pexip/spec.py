"""Load the project-owned field spec (spec.json) and answer questions about it."""
import json
import os

API_PREFIX = "/api/admin/configuration/v1/"
_HERE = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(_HERE, "spec.json"), encoding="utf-8") as _handle:
    SPEC = json.load(_handle)

RESOURCES = list(SPEC)


def fields(resource):
    """Field name -> facts for one resource (without id and resource_uri)."""
    return SPEC[resource]["fields"]


def is_singleton(resource):
    return bool(SPEC[resource].get("singleton"))


def is_legacy(resource):
    """Gone from current versions; served from the older facts."""
    return bool(SPEC[resource].get("legacy"))


def methods(resource):
    """(list methods, detail methods) the resource allows (from the facts)."""
    return SPEC[resource]["methods"]["list"], SPEC[resource]["methods"]["detail"]


def detail_key(resource):
    """The attribute that names an object in its detail URI ("id" for most;
    None when objects have no id field and no detail URI)."""
    return SPEC[resource].get("detail_key", "id")


def object_uri(resource, obj):
    return uri(resource, getattr(obj, detail_key(resource) or "pk"))


def model_name(resource):
    return "".join(part.capitalize() for part in resource.split("_"))


def is_served_relation(facts):
    return facts["type"] == "related" and facts.get("served_target", False)


def orm_name(resource, name):
    """Attribute name on the Django model (or reverse accessor) behind a field."""
    facts = fields(resource)[name]
    if facts["type"] == "file":
        return name + "_name"
    if facts.get("reverse_of"):
        return reverse_accessor(*facts["reverse_of"])
    return name


def reverse_accessor(resource, name):
    """related_name used on the forward side of a relation."""
    return "rev_%s_%s" % (resource, name)


def uri(resource, pk):
    return "%s%s/%s/" % (API_PREFIX, resource, pk)


def spec_digest():
    """Changes whenever the spec or the model mapping changes; used to rebuild
    an outdated database (the lab keeps no migrations)."""
    import hashlib
    digest = hashlib.sha256()
    for name in ("spec.json", os.path.join("app", "models.py")):
        with open(os.path.join(_HERE, name), "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()[:16]
