"""A requests.Session stand-in for the Kazoo client unit tests."""
import json


class FakeResponse(object):
    def __init__(self, status, body):
        self.status_code = status
        self._body = body
        self.text = json.dumps(body) if body is not None else ''

    def json(self):
        if self._body is None:
            raise ValueError('no json')
        return self._body


def envelope(data, status=200, **extra):
    body = {'data': data, 'status': 'success' if status < 400 else 'error', 'auth_token': 'TOKEN-IN-BODY',
            'request_id': 'r', 'node': 'n', 'timestamp': 't', 'version': '4.3'}
    if status >= 400:
        body['error'] = str(status)
    body.update(extra)
    return FakeResponse(status, body)


class FakeSession(object):
    """Answers from a list of (method, path-prefix, response or callable) rules, first match used once."""

    verify = True

    def __init__(self):
        self.rules = []
        self.calls = []

    def add(self, method, path, response, times=1):
        self.rules.append([method, path, response, times])

    def request(self, method, url, **kwargs):
        path = url.split('://', 1)[1]
        path = path[path.index('/'):]
        self.calls.append(dict(method=method, path=path, **kwargs))
        for rule in self.rules:
            if rule[0] == method and path.startswith(rule[1]) and rule[3] != 0:
                rule[3] -= 1
                resp = rule[2]
                return resp(method, path, kwargs) if callable(resp) else resp
        raise AssertionError('unexpected request %s %s' % (method, path))
