"""A small threaded HTTPS server that runs a WSGI app, shared by the lab servers.

Standard library only. Each connection gets its own thread and its own TLS
handshake (done in that thread, so a slow client cannot stall the others),
HTTP/1.1 keep-alive is supported, and the response body is buffered so every
answer carries a Content-Length.

On top of the app it adds what the lab needs for testing clients:
basic auth, a request log, fault injection and the ``/_lab/`` control routes
(see ``LabState`` and ``Handler``).
"""
import base64
import hmac
import io
import json
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote_to_bytes

# status: answer with an HTTP error, the app never sees the request.
# delay: hold the request `seconds`, then pass it to the app (a write commits
#   late) and answer: a client with a shorter timeout gives up before the commit.
# drop: close the connection without an answer; the app never sees the request.
# drop_after_commit: the app processes the request, then the connection is
#   closed without an answer (the answer is lost, the write is done).
# commit_after_drop: close the connection at once without an answer, then pass
#   the request to the app `seconds` later (a proxy gave up, the backend still
#   commits): the client cannot learn the outcome by waiting for the answer.
FAULT_KINDS = ("status", "delay", "drop", "drop_after_commit", "commit_after_drop")
READ_METHODS = ("GET", "HEAD", "OPTIONS")


class LabState:
    """Request log, pending faults and the write lock of one lab server."""

    def __init__(self, username, password, realm, reset=None, on_thread_end=None, routes=None,
                 open_routes=None, bearer=None, basic_refused=None):
        self.username = username
        self.password = password
        self.realm = realm
        self.reset = reset or (lambda: None)
        self.on_thread_end = on_thread_end or (lambda: None)
        # Extra /_lab/ routes of one server: "/_lab/<name>" -> handler(method, body) -> (status, data)
        self.routes = dict(routes or {})
        # Paths served without authentication: path -> handler(method, body, headers) -> (status, headers, payload)
        self.open_routes = dict(open_routes or {})
        # bearer(token) -> bool: whether an "Authorization: Bearer" token is valid (None: bearer never is)
        self.bearer = bearer
        # basic_refused() -> bool: basic auth is switched off for the API (the /_lab/ routes keep it)
        self.basic_refused = basic_refused
        self.lock = threading.Lock()
        # One writer at a time: SQLite has a single writer anyway, and it keeps
        # check-then-write validation (unique names) free of races.
        self.write_lock = threading.Lock()
        self.requests = []
        self.faults = []

    def log(self, method, path, query, status, received=None):
        """Logs one API request; `received` (time.time() when it arrived) adds its duration so far."""
        now = time.time()
        entry = {"method": method, "path": path, "query": query, "status": status, "ts": now}
        if received is not None:
            entry["received"] = received
            entry["duration"] = now - received
        with self.lock:
            self.requests.append(entry)
        return entry

    @staticmethod
    def answered(entry, received):
        """The answer's last byte is written: the duration covers sending it too."""
        entry["duration"] = time.time() - received

    def add_fault(self, spec):
        fault = parse_fault(spec)
        with self.lock:
            self.faults.append(fault)
        return fault

    def take_fault(self, method, path):
        """The first fault matching this request, used up by one count."""
        with self.lock:
            for fault in self.faults:
                if fault["method"] in ("*", method) and path.startswith(fault["path"]):
                    fault["count"] -= 1
                    if fault["count"] <= 0:
                        self.faults.remove(fault)
                    return dict(fault)
        return None


