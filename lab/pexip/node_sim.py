"""Conferencing Nodes in the lab: the worker_vm resource, its status API and a node simulator.

* ``WorkerVmResource`` is the generated worker_vm resource with the product's
  deployment behaviour: a POST answers 201 + Location with the deployment file
  (an OVA-shaped tar archive for MANUAL, MANUAL-ESXI4, MANUAL-HYPERV2012; an XML
  provisioning document for MANUAL-PROVISION-ONLY; nothing for VMWARE). GET
  never shows ``password`` or ``deployment_type`` and shows the SNMPv3
  passwords hashed (the spec's render rules, applied by codec). ``host_password`` and the other VMware-only values are
  checked but not stored.
* ``status_urls`` serves ``/api/admin/status/v1/worker_vm/`` (list and detail),
  one entry per node, joined to the configuration by ``configuration_id`` (the
  status ids differ from the configuration ids on purpose).
* A node whose address is on loopback (127.0.0.0/8) gets a TLS listener on
  ``<address>:8443`` (certificate for that address from the lab CA) that
  accepts ``POST /configuration/bootstrap/`` with its provisioning document.

Timeline of a node (``LAB_PEXIP_NODE_SYNC_SECONDS``, default 2): VMWARE and the
OVA types report SYNCED that many seconds after creation (the lab stands in for
the hypervisor and the admin who imports the OVA); MANUAL-PROVISION-ONLY nodes
only after their bootstrap, plus the same delay. Until then they have never
been contacted. What the simulator knows of each node is kept in the state dir
(``nodes.json``), so after a lab restart the nodes report as before (``restore``
starts their provisioning endpoints again). Calls on a node (lab/pexip/calls.py)
make its ``media_load``, ``media_tokens_used`` and ``signaling_count``.
"""
import datetime
import hashlib
import io
import ipaddress
import json
import os
import secrets
import ssl
import sys
import tarfile
import threading
import time
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from django.http import HttpResponse, JsonResponse
from django.urls import path

from lab.pexip import calls, livestate, profile, spec, status, timing
from lab.pexip.app.models import MODELS
from lab.pexip.resources import build_resource

DEPLOYMENT_TYPES = ["VMWARE", "MANUAL", "MANUAL-ESXI4", "MANUAL-HYPERV2012", "MANUAL-PROVISION-ONLY"]
OVA_TYPES = {"MANUAL", "MANUAL-ESXI4", "MANUAL-HYPERV2012"}
DEFAULT_DEPLOYMENT = "MANUAL-PROVISION-ONLY"
VMWARE_REQUIRED = ("host", "host_username", "host_password")
STATUS_PREFIX = "/api/admin/status/v1/worker_vm/"
STATUS_ID_OFFSET = 1000
BOOTSTRAP_PORT = 8443
LAB_VERSION = "36.0.0 (lab)"
DOC_NS = "urn:ucops-lab:pexip:provisioning:1"


def sync_delay():
    return timing.seconds("node_sync")


class Registry:
    """What the lab knows about each node beyond its configuration row, kept in the
    state dir (lab/pexip/livestate.py) so that nodes survive a lab restart."""

    def __init__(self):
        self.store = livestate.Store("nodes.json", dict)  # str(configuration id) -> dict
        self.lock = self.store.lock
        self.listeners = {}  # address -> server

    @property
    def nodes(self):
        return self.store.data

    def add(self, config_id, **facts):
        with self.lock:
            self.nodes[str(config_id)] = dict(facts, created=time.time(), bootstrapped=None)
            self.store.save()

    def get(self, config_id):
        with self.lock:
            entry = self.nodes.get(str(config_id))
            return dict(entry) if entry else None

    def by_token(self, token):
        with self.lock:
            for config_id, entry in self.nodes.items():
                if entry.get("token") == token:
                    return int(config_id), entry
        return None, None

    def mark_bootstrapped(self, config_id):
        with self.lock:
            self.nodes[str(config_id)]["bootstrapped"] = time.time()
            self.store.save()

    def restore(self):
        """After a restart: the provisioning endpoints of the nodes known from before."""
        with self.lock:
            addresses = [entry["address"] for entry in self.nodes.values()
                         if entry.get("deployment") == "MANUAL-PROVISION-ONLY"]
        for address in addresses:
            ensure_listener(address)


REGISTRY = Registry()


def _hash(value, salt="lab"):
    return "$6$%s$%s" % (salt, hashlib.sha512((salt + value).encode()).hexdigest()[:86])


