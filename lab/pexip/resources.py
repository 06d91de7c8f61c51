"""django-tastypie resources generated from the spec.

Tastypie provides the routing, list envelope, pagination, filtering, ordering,
status codes and bulk PATCH; the hooks below replace its field hydration with
the spec-driven validation in ``hydrate`` and its rendering with ``codec``.
"""
import datetime
import json
from io import BytesIO
from urllib.parse import urlsplit

from django.core.exceptions import MultipleObjectsReturned
from django.db import transaction
from django.db.models import QuerySet
from django.http.multipartparser import MultiPartParser
from tastypie import fields as tf
from tastypie.authentication import Authentication
from tastypie.authorization import Authorization
from tastypie.bundle import Bundle
from tastypie.constants import ALL
from tastypie.exceptions import BadRequest, ImmediateHttpResponse, NotFound
from tastypie.resources import ModelResource
from tastypie.serializers import Serializer

from lab.pexip import codec, fastlist, hydrate, profile, spec
from lab.pexip.app.models import MODELS

# limit=0 asks for max_limit objects (tastypie semantics). The real node's cap is
# not documented; the default profile allows 10000 so bulk benchmarks can read back
# in one go, the strict one stock tastypie's 1000 (lab/pexip/profile.py).
MAX_LIMIT = profile.MAX_LIMIT
# The strict profile's schema lists only these under "filtering"; tastypie answers
# 400 "The 'x' field does not allow filtering." for any other.
STRICT_FILTERS = ("id", "name")
DEFAULT_LIMIT = 20
SCALARS = ("string", "integer", "float", "boolean", "datetime")
TEXT_FILTERS = ALL  # exact, iexact, (i)contains, (i)startswith, (i)endswith, (i)regex, lt(e), gt(e), in ...
RELATED_FILTERS = ["exact", "in", "isnull"]
WRITES = ("POST", "PUT", "PATCH", "DELETE")


class RelatedField(tf.ApiField):
    """A relation as tastypie sees it (for filtering); rendering is done by ``codec``."""

    dehydrated_type = "related"
    is_related = True


# Tastypie field objects only drive filtering, ordering and read-only checks:
# full_dehydrate and build_schema below work from the spec directly.
FIELD_CLASSES = {"string": tf.CharField, "integer": tf.IntegerField, "float": tf.FloatField,
                 "boolean": tf.BooleanField,
                 "datetime": tf.DateTimeField, "file": tf.FileField, "json": tf.ApiField,
                 "related": RelatedField}


def describe(name, facts):
    """A short help text of our own for the schema endpoint."""
    kind = facts["type"]
    if kind == "related" and facts.get("embedded"):
        shape = "List of embedded %s objects {%s}." if facts["to_many"] else "Embedded %s object {%s}."
        return shape % (facts["to"], ", ".join(facts["embedded"]))
    if kind == "related":
        shape = "list of %s resource URIs" if (facts["to_many"] or facts.get("reverse_of")) else "%s resource URI"
        text = shape % facts["to"]
        if facts.get("nested"):
            text += " (nested objects on GET)"
        return text + "."
    parts = {"string": "Text", "integer": "Whole number", "float": "Number", "boolean": "True or false",
             "datetime": "Date and time", "file": "File upload (multipart)",
             "json": "JSON value"}[kind]
    if facts.get("max_length"):
        parts += ", at most %d characters" % facts["max_length"]
    if facts.get("min") is not None and facts.get("max") is not None:
        parts += ", from %d to %d" % (facts["min"], facts["max"])
    if facts.get("pattern") == "pin":
        parts += "; 4-20 digits, optional trailing '#'"
    if facts.get("pattern") == "regex":
        parts += "; a regular expression"
    if facts.get("format") == "ip":
        parts += "; an IPv4 or IPv6 address"
    render = facts.get("render")
    if render == "hash":
        parts += "; shown hashed"
    elif render == "create_response":
        parts += "; shown only in the answer to the POST that creates the object"
    elif facts.get("write_only"):
        parts += "; write-only, never shown"
    return parts + "."


class _Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Bundle):
            return o.data
        if isinstance(o, (datetime.datetime, datetime.date, datetime.time)):
            return o.isoformat()  # naive, with microseconds, like the product
        return super().default(o)