def parse_fault(spec):
    if not isinstance(spec, dict):
        raise ValueError("a fault is a JSON object")
    kind = spec.get("kind", "status")
    if kind not in FAULT_KINDS:
        raise ValueError("kind must be one of %s" % ", ".join(FAULT_KINDS))
    fault = {"method": str(spec.get("method", "*")).upper(), "path": str(spec.get("path", "/")),
             "kind": kind, "count": int(spec.get("count", 1)),
             "status": int(spec.get("status", 503)), "seconds": float(spec.get("seconds", 1.0)),
             "retry_after": spec.get("retry_after")}
    if fault["count"] < 1:
        raise ValueError("count must be at least 1")
    return fault


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "UcopsLab/1.0"
    # An idle keep-alive connection is closed after this many seconds.
    timeout = 120

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except (ConnectionError, ssl.SSLError, socket.timeout, OSError):
            self.close_connection = True

    def _dispatch(self):
        received = time.time()
        state = self.server.state
        method = self.command
        path, _sep, query = self.path.partition("?")
        body = self._read_body()
        open_route = state.open_routes.get(path)
        if open_route is None and not self._authorized(path):
            if not path.startswith("/_lab/"):
                state.log(method, path, query, 401)
            return self._send(401, [("WWW-Authenticate", 'Basic realm="%s"' % state.realm),
                                    ("Content-Type", "application/json")],
                              b'{"error": "Authentication required."}')
        if path.startswith("/_lab/"):
            return self._control(method, path, body)
        fault = state.take_fault(method, path)
        if fault and fault["kind"] == "status":
            headers = [("Content-Type", "application/json")]
            if fault["retry_after"] is not None:
                headers.append(("Retry-After", str(fault["retry_after"])))
            payload = json.dumps({"error": "Injected fault: HTTP %d." % fault["status"]})
            state.log(method, path, query, fault["status"])
            return self._send(fault["status"], headers, payload.encode())
        if fault and fault["kind"] == "delay":
            time.sleep(fault["seconds"])
        if fault and fault["kind"] == "drop":
            state.log(method, path, query, None)
            return self._drop()
        if fault and fault["kind"] == "commit_after_drop":
            self._drop()
            time.sleep(fault["seconds"])
            status, _headers, _payload = self._answer(open_route, method, path, query, body)
            state.log(method, path, query, status)
            return None
        status, headers, payload = self._answer(open_route, method, path, query, body)
        entry = state.log(method, path, query, status, received)
        if fault and fault["kind"] == "drop_after_commit":
            return self._drop()
        try:
            return self._send(status, headers, payload)
        finally:
            state.answered(entry, received)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _dispatch

    # -- plumbing ---------------------------------------------------------------
    def _read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _answer(self, open_route, method, path, query, body):
        if open_route is not None:
            lock = self.server.state.write_lock if method not in READ_METHODS else None
            if lock:
                lock.acquire()
            try:
                return open_route(method, body, self.headers)
            finally:
                if lock:
                    lock.release()
        return self._run_app(method, path, query, body)

    def _authorized(self, path):
        state = self.server.state
        header = self.headers.get("Authorization", "")
        if header.lower().startswith("bearer ") and state.bearer is not None and not path.startswith("/_lab/"):
            return bool(state.bearer(header[7:].strip()))
        if not header.lower().startswith("basic "):
            return False
        try:
            user, _sep, password = base64.b64decode(header[6:].strip()).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        if not (hmac.compare_digest(user.encode(), state.username.encode())
                and hmac.compare_digest(password.encode(), state.password.encode())):
            return False
        return path.startswith("/_lab/") or state.basic_refused is None or not state.basic_refused()

    def _send(self, status, headers, payload):
        self.send_response(status)
        for name, value in headers:
            if name.lower() in ("content-length", "connection", "server", "date"):
                continue
            self.send_header(name, value)
        if status not in (204, 304):
            self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD" and status not in (204, 304):
            self.wfile.write(payload)
        self.wfile.flush()

    def _drop(self):
        """Close the connection without sending a single byte of response."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        except OSError:
            pass
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _run_app(self, method, path, query, body):
        environ = {
            "REQUEST_METHOD": method, "SCRIPT_NAME": "",
            "PATH_INFO": unquote_to_bytes(path).decode("latin-1"), "QUERY_STRING": query,
            "SERVER_NAME": self.server.server_address[0], "SERVER_PORT": str(self.server.server_address[1]),
            "SERVER_PROTOCOL": self.request_version, "REMOTE_ADDR": self.client_address[0],
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.version": (1, 0), "wsgi.url_scheme": "https", "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr, "wsgi.multithread": True, "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        for name, value in self.headers.items():
            key = name.upper().replace("-", "_")
            if key == "CONTENT_TYPE":
                environ["CONTENT_TYPE"] = value
            elif key not in ("CONTENT_LENGTH", "AUTHORIZATION"):
                environ["HTTP_" + key] = value
        captured = {}

        def start_response(status, headers, exc_info=None):
            captured["status"] = int(status.split(" ", 1)[0])
            captured["headers"] = headers

        lock = self.server.state.write_lock if method not in READ_METHODS else None
        if lock:
            lock.acquire()
        try:
            result = self.server.app(environ, start_response)
            try:
                payload = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        finally:
            if lock:
                lock.release()
        return captured["status"], captured["headers"], payload

    # -- /_lab/ -------------------------------------------------------------------
    def _control(self, method, path, body):
        state = self.server.state
        route = path.rstrip("/")
        if route == "/_lab/requests" and method == "GET":
            with state.lock:
                return self._json(200, list(state.requests))
        if route == "/_lab/requests" and method == "DELETE":
            with state.lock:
                state.requests.clear()
            return self._send(204, [], b"")
        if route == "/_lab/faults" and method == "GET":
            with state.lock:
                return self._json(200, list(state.faults))
        if route == "/_lab/faults" and method == "POST":
            try:
                return self._json(201, state.add_fault(json.loads(body or b"{}")))
            except (ValueError, TypeError) as exc:
                return self._json(400, {"error": str(exc)})
        if route == "/_lab/faults" and method == "DELETE":
            with state.lock:
                state.faults.clear()
            return self._send(204, [], b"")
        if route == "/_lab/reset" and method == "POST":
            with state.write_lock:
                state.reset()
            return self._send(204, [], b"")
        if route in state.routes:
            try:
                parsed = json.loads(body) if body else None
            except ValueError as exc:
                return self._json(400, {"error": "the body is not JSON: %s" % exc})
            with state.write_lock:
                status, data = state.routes[route](method, parsed)
            return self._json(status, data)
        return self._json(404, {"error": "No lab control route %s %s." % (method, path)})

    def _json(self, status, data):
        return self._send(status, [("Content-Type", "application/json")], json.dumps(data).encode())


class LabHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self, address, app, state, certfile, keyfile):
        self.app = app
        self.state = state
        self.ssl_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ssl_context.load_cert_chain(certfile, keyfile)
        super().__init__(address, Handler)

    def finish_request(self, request, client_address):
        try:
            request.settimeout(Handler.timeout)
            # Headers and body go out as separate writes; without this, Nagle's
            # algorithm plus delayed ACKs add ~40 ms to every small response.
            request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                tls = self.ssl_context.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError):
                return
            self.RequestHandlerClass(tls, client_address, self)
        finally:
            self.state.on_thread_end()


def serve(app, state, host, port, certfile, keyfile):
    """Serve until SIGTERM/SIGINT."""
    import signal
    server = LabHTTPServer((host, port), app, state, certfile, keyfile)

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
