"""Which configuration resources the lab Management Node answers.

By default it serves every resource of current versions plus the legacy ones
(host_system). A test can make a list of resources answer 404, as a manager
of an older version does for a resource added later, or a current one for a
resource that was removed: ``PUT /_lab/resources {"absent": [...]}`` (see
lab/README.md and ``LabControl.set_absent_resources``). ``/_lab/reset``
serves everything again.
"""
import threading

from django.http import JsonResponse

from lab.pexip import spec

PREFIX = spec.API_PREFIX
_LOCK = threading.Lock()
_ABSENT = set()


def absent():
    with _LOCK:
        return sorted(_ABSENT)


def is_absent(resource):
    return resource in _ABSENT


def set_absent(names):
    """Make ``names`` answer 404; an unknown name is a ValueError."""
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ValueError("absent must be a list of resource names")
    unknown = sorted(set(names) - set(spec.RESOURCES))
    if unknown:
        raise ValueError("not resources of the lab: %s" % ", ".join(unknown))
    with _LOCK:
        _ABSENT.clear()
        _ABSENT.update(names)
    return state()


def reset():
    with _LOCK:
        _ABSENT.clear()


def state():
    with _LOCK:
        absent_now = sorted(_ABSENT)
    return {"absent": absent_now,
            "served": [name for name in spec.RESOURCES if name not in absent_now],
            "legacy": [name for name in spec.RESOURCES if spec.is_legacy(name)]}


def control(method, body):
    """The /_lab/resources control route: (status, data)."""
    if method == "GET":
        return 200, state()
    if method == "PUT":
        if not isinstance(body, dict) or set(body) - {"absent"}:
            return 400, {"error": 'the body is {"absent": [resource names]}'}
        try:
            return 200, set_absent(body.get("absent", []))
        except ValueError as exc:
            return 400, {"error": str(exc)}
    if method == "DELETE":
        reset()
        return 200, state()
    return 405, {"error": "GET, PUT or DELETE"}


class AbsentMiddleware:
    """Answers 404 for every URI of an absent resource (list, detail, schema)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if _ABSENT and path.startswith(PREFIX):
            name = path[len(PREFIX):].split("/", 1)[0]
            if name in _ABSENT:
                return JsonResponse({"error": "Not found: %s" % path}, status=404)
        return self.get_response(request)