class LabSerializer(Serializer):
    """JSON only. Encodes in one pass instead of tastypie's recursive to_simple,
    which is most of the time of a 10000-object list."""

    formats = ["json"]
    content_types = {"json": "application/json"}

    def to_json(self, data, options=None):
        return json.dumps(data, cls=_Encoder, sort_keys=True)


class SpecResource(ModelResource):
    """Behaviour shared by every generated resource."""

    spec_resource = None  # the resource name in spec.json

    # -- requests ---------------------------------------------------------------
    def dispatch(self, request_type, request, **kwargs):
        if request.method in ("GET", "HEAD"):
            return super().dispatch(request_type, request, **kwargs)
        # Read the body now: tastypie parses multipart PATCH bodies itself and the
        # raw body would be gone afterwards.
        request.body  # noqa: B018
        with transaction.atomic():
            return super().dispatch(request_type, request, **kwargs)

    def deserialize(self, request, data, format=None):
        content_type = (format or "").split(";")[0].strip().lower()
        if content_type.startswith("multipart/"):
            if request.method in ("POST", "PATCH", "PUT") and hasattr(request, "_files"):
                post, files = request.POST, request.FILES
            else:
                parser = MultiPartParser(request.META, BytesIO(data), request.upload_handlers,
                                         request.encoding)
                post, files = parser.parse()
            body = {key: post.get(key) for key in post}
            body.update({key: files[key] for key in files})
            return body
        # The reference examples send JSON without a Content-Type; accept that.
        body = self._meta.serializer.from_json(data.decode("utf-8") if isinstance(data, bytes) else data)
        if not isinstance(body, dict):
            raise BadRequest("The request body must be a JSON object.")
        if request.method == "PATCH" and isinstance(body.get("objects"), list) and len(body["objects"]) > 1:
            # a bulk PATCH (in one transaction, see dispatch): its unique values checked at once
            request.lab_free = (self.spec_resource, hydrate.free_values(self.spec_resource, body["objects"]))
        return body

    def post_list(self, request, **kwargs):
        return self._absolute_location(request, super().post_list(request, **kwargs))

    def put_detail(self, request, **kwargs):
        return self._absolute_location(request, super().put_detail(request, **kwargs))

    @staticmethod
    def _absolute_location(request, response):
        if response.has_header("Location") and response["Location"].startswith("/"):
            response["Location"] = request.build_absolute_uri(response["Location"])
        return response

    # -- reading ----------------------------------------------------------------
    def full_dehydrate(self, bundle, for_list=False):
        if getattr(bundle.request, "method", None) == "PATCH" and not self._meta.always_return_data:
            # tastypie dehydrates each object a PATCH changes, then merges the data sent
            # into that; full_hydrate reads only the keys sent (lab_partial) and the answer
            # (202) has no body, so showing the object would be thrown away.
            bundle.data = {}
            return bundle
        bundle.data = codec.to_dict(self.spec_resource, bundle.obj)
        return bundle

    def get_list(self, request, **kwargs):
        """Tastypie's get_list (filters, ordering, paginator) with the page's objects
        built from database rows (lab/pexip/fastlist.py) where the resource allows."""
        base_bundle = self.build_bundle(request=request)
        objects = self.obj_get_list(bundle=base_bundle, **self.remove_api_resource_names(kwargs))
        sorted_objects = self.apply_sorting(objects, options=request.GET)
        paginator = self._meta.paginator_class(
            request.GET, sorted_objects, resource_uri=self.get_resource_uri(), limit=self._meta.limit,
            max_limit=self._meta.max_limit, collection_name=self._meta.collection_name)
        to_be_serialized = paginator.page()
        page = to_be_serialized[self._meta.collection_name]
        shown = None
        if isinstance(page, QuerySet) and type(self).full_dehydrate is SpecResource.full_dehydrate:
            shown = fastlist.page_dicts(self.spec_resource, page)
        if shown is None:
            shown = [self.full_dehydrate(self.build_bundle(obj=obj, request=request), for_list=True)
                     for obj in page]
        to_be_serialized[self._meta.collection_name] = shown
        to_be_serialized = self.alter_list_data_to_serialize(request, to_be_serialized)
        return self.create_response(request, to_be_serialized)

    def get_object_list(self, request):
        if getattr(request, "method", None) not in (None, "GET", "HEAD"):
            # a write shows no object (see full_dehydrate): fetching its relations ahead
            # would only cost a query compilation each (most of a bulk PATCH's updates)
            return MODELS[self.spec_resource].objects.all()
        select, prefetch = codec.prefetches(self.spec_resource)
        return MODELS[self.spec_resource].objects.select_related(*select).prefetch_related(*prefetch)

    def obj_get(self, bundle, **kwargs):
        """Tastypie's obj_get; a write's lookup of one object by its detail key is one
        plain SELECT (the ORM's query compilation was most of a bulk PATCH update)."""
        key = self._meta.detail_uri_name
        if getattr(bundle.request, "method", None) not in WRITES or list(kwargs) != [key]:
            return super().obj_get(bundle, **kwargs)
        model = self._meta.object_class
        field = model._meta.pk if key == "pk" else model._meta.get_field(key)
        try:
            value = field.get_prep_value(kwargs[key])
        except ValueError:
            raise NotFound("Invalid resource lookup data provided (mismatched type).") from None
        found = list(model.objects.raw('SELECT * FROM "%s" WHERE "%s" = %%s'
                                       % (model._meta.db_table, field.column), [value]))
        matched = "%s=%s" % (key, kwargs[key])
        if not found:
            raise model.DoesNotExist("Couldn't find an instance of '%s' which matched '%s'."
                                     % (model.__name__, matched))
        if len(found) > 1:
            raise MultipleObjectsReturned("More than one '%s' matched '%s'." % (model.__name__, matched))
        bundle.obj = found[0]
        self.authorized_read_detail(found, bundle)
        return bundle.obj

    def get_resource_uri(self, bundle_or_obj=None, url_name="api_dispatch_list"):
        if bundle_or_obj is None:
            return spec.API_PREFIX + self.spec_resource + "/"
        obj = getattr(bundle_or_obj, "obj", bundle_or_obj)
        return spec.object_uri(self.spec_resource, obj) if obj.pk is not None else ""

    def get_via_uri(self, uri, request=None):
        return super().get_via_uri(urlsplit(uri).path, request=request)

    def filter_value_to_python(self, value, field_name, filters, filter_expr, filter_type):
        value = super().filter_value_to_python(value, field_name, filters, filter_expr, filter_type)
        facts = spec.fields(self.spec_resource).get(field_name)
        if facts and facts["type"] == "related" and facts["served_target"]:
            target = facts["to"]

            def to_pk(item):
                if isinstance(item, str) and "/" in item:
                    item = urlsplit(item).path.rstrip("/").rsplit("/", 1)[-1]
                    if spec.detail_key(target) not in ("id", None):
                        found = MODELS[target].objects.filter(**{spec.detail_key(target): item}).first()
                        return found.pk if found is not None else -1
                return item
            value = [to_pk(v) for v in value] if isinstance(value, list) else to_pk(value)
        return value

    # -- writing ----------------------------------------------------------------
    def update_in_place(self, request, original_bundle, new_data):
        original_bundle.lab_partial = set(new_data)
        return super().update_in_place(request, original_bundle, new_data)

    def obj_create(self, bundle, **kwargs):
        # The product always allocates the id itself, even for PUT to an unknown id.
        # The fresh instance tastypie's build_bundle made is used as it is (a bulk PATCH
        # of thousands would otherwise build each instance twice).
        fresh = bundle.obj
        if (type(fresh) is not self._meta.object_class or fresh.pk is not None  # pylint: disable=unidiomatic-typecheck
                or not fresh._state.adding or getattr(fresh, "_lab_new", False)):
            bundle.obj = self._meta.object_class()
        bundle = self.full_hydrate(bundle)
        return self.save(bundle)

    def full_hydrate(self, bundle):
        partial = getattr(bundle, "lab_partial", None)
        data = bundle.data
        if partial is not None:
            data = {key: data[key] for key in partial if key in data}
        instance = bundle.obj if bundle.obj.pk is not None else None
        try:
            bundle.lab_cleaned = hydrate.clean(self.spec_resource, data, instance,
                                               partial=partial is not None, free=self._free(bundle))
            self.derive(bundle.lab_cleaned, data, instance)
        except hydrate.FieldErrors as exc:
            raise ImmediateHttpResponse(response=self.error_response(
                bundle.request, {self.spec_resource: exc.errors}))
        return bundle

    def derive(self, cleaned, data, instance):
        """Hook for resources that compute read-only fields from what was sent
        (certificates); may raise hydrate.FieldErrors. Nothing is written yet."""

    def save(self, bundle, skip_errors=False):
        hydrate.apply(self.spec_resource, bundle.obj, bundle.lab_cleaned, free=self._free(bundle))
        return bundle

    def _free(self, bundle):
        """The unique values of this bulk PATCH no row holds (hydrate.free_values), if any."""
        resource, free = getattr(bundle.request, "lab_free", (None, None))
        return free if resource == self.spec_resource else None

    # -- schema -----------------------------------------------------------------
    def build_schema(self):
        out = {
            "allowed_detail_http_methods": self._meta.detail_allowed_methods,
            "allowed_list_http_methods": self._meta.list_allowed_methods,
            "default_format": self._meta.default_format,
            "default_limit": self._meta.limit,
            "filtering": self._meta.filtering,
            "ordering": self._meta.ordering,
            "fields": {
                "resource_uri": _schema_field("string", "URI of this object.", readonly=True,
                                              default="No default provided."),
            },
        }
        if spec.detail_key(self.spec_resource) == "id":
            out["fields"]["id"] = _schema_field("integer", "Object id, allocated by the server.",
                                                readonly=True, unique=True, default="")
        for name, facts in spec.fields(self.spec_resource).items():
            entry = _schema_field(
                facts["type"], describe(name, facts), readonly=facts["readonly"],
                unique=bool(facts.get("unique")), nullable=facts["nullable"],
                blank=not facts["required"],
                default=("No default provided." if facts["required"] or facts["readonly"]
                         else facts["default"]))
            if facts.get("choices") is not None:
                entry["valid_choices"] = facts["choices"]
            if facts["type"] == "related":
                many = facts["to_many"] or bool(facts.get("reverse_of"))
                entry["related_type"] = "to_many" if many else "to_one"
            out["fields"][name] = entry
        return out