def _now_iso(ts):
    return datetime.datetime.fromtimestamp(ts).replace(microsecond=0).isoformat() if ts else None


# -- the configuration resource ----------------------------------------------------------
class WorkerVmResource(build_resource("worker_vm")):
    """worker_vm with the product's deployment answers and hidden fields."""

    def post_list(self, request, **kwargs):
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            data = None
        deployment = DEFAULT_DEPLOYMENT
        if isinstance(data, dict):
            deployment = data.get("deployment_type") or DEFAULT_DEPLOYMENT
            errors = {}
            if deployment not in DEPLOYMENT_TYPES:
                errors["deployment_type"] = ["Value %r is not a valid choice." % (deployment,)]
            elif deployment == "VMWARE":
                for name in VMWARE_REQUIRED:
                    if data.get(name) in (None, ""):
                        errors[name] = ["This field is required for a VMWARE deployment."]
            if errors:
                return JsonResponse({"worker_vm": errors}, status=400)
        response = super().post_list(request, **kwargs)
        if response.status_code != 201:
            return response
        config_id = int(urlsplit(response["Location"]).path.rstrip("/").rsplit("/", 1)[-1])
        node = MODELS["worker_vm"].objects.get(pk=config_id)
        token = secrets.token_hex(16)
        REGISTRY.add(config_id, token=token, deployment=deployment, address=node.address,
                     name=node.name)
        manager = request.build_absolute_uri("/").rstrip("/")
        if deployment == "MANUAL-PROVISION-ONLY":
            response.content = provisioning_document(node, token, manager, data.get("password") or "")
            response["Content-Type"] = "text/xml"
            response["Content-Disposition"] = 'attachment; filename="%s.xml"' % node.name
            ensure_listener(node.address)
        elif deployment in OVA_TYPES:
            response.content = ova_archive(node, token, manager, deployment)
            response["Content-Type"] = "application/octet-stream"
            response["Content-Disposition"] = 'attachment; filename="%s.ova"' % node.name
            if profile.STRICT:
                # only MANUAL-PROVISION-ONLY is known to answer with a Location: the strict profile
                # leaves it out of the package types' answers (the client finds the node by name)
                del response["Location"]
        return response


def _location_name(node):
    location = getattr(node, "system_location", None)
    return location.name if location is not None else None


def provisioning_document(node, token, manager, password):
    """The node's identity and a one-time token; the password only as a salted hash."""
    root = ET.Element("provisioning", {"xmlns": DOC_NS, "version": "1"})
    ET.SubElement(root, "token").text = token
    ET.SubElement(root, "management", {"url": manager})
    ident = ET.SubElement(root, "node", {"name": node.name, "role": node.node_type or "CONFERENCING"})
    for name in ("hostname", "domain", "address", "netmask", "gateway", "ipv6_address", "ipv6_gateway"):
        value = getattr(node, name, None)
        if value:
            ET.SubElement(ident, name.replace("_", "-")).text = str(value)
    ET.SubElement(ident, "system-location").text = _location_name(node) or ""
    salt = secrets.token_hex(4)
    ET.SubElement(root, "admin-password", {"scheme": "lab-sha512"}).text = _hash(password, salt) if password else ""
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root)


def ova_archive(node, token, manager, deployment):
    """A small OVA-shaped tar: the .ovf descriptor first, then a placeholder disk."""
    ovf = ET.Element("Envelope", {"xmlns": "http://schemas.dmtf.org/ovf/envelope/1"})
    refs = ET.SubElement(ovf, "References")
    ET.SubElement(refs, "File", {"id": "disk1", "href": "%s-disk1.vmdk" % node.name})
    system = ET.SubElement(ovf, "VirtualSystem", {"id": node.name})
    ET.SubElement(system, "Info").text = "Conferencing Node %s (lab, %s)" % (node.name, deployment)
    hardware = ET.SubElement(system, "VirtualHardwareSection")
    ET.SubElement(hardware, "Item", {"kind": "cpu", "quantity": str(node.vm_cpu_count or 4)})
    ET.SubElement(hardware, "Item", {"kind": "memory", "megabytes": str(node.vm_system_memory or 4096)})
    product = ET.SubElement(system, "ProductSection")
    for key, value in (("token", token), ("management", manager), ("hostname", node.hostname),
                       ("domain", node.domain), ("address", node.address), ("netmask", node.netmask),
                       ("gateway", node.gateway)):
        ET.SubElement(product, "Property", {"key": key, "value": str(value or "")})
    members = [("%s.ovf" % node.name, b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(ovf)),
               ("%s-disk1.vmdk" % node.name, b"ucops lab placeholder disk\n".ljust(512, b"\0"))]
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for name, content in members:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            info.mtime = int(time.time())
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


