
# --- ucops.platform: appended by scripts/docs.sh to the conf.py of `antsibull-docs sphinx-init` ---
# The site is built offline: no intersphinx inventory is fetched. The few labels of the Ansible
# documentation that generated plugin pages reference are resolved to docs.ansible.com links here;
# any other unresolved reference is still an error (nitpicky, -W).
# pylint: disable=undefined-variable,used-before-assignment
extensions.append('myst_parser')  # noqa: F821  (defined earlier in the generated conf.py)
intersphinx_mapping = {}
myst_heading_anchors = 3
# Links in the guides are rewritten by _guide_links below, not resolved by MyST.
myst_all_links_external = True
suppress_warnings = ['myst.header']

ANSIBLE_DOCS = 'https://docs.ansible.com/projects/ansible/latest/'
ANSIBLE_LABELS = {
    'common_return_values': 'reference_appendices/common_return_values.html',
    'ansible_configuration_settings': 'reference_appendices/config.html',
    'playbooks_module_defaults': 'playbook_guide/playbooks_module_defaults.html',
    'check_mode_dry': 'playbook_guide/playbooks_checkmode.html',
    'playbooks_vault': 'vault_guide/index.html',
    'ansible_collections.ansible.builtin.env_lookup': 'collections/ansible/builtin/env_lookup.html',
}


REPOSITORY_DOCS = 'https://github.com/ucops/platform/blob/main/docs/'


def _ansible_docs_reference(app, env, node, contnode):
    """Resolve what the offline build cannot: Ansible's own labels and environment variables."""
    from docutils import nodes as _nodes

    target = node.get('reftarget') or ''
    if target in ANSIBLE_LABELS:
        refuri = ANSIBLE_DOCS + ANSIBLE_LABELS[target]
    elif node.get('reftype') == 'envvar' and target.startswith('ANSIBLE_'):
        refuri = ANSIBLE_DOCS + 'reference_appendices/config.html#envvar-' + target
    else:
        return None
    reference = _nodes.reference('', '', internal=False, refuri=refuri)
    reference.append(contnode)
    return reference


def _guide_links(app, doctree, docname):
    """The Markdown guides link files of docs/ as on GitHub: point those links at the site's pages.

    A link to another guide that is part of the site goes to its page; any other relative link
    (a guide not in the site, README.md, a module's source) goes to the file in the repository.
    """
    import posixpath
    from docutils import nodes as _nodes

    if not docname.startswith('docsite/'):
        return
    for node in doctree.findall(_nodes.reference):
        uri = node.get('refuri') or ''
        if not uri or uri.startswith(('#', 'mailto:')) or '://' in uri:
            continue
        path, _sep, anchor = uri.partition('#')
        if path.endswith('.html'):
            continue
        target = 'docsite/' + posixpath.splitext(posixpath.basename(path))[0].replace('-', '_')
        if path.endswith('.md') and '/' not in path and target in app.env.all_docs:
            node['refuri'] = app.builder.get_relative_uri(docname, target) + ('#' + anchor if anchor else '')
        else:
            node['refuri'] = REPOSITORY_DOCS + posixpath.normpath(path) + ('#' + anchor if anchor else '')


def setup(app):
    app.connect('missing-reference', _ansible_docs_reference)
    app.connect('doctree-resolved', _guide_links)
