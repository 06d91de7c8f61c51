"""State of the simulated platform that is not configuration: what the nodes, calls and
alarms are doing. Each ``Store`` is a JSON document in the lab's state dir, written
atomically after every change and read back when the lab starts, so a lab restart
(``make lab-down && make lab-up``) finds the platform as it left it: the Management
Node's database keeps the nodes, and the simulator keeps what it knows about them.
``/_lab/reset`` empties every store (``reset_all``, called by ``db.reset``).
"""
import json
import os
import threading

_STORES = []


class Store:
    """One JSON object kept in ``<state dir>/<filename>``; use ``with store.lock:``
    around a read-modify-``save()``."""

    def __init__(self, filename, empty):
        self.filename = filename
        self.empty = empty  # () -> the content of a fresh store
        self.lock = threading.RLock()
        self._data = None
        _STORES.append(self)

    def _path(self):
        from django.conf import settings
        return os.path.join(settings.STATE_DIR, self.filename)

    @property
    def data(self):
        with self.lock:
            if self._data is None:
                try:
                    with open(self._path(), encoding="utf-8") as handle:
                        self._data = json.load(handle)
                except (OSError, ValueError):
                    self._data = self.empty()
            return self._data

    def save(self):
        with self.lock:
            path = self._path()
            temporary = path + ".tmp"
            with open(temporary, "w", encoding="utf-8") as handle:
                json.dump(self.data, handle)
            os.replace(temporary, path)

    def reset(self):
        with self.lock:
            self._data = self.empty()
            self.save()


def reset_all():
    for store in _STORES:
        store.reset()
