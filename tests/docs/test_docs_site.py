"""The built docs site (make docs) renders in a real browser: headless Chromium over http://127.0.0.1.

Chromium is required: CI installs it (.ci/run). Without it the test fails and says so; it does
not skip.
"""

import functools
import glob
import os
import re
import shutil
import subprocess
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HTML = os.path.join(ROOT, '.build', 'docs', 'build', 'html')
DOCS = os.path.join(ROOT, 'docs')
CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                  '--disable-background-networking', '--disable-component-update', '--disable-sync',
                  '--disable-dev-shm-usage']


def find_chromium():
    for name in ('chromium', 'chromium-browser', 'google-chrome'):
        path = shutil.which(name)
        if path:
            return path
    return '/usr/bin/chromium' if os.path.exists('/usr/bin/chromium') else None


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


@pytest.fixture(scope='module')
def site():
    if not os.path.isfile(os.path.join(HTML, 'index.html')):
        pytest.fail('the docs site is not built: run `make docs` first (%s/index.html is missing)' % HTML, pytrace=False)
    server = ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(QuietHandler, directory=HTML))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield 'http://127.0.0.1:%d/' % server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture(scope='module')
def browser():
    chromium = find_chromium()
    if chromium is None:
        pytest.fail('headless Chromium is required to check the docs site and was not found: install the Debian '
                    'package `chromium` (.ci/run does: apt-get install chromium)', pytrace=False)
    profile = tempfile.mkdtemp(prefix='ucops-docs-chromium-')

    def dump_dom(url):
        completed = subprocess.run([chromium] + CHROMIUM_FLAGS + ['--user-data-dir=%s' % profile, '--dump-dom', url],
                                   capture_output=True, text=True, timeout=120, check=False)
        assert completed.returncode == 0 and '<html' in completed.stdout, (
            'chromium failed on %s (exit %s):\n%s' % (url, completed.returncode, completed.stderr[-3000:]))
        return completed.stdout

    yield dump_dom
    shutil.rmtree(profile, ignore_errors=True)


def text_of(dom):
    return re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', dom))


def test_index_renders_with_modules_plugins_and_guides(site, browser):
    dom = browser(site + 'index.html')
    title = re.search(r'<title>(.*?)</title>', dom, re.S).group(1)
    assert 'ucops.platform' in title
    for page in ('pexip_conference_module.html', 'kazoo_system_config_module.html', 'pexip_nodes_inventory.html',
                 'docsite/getting_started.html', 'docsite/troubleshooting.html', 'docsite/awx.html'):
        assert 'href="%s' % page in dom, 'index does not link %s' % page


def test_module_page_has_options_table_and_examples(site, browser):
    dom = browser(site + 'pexip_conference_module.html')
    title = re.search(r'<title>(.*?)</title>', dom, re.S).group(1)
    assert 'pexip_conference' in title
    text = text_of(dom)
    assert '<table' in dom
    assert 'Parameters' in text
    for option in ('pexip_url', 'pexip_password', 'aliases', 'check_mode'):
        assert option in text, option
    examples = dom.split('id="examples"', 1)
    assert len(examples) == 2, 'no Examples section'
    assert re.search(r'ucops\.platform\.pexip_conference\s*:', text_of(examples[1])), 'no task in the examples'
    assert 'Return Values' in text


def test_guides_render(site, browser):
    text = text_of(browser(site + 'docsite/troubleshooting.html'))
    for heading in ('HTTP 401', 'HTTP 403', 'HTTP 404', 'HTTP 400', 'Timeouts', 'Connection refused', 'TLS'):
        assert heading in text, heading
    assert 'module_defaults' in text_of(browser(site + 'docsite/getting_started.html'))


def test_every_module_and_plugin_has_a_page():
    """Modules added later appear without touching the docs build."""
    missing = []
    for path in glob.glob(os.path.join(ROOT, 'plugins', 'modules', '*.py')):
        name = os.path.splitext(os.path.basename(path))[0]
        if not name.startswith('_') and not os.path.isfile(os.path.join(HTML, '%s_module.html' % name)):
            missing.append(name)
    for path in glob.glob(os.path.join(ROOT, 'plugins', 'inventory', '*.py')):
        name = os.path.splitext(os.path.basename(path))[0]
        if not name.startswith('_') and not os.path.isfile(os.path.join(HTML, '%s_inventory.html' % name)):
            missing.append(name)
    assert not missing, 'no page for %s: is the docs site stale? run `make docs`' % missing


def test_every_guide_is_in_the_site():
    """Each docs/*.md guide has an extra-docs stub and a toctree entry, so the site includes it."""
    with open(os.path.join(DOCS, 'docsite', 'extra-docs.yml')) as handle:
        index = yaml.safe_load(handle)
    refs = set(entry['ref'] if isinstance(entry, dict) else entry
               for section in index['sections'] for entry in section['toctree'])
    problems = []
    for path in sorted(glob.glob(os.path.join(DOCS, '*.md'))):
        guide = os.path.basename(path)
        if guide == 'README.md':
            continue
        stub = guide[:-3].replace('-', '_')
        stub_path = os.path.join(DOCS, 'docsite', 'rst', stub + '.rst')
        if not os.path.isfile(stub_path) or 'docs/%s' % guide not in open(stub_path).read():
            problems.append('docs/docsite/rst/%s.rst must stand for docs/%s (copy another stub)' % (stub, guide))
        if stub not in refs:
            problems.append('docs/docsite/extra-docs.yml has no toctree entry "%s"' % stub)
    assert not problems, '\n'.join(problems)