# -- status API ----------------------------------------------------------------------------
def status_entry(node):
    facts = REGISTRY.get(node.pk)
    synced_at = None
    if facts:
        start = facts["created"] if facts["deployment"] != "MANUAL-PROVISION-ONLY" else facts["bootstrapped"]
        if start is not None:
            synced_at = start + sync_delay()
    now = time.time()
    synced = synced_at is not None and now >= synced_at
    status_id = node.pk + status_id_offset()
    cpus = (node.vm_cpu_count or 4) if synced else 0
    capacity = node_capacity(cpus)
    from lab.pexip import upgrades  # a rolling upgrade moves upgrade_status and version (lab/pexip/upgrades.py)
    upgrade_status, version = upgrades.node_state("worker_vm", node.pk, LAB_VERSION)
    return {
        "id": status_id,
        "resource_uri": "%s%d/" % (STATUS_PREFIX, status_id),
        "configuration_id": node.pk,
        "name": node.name,
        "node_type": node.node_type,
        "system_location": _location_name(node),
        "maintenance_mode": bool(node.maintenance_mode),
        "maintenance_mode_reason": node.maintenance_mode_reason or "",
        "deploy_status": "DEPLOYED" if synced else "NOT_DEPLOYED",
        "sync_status": "SYNCED" if synced else "NEVER_CONTACTED",
        "upgrade_status": upgrade_status if synced else "IDLE",
        "version": version if synced else None,
        "boot_time": _now_iso(synced_at) if synced else None,
        "last_attempted_contact": _now_iso(now) if synced else None,
        "last_updated": _now_iso(now),
        "hypervisor": "lab" if synced else None,
        "cpu_count": cpus if synced else None,
        "cpu_capabilities": LAB_CPU_CAPABILITIES if synced else "",
        "cpu_model": LAB_CPU_MODEL if synced else "",
        "total_ram": (node.vm_system_memory or 4096) * 1024 if synced else None,
        **capacity,
        **calls.node_load(node.name, capacity["max_media_tokens"]),
    }


# What a synced lab node reports about its (simulated) processor.
LAB_CPU_MODEL = "Lab virtual CPU"
LAB_CPU_CAPABILITIES = "AVX2"


