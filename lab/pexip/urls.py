"""URL routes: the configuration API root, one tastypie resource per spec entry
and the platform command endpoints."""
from django.urls import include, path
from tastypie.api import Api

from lab.pexip import platform, spec
from lab.pexip.resources import build_resource

api = Api(api_name="v1")
for _resource in spec.RESOURCES:
    api.register(build_resource(_resource, platform.BASES.get(_resource))())

urlpatterns = [path("api/admin/configuration/", include(api.urls))] + platform.urlpatterns
