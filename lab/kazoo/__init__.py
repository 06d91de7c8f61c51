# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""An offline Kazoo Crossbar server: auth, schemas and system_configs.

Run it with ``python -m lab.kazoo.server --host H --port P --cert C --key K --state-dir D``.
"""
