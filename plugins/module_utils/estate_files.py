# -*- coding: utf-8 -*-
# Copyright (c) 2026 ucops.platform contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The files of an estate as text, and their writing into a folder.

One implementation of the estate's YAML, used by the export modules (their ``dest`` option) and by
the filters ``estate_yaml`` / ``estate_secrets_yaml``: the same data gives the same bytes either way.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import re
import traceback

from ansible_collections.ucops.platform.plugins.module_utils.private_files import write_private_file

try:
    import yaml
except ImportError:  # PyYAML comes with ansible-core on the controller; the modules name it when missing
    yaml = None
    YAML_IMPORT_ERROR = traceback.format_exc()
else:
    YAML_IMPORT_ERROR = None

SECRETS_FILE = 'secrets.yml'
# the only templates an export writes: references to the entries of secrets.yml
_REFERENCE = re.compile(r'^\{\{ vault_[a-z0-9_]+ \}\}$')
_TEMPLATE = re.compile(r'\{\{|\{%|\{#')
HEADER = ('# %s: written by playbooks/export.yml (ucops.platform.pexip_export, kazoo_system_config_export).\n'
          '# Secrets are in secrets.yml; apply with: ansible-playbook playbooks/site.yml -e estate_dir=<this folder>\n')


class _Unsafe(str):
    """Text the manager holds that looks like a template: written with the !unsafe tag."""


if yaml is not None:
    class _Dumper(getattr(yaml, 'CSafeDumper', yaml.SafeDumper)):  # pylint: disable=too-many-ancestors
        """SafeDumper (libyaml's when present) with literal blocks and !unsafe text."""

    def _text(dumper, value):
        style = '|' if '\n' in value and not value.endswith((' ', '\t')) and '\r' not in value else None
        return dumper.represent_scalar('tag:yaml.org,2002:str', value, style=style)

    def _unsafe(dumper, value):
        return dumper.represent_scalar('!unsafe', str(value), style="'")

    _Dumper.add_representer(str, _text)
    _Dumper.add_representer(_Unsafe, _unsafe)


def unsafe_loader(unsafe=str):
    """A safe YAML loader class (libyaml's when present) that reads ``!unsafe`` text - as an export writes text
    that looks like a template - as ``unsafe(text)``. Needs PyYAML (see :data:`YAML_IMPORT_ERROR`)."""
    class _Loader(getattr(yaml, 'CSafeLoader', yaml.SafeLoader)):  # pylint: disable=too-many-ancestors
        """Safe YAML with ``!unsafe`` text."""

    _Loader.add_constructor('!unsafe', lambda loader, node: unsafe(loader.construct_scalar(node)))
    return _Loader


