"""Unique values in a bulk PATCH (one transaction, objects handled in order): the lab
checks a batch's values against the table with one query (lab/pexip/hydrate.py
free_values), and must still refuse what an earlier object of the same batch took,
with the answer a one-by-one check gives."""

CONF = "/api/admin/configuration/v1/conference/"
NAME_TAKEN = {"conference": {"name": ["Conference with this Name already exists."]}}


def _names(api):
    return [(room["name"], [alias["alias"] for alias in room["aliases"]])
            for room in api.get("conference/?limit=0").json()["objects"]]


def _refused(api, path, objects, answer):
    before = api.get(path + "?limit=0").json()["objects"]
    response = api.patch(path, {"objects": objects})
    assert (response.status_code, response.json()) == (400, answer)
    assert api.get(path + "?limit=0").json()["objects"] == before  # all or nothing


def test_a_batch_refuses_what_an_earlier_object_of_it_took(api):
    response = api.patch("conference/", {"objects": [
        {"name": "one", "aliases": [{"alias": "one@example.com"}, {"alias": "7001"}]},
        {"name": "two", "aliases": [{"alias": "two@example.com"}]}]})
    assert response.status_code == 202
    assert _names(api) == [("one", ["one@example.com", "7001"]), ("two", ["two@example.com"])]
    _refused(api, "conference/", [{"name": "three"}, {"name": "three"}], NAME_TAKEN)
    _refused(api, "conference/", [{"name": "four"}, {"name": "one"}], NAME_TAKEN)
    _refused(api, "conference/", [{"resource_uri": CONF + "2/", "name": "renamed"}, {"name": "renamed"}],
             NAME_TAKEN)
    _refused(api, "conference/", [{"name": "five", "aliases": [{"alias": "z"}, {"alias": "y"}]},
                                  {"name": "six", "aliases": [{"alias": "y"}, {"alias": "z"}, {"alias": "w"}]}],
             {"conference": {"aliases": ["Conference alias with this Alias already exists: y, z."]}})
    _refused(api, "conference/", [{"name": "seven", "aliases": [{"alias": "7001"}]}],
             {"conference": {"aliases": ["Conference alias with this Alias already exists: 7001."]}})
    _refused(api, "conference/", [{"resource_uri": CONF + "2/", "aliases": [{"alias": "moved"}]},
                                  {"name": "eight", "aliases": [{"alias": "moved"}]}],
             {"conference": {"aliases": ["Conference alias with this Alias already exists: moved."]}})
    # what an earlier object of the batch gives up, a later one may take
    response = api.patch("conference/", {"objects": [
        {"resource_uri": CONF + "1/", "name": "one renamed", "aliases": [{"alias": "one@example.com"}]},
        {"name": "one", "aliases": [{"alias": "7001"}]}]})
    assert response.status_code == 202, response.text
    assert _names(api) == [("one renamed", ["one@example.com"]), ("two", ["two@example.com"]),
                           ("one", ["7001"])]


def test_other_resources_unique_fields_in_a_batch(api):
    sink = {"url": "https://sink.example.com"}
    _refused(api, "event_sink/", [dict(sink, name="a"), dict(sink, name="a")],
             {"event_sink": {"name": ["Event sink with this Name already exists."]}})
    assert api.patch("event_sink/", {"objects": [dict(sink, name="a"), dict(sink, name="b")]}).status_code == 202
    _refused(api, "event_sink/", [dict(sink, name="c"), dict(sink, name="b")],
             {"event_sink": {"name": ["Event sink with this Name already exists."]}})
