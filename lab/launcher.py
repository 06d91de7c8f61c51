"""Start, stop and inspect the lab servers (``python -m lab up|down|status``).

Every server is an entry of ``SERVERS``: a module run as
``python -m <module> --host H --port P --cert C --key K --state-dir D`` with its
credentials in the environment. The launcher keeps pid files and logs in
``.lab/`` and writes ``.lab/env`` (shell ``export`` lines) once all servers
answer. Generated secrets are stored once in ``.lab/secrets.json`` and reused.
"""
import contextlib
import fcntl
import http.client
import json
import os
import secrets
import shlex
import signal
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Dict

from lab import certs

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# LAB_STATE_DIR runs a second, private lab (the lab's own tests do that);
# LAB_SERVERS=pexip,kazoo limits which servers start.
STATE = os.path.abspath(os.environ.get("LAB_STATE_DIR") or os.path.join(ROOT, ".lab"))
HOST = "127.0.0.1"
START_TIMEOUT = 60


@dataclass
class ServerDef:
    name: str
    module: str
    port_env: str
    default_port: int
    # Builds the exported variables from (url, ca_path, secrets); the same
    # variables are given to the server process as its credentials.
    env: Callable[[str, str, Dict[str, str]], Dict[str, str]]
    enabled: Callable[[], bool] = field(default=lambda: True)

    @property
    def port(self):
        """The port of the running server (recorded at start), else the configured one."""
        try:
            with open(self.port_file()) as handle:
                recorded = int(handle.read().strip())
            if _alive(self):
                return recorded
        except (OSError, ValueError):
            pass
        return self.configured_port

    @property
    def configured_port(self):
        return int(os.environ.get(self.port_env, self.default_port))

    @property
    def url(self):
        return "https://%s:%d" % (HOST, self.port)

    def pid_file(self):
        return os.path.join(STATE, self.name + ".pid")

    def port_file(self):
        return os.path.join(STATE, self.name + ".port")

    def log_file(self):
        return os.path.join(STATE, self.name + ".log")


def _pexip_env(url, ca_path, secret):
    return {"PEXIP_URL": url, "PEXIP_USERNAME": "admin",
            "PEXIP_PASSWORD": secret["pexip_password"], "PEXIP_CA_PATH": ca_path,
            "PEXIP_OAUTH2_CLIENT_ID": secret["pexip_oauth2_client_id"],
            "PEXIP_OAUTH2_PRIVATE_KEY": pexip_oauth2_key(),
            "LAB_PEXIP_PROFILE": pexip_profile()}


PEXIP_PROFILES = ("default", "strict")


def pexip_profile():
    """The Pexip lab profile asked for (LAB_PEXIP_PROFILE, see lab/pexip/profile.py)."""
    return (os.environ.get("LAB_PEXIP_PROFILE") or "default").strip().lower()


def _profile_file():
    return os.path.join(STATE, "pexip.profile")


def _running_profile():
    try:
        with open(_profile_file()) as handle:
            return handle.read().strip() or "default"
    except OSError:
        return "default"


def pexip_oauth2_key():
    """The path of the EC P-256 private key of the lab's OAuth2 client (made once, mode 0600)."""
    path = os.path.join(STATE, "pexip-oauth2-key.pem")
    if not os.path.exists(path):
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pem)
    os.chmod(path, 0o600)
    return path


# --- Kazoo Crossbar lab (lab/kazoo/, owned by the Kazoo lab engineer) ---------
# Enabled as soon as lab/kazoo/server.py exists; adjust the variables here.
def _kazoo_env(url, ca_path, secret):
    return {"KAZOO_URL": url, "KAZOO_USERNAME": "admin",
            "KAZOO_PASSWORD": secret["kazoo_password"],
            "KAZOO_ACCOUNT_NAME": "ucops-lab", "KAZOO_API_KEY": secret["kazoo_api_key"],
            "KAZOO_CA_PATH": ca_path}


SERVERS = [
    ServerDef("pexip", "lab.pexip.server", "LAB_PEXIP_PORT", 9443, _pexip_env),
    ServerDef("kazoo", "lab.kazoo.server", "LAB_KAZOO_PORT", 9800, _kazoo_env,
              enabled=lambda: os.path.exists(os.path.join(ROOT, "lab", "kazoo", "server.py"))),
]
# ------------------------------------------------------------------------------

SECRET_MAKERS = {
    "pexip_password": lambda: secrets.token_urlsafe(18),
    "kazoo_password": lambda: secrets.token_urlsafe(18),
    "kazoo_api_key": lambda: secrets.token_hex(32),
    # the client_id of the lab's OAuth2 client (its key: pexip_oauth2_key())
    "pexip_oauth2_client_id": lambda: secrets.token_hex(20),
}


def load_secrets():
    path = os.path.join(STATE, "secrets.json")
    data = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    missing = [name for name in SECRET_MAKERS if name not in data]
    if missing:
        for name in missing:
            data[name] = SECRET_MAKERS[name]()
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1)
        os.chmod(path, 0o600)
    return data


def _read_pid(server):
    try:
        with open(server.pid_file()) as handle:
            return int(handle.read().strip())
    except (OSError, ValueError):
        return None