def _plain(value):
    """``value`` as plain Python types (Ansible hands filters its own str/dict subclasses), templates marked."""
    if isinstance(value, dict):
        return dict((str(key), _plain(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        text = ''.join([value])  # an exact str, whatever subclass Ansible gave
        if _TEMPLATE.search(text) and not _REFERENCE.match(text):
            return _Unsafe(text)
        return text
    return value


def _yaml_dump(value):
    return yaml.dump(value, Dumper=_Dumper, default_flow_style=False, sort_keys=False, allow_unicode=True,
                     width=WIDTH, explicit_start=False)


WIDTH = 120
# Text written plain by PyYAML's emitter whatever its place (no indicator, quote, comment, line break or
# template; Latin letters): the fast writer below writes only such text (or, when PyYAML's resolver would
# read it as another type, the same text in single quotes, as PyYAML does), anything else goes to PyYAML.
_SAFE_TEXT = re.compile(r'[A-Za-z0-9_(/\u00c0-\u024f](?:[A-Za-z0-9_ .@/+()\-\u00c0-\u024f]*'
                        r'[A-Za-z0-9_.@/+()\-\u00c0-\u024f])?\Z')
_STR_TAG = 'tag:yaml.org,2002:str'
_RESOLVER = yaml.resolver.Resolver() if yaml is not None else None


def _fast_scalar(value, column):
    """``value`` as PyYAML writes it when it starts at ``column`` of a line of the block style, or None
    when only PyYAML can tell (text it would quote otherwise, fold or mark !unsafe; floats; other types)."""
    if isinstance(value, str):
        if isinstance(value, _Unsafe) or not _SAFE_TEXT.match(value):
            if value.endswith(" }}") and _REFERENCE.match(value):  # a reference to secrets.yml: PyYAML quotes it (it starts with "{")
                return "'%s'" % value if column + len(value) + 2 <= WIDTH else None
            return "''" if value == '' else None
        if value[0] in _RESOLVER.yaml_implicit_resolvers and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != _STR_TAG:
            value = "'%s'" % value  # text that would read as a number, boolean, null or date
        return value if column + len(value) <= WIDTH else None
    if value is None:
        return 'null'
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if isinstance(value, int):
        return str(int(value))
    return None


def _fast_mapping(mapping, indent, first, lines):
    """Append the lines of a non-empty dict in the block style at ``indent``, its first line starting with
    ``first`` (``- `` of a list item, or spaces); False when only PyYAML can write it."""
    prefix = first
    pad = ' ' * indent
    for key, value in mapping.items():
        if not isinstance(key, str) or len(key) > 100:
            return False
        name = _fast_scalar(key, indent)
        if name is None or not _fast_value(value, indent, prefix + name + ':', lines):
            return False
        prefix = pad
    return True


def _fast_value(value, indent, head, lines):
    """Append ``head`` (``key:`` at ``indent``) with ``value``: on the line, or in the lines below."""
    if isinstance(value, dict):
        if not value:
            lines.append(head + ' {}')
            return True
        lines.append(head)
        return _fast_mapping(value, indent + 2, ' ' * (indent + 2), lines)
    if isinstance(value, (list, tuple)):
        if not value:
            lines.append(head + ' []')
            return True
        lines.append(head)
        return _fast_sequence(value, indent, lines)  # PyYAML does not indent a list in a mapping
    text = _fast_scalar(value, len(head) + 1)
    if text is None:
        return False
    lines.append(head + ' ' + text)
    return True


def _fast_sequence(items, indent, lines):
    pad = ' ' * indent
    for item in items:
        if isinstance(item, dict):
            if not item:
                lines.append(pad + '- {}')
            elif not _fast_mapping(item, indent + 2, pad + '- ', lines):
                return False
        elif isinstance(item, (list, tuple)):
            if item:
                return False  # a list in a list: PyYAML's "- - " form
            lines.append(pad + '- []')
        else:
            text = _fast_scalar(item, indent + 2)
            if text is None:
                return False
            lines.append(pad + '- ' + text)
    return True


def _dump_item(item):
    """One item of a list of a top-level variable, as PyYAML writes it there (a list at the top level
    is not indented, so its items are written alone exactly as within the file)."""
    lines = []
    if _fast_sequence([item], 0, lines):
        lines.append('')
        return '\n'.join(lines)
    return _yaml_dump([_plain(item)])


def _dump(variables):
    """A dict of variables as PyYAML's block style writes it (the text of ``yaml.dump`` with :class:`_Dumper`):
    the usual values (plain text, numbers, booleans, null, lists and dicts of them) written here, in a
    fraction of PyYAML's time; a variable or list item holding anything else written by PyYAML itself."""
    chunks = []
    for key, value in variables.items():
        name = _fast_scalar(key, 0) if isinstance(key, str) and len(key) <= 100 else None
        lines = []
        if name is not None and isinstance(value, (list, tuple)) and value:
            chunks.append(name + ':\n')
            chunks.extend(_dump_item(item) for item in value)
        elif name is not None and _fast_value(value, 0, name + ':', lines):
            lines.append('')
            chunks.append('\n'.join(lines))
        else:
            chunks.append(_yaml_dump({str(key): _plain(value)}))
    if any(chunk.endswith('...\n') for chunk in chunks):
        # text ending in line breaks kept ("|+") leaves the document open: PyYAML ends it once, at the end
        return _yaml_dump(_plain(variables))
    return ''.join(chunks)


def file_text(variables, title):
    """The variables of one estate file (a dict) as the file's YAML text."""
    if not isinstance(variables, dict):
        raise TypeError('the variables of one file (a dict) are needed, got %s' % type(variables).__name__)
    return HEADER % title + '---\n' + (_dump(variables) if variables else '{}\n')


def secrets_text(secrets):
    """secrets.yml: every secret with a comment naming its object; null where it must be filled in."""
    lines = ['# secrets.yml: the secrets the other files of this estate refer to, written by playbooks/export.yml.',
             '# Encrypt it (ansible-vault encrypt secrets.yml) and fill in every null: the manager never returns',
             '# those values, and playbooks/site.yml refuses to run while one is null.',
             '---']
    for entry in secrets or ():
        about = str(entry['about']).replace('\n', ' ')
        if entry.get('value') is None:
            lines.append('# %s (%s): the manager never returns it, fill it in' % (about, entry['file']))
        else:
            lines.append('# %s (%s)' % (about, entry['file']))
        lines.append(_dump({str(entry['name']): entry.get('value')}).rstrip('\n'))
    if not secrets:
        lines.append('{}')
    return '\n'.join(lines) + '\n'


def estate_texts(files, secrets=None):
    """{file name: bytes} of an estate: each of ``files`` (file name to its variables) and, when ``secrets``
    is given (a list, maybe empty), secrets.yml."""
    out = dict((name, file_text(variables, name).encode('utf-8')) for name, variables in sorted(files.items()))
    if secrets is not None:
        out[SECRETS_FILE] = secrets_text(secrets).encode('utf-8')
    return out


def _mode_of(name):
    return 0o600 if name == SECRETS_FILE else 0o644


def write_estate(dest, texts, check_mode=False):
    """Write ``texts`` ({file name: bytes}) into the folder ``dest``, each atomically (a temporary file
    renamed over it), in name order; secrets.yml with mode 0600, the others 0644. A file whose bytes and
    mode are already those is left alone. In check mode nothing is written.
    Returns the names of the files that changed (or would change), sorted."""
    changed = []
    for name in sorted(texts):
        path = os.path.join(dest, name)
        mode = _mode_of(name)
        try:
            with open(path, 'rb') as handle:
                same = handle.read() == texts[name]
            same_mode = (os.stat(path).st_mode & 0o7777) == mode
        except (IOError, OSError):
            same = same_mode = False
        if same and same_mode:
            continue
        changed.append(name)
        if check_mode:
            continue
        if same:
            os.chmod(path, mode)
            continue
        if not os.path.isdir(dest):
            os.makedirs(dest, 0o755)
        write_private_file(path, [texts[name]])  # atomic, created 0600
        if mode != 0o600:
            os.chmod(path, mode)
    return changed


def write_export(module, estate, secrets):
    """Write an export's data (``estate``: ``files``, ``secrets`` when ``secrets`` is true, ``counts``) into
    the module's ``dest`` folder, honouring check mode; the module's result: names and counts only."""
    dest = module.params['dest']
    texts = estate_texts(estate['files'], estate.get('secrets') or [] if secrets else None)
    existing = set(name for name in texts if os.path.exists(os.path.join(dest, name)))
    try:
        changed = write_estate(dest, texts, check_mode=module.check_mode)
    except (IOError, OSError) as exc:
        module.fail_json(msg='dest: cannot write the estate to %s: %s' % (dest, exc))
    result = {'changed': bool(changed), 'file_names': sorted(texts), 'changed_files': changed,
              'counts': estate['counts']}
    if secrets:
        result['secret_count'] = len(estate.get('secrets') or ())
        result['null_secret_count'] = len([entry for entry in estate.get('secrets') or () if entry.get('value') is None])
    for key in ('absent_resources',):
        if key in estate:
            result[key] = estate[key]
    if module._diff and changed:  # pylint: disable=protected-access
        result['diff'] = {'prepared': ''.join('%s %s\n' % ('changed' if name in existing else 'new', os.path.join(dest, name))
                                              for name in changed)}
    return result


# -- reading ---------------------------------------------------------------------------------

class NotPlain(Exception):
    """Text the fast reader does not take: PyYAML reads it."""


_QUOTED = re.compile(r"'([ -&(-~\u00a0-\u024f]*)'\Z")
_COMMENT = re.compile(r'#[ -~\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*\Z')
_INT = re.compile(r'-?(?:0|[1-9][0-9]*)\Z')
_CONSTANTS = {'true': True, 'false': False, 'null': None}


class _Reader:
    """The block style the writer above writes (and PyYAML's), read line by line: mappings, lists, plain
    text, single-quoted text, ``!unsafe`` text, whole numbers, true, false, null, [] and {}. Anything else
    (comments after the header, flow style, other scalars, anchors, tags, text over several lines, tabs)
    raises :class:`NotPlain`, for PyYAML to read the whole text."""

    def __init__(self, lines, unsafe):
        self.lines = lines
        self.unsafe = unsafe
        self.keys = {}

    def scalar(self, text):
        if _SAFE_TEXT.match(text):
            if text[0] in _RESOLVER.yaml_implicit_resolvers:
                tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
                if tag != _STR_TAG:
                    if text in _CONSTANTS:
                        return _CONSTANTS[text]
                    if tag == 'tag:yaml.org,2002:int' and _INT.match(text):
                        return int(text)
                    raise NotPlain(text)
            return text
        if text == '[]':
            return []
        if text == '{}':
            return {}
        unsafe = text.startswith('!unsafe ')
        match = _QUOTED.match(text[8:] if unsafe else text)
        if match is None:
            raise NotPlain(text)
        return self.unsafe(match.group(1)) if unsafe else match.group(1)

    def key(self, text):
        value = self.keys.get(text)
        if value is None:
            value = self.scalar(text)
            if not isinstance(value, str):
                raise NotPlain(text)
            self.keys[text] = value
        return value

    def node(self, index, indent):
        """The block node whose first line is ``index`` (at ``indent``): (value, index after it)."""
        if self.lines[index].startswith('- ', indent):
            return self.sequence(index, indent)
        return self.mapping(index, indent)

    def nested(self, index, indent):
        """The value of ``key:`` at ``indent`` with nothing after the colon: the block below, or null."""
        lines = self.lines
        if index < len(lines):
            line = lines[index]
            deeper = len(line) - len(line.lstrip(' '))
            if deeper > indent or (deeper == indent and line.startswith('- ', indent)):
                return self.node(index, deeper)
        return None, index

    def mapping(self, index, indent, first=None):
        lines = self.lines
        out = {}
        while index < len(lines):
            line = lines[index] if first is None else first
            first = None
            margin = len(line) - len(line.lstrip(' '))
            if margin < indent:
                break
            if margin > indent or line.startswith('- ', indent):
                if margin == indent:
                    break  # a list item: the end of a mapping of a list item
                raise NotPlain(line)
            colon = line.find(':', indent)
            if colon < 0:
                raise NotPlain(line)
            key = self.key(line[indent:colon])
            rest = line[colon + 1:]
            index += 1
            if not rest:
                out[key], index = self.nested(index, indent)
            elif rest[0] == ' ':
                out[key] = self.scalar(rest[1:])
            else:
                raise NotPlain(line)
        return out, index

    def sequence(self, index, indent):
        lines = self.lines
        out = []
        inner = indent + 2
        while index < len(lines):
            line = lines[index]
            margin = len(line) - len(line.lstrip(' '))
            if margin < indent or not line.startswith('- ', indent):
                if margin > indent:
                    raise NotPlain(line)
                break
            if margin > indent:
                raise NotPlain(line)
            rest = line[inner:]
            if rest == '-' or rest.startswith('- '):
                raise NotPlain(line)  # a list in a list
            colon = rest.find(':')
            if colon > 0 and (colon + 1 == len(rest) or rest[colon + 1] == ' ') and _SAFE_TEXT.match(rest[:colon]):
                item, index = self.mapping(index, inner, first=' ' * inner + rest)
                out.append(item)
                continue
            out.append(self.scalar(rest))
            index += 1
        return out, index


def load_text(text, unsafe=str):
    """The variables of an estate file's text (a dict), as ``yaml.safe_load`` reads it with ``!unsafe`` text made
    ``unsafe(text)``; :class:`NotPlain` when the text holds more than the estate's writer writes (PyYAML then
    reads it). A header of comments and ``---`` may come first."""
    lines = text.split('\n')
    if lines[-1] != '':
        raise NotPlain('no line break at the end')
    lines.pop()
    start = 0
    while start < len(lines) and lines[start].startswith('#'):
        if not _COMMENT.match(lines[start]):
            raise NotPlain(lines[start])  # a character YAML refuses, or one that breaks the line
        start += 1
    if start >= len(lines) or lines[start] != '---':
        raise NotPlain('no "---" after the header')
    body = lines[start + 1:]
    if body == ['{}']:
        return {}
    for line in body:
        if not line or line[-1] == ' ' or '\t' in line or '\r' in line or line.lstrip(' ')[:1] == '#':
            raise NotPlain(line)  # blank lines, comments, tabs
    if not body or body[0][:1] in (' ', '-'):
        raise NotPlain('not a mapping')
    reader = _Reader(body, unsafe)
    value, index = reader.mapping(0, 0)
    if index != len(body):
        raise NotPlain(body[index])
    return value
