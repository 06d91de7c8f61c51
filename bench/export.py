"""Benchmark: export an estate of N Virtual Meeting Rooms with two aliases each (playbooks/export.yml).

    .venv/bin/python bench/export.py [--rooms 10000,100000] [--port 10953]

Against a PRIVATE Pexip lab (its own state directory and port, started and stopped here), the rooms
are created with bulk PATCH requests of the lab's API (not measured), then ``ansible-playbook
playbooks/export.yml -e export_dir=<tmp> -e export_kazoo=false`` runs twice. Measured per run, as
bench/run.py measures: wall seconds, the manager's share (its request log), ours, requests, and the
peak RSS of the largest process of the Ansible process tree; also the bytes written and whether the
second export is byte-identical to the first. Results go to bench/results/export.json and export.md.
Nothing here asserts a time: it measures.
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


def fill(lab, n):
    """N rooms with two aliases each, created by the lab's bulk PATCH (what the benchmark reads)."""
    url = lab.url + '/api/admin/configuration/v1/conference/'
    everything = rooms(n)
    for start in range(0, n, BATCH):
        answer = lab.http.patch(url, json={'objects': everything[start:start + BATCH]}, verify=lab.http.verify,
                                timeout=600)
        answer.raise_for_status()
    if lab.count('conference') != n or lab.count('conference_alias') != 2 * n:
        raise SystemExit('the lab holds %d rooms and %d aliases, not %d and %d'
                         % (lab.count('conference'), lab.count('conference_alias'), n, 2 * n))


def export(lab, workdir, dest):
    env = ansible_env(lab)
    wrapper = os.path.join(workdir, 'wrap.py')
    with open(wrapper, 'w') as handle:
        handle.write(_WRAPPER)
    command = [sys.executable, wrapper, os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local',
               os.path.join(ROOT, 'playbooks', 'export.yml'), '-e', 'export_dir=%s' % dest, '-e', 'export_kazoo=false']
    lab.clear_log()
    start = time.monotonic()
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.monotonic() - start
    with open(wrapper + '.out') as handle:
        output = handle.read()
    if completed.returncode != 0:
        raise SystemExit('export failed (rc=%s):\n%s' % (completed.returncode, output[-4000:]))
    log = lab.log()
    manager = manager_seconds(log)
    files = {}
    for name in sorted(os.listdir(dest)):
        with open(os.path.join(dest, name), 'rb') as handle:
            files[name] = handle.read()
    return {'wall_s': round(wall, 2), 'manager_s': round(manager, 2), 'ours_s': round(wall - manager, 2),
            'requests': len(log), 'peak_rss_mib': round(int(completed.stdout.strip().splitlines()[-1]) / 1024.0, 1),
            'bytes': sum(len(content) for content in files.values()),
            'when': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M:%S UTC'),
            'loadavg': [round(x, 2) for x in os.getloadavg()]}, files


def markdown(doc):
    lines = ['# Export benchmark', '',
             'Run %s on %s (%s, %d CPUs), ansible-core %s, private lab; the machine is shared, so times vary with '
             'the load average given per row.' % (doc['when'], doc['host'], doc['python'], doc['cpus'], doc['ansible']),
             '',
             '`ansible-playbook playbooks/export.yml` of N Virtual Meeting Rooms with two aliases each (Kazoo left '
             'out); *manager* is the time the lab spent answering (its request log), *ours* the rest; memory is the '
             'peak RSS of the largest process of the Ansible process tree.', '',
             '| rooms | aliases | run | wall s | manager s | ours s | requests | peak RSS MiB | bytes written | '
             'identical to run 1 | load 1 min |',
             '|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|']
    for row in doc['rows']:
        lines.append('| %d | %d | %s | %.2f | %.2f | %.2f | %d | %.1f | %d | %s | %.2f |' % (
            row['rooms'], row['aliases'], row['run'], row['wall_s'], row['manager_s'], row['ours_s'], row['requests'],
            row['peak_rss_mib'], row['bytes'], 'yes' if row['identical'] else 'no', row['loadavg'][0]))
    return '\n'.join(lines) + '\n'


def measure(lab, workdir, n):
    """Two exports of n rooms (the second must give the same bytes)."""
    rows = []
    lab.reset()
    fill(lab, n)
    first = None
    for run in ('first', 'again'):
        dest = os.path.join(workdir, 'export-%d-%s' % (n, run))
        row, files = export(lab, workdir, dest)
        first = first if first is not None else files
        row.update(rooms=n, aliases=2 * n, run=run, identical=files == first)
        rows.append(row)
        print(json.dumps(row), flush=True)
        shutil.rmtree(dest, ignore_errors=True)
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n', maxsplit=1)[0])
    parser.add_argument('--rooms', type=sizes, default=[10000, 100000], help='N, comma-separated')
    parser.add_argument('--port', type=int, default=int(os.environ.get('BENCH_EXPORT_PORT', '10953')))
    parser.add_argument('--out', default=RESULTS)
    args = parser.parse_args(argv)
    workdir = tempfile.mkdtemp(prefix='ucops-bench-export-')
    lab = Lab(os.path.join(workdir, 'lab'), args.port)
    rows = []
    try:
        lab.up()
        for n in args.rooms:
            rows += measure(lab, workdir, n)
    finally:
        lab.down()
        shutil.rmtree(workdir, ignore_errors=True)
    save_results(args.out, 'export', rows, markdown)


if __name__ == '__main__':
    main()