def _alive(server):
    """Pid of the running server process, or None (checks the command line too)."""
    pid = _read_pid(server)
    if pid is None:
        return None
    try:
        os.kill(pid, 0)
        with open("/proc/%d/cmdline" % pid, "rb") as handle:
            if server.module.encode() not in handle.read():
                return None
    except (OSError, PermissionError):
        return None
    return pid


def _answers(server, ca_path):
    context = ssl.create_default_context(cafile=ca_path)
    try:
        conn = http.client.HTTPSConnection(HOST, server.port, context=context, timeout=2)
        conn.request("GET", "/")
        conn.getresponse().read()
        conn.close()
        return True
    except (OSError, ssl.SSLError, http.client.HTTPException):
        return False


def _start(server, paths, secret):
    env = dict(os.environ)
    state_dir = os.path.join(STATE, server.name)
    os.makedirs(state_dir, exist_ok=True)
    port = server.configured_port
    env.update(server.env("https://%s:%d" % (HOST, port), paths["ca"], secret))
    command = [sys.executable, "-m", server.module, "--host", HOST, "--port", str(port),
               "--cert", paths["cert"], "--key", paths["key"], "--state-dir", state_dir]
    with open(server.log_file(), "ab") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    with open(server.port_file(), "w") as handle:
        handle.write("%d\n" % port)
    with open(server.pid_file(), "w") as handle:
        handle.write("%d\n" % process.pid)
    return process


def _tail(path, offset=0, lines=30):
    """The last lines written to ``path`` after ``offset``."""
    try:
        with open(path, errors="replace") as handle:
            handle.seek(offset)
            return "".join(handle.readlines()[-lines:])
    except OSError:
        return ""


def _log_size(server):
    try:
        return os.path.getsize(server.log_file())
    except OSError:
        return 0


@contextlib.contextmanager
def _exclusive():
    """Serialise up/down: test suites of several people may call ``up`` at once."""
    os.makedirs(STATE, exist_ok=True)
    with open(os.path.join(STATE, "launcher.lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_env(servers, paths, secret):
    lines = []
    for server in servers:
        for name, value in server.env(server.url, paths["ca"], secret).items():
            lines.append("export %s=%s" % (name, shlex.quote(value)))
    path = os.path.join(STATE, "env")
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)
    return path


def selected_servers():
    wanted = [name for name in os.environ.get("LAB_SERVERS", "").split(",") if name]
    return [server for server in SERVERS
            if server.enabled() and (not wanted or server.name in wanted)]


def up():
    with _exclusive():
        return _up()


def _up():
    if pexip_profile() not in PEXIP_PROFILES:
        print("LAB_PEXIP_PROFILE must be one of %s, got %r" % (", ".join(PEXIP_PROFILES), pexip_profile()),
              file=sys.stderr)
        return 2
    paths = certs.ensure(STATE)
    secret = load_secrets()
    servers = selected_servers()
    started, offsets = {}, {}
    for server in servers:
        if server.name == "pexip" and _alive(server) and _running_profile() != pexip_profile():
            print("pexip: running with LAB_PEXIP_PROFILE=%s, asked for %s: stop it first (python -m lab down, "
                  "or another LAB_STATE_DIR)" % (_running_profile(), pexip_profile()), file=sys.stderr)
            return 1
        if _alive(server) and _answers(server, paths["ca"]):
            print("%s: already running at %s" % (server.name, server.url))
            continue
        if _alive(server):
            started[server.name] = None  # starting up already; just wait for it
            continue
        offsets[server.name] = _log_size(server)
        if server.name == "pexip":
            with open(_profile_file(), "w") as handle:
                handle.write(pexip_profile() + "\n")
        started[server.name] = _start(server, paths, secret)
    deadline = time.time() + START_TIMEOUT
    for server in servers:
        if server.name not in started:
            continue
        process = started[server.name]
        while not _answers(server, paths["ca"]):
            if (process is not None and process.poll() is not None) or time.time() > deadline:
                print("%s: failed to start; log %s:\n%s" % (
                    server.name, server.log_file(),
                    _tail(server.log_file(), offsets.get(server.name, 0))), file=sys.stderr)
                return 1
            time.sleep(0.1)
        print("%s: started at %s (pid %d)" % (server.name, server.url, _alive(server) or 0))
    env_path = write_env(servers, paths, secret)
    print("environment written to %s" % env_path)
    return 0


def down():
    with _exclusive():
        return _down()


def _down():
    for server in SERVERS:
        pid = _alive(server)
        if pid:
            os.kill(pid, signal.SIGTERM)
            for _attempt in range(100):
                if _alive(server) is None:
                    break
                time.sleep(0.1)
            else:
                os.kill(pid, signal.SIGKILL)
            print("%s: stopped (pid %d)" % (server.name, pid))
        for path in (server.pid_file(), server.port_file()):
            if os.path.exists(path):
                os.remove(path)
    return 0


def status():
    ca_path = os.path.join(STATE, certs.CA_CERT)
    code = 0
    for server in selected_servers():
        pid = _alive(server)
        if pid and _answers(server, ca_path):
            print("%s: running at %s (pid %d)" % (server.name, server.url, pid))
        else:
            print("%s: stopped" % server.name)
            code = 3
    return code


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    commands = {"up": up, "down": down, "status": status}
    if len(argv) != 1 or argv[0] not in commands:
        print("usage: python -m lab up|down|status", file=sys.stderr)
        return 2
    return commands[argv[0]]()
