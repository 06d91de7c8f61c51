"""Database bootstrap and reset for the lab (SQLite file in the state dir)."""
import os

import django
from django.db import connection, transaction
from django.db.backends.signals import connection_created


def _tune(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")


def setup(state_dir):
    """Configure Django for ``state_dir`` and make sure the tables match the spec."""
    os.makedirs(state_dir, exist_ok=True)
    os.environ["LAB_PEXIP_STATE_DIR"] = state_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lab.pexip.settings")
    from lab.pexip import spec
    db_path = os.path.join(state_dir, "db.sqlite3")
    stamp_path = os.path.join(state_dir, "spec-digest")
    digest = spec.spec_digest()
    stale = not os.path.exists(stamp_path) or open(stamp_path).read().strip() != digest
    if stale:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db_path + suffix):
                os.remove(db_path + suffix)
    connection_created.connect(_tune)
    django.setup()
    _create_tables()
    create_singletons()
    with open(stamp_path, "w") as handle:
        handle.write(digest + "\n")


def _create_tables():
    from lab.pexip.app.models import MODELS
    existing = set(connection.introspection.table_names())
    with connection.schema_editor() as editor:
        for model in MODELS.values():
            if model._meta.db_table not in existing:
                editor.create_model(model)


def reset():
    """Delete every row and restart the id sequences: a freshly installed node
    of the current version (every resource served again, see availability)."""
    from lab.pexip import availability, livestate
    from lab.pexip.app.models import MODELS
    availability.reset()
    livestate.reset_all()
    tables = connection.introspection.table_names()
    with transaction.atomic():
        with connection.cursor() as cursor:
            for table in sorted(tables):
                cursor.execute('DELETE FROM "%s"' % table)
            # Django's introspection hides sqlite_sequence; clear it so ids restart at 1.
            cursor.execute("SELECT name FROM sqlite_master WHERE name='sqlite_sequence'")
            if cursor.fetchone():
                cursor.execute("DELETE FROM sqlite_sequence")
    create_singletons()
    return sorted(MODELS)


def create_singletons():
    """The singleton resources (global, ...) always hold object 1, with defaults."""
    from lab.pexip import hydrate, spec
    from lab.pexip.app.models import MODELS
    with transaction.atomic():
        for resource in spec.RESOURCES:
            if spec.is_singleton(resource) and not MODELS[resource].objects.filter(pk=1).exists():
                hydrate.apply(resource, MODELS[resource](), hydrate.defaults(resource))
    from lab.pexip import platform
    platform.seed()
