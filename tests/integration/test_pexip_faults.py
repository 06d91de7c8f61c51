"""The Pexip client against the lab's injected faults: no duplicate after a late or lost answer, capped waits."""

from ansible_collections.ucops.platform.plugins.module_utils.pexip_client import PexipClient

from lab.control import LabControl

CONF = '/api/admin/configuration/v1/conference/'


def test_faults_playbook(playbook):
    playbook('pexip_faults.yml').expect_success()


def test_retry_after_45_on_a_get_waits_the_cap(lab_env):
    """A GET answered 503 with Retry-After: 45 is retried after 30 s (the cap), not 45: the wait is observed."""
    lab = LabControl(lab_env['PEXIP_URL'], lab_env['PEXIP_USERNAME'], lab_env['PEXIP_PASSWORD'],
                     lab_env['PEXIP_CA_PATH'])
    slept = []
    client = PexipClient(lab_env['PEXIP_URL'], lab_env['PEXIP_USERNAME'], lab_env['PEXIP_PASSWORD'],
                         ca_path=lab_env['PEXIP_CA_PATH'], sleep=slept.append)
    lab.clear_requests()
    lab.add_fault(method='GET', path=CONF, kind='status', status=503, retry_after=45, count=1)
    try:
        client.list('conference', params={'name': 'no such room'})
    finally:
        lab.clear_faults()
    log = [(entry['method'], entry['path'], entry['status']) for entry in lab.requests()]
    assert log == [('GET', CONF, 503), ('GET', CONF, 200)]
    assert slept == [30.0]
