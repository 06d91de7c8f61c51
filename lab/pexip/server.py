"""Entry point of the lab Management Node.

    python -m lab.pexip.server --host 127.0.0.1 --port 9443 \
        --cert .lab/server.pem --key .lab/server-key.pem --state-dir .lab/pexip

The admin account comes from the environment: PEXIP_USERNAME, PEXIP_PASSWORD;
the lab's OAuth2 client from PEXIP_OAUTH2_CLIENT_ID and PEXIP_OAUTH2_PRIVATE_KEY
(the path of its EC key, see lab/pexip/oauth.py).
"""
import argparse
import importlib
import os
import sys


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m lab.pexip.server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9443)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--state-dir", required=True)
    args = parser.parse_args(argv)
    username = os.environ.get("PEXIP_USERNAME", "admin")
    password = os.environ.get("PEXIP_PASSWORD")
    if not password:
        sys.exit("PEXIP_PASSWORD must be set in the environment")

    import logging
    logging.getLogger("django.request").setLevel(logging.ERROR)

    from lab.pexip import db
    db.setup(os.path.abspath(args.state_dir))

    from django.core.wsgi import get_wsgi_application
    from django.db import connections
    from lab.httpd import LabState, serve

    importlib.import_module("lab.pexip.urls")  # build every resource before the first request

    from lab.pexip import alarms, availability, backups, calls, ldap_sync, node_sim, oauth, profile, timing
    oauth.load_lab_client()
    node_sim.REGISTRY.restore()
    state = LabState(username, password, realm="Pexip Management Node (lab)",
                     reset=lambda: (oauth.reset(), backups.reset(), db.reset()), on_thread_end=connections.close_all,
                     routes={"/_lab/resources": availability.control, "/_lab/oauth2": oauth.control,
                             "/_lab/profile": profile.control, "/_lab/backups": backups.control,
                             "/_lab/calls": calls.control, "/_lab/alarms": alarms.control,
                             "/_lab/ldap": ldap_sync.control, "/_lab/timing": timing.control},
                     open_routes={oauth.TOKEN_PATH: oauth.token_endpoint},
                     bearer=oauth.bearer_valid, basic_refused=oauth.basic_disabled)
    print("pexip lab listening on https://%s:%d (profile %s)" % (args.host, args.port, profile.NAME), flush=True)
    serve(get_wsgi_application(), state, args.host, args.port, args.cert, args.key)


if __name__ == "__main__":
    main()
