"""Benchmark: the drift report of an estate of N Virtual Meeting Rooms with two aliases each (playbooks/drift.yml).

    .venv/bin/python bench/drift.py [--rooms 10000,100000] [--changed 100] [--port 10963]

Against a PRIVATE Pexip lab (its own state directory and port, started and stopped here), the rooms are
created with bulk PATCH requests of the lab's API and exported once with playbooks/export.yml (neither
measured). Then ``ansible-playbook playbooks/drift.yml -e estate_dir=<export> -e report_dir=<tmp>
-e drift_fail=false`` runs twice: with no drift (``in_sync``), and after --changed rooms got another
description, --changed rooms were deleted and --changed rooms were added by hand (``drift``). Measured per
run, as bench/run.py measures: wall seconds, the manager's share (its request log), ours, requests,
writes (must be 0), and the peak RSS of the largest process of the Ansible process tree; also the size of
the three report files. Results go to bench/results/drift.json and drift.md. Nothing here asserts a time.
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.path.dirname(sys.executable)
RESULTS = os.path.join(HERE, 'results')
sys.path.insert(0, HERE)

from run import _WRAPPER, Lab, ansible_env, manager_seconds, rooms, save_results, sizes  # noqa: E402  pylint: disable=wrong-import-position

BATCH = 1000
CONF = '/api/admin/configuration/v1/conference/'


def patch(lab, objects, deleted=()):
    for start in range(0, max(len(objects), 1), BATCH):
        body = {'objects': objects[start:start + BATCH]}
        if deleted and start == 0:
            body['deleted_objects'] = list(deleted)
        lab.http.patch(lab.url + CONF, json=body, verify=lab.http.verify, timeout=600).raise_for_status()


def playbook(lab, workdir, name, *extra):
    """Run playbooks/<name> under the RSS wrapper: (wall seconds, peak RSS MiB, request log)."""
    wrapper = os.path.join(workdir, 'wrap.py')
    with open(wrapper, 'w') as handle:
        handle.write(_WRAPPER)
    command = [sys.executable, wrapper, os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local',
               os.path.join(ROOT, 'playbooks', name)] + list(extra)
    lab.clear_log()
    start = time.monotonic()
    completed = subprocess.run(command, cwd=ROOT, env=ansible_env(lab), capture_output=True, text=True, check=False)
    wall = time.monotonic() - start
    with open(wrapper + '.out') as handle:
        output = handle.read()
    if completed.returncode != 0:
        raise SystemExit('%s failed (rc=%s):\n%s' % (name, completed.returncode, output[-4000:]))
    return wall, round(int(completed.stdout.strip().splitlines()[-1]) / 1024.0, 1), lab.log()


def drift(lab, workdir, estate, out):
    wall, rss, log = playbook(lab, workdir, 'drift.yml', '-e', 'estate_dir=%s' % estate, '-e', 'report_dir=%s' % out,
                              '-e', 'drift_fail=false', '-e', 'drift_kazoo=false')
    manager = manager_seconds(log)
    with open(os.path.join(out, 'drift.json')) as handle:
        counts = json.load(handle)['counts']
    sizes = dict((name, os.path.getsize(os.path.join(out, name))) for name in ('drift.json', 'drift.md', 'drift.xml'))
    return {'wall_s': round(wall, 2), 'manager_s': round(manager, 2), 'ours_s': round(wall - manager, 2),
            'requests': len(log), 'writes': sum(1 for entry in log if entry['method'] not in ('GET', 'HEAD')),
            'peak_rss_mib': rss, 'counts': counts, 'report_bytes': sizes,
            'when': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M:%S UTC'),
            'loadavg': [round(x, 2) for x in os.getloadavg()]}


def markdown(doc):
    lines = ['# Drift report benchmark', '',
             'Run %s on %s (%s, %d CPUs), ansible-core %s, private lab; the machine is shared, so times vary with '
             'the load average given per row.' % (doc['when'], doc['host'], doc['python'], doc['cpus'], doc['ansible']),
             '',
             '`ansible-playbook playbooks/drift.yml` of an exported estate of N Virtual Meeting Rooms with two aliases '
             'each; *drift* after %d rooms were changed, %d deleted and %d added by hand. *manager* is the time the '
             'lab spent answering (its request log), *ours* the rest; memory is the peak RSS of the largest process '
             'of the Ansible process tree.' % (doc['changed'], doc['changed'], doc['changed']), '',
             '| rooms | aliases | run | wall s | manager s | ours s | requests | writes | peak RSS MiB | differ | '
             'unmanaged | missing | drift.json / .md / .xml bytes | load 1 min |',
             '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|']
    for row in doc['rows']:
        counts, sizes = row['counts'], row['report_bytes']
        lines.append('| %d | %d | %s | %.2f | %.2f | %.2f | %d | %d | %.1f | %d | %d | %d | %d / %d / %d | %.2f |' % (
            row['rooms'], row['aliases'], row['run'], row['wall_s'], row['manager_s'], row['ours_s'], row['requests'],
            row['writes'], row['peak_rss_mib'], counts['drifted'], counts['unmanaged'], counts['missing'],
            sizes['drift.json'], sizes['drift.md'], sizes['drift.xml'], row['loadavg'][0]))
    return '\n'.join(lines) + '\n'


def measure(lab, workdir, n, changed):
    """The drift report of n rooms in sync, then with ``changed`` rooms changed, deleted and added by hand."""
    rows = []
    estate = os.path.join(workdir, 'estate-%d' % n)
    lab.reset()
    everything = rooms(n)
    patch(lab, everything)
    if lab.count('conference') != n or lab.count('conference_alias') != 2 * n:
        raise SystemExit('the lab does not hold %d rooms with %d aliases' % (n, 2 * n))
    playbook(lab, workdir, 'export.yml', '-e', 'export_dir=%s' % estate, '-e', 'export_kazoo=false')
    row = drift(lab, workdir, estate, os.path.join(workdir, 'report-%d-in-sync' % n))
    row.update(rooms=n, aliases=2 * n, run='in_sync')
    rows.append(row)
    print(json.dumps(row), flush=True)
    # by hand: descriptions changed, rooms deleted, rooms added
    current = lab.http.get(lab.url + CONF, params={'limit': n + changed}, verify=lab.http.verify).json()['objects']
    by_name = dict((obj['name'], obj['resource_uri']) for obj in current)
    edited = [{'resource_uri': by_name[obj['name']], 'description': 'Changed by hand'} for obj in everything[:changed]]
    deleted = [by_name[obj['name']] for obj in everything[changed:2 * changed]]
    added = [{'name': 'bench-hand-%05d' % i, 'service_type': 'conference',
              'aliases': [{'alias': 'bench-hand-%05d@example.com' % i}]} for i in range(changed)]
    patch(lab, edited + added, deleted)
    row = drift(lab, workdir, estate, os.path.join(workdir, 'report-%d-drift' % n))
    row.update(rooms=n, aliases=2 * n, run='drift')
    rows.append(row)
    print(json.dumps(row), flush=True)
    shutil.rmtree(estate, ignore_errors=True)
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n', maxsplit=1)[0])
    parser.add_argument('--rooms', type=sizes, default=[10000, 100000], help='N, comma-separated')
    parser.add_argument('--changed', type=int, default=100)
    parser.add_argument('--port', type=int, default=int(os.environ.get('BENCH_DRIFT_PORT', '10963')))
    parser.add_argument('--out', default=RESULTS)
    args = parser.parse_args(argv)
    workdir = tempfile.mkdtemp(prefix='ucops-bench-drift-')
    lab = Lab(os.path.join(workdir, 'lab'), args.port)
    rows = []
    try:
        lab.up()
        for n in args.rooms:
            rows += measure(lab, workdir, n, args.changed)
    finally:
        lab.down()
        shutil.rmtree(workdir, ignore_errors=True)
    save_results(args.out, 'drift', rows, markdown, changed=args.changed)


if __name__ == '__main__':
    main()