def node_capacity(cpus):
    """The call capacity a node reports: the lab's own estimate, proportional to its
    vCPUs (the product measures it; the reference gives no formula). 0 until synced."""
    tokens = cpus * 18
    return {"max_media_tokens": tokens, "max_full_hd_calls": tokens // 36, "max_hd_calls": tokens // 18,
            "max_sd_calls": tokens // 9, "max_audio_calls": tokens,
            "max_direct_participants": tokens // 18}


def status_id_offset():
    """Status id minus configuration id: 1000 by default (clients must join on configuration_id),
    0 in the strict profile, where status/v1/worker_vm/<configuration id>/ is the node's status."""
    return 0 if profile.STRICT else STATUS_ID_OFFSET


STATUS_FIELDS = ("boot_time", "configuration_id", "cpu_capabilities", "cpu_count", "cpu_model", "deploy_status",
                 "hypervisor", "id", "last_attempted_contact", "last_updated", "maintenance_mode",
                 "maintenance_mode_reason", "max_audio_calls", "max_direct_participants", "max_full_hd_calls",
                 "max_hd_calls", "max_media_tokens", "max_sd_calls", "media_load", "media_tokens_used", "name",
                 "node_type", "resource_uri", "signaling_count", "sync_status", "system_location", "total_ram",
                 "upgrade_status", "version")
# filters of the status list: the strict profile's schema lists only name (stock tastypie
# answers 400 for the others, as for the configuration API)
STATUS_FILTERS = ("name",) if profile.STRICT else ("configuration_id", "name", "sync_status", "id")


def _status_list(request):
    """The status list: filters, order and pages as every status resource (lab/pexip/status.py)."""
    nodes = MODELS["worker_vm"].objects.select_related("system_location").order_by("id")
    return status.list_answer(request, "worker_vm", [status_entry(node) for node in nodes], STATUS_FILTERS)


def _status_detail(request, status_id):
    if request.method != "GET":
        return JsonResponse({"error": "Method not allowed."}, status=405)
    node = MODELS["worker_vm"].objects.filter(pk=status_id - status_id_offset()).first()
    if node is None:
        return HttpResponse(status=404)
    return JsonResponse(status_entry(node))


def status_urls():
    return [path("v1/worker_vm/", _status_list), path("v1/worker_vm/<int:status_id>/", _status_detail)]


# -- the node's bootstrap endpoint ---------------------------------------------------------
class BootstrapHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "UcopsLabNode/1.0"

    def log_message(self, format, *args):  # noqa: A002
        pass

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.split("?")[0].rstrip("/") != "/configuration/bootstrap":
            return self._answer(404, {"error": "Not found."})
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type not in ("text/xml", "application/xml"):
            return self._answer(400, {"error": "Send the provisioning document as text/xml."})
        problem, config_id = check_document(body, self.server.server_address[0])
        if problem:
            return self._answer(400, {"error": problem})
        REGISTRY.mark_bootstrapped(config_id)
        return self._answer(200, {"status": "success",
                                  "message": "Provisioning document accepted; the node is starting."})

    def do_GET(self):  # noqa: N802
        return self._answer(404, {"error": "Not found."})

    def _answer(self, status, data):
        payload = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def check_document(body, listener_address):
    """``(problem, config_id)``: why the document is refused, or ``(None, id)``."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return "The provisioning document is not well-formed XML.", None
    token = root.findtext("{%s}token" % DOC_NS)
    address = root.findtext("{%s}node/{%s}address" % (DOC_NS, DOC_NS))
    if root.tag != "{%s}provisioning" % DOC_NS or not token:
        return "This is not a Conferencing Node provisioning document.", None
    config_id, facts = REGISTRY.by_token(token)
    if facts is None:
        return "The provisioning document was not issued by this node's Management Node.", None
    if address != listener_address or facts["address"] != listener_address:
        return ("The provisioning document is for %s, this node is %s." % (address, listener_address)), None
    if facts["bootstrapped"] is not None:
        return "This node has already been provisioned; a provisioning document is single-use.", None
    from django.db import connection
    try:
        exists = MODELS["worker_vm"].objects.filter(pk=config_id, address=listener_address).exists()
    finally:
        connection.close()
    if not exists:
        return "The Management Node no longer knows this node.", None
    return None, config_id


def _node_certificate(address):
    """Certificate and key files for ``address``, issued by the lab CA (cached in the state dir)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    state_dir = os.environ["LAB_PEXIP_STATE_DIR"]
    lab_dir = os.path.dirname(state_dir)
    cert_path = os.path.join(state_dir, "node-%s.pem" % address)
    key_path = os.path.join(state_dir, "node-%s-key.pem" % address)
    if os.path.exists(cert_path) and os.path.exists(key_path):
        return cert_path, key_path
    with open(os.path.join(lab_dir, "ca.pem"), "rb") as handle:
        ca = x509.load_pem_x509_certificate(handle.read())
    with open(os.path.join(lab_dir, "ca-key.pem"), "rb") as handle:
        ca_key = serialization.load_pem_private_key(handle.read(), password=None)
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, address)]))
            .issuer_name(ca.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=825))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(address))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            # Python 3.13 verifies strictly (VERIFY_X509_STRICT): it wants the key identifiers
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    with open(key_path, "wb") as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    os.chmod(key_path, 0o600)
    with open(cert_path, "wb") as handle:
        handle.write(cert.public_bytes(serialization.Encoding.PEM))
    return cert_path, key_path


class _TLSServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, context):
        self.context = context
        super().__init__(address, BootstrapHandler)

    def get_request(self):
        sock, client = super().get_request()
        return self.context.wrap_socket(sock, server_side=True), client


def ensure_listener(address):
    """Start the simulated node's bootstrap endpoint on ``address``:8443 (loopback IPv4 only)."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return None
    if ip.version != 4 or not ip.is_loopback:
        return None
    with REGISTRY.lock:
        if address in REGISTRY.listeners:
            return REGISTRY.listeners[address]
        try:
            cert, key = _node_certificate(address)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
            server = _TLSServer((address, BOOTSTRAP_PORT), context)
        except OSError as exc:
            print("node simulator: cannot listen on %s:%d: %s" % (address, BOOTSTRAP_PORT, exc),
                  file=sys.stderr, flush=True)
            REGISTRY.listeners[address] = None
            return None
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.5}, daemon=True).start()
        REGISTRY.listeners[address] = server
        return server


__all__ = ["WorkerVmResource", "status_urls", "ensure_listener", "REGISTRY", "spec"]
