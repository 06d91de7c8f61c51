"""Fixtures shared by every unit test.

``module_args`` is the one place where the unit tests meet a difference between the
ansible-core releases the collection supports (2.16 to 2.21): how a test hands arguments to an
``AnsibleModule``. ansible-core 2.19 added ``ansible.module_utils.testing.patch_module_args``
(it also sets the serialization profile that 2.19+ requires); 2.16 to 2.18 read the
module-global ``_ANSIBLE_ARGS`` only. 2.19+ also send a module's warnings to the controller's
display instead of its result once controller code is imported in the process (the inventory
tests do that), so the fixture marks the process as a module's, as it is when a module runs.
"""

import contextlib
import json

import pytest

from ansible.module_utils import basic

try:  # ansible-core 2.19+
    from ansible.module_utils.testing import patch_module_args
except ImportError:  # ansible-core 2.16 - 2.18
    from unittest import mock

    @contextlib.contextmanager
    def patch_module_args(args=None):
        with mock.patch.object(basic, '_ANSIBLE_ARGS', json.dumps({'ANSIBLE_MODULE_ARGS': args or {}}).encode()):
            yield


try:  # ansible-core 2.19+
    from ansible.module_utils import _internal
except ImportError:  # ansible-core 2.16 - 2.18
    _internal = None


@pytest.fixture
def module_args(monkeypatch):
    """``module_args(dict)``: AnsibleModule instances the test creates afterwards get these arguments."""
    if _internal is not None and hasattr(_internal, 'is_controller'):
        monkeypatch.setattr(_internal, 'is_controller', False)
    with contextlib.ExitStack() as stack:
        def use(args):
            stack.enter_context(patch_module_args(args))
        yield use
