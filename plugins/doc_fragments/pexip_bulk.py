# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):

    # The batching, paging and reporting options every bulk module shares.
    DOCUMENTATION = r'''
options:
  objects_file:
    description:
      - Read the list O(objects) would hold from this file on the host that runs the module (for these modules
        the controller), instead of the task's arguments. For lists of tens of thousands of objects - the list
        then does not pass through the templating of the task's arguments nor their copies on the way to the
        module (see the collection's docs/bulk.md for figures).
      - By the file's name - C(.jsonl) or C(.ndjson) - JSON Lines, one object per line, read line by line (blank
        lines are skipped); C(.yml) or C(.yaml) - YAML holding a list, C(!unsafe) text read as plain text; any
        other name - JSON holding a list.
      - The entries are validated as O(objects) would be, with the same messages (entries are numbered
        from 0, as C(objects[i])). The file's text is never templated - C({{ }}) stays as written.
      - Exactly one of O(objects) and O(objects_file) is required.
    type: path
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
