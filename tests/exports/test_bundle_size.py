"""A bundle of any real gathering moves between servers; the JSON export keeps no tokens."""

import json

from app import bundles
from conftest import simple_definition


def test_a_600_participant_gathering_moves_as_a_bundle(organiser, client, join):
    gathering = organiser.create(
        simple_definition(
            tables=30,
            activities=[{"kind": "statements", "prompt": "Hva tenker dere?"}],
        )
    )
    (statements,) = gathering["activities"]
    organiser.open(gathering, statements)
    for n in range(600):
        token = join(gathering, n % 30 + 1)
        response = client.post(
            "/api/submissions",
            json={
                "activity_id": statements["id"],
                "text": f"Innspill {n}: " + "samarbeid på tvers av kommunene " * 50,
                "client_id": f"c{n}",
            },
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 201, response.get_json()
    bundle = organiser.get(f"/api/gatherings/{gathering['id']}/bundle").get_json()
    body = json.dumps(bundle).encode()
    assert len(body) > 1024 * 1024
    answer = organiser.post("/api/bundles", data=body, content_type="application/json")
    assert answer.status_code in (200, 201), answer.get_json()


def test_a_bundle_too_large_is_refused_with_a_clear_message(organiser):
    body = b'{"format": "samla-bundle", "pad": "' + b"x" * (bundles.MAX_BYTES + 10) + b'"}'
    answer = organiser.post("/api/bundles", data=body, content_type="application/json")
    assert answer.status_code == 413
    refusal = answer.get_json()
    assert refusal["error"] == "too_large"
    assert refusal["message"] == "Det du sendte er for stort (64 MB); største tillatte er 64 MB."


def test_other_requests_keep_the_small_limit(organiser):
    body = b'{"title": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    answer = organiser.post("/api/gatherings", data=body, content_type="application/json")
    assert answer.status_code == 413 and answer.get_json()["error"] == "too_large"


def test_the_json_export_leaves_out_tokens_and_the_screen_link(organiser, gathering):
    exported = organiser.get(f"/api/gatherings/{gathering['id']}/export.json")
    text = exported.get_data(as_text=True)
    assert "token" not in text and "screen_url" not in text
    assert exported.get_json()["title"] == gathering["title"]
