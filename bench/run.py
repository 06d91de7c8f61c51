"""Benchmark: converge N Virtual Meeting Rooms with two aliases each, three ways.

    .venv/bin/python bench/run.py [--sizes 1000,10000,30000,100000] [--loop-sizes 1000] [--uri-sizes 1000]
                                  [--port 10943] [--merge] [--render]

Against a PRIVATE lab (its own state directory and port, started and stopped
here; the shared lab of the tests is never touched), for every N:

* ``bulk``  -- one ``ucops.platform.pexip_conferences`` task, ``objects`` from a lookup of the JSON file;
* ``file``  -- the same task with ``objects_file`` (the module reads the file);
* ``loop``  -- a loop of ``ucops.platform.pexip_conference`` over the rooms;
* ``uri``   -- a loop of ``ansible.builtin.uri`` (GET by name, POST the missing ones), the baseline;

each from an empty manager and again with nothing to change. Measured per run:
wall seconds of ``ansible-playbook``, HTTP requests the lab received (its
``/_lab/requests`` log), the manager's share of the wall time (the union of
the intervals the lab spent answering, its log's ``received`` and ``duration``)
and ours (the rest: Ansible, argument handling, comparison, request building),
the largest resident set size of any process of the Ansible process tree
(``getrusage(RUSAGE_CHILDREN).ru_maxrss`` of a wrapper that runs only that
playbook) and the load average when the row was measured. Results go to
bench/results/ as JSON, a Markdown table and a PNG plot. Nothing here asserts
a time: it measures.

The lab listens on 127.0.0.1:--port (default 10943, or BENCH_PEXIP_PORT), out
of the range the tests' labs use; its state lives in a temporary directory.
``--merge`` keeps the rows of the existing results.json that this invocation
does not measure (each row carries its own time and load average).
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.path.dirname(sys.executable)
RESULTS = os.path.join(HERE, 'results')

# Runs one command and prints the peak RSS (KiB) of its process tree's largest process.
_WRAPPER = ('import resource, subprocess, sys\n'
            'rc = subprocess.call(sys.argv[1:], stdout=open(sys.argv[0] + ".out", "w"), stderr=subprocess.STDOUT)\n'
            'print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n'
            'sys.exit(rc)\n')


class Lab:
    """A private Pexip lab started for the benchmark."""

    def __init__(self, state_dir, port):
        self.state_dir = state_dir
        self.env = dict(os.environ, LAB_STATE_DIR=state_dir, LAB_PEXIP_PORT=str(port), LAB_SERVERS='pexip')

    def up(self):
        subprocess.run([sys.executable, '-m', 'lab', 'up'], cwd=ROOT, env=self.env, check=True)
        values = {}
        with open(os.path.join(self.state_dir, 'env')) as handle:
            for line in handle:
                if line.startswith('export '):
                    key, _sep, value = line[len('export '):].strip().partition('=')
                    values[key] = value.strip('"\'')
        self.vars = values
        self.http = requests.Session()
        self.http.auth = (values['PEXIP_USERNAME'], values['PEXIP_PASSWORD'])
        self.http.verify = values['PEXIP_CA_PATH']
        self.url = values['PEXIP_URL']

    def down(self):
        subprocess.run([sys.executable, '-m', 'lab', 'down'], cwd=ROOT, env=self.env, check=False)

    def reset(self):
        self.http.post(self.url + '/_lab/reset', verify=self.http.verify).raise_for_status()
        self.clear_log()

    def clear_log(self):
        self.http.delete(self.url + '/_lab/requests', verify=self.http.verify).raise_for_status()

    def log(self):
        answer = self.http.get(self.url + '/_lab/requests', verify=self.http.verify)
        answer.raise_for_status()
        return answer.json()

    def count(self, resource):
        answer = self.http.get(self.url + '/api/admin/configuration/v1/%s/' % resource, params={'limit': 1},
                               verify=self.http.verify)
        answer.raise_for_status()
        return answer.json()['meta']['total_count']


def rooms(n):
    return [{'name': 'bench-vmr-%05d' % i, 'service_type': 'conference', 'tag': 'bench',
             'description': 'Benchmark room %d' % i,
             'aliases': [{'alias': 'bench-vmr-%05d@example.com' % i}, {'alias': '77%06d' % i}]}
            for i in range(n)]


def ansible_env(lab, **extra):
    """The environment of an ansible-playbook run of a benchmark: the checkout's collection, this Python,
    the lab's variables, no colour or warnings that do not concern the figures."""
    env = dict(os.environ)
    env.update(lab.vars)
    env.update({
        'ANSIBLE_COLLECTIONS_PATH': os.path.join(ROOT, '.collections'),
        'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
        'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
        'ANSIBLE_NOCOLOR': '1',
        'ANSIBLE_LOCALHOST_WARNING': 'false',
        'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'false',
        'PATH': BIN + os.pathsep + env.get('PATH', ''),
    })
    env.update(extra)
    return env


