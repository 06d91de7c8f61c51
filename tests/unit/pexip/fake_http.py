"""A stand-in for requests.Session that answers from a script of routes.

The client's two sessions are replaced by one FakeSession; every request is
recorded so tests can assert exactly what would have gone over the wire.
"""

import json

import requests


class FakeResponse:
    def __init__(self, status=200, body=None, headers=None, text=None):
        self.status_code = status
        self.headers = requests.structures.CaseInsensitiveDict(headers or {})
        if text is not None:
            self.text = text
        else:
            self.text = '' if body is None else json.dumps(body)
        self.content = self.text.encode()
        self.reason = 'reason'

    def json(self):
        return json.loads(self.text)


class FakeSession:
    """Routes are (method, path) -> list of answers, consumed in order (last one repeats)."""

    verify = True

    def __init__(self):
        self.routes = {}
        self.calls = []

    def add(self, method, path, *answers):
        self.routes.setdefault((method, path), []).extend(answers)

    def request(self, method, url, params=None, data=None, **kwargs):
        path = url.split('://', 1)[-1]
        path = path[path.index('/'):] if '/' in path else '/'
        query = None
        if '?' in path:
            path, query = path.split('?', 1)
        self.calls.append({'method': method, 'path': path, 'params': params, 'query': query,
                           'data': json.loads(data) if isinstance(data, str) else data})
        answers = self.routes.get((method, path))
        if not answers:
            return FakeResponse(404, {'error': 'no route for %s %s' % (method, path)})
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def writes(self):
        return [call for call in self.calls if call['method'] not in ('GET', 'HEAD')]


def listing(objects, next_path=None):
    return FakeResponse(200, {'meta': {'limit': 500, 'offset': 0, 'next': next_path, 'previous': None,
                                       'total_count': len(objects)}, 'objects': objects})