def _schema_field(kind, help_text, readonly=False, unique=False, nullable=False,
                  blank=False, default=None):
    return {"blank": blank, "default": default, "help_text": help_text,
            "nullable": nullable, "readonly": readonly, "type": kind, "unique": unique}


def build_resource(resource, base=None):
    """A SpecResource (or ``base``) subclass for one resource of the spec."""
    facts_by_name = spec.fields(resource)
    attrs = {"spec_resource": resource,
             "id": tf.IntegerField(attribute="id", readonly=True, unique=True)}
    filtering = {"id": ALL}
    ordering = ["id"]
    for name, facts in facts_by_name.items():
        cls = FIELD_CLASSES[facts["type"]]
        field = cls(attribute=spec.orm_name(resource, name), null=facts["nullable"],
                    blank=not facts["required"], readonly=facts["readonly"],
                    unique=bool(facts.get("unique")), help_text=describe(name, facts),
                    default=facts["default"] if not facts["required"] else tf.NOT_PROVIDED)
        if facts["type"] == "related":
            field.is_m2m = facts["to_many"] or bool(facts.get("reverse_of"))
            if facts["served_target"] and not facts.get("reverse_of"):
                filtering[name] = RELATED_FILTERS
        elif facts["type"] in SCALARS:
            filtering[name] = TEXT_FILTERS
            ordering.append(name)
        attrs[name] = field
    if profile.STRICT:
        filtering = dict((name, lookups) for name, lookups in filtering.items() if name in STRICT_FILTERS)
    list_methods, detail_methods = spec.methods(resource)
    meta = type("Meta", (), {
        "queryset": MODELS[resource].objects.all(),
        "resource_name": resource,
        "list_allowed_methods": list_methods,
        "detail_allowed_methods": detail_methods,
        "authentication": Authentication(),  # basic auth is enforced by the server layer
        "authorization": Authorization(),
        "serializer": LabSerializer(),
        "always_return_data": False,
        "limit": DEFAULT_LIMIT,
        "max_limit": MAX_LIMIT,
        "filtering": filtering,
        "ordering": ordering,
        "fields": ["id"] + list(facts_by_name),
        "detail_uri_name": "pk" if spec.detail_key(resource) in ("id", None) else spec.detail_key(resource),
    })
    attrs["Meta"] = meta
    return type(spec.model_name(resource) + "Resource", (base or SpecResource,), attrs)