def save_results(out, name, rows, markdown_of, **extra):
    """``<out>/<name>.json`` and ``.md`` of a benchmark that gives one table of rows (export, drift report):
    the rows with when and on what they ran."""
    from ansible.release import __version__ as ansible_core  # pylint: disable=import-outside-toplevel
    doc = {'when': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC'),
           'host': platform.node(), 'python': platform.python_version(), 'cpus': os.cpu_count(),
           'ansible': ansible_core, 'rows': rows}
    doc.update(extra)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, name + '.json'), 'w') as handle:
        json.dump(doc, handle, indent=2, sort_keys=True)
        handle.write('\n')
    with open(os.path.join(out, name + '.md'), 'w') as handle:
        handle.write(markdown_of(doc))


def run_playbook(lab, workdir, name, rooms_file):
    env = ansible_env(lab, ANSIBLE_RETRY_FILES_ENABLED='false', ANSIBLE_CALLBACK_RESULT_FORMAT='json')
    wrapper = os.path.join(workdir, 'wrap.py')
    with open(wrapper, 'w') as handle:
        handle.write(_WRAPPER)
    command = [sys.executable, wrapper, os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local',
               os.path.join(HERE, 'playbooks', name), '-e', 'bench_rooms_file=%s' % rooms_file]
    lab.clear_log()
    start = time.monotonic()
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.monotonic() - start
    with open(wrapper + '.out') as handle:
        output = handle.read()
    if completed.returncode != 0:
        raise SystemExit('%s failed (rc=%s):\n%s' % (name, completed.returncode, output[-4000:]))
    log = lab.log()
    methods = {}
    for entry in log:
        methods[entry['method']] = methods.get(entry['method'], 0) + 1
    manager = manager_seconds(log)
    return {'wall_s': round(wall, 2), 'manager_s': round(manager, 2), 'ours_s': round(wall - manager, 2),
            'requests': len(log), 'requests_by_method': methods,
            'peak_rss_mib': round(int(completed.stdout.strip().splitlines()[-1]) / 1024.0, 1),
            'when': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M:%S UTC'),
            'loadavg': [round(x, 2) for x in os.getloadavg()]}


def manager_seconds(log):
    """Seconds during which the lab was answering at least one request (union of its intervals)."""
    intervals = sorted((entry['received'], entry['received'] + entry['duration'])
                       for entry in log if entry.get('duration') is not None)
    total, end = 0.0, None
    for start, stop in intervals:
        if end is None or start > end:
            total += stop - start
            end = stop
        elif stop > end:
            total += stop - end
            end = stop
    return total


PHASES = ('from_empty', 'no_change')


def measure(lab, workdir, way, n, phases=PHASES):
    playbook = {'bulk': 'bulk.yml', 'file': 'bulk_file.yml', 'loop': 'loop.yml', 'uri': 'uri.yml'}[way]
    rooms_file = os.path.join(workdir, 'rooms-%d.json' % n)
    with open(rooms_file, 'w') as handle:
        json.dump(rooms(n), handle)
    lab.reset()
    if 'from_empty' not in phases:
        # the rooms are created (by the bulk module, not measured) so that no_change has them to find
        run_playbook(lab, workdir, 'bulk.yml', rooms_file)
    results = []
    for phase in phases:
        row = {'way': way, 'n': n, 'phase': phase}
        row.update(run_playbook(lab, workdir, playbook, rooms_file))
        row['conferences'] = lab.count('conference')
        row['aliases'] = lab.count('conference_alias')
        print('%-5s N=%-6d %-10s %7.2f s (manager %.2f, ours %.2f) %6d requests %7.1f MiB  (%d rooms, %d aliases)'
              '  load %s' % (way, n, phase, row['wall_s'], row['manager_s'], row['ours_s'], row['requests'],
                             row['peak_rss_mib'], row['conferences'], row['aliases'],
                             ' '.join('%.2f' % x for x in row['loadavg'])), flush=True)
        results.append(row)
    return results


