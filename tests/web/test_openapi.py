"""Promise 5: docs/openapi.yaml describes every JSON route, and the app keeps to it.

The routes are read from the app's URL map, so a route added without its description
(or a description left behind by a removed route) fails here. schemathesis then sends
generated requests, valid and invalid, to every described operation of the app in
process, and checks each answer against the description.
"""

import re
import shutil

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from app import create_app
from conftest import ADMIN_TOKEN, PUBLIC_URL, ROOT_DIR, Organiser

SPEC = ROOT_DIR / "docs" / "openapi.yaml"
HTTP_METHODS = {"get", "put", "post", "patch", "delete"}
JSON_BLUEPRINTS = {"api", "minutes_api", "console_api"}  # /healthz, /api/..., the QR codes
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def openapi_path(rule):
    """/api/gatherings/<int:gathering_id> as /api/gatherings/{gathering_id}."""
    return re.sub(r"<(?:[a-z]+:)?(\w+)>", r"{\1}", rule)


def test_the_description_lists_exactly_the_apps_json_routes(tmp_path):
    app = create_app({"DATA_DIR": str(tmp_path), "ADMIN_TOKEN": "probe", "ASYNC_MODE": "threading"})
    app.extensions["samla_store"].close()
    served = {
        (method.lower(), openapi_path(rule.rule))
        for rule in app.url_map.iter_rules()
        if rule.endpoint.split(".")[0] in JSON_BLUEPRINTS
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    described = {
        (method, path)
        for path, item in yaml.safe_load(SPEC.read_text(encoding="utf-8"))["paths"].items()
        for method in item
        if method in HTTP_METHODS
    }
    assert served == described
    assert len(served) >= 35  # guards against an empty or mis-read map


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A gathering from a template, with something in it and a participant, so that the
    generated requests can hit real ids as well as unknown ones."""
    folder = tmp_path_factory.mktemp("openapi")
    shutil.copytree(ROOT_DIR / "sessions", folder / "sessions")  # POST /api/templates writes
    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(folder / "data"),
            "SESSIONS_DIR": str(folder / "sessions"),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "PUBLIC_URL": PUBLIC_URL,
            "ASYNC_MODE": "threading",
            "COALESCE_SECONDS": 0,
            "RATE_LIMIT": "off",  # thousands of requests from one participant in a minute
        }
    )
    client = app.test_client()
    organiser = Organiser(client)
    gathering = organiser.create(template="innlandet-ledersamling-2020")
    doomed = organiser.create(template="innlandet-ledersamling-2020")
    for activity in gathering["activities"]:
        organiser.open(gathering, activity)
    joined = client.post("/api/join", json={"code": gathering["code"], "table": 1}).get_json()
    token = joined["participant_token"]

    def submit(activity, text, client_id):
        return client.post(
            "/api/submissions",
            headers={"Authorization": f"Bearer {token}"},
            json={"activity_id": activity["id"], "text": text, "client_id": client_id},
        ).get_json()["id"]

    entries = [
        submit(activity, "Samarbeid", f"c{activity['id']}")
        for activity in gathering["activities"]
        if activity["kind"] in ("words", "statements")
    ]
    # Two kept themes of the statements activity: one for DELETE, one for the others.
    statements = next(a for a in gathering["activities"] if a["kind"] == "statements")
    entries.append(submit(statements, "Felles mål", "c-second"))
    themes = [
        organiser.post(
            f"/api/gatherings/{gathering['id']}/activities/{statements['id']}/themes",
            json={"title": f"Tema {n}", "entries": [entry]},
        ).get_json()["id"]
        for n, entry in enumerate(entries[-2:])
    ]
    network = organiser.post("/api/networks", json={"name": "Region Hamar"}).get_json()
    real = {
        "gathering_id": [gathering["id"]],
        "activity_id": [a["id"] for a in gathering["activities"]],
        "entry_id": entries,
        "network_id": [network["id"]],
        "number": [1, 2],
        "table": [1, 2],
        "code": [gathering["code"]],
        "theme_id": themes[:1],
    }
    yield {
        "app": app,
        "real": real,
        "doomed": doomed["id"],
        "doomed_theme": themes[1],
        "participant": token,
    }
    app.extensions["samla_store"].close()


# These render in a worker process (seconds each), so they are described but not
# fuzzed; tests/exports/ (test_exports.py, test_cards.py) covers them.
HEAVY = r"(/export\.\{fmt\}|/record\.\{fmt\}|/cloud\.png|/cards\.pdf)$"
OPERATIONS = {
    result.ok().label: result.ok()
    for result in schemathesis.openapi.from_path(SPEC)
    .exclude(path_regex=HEAVY)
    .get_all_operations()
}


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_the_app_keeps_to_its_description(world, label):
    operation = OPERATIONS[label]
    real = dict(world["real"])
    deleting = operation.method.upper() == "DELETE"
    if deleting and operation.path == "/api/gatherings/{gathering_id}":
        real["gathering_id"] = [world["doomed"]]  # the gathering the others use stays
    if deleting:
        real["theme_id"] = [world["doomed_theme"]]  # the theme the others use stays
    token = world["participant"] if operation.path == "/api/submissions" else ADMIN_TOKEN
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
    @given(case=cases, use_real_ids=st.booleans(), data=st.data())
    def answers_as_described(case, use_real_ids, data):
        if use_real_ids:  # otherwise the ids are whatever was generated: mostly unknown
            for name in case.path_parameters or {}:
                if name in real:
                    case.path_parameters[name] = data.draw(st.sampled_from(real[name]))
        # Uncompressed: Flask-Compress answers a test client's zstd/br/gzip, which the
        # in-process transport does not decode before checking the body.
        headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
        case.call_and_validate(app=world["app"], headers=headers, checks=CHECKS)

    answers_as_described()
