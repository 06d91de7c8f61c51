# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):

    # The batching, paging and reporting options every bulk module shares.
    DOCUMENTATION = r'''
options:
  batch_size:
    description:
      - Largest number of objects written by one bulk PATCH request. A failed batch stops the task and is
        reported in RV(failed_batch); the batches before it stay written and a rerun finishes the job.
    type: int
    default: 500
  page_size:
    description:
      - Number of objects asked for per list request when reading the current state. The Management Node
        answers with at most its own maximum and the module follows C(meta.next); V(0) asks for the
        server's maximum.
    type: int
    default: 10000
  details:
    description:
      - Return per-object details in RV(changes) and per-object before/after values in C(diff).
        Also on at C(-vv) and above. Off by default to keep results small for thousands of objects.
    type: bool
    default: false
  prune_empty:
    description:
      - Allow O(prune=true) with an empty O(objects) list to delete every object of the prune's scope
        (O(prune_tag), O(prune_prefix) or O(prune_all)).
      - Without it, an empty list never prunes; when there is something it would delete, the task fails before
        any write, naming the objects (in RV(would_delete)). This guards against a list emptied by mistake,
        for example by a variable file that was not loaded.
    type: bool
    default: false
  max_deletes:
    description:
      - Largest number of objects the task may delete, counting the objects removed by O(prune) and the
        owned children (a service's aliases) removed from listed objects. A run that would delete more fails
        before any write, naming how many it would delete, the limit and the objects (in RV(would_delete)).
        Check mode fails the same way.
      - V(0) allows no delete at all. Unset, there is no limit.
    type: int
'''