def markdown(doc):
    lines = ['# Benchmark results', '',
             'Run %s on %s (%s, %d CPUs), ansible-core %s, private lab.' % (
                 doc['when'], doc['machine']['node'], doc['machine']['python'], doc['machine']['cpus'],
                 doc['machine']['ansible_core']),
             'Load average (1, 5, 15 min) when the run ended: %s; the machine is shared (2 CPUs, other '
             'engineers\' tests), so times vary with what else runs: each row gives the load average when it '
             'ended.' % ', '.join('%.1f' % x for x in doc['machine'].get('loadavg_after', [])),
             '', 'Converging N Virtual Meeting Rooms with two aliases each; times are wall seconds of '
             '`ansible-playbook`; *manager* is the time the lab spent answering (from its request log: the union of '
             'each request\'s arrival to its last answer byte), *ours* the rest (Ansible, argument handling, '
             'comparison, request building); requests are those the lab logged; memory is the peak RSS of the '
             'largest process of the Ansible process tree.', '',
             '| way | N | phase | wall s | manager s | ours s | requests | peak RSS MiB | ms per room | load 1 min |',
             '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|']
    for row in doc['runs']:
        lines.append('| %s | %d | %s | %.2f | %s | %s | %d | %.1f | %.2f | %s |' % (
            row['way'], row['n'], row['phase'], row['wall_s'], _maybe(row.get('manager_s')),
            _maybe(row.get('ours_s')), row['requests'], row['peak_rss_mib'], 1000.0 * row['wall_s'] / row['n'],
            _maybe(row.get('loadavg', [None])[0])))
    if doc.get('notes'):
        lines += [''] + ['- %s' % note for note in doc['notes']]
    if doc.get('provenance'):
        lines += ['', 'How these rows were measured:', ''] + ['- %s' % note for note in doc['provenance']]
    return '\n'.join(lines) + '\n'


def _maybe(value):
    return '-' if value is None else '%.2f' % value


