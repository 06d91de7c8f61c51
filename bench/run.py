"""Benchmark: converge N Virtual Meeting Rooms with two aliases each, three ways.

    .venv/bin/python bench/run.py [--sizes 100,1000,10000] [--loop-sizes 100] [--uri-sizes 100]

Against a PRIVATE lab (its own state directory and port, started and stopped
here; the shared lab of the tests is never touched), for every N:

* ``bulk``  -- one ``ucops.platform.pexip_conferences`` task;
* ``loop``  -- a loop of ``ucops.platform.pexip_conference`` over the rooms;
* ``uri``   -- a loop of ``ansible.builtin.uri`` (GET by name, POST the missing ones), the baseline;

each from an empty manager and again with nothing to change. Measured per run:
wall seconds of ``ansible-playbook``, HTTP requests the lab received (its
``/_lab/requests`` log), and the largest resident set size of any process of
the Ansible process tree (``getrusage(RUSAGE_CHILDREN).ru_maxrss`` of a wrapper
that runs only that playbook). Results go to bench/results/ as JSON, a
Markdown table and a PNG plot. Nothing here asserts a time: it measures.
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


def run_playbook(lab, workdir, name, rooms_file):
    env = dict(os.environ)
    env.update(lab.vars)
    env.update({
        'ANSIBLE_COLLECTIONS_PATH': os.path.join(ROOT, '.collections'),
        'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
        'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
        'ANSIBLE_NOCOLOR': '1',
        'ANSIBLE_LOCALHOST_WARNING': 'false',
        'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'false',
        'ANSIBLE_RETRY_FILES_ENABLED': 'false',
        'ANSIBLE_CALLBACK_RESULT_FORMAT': 'json',
        'PATH': BIN + os.pathsep + env.get('PATH', ''),
    })
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
    return {'wall_s': round(wall, 2), 'requests': len(log), 'requests_by_method': methods,
            'peak_rss_mib': round(int(completed.stdout.strip().splitlines()[-1]) / 1024.0, 1)}


def measure(lab, workdir, way, n):
    playbook = {'bulk': 'bulk.yml', 'loop': 'loop.yml', 'uri': 'uri.yml'}[way]
    rooms_file = os.path.join(workdir, 'rooms-%d.json' % n)
    with open(rooms_file, 'w') as handle:
        json.dump(rooms(n), handle)
    lab.reset()
    results = []
    for phase in ('from_empty', 'no_change'):
        row = {'way': way, 'n': n, 'phase': phase}
        row.update(run_playbook(lab, workdir, playbook, rooms_file))
        row['conferences'] = lab.count('conference')
        row['aliases'] = lab.count('conference_alias')
        print('%-5s N=%-6d %-10s %7.2f s %6d requests %7.1f MiB  (%d rooms, %d aliases)' % (
            way, n, phase, row['wall_s'], row['requests'], row['peak_rss_mib'], row['conferences'], row['aliases']),
            flush=True)
        results.append(row)
    return results


def markdown(doc):
    lines = ['# Benchmark results', '',
             'Run %s on %s (%s, %d CPUs), ansible-core %s, private lab.' % (
                 doc['when'], doc['machine']['node'], doc['machine']['python'], doc['machine']['cpus'],
                 doc['machine']['ansible_core']),
             'Load average (1, 5, 15 min) when the run ended: %s; the machine is shared, so times vary with what '
             'else runs.' % ', '.join('%.1f' % x for x in doc['machine'].get('loadavg_after', [])),
             '', 'Converging N Virtual Meeting Rooms with two aliases each; times are wall seconds of '
             '`ansible-playbook`, requests are those the lab logged, memory is the peak RSS of the largest process '
             'of the Ansible process tree.', '',
             '| way | N | phase | wall s | requests | peak RSS MiB | s per room |',
             '|---|---:|---|---:|---:|---:|---:|']
    for row in doc['runs']:
        lines.append('| %s | %d | %s | %.2f | %d | %.1f | %.4f |' % (
            row['way'], row['n'], row['phase'], row['wall_s'], row['requests'], row['peak_rss_mib'],
            row['wall_s'] / row['n']))
    if doc.get('notes'):
        lines += [''] + ['- %s' % note for note in doc['notes']]
    return '\n'.join(lines) + '\n'


def plot(doc, path):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(7, 4.5))
    for way in ('bulk', 'loop', 'uri'):
        for phase, style in (('from_empty', '-o'), ('no_change', '--s')):
            points = sorted((row['n'], row['wall_s']) for row in doc['runs'] if row['way'] == way and row['phase'] == phase)
            if points:
                line, = axis.plot([p[0] for p in points], [p[1] for p in points], style, label='%s, %s' % (way, phase))
                biggest = points[-1]
                if way != 'bulk' and biggest[0] < 10000:
                    axis.plot([biggest[0], 10000], [biggest[1], biggest[1] * 10000.0 / biggest[0]], ':',
                              color=line.get_color(), label='%s, %s (linear extrapolation)' % (way, phase))
    axis.set_xscale('log')
    axis.set_yscale('log')
    axis.set_xlabel('VMRs (two aliases each)')
    axis.set_ylabel('wall seconds')
    axis.set_title('Converging N VMRs: bulk module vs loops')
    axis.grid(True, which='both', alpha=0.3)
    axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def sizes(text):
    return [int(item) for item in text.split(',') if item.strip()]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n', maxsplit=1)[0])
    parser.add_argument('--sizes', type=sizes, default=[100, 1000, 10000], help='N for the bulk module')
    parser.add_argument('--loop-sizes', type=sizes, default=[100], help='N for the pexip_conference loop')
    parser.add_argument('--uri-sizes', type=sizes, default=[100], help='N for the ansible.builtin.uri loop')
    parser.add_argument('--port', type=int, default=int(os.environ.get('BENCH_PEXIP_PORT', '9643')))
    parser.add_argument('--out', default=RESULTS)
    parser.add_argument('--render', action='store_true', help='only rebuild results.md and the plot from results.json')
    args = parser.parse_args(argv)
    if args.render:
        with open(os.path.join(args.out, 'results.json')) as handle:
            doc = json.load(handle)
        write(doc, args.out)
        return

    workdir = tempfile.mkdtemp(prefix='ucops-bench-')
    lab = Lab(os.path.join(workdir, 'lab'), args.port)
    lab.up()
    runs = []
    try:
        for n in args.sizes:
            runs += measure(lab, workdir, 'bulk', n)
        for n in args.loop_sizes:
            runs += measure(lab, workdir, 'loop', n)
        for n in args.uri_sizes:
            runs += measure(lab, workdir, 'uri', n)
    finally:
        lab.down()
        shutil.rmtree(workdir, ignore_errors=True)

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
    """Extrapolations, marked as such, for the loops not run at larger N."""
    out = []
    for way in ('loop', 'uri'):
        for phase in ('from_empty', 'no_change'):
            measured = [row for row in runs if row['way'] == way and row['phase'] == phase]
            if not measured:
                continue
            biggest = max(measured, key=lambda row: row['n'])
            per_room = biggest['wall_s'] / biggest['n']
            out.append('%s, %s: %.3f s per room measured at N=%d; linear extrapolation (not measured): '
                       'N=1,000 about %.0f s, N=10,000 about %.0f s.'
                       % (way, phase, per_room, biggest['n'], per_room * 1000, per_room * 10000))
    return out


if __name__ == '__main__':
    main()
