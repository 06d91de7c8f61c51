# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):

    # The attributes every module of the collection describes; the module states its support.
    DOCUMENTATION = r'''
options: {}
attributes:
  check_mode:
    description: Can run in check mode and return the changed status a real run would report.
  diff_mode:
    description: Returns details of what has changed, or would change in check mode, when run with C(--diff).
'''

    # A module whose connection options can be set once for the group.
    PEXIP_GROUP = r'''
options: {}
attributes:
  action_group:
    description: Use C(group/ucops.platform.pexip) in C(module_defaults) to set the connection options once.
    support: full
    membership:
      - ucops.platform.pexip
'''

    KAZOO_GROUP = r'''
options: {}
attributes:
  action_group:
    description: Use C(group/ucops.platform.kazoo) in C(module_defaults) to set the connection options once.
    support: full
    membership:
      - ucops.platform.kazoo
'''

    # A module that only reads.
    INFO_MODULE = r'''
options: {}
attributes:
  check_mode:
    support: full
    details: The module only reads, so check mode changes nothing about what it does.
  diff_mode:
    support: N/A
    details: The module changes nothing, so there is no diff.
'''
