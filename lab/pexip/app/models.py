"""Django models generated from spec.json, one per served resource.

Storage choices: text columns for strings (lengths are checked by the API
layer, as the product does, not by SQLite), foreign keys and many-to-many
tables for relations between served resources, and a URI string (or a JSON
list of URIs) for relations to resources the lab does not serve.
"""
from django.db import models

from lab.pexip import spec

APP = "pexiplab"


def _column(resource, name, facts):
    kind = facts["type"]
    if kind == "string":
        # Unique fields get an index: the API checks them before writing (blank
        # values are not checked, so the index itself is not unique), and the
        # index keeps that check fast on large tables.
        return models.TextField(null=facts["nullable"], db_index=bool(facts.get("unique")),
                                default=facts["default"] if facts["default"] is not None else None)
    if kind == "integer":
        return models.BigIntegerField(null=True)
    if kind == "float":
        return models.FloatField(null=True)
    if kind == "boolean":
        return models.BooleanField(null=facts["nullable"], default=facts["default"] if facts["default"] is not None else None)
    if kind == "datetime":
        return models.DateTimeField(null=True)
    if kind == "json":
        return models.TextField(null=True)
    raise ValueError(kind)


def _relation(resource, name, facts):
    target = "%s.%s" % (APP, spec.model_name(facts["to"]))
    related_name = spec.reverse_accessor(resource, name)
    if facts["to_many"]:
        return models.ManyToManyField(target, related_name=related_name)
    on_delete = models.CASCADE if facts["required"] else models.SET_NULL
    return models.ForeignKey(target, null=not facts["required"], on_delete=on_delete,
                             related_name=related_name)


def _build(resource):
    attrs = {"__module__": __name__,
             "Meta": type("Meta", (), {"app_label": APP, "ordering": ["id"],
                                       "db_table": "pexip_%s" % resource})}
    for name, facts in spec.fields(resource).items():
        kind = facts["type"]
        if kind == "related":
            if facts.get("reverse_of"):
                continue
            if facts["served_target"]:
                attrs[name] = _relation(resource, name, facts)
            else:
                attrs[name] = models.TextField(null=True)
        elif kind == "file":
            attrs[name + "_name"] = models.TextField(default="")
            attrs[name + "_size"] = models.BigIntegerField(null=True)
            # SHA-256 of the stored bytes (the file itself is in <state dir>/uploads/)
            attrs[name + "_sha256"] = models.TextField(default="")
        else:
            attrs[name] = _column(resource, name, facts)
    return type(spec.model_name(resource), (models.Model,), attrs)


MODELS = {resource: _build(resource) for resource in spec.RESOURCES}
globals().update({model.__name__: model for model in MODELS.values()})
