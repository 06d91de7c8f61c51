"""URL routes: the configuration API root, one tastypie resource per spec entry
and the platform command endpoints."""
from django.urls import include, path
from tastypie.api import Api

from lab.pexip import node_sim, platform, spec
from lab.pexip.resources import build_resource

api = Api(api_name="v1")
for _resource in spec.RESOURCES:
    api.register(build_resource(_resource, platform.BASES.get(_resource))())
# worker_vm answers creation with a deployment file; its status API and the node
# simulator live in lab/pexip/node_sim.py
api.register(node_sim.WorkerVmResource())

urlpatterns = [path("api/admin/configuration/", include(api.urls)),
               path("api/admin/status/", include(node_sim.status_urls()))] + platform.urlpatterns