def plot(doc, path):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    figure, (times, memory) = plt.subplots(1, 2, figsize=(12, 4.8))
    for way in ('bulk', 'file', 'loop', 'uri'):
        for phase, style in (('from_empty', '-o'), ('no_change', '--s')):
            rows = sorted((row for row in doc['runs'] if row['way'] == way and row['phase'] == phase),
                          key=lambda row: row['n'])
            if not rows:
                continue
            ns = [row['n'] for row in rows]
            line, = times.plot(ns, [row['wall_s'] for row in rows], style, label='%s, %s' % (way, phase))
            if way in ('bulk', 'file') and all(row.get('manager_s') is not None for row in rows):
                times.plot(ns, [row['manager_s'] for row in rows], ':', marker='.', color=line.get_color(),
                           label='%s, %s: manager share' % (way, phase))
            memory.plot(ns, [row['peak_rss_mib'] for row in rows], style, color=line.get_color(),
                        label='%s, %s' % (way, phase))
    times.set_xscale('log')
    times.set_yscale('log')
    times.set_xlabel('VMRs (two aliases each)')
    times.set_ylabel('wall seconds')
    times.set_title('Converging N VMRs: bulk module vs loops')
    memory.set_xscale('linear')  # linear axes: linear growth shows as a straight line
    memory.set_xlabel('VMRs (two aliases each)')
    memory.set_ylabel('peak RSS MiB (largest process)')
    memory.set_title('Memory')
    for axis in (times, memory):
        axis.grid(True, which='both', alpha=0.3)
        axis.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def sizes(text):
    return [int(item) for item in text.split(',') if item.strip()]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n', maxsplit=1)[0])
    parser.add_argument('--sizes', type=sizes, default=[1000, 10000, 30000, 100000],
                        help='N for the bulk module with objects from a lookup')
    parser.add_argument('--file-sizes', type=sizes, default=[1000, 10000, 30000, 100000],
                        help='N for the bulk module with objects_file')
    parser.add_argument('--loop-sizes', type=sizes, default=[1000], help='N for the pexip_conference loop')
    parser.add_argument('--uri-sizes', type=sizes, default=[1000], help='N for the ansible.builtin.uri loop')
    parser.add_argument('--port', type=int, default=int(os.environ.get('BENCH_PEXIP_PORT', '10943')))
    parser.add_argument('--out', default=RESULTS)
    parser.add_argument('--render', action='store_true', help='only rebuild results.md and the plot from results.json')
    parser.add_argument('--baseline-phases', type=lambda text: [p for p in text.split(',') if p in PHASES],
                        default=list(PHASES), help='phases measured for the loops (no_change alone: the rooms '
                        'are created by the bulk module first, not measured)')
    parser.add_argument('--merge', action='store_true',
                        help='keep the rows of the existing results.json that this invocation does not measure')
    args = parser.parse_args(argv)
    if args.render:
        with open(os.path.join(args.out, 'results.json')) as handle:
            doc = json.load(handle)
        doc['notes'] = notes(doc['runs'])
        write(doc, args.out)
        return

    workdir = tempfile.mkdtemp(prefix='ucops-bench-')
    lab = Lab(os.path.join(workdir, 'lab'), args.port)
    lab.up()
    runs = []
    try:
        for n in args.sizes:
            runs += measure(lab, workdir, 'bulk', n)
        for n in args.file_sizes:
            runs += measure(lab, workdir, 'file', n)
        for n in args.loop_sizes:
            runs += measure(lab, workdir, 'loop', n, args.baseline_phases)
        for n in args.uri_sizes:
            runs += measure(lab, workdir, 'uri', n, args.baseline_phases)
    finally:
        lab.down()
        shutil.rmtree(workdir, ignore_errors=True)

    if args.merge and os.path.exists(os.path.join(args.out, 'results.json')):
        with open(os.path.join(args.out, 'results.json')) as handle:
            kept = [row for row in json.load(handle)['runs']
                    if (row['way'], row['n'], row['phase']) not in {(r['way'], r['n'], r['phase']) for r in runs}]
        order = {'bulk': 0, 'file': 1, 'loop': 2, 'uri': 3}
        runs = sorted(kept + runs, key=lambda row: (order[row['way']], row['n'], row['phase']))

    from ansible.release import __version__ as ansible_core
    doc = {
        'when': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC'),
        'machine': {'node': platform.node(), 'python': platform.python_version(), 'cpus': os.cpu_count(),
                    'ansible_core': ansible_core, 'loadavg_after': list(os.getloadavg())},
        'runs': runs,
        'notes': notes(runs),
    }
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, 'results.json'), 'w') as handle:
        json.dump(doc, handle, indent=2)
    write(doc, args.out)


def write(doc, out):
    with open(os.path.join(out, 'results.md'), 'w') as handle:
        handle.write(markdown(doc))
    plot(doc, os.path.join(out, 'time_vs_n.png'))
    print(markdown(doc))


def notes(runs):
    """The loops against the bulk module at the same N (measured, not extrapolated)."""
    out = []
    for bulk_way in ('bulk', 'file'):
        bulk = {(row['n'], row['phase']): row for row in runs if row['way'] == bulk_way}
        for way in ('loop', 'uri'):
            for row in runs:
                if row['way'] != way or (row['n'], row['phase']) not in bulk:
                    continue
                ours = bulk[(row['n'], row['phase'])]
                out.append('%s vs %s, N=%d, %s: %.1f s vs %.2f s, ratio %.0fx (both measured)'
                           % (way, bulk_way, row['n'], row['phase'], row['wall_s'], ours['wall_s'],
                              row['wall_s'] / ours['wall_s']))
    return out


if __name__ == '__main__':
    main()
