"""URL routes: the configuration API root, one tastypie resource per spec entry
and the platform command endpoints."""
import json

from django.urls import include, path
from tastypie.api import Api

from lab.pexip import ldap_sync, upgrades
from lab.pexip import availability, backups, certificates, node_sim, platform, spec, status
from lab.pexip.resources import build_resource


class LabApi(Api):
    """The root listing leaves out the resources made absent (lab/pexip/availability.py)."""

    def top_level(self, request, api_name=None):
        response = super().top_level(request, api_name)
        absent = availability.absent()
        if absent and response.status_code == 200:
            data = json.loads(response.content)
            for name in absent:
                data.pop(name, None)
            response.content = json.dumps(data, sort_keys=True)
        return response


api = LabApi(api_name="v1")
_BASES = dict(platform.BASES, **dict(backups.BASES, **certificates.BASES))
_BASES["upgrade_request"] = upgrades.UpgradeRequestResource
for _resource in spec.RESOURCES:
    api.register(build_resource(_resource, _BASES.get(_resource))())
# worker_vm answers creation with a deployment file; its status API and the node
# simulator live in lab/pexip/node_sim.py
api.register(node_sim.WorkerVmResource())

urlpatterns = [path("api/admin/configuration/", include(api.urls)),
               path("api/admin/status/", include(backups.status_urls())),
               path("api/admin/status/", include(node_sim.status_urls() + status.status_urls()))] + platform.urlpatterns
urlpatterns += backups.urlpatterns + certificates.urlpatterns
# before the configuration API and the platform commands: the upgrade_request sub-actions,
# command platform/upgrade with request=true, command conference/sync (their status: lab/pexip/status.py)
urlpatterns = upgrades.urlpatterns + ldap_sync.urlpatterns + urlpatterns
