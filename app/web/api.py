"""JSON over HTTP: parse, call an action, answer. Rules live in actions and gatherings."""

import gzip
import json
import sqlite3

from flask import Blueprint, Response, abort, current_app, jsonify, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from app import (
    __version__,
    actions,
    agenda,
    bundles,
    catalog,
    kinds,
    lookups,
    points,
    settings,
    store,
    views,
)
from app.errors import SamlaError
from app.exports import worker
from app.realtime import broadcasts, snapshots, timers
from app.rules import LARGEST_ID, check_id, normalise_definition
from app.web import auth, qr, ratelimits, translation
from app.web.messages import error_answer
from app.web.payloads import json_body

bp = Blueprint("api", __name__)


@bp.errorhandler(SamlaError)
def refuse(error):
    response = jsonify(error_answer(error))
    if "retry_after" in error.answer:
        response.headers["Retry-After"] = str(error.answer["retry_after"])
    return response, error.http_status


@bp.app_errorhandler(sqlite3.Error)
def database_fault(error):
    """A fault that passes (full disk, lock, I/O) outside a write answers `try_again` too."""
    reason = store.connection.fault_reason(error)
    if reason is None:
        raise error
    return refuse(store.connection.try_again(reason))


@bp.app_errorhandler(HTTPException)
def http_error(error):
    """Unknown API paths and wrong methods answer in JSON too; pages keep HTML errors."""
    if not request.path.startswith("/api/"):
        return error
    code = "not_found" if error.code == 404 else "bad_request"
    body = error_answer(SamlaError(code, detail=error.description or ""))
    return jsonify(body), error.code


@bp.app_url_value_preprocessor
def no_row_has_a_huge_id(endpoint, values):
    """An id in the path beyond what SQLite stores finds nothing (instead of overflowing)."""
    if values and any(isinstance(v, int) and v > LARGEST_ID for v in values.values()):
        if endpoint.split(".")[0] in ("api", "minutes_api"):
            raise SamlaError("not_found")
        abort(404)


def _public_url():
    return current_app.config["PUBLIC_URL"]


def _describe(gathering_id):
    with store.get_store().read() as db:
        gathering = lookups.gathering(db, gathering_id)
        return views.describe_gathering(db, gathering, _public_url())


@bp.get("/healthz")
def healthz():
    """Liveness for monitors and tests: `ok`, or `degraded` with the reason writes fail
    (disk_full, database_locked, io_error) while reads still work, and which Samla answers.
    Always 200: the process serves, and a balancer must not take the only server out of
    the hall."""
    return {**store.get_store().health(), "version": __version__}


@bp.get("/api/templates")
@auth.organiser_api
def list_templates():
    """The gathering templates: the organiser's own and the shipped ones."""
    return jsonify(catalog.list_templates(settings.template_folders(current_app.config)))


@bp.get("/api/gatherings")
@auth.organiser_api
def list_gatherings():
    """Every gathering, newest first."""
    with store.get_store().read() as db:
        return jsonify(
            [
                views.describe_gathering(db, g, _public_url())
                for g in store.gatherings.list_gatherings(db)
            ]
        )


@bp.post("/api/gatherings")
@auth.organiser_api
def create_gathering():
    """Create a gathering from a definition or from a template in sessions/."""
    body = json_body()
    if isinstance(body, dict) and set(body) == {"template"}:
        definition = catalog.load_template(
            settings.template_folders(current_app.config), body["template"]
        )
    else:
        definition = normalise_definition(body)
    gathering_id = actions.create_gathering(store.get_store(), definition)
    return jsonify(_describe(gathering_id)), 201


@bp.get("/api/gatherings/<int:gathering_id>")
@auth.organiser_api
def get_gathering(gathering_id):
    return jsonify(_describe(gathering_id))


@bp.post("/api/gatherings/<int:gathering_id>/activities/<int:activity_id>/state")
@auth.organiser_api
def set_activity_state(gathering_id, activity_id):
    """Open or close an activity; phones and screens hear it at once."""
    body = json_body()
    state = body.get("state") if isinstance(body, dict) else None
    activity = actions.set_activity_state(store.get_store(), gathering_id, activity_id, state)
    broadcasts.activity_state_changed(activity)
    return jsonify(views.public_activity(activity))


@bp.post("/api/gatherings/<int:gathering_id>/activities/<int:activity_id>/reveal")
@auth.organiser_api
def reveal(gathering_id, activity_id):
    """Show (or withhold again) an activity's results on the projector."""
    body = json_body()
    revealed = body.get("revealed") if isinstance(body, dict) else None
    activity = actions.set_revealed(store.get_store(), gathering_id, activity_id, revealed)
    broadcasts.activity_state_changed(activity)
    if activity["revealed"]:
        broadcasts.results_revealed(activity)
    return jsonify(views.public_activity(activity))


@bp.post("/api/gatherings/<int:gathering_id>/activities/<int:activity_id>/timer")
@auth.organiser_api
def set_timer(gathering_id, activity_id):
    """Start a countdown that closes the activity, or stop it with null."""
    body = json_body()
    if not isinstance(body, dict) or "seconds" not in body:
        raise SamlaError("bad_request", detail=_l("send seconds (eller null)"))
    activity = actions.set_timer(store.get_store(), gathering_id, activity_id, body["seconds"])
    broadcasts.activity_state_changed(activity)
    if activity["closes_at"]:
        timers.wake()
    return jsonify(views.public_activity(activity))


@bp.get("/api/gatherings/<int:gathering_id>/activities/<int:activity_id>/results")
@auth.organiser_api
def results(gathering_id, activity_id):
    """An activity's results: priority lists, task points by table and question, or the
    panel's questions by votes; for entry kinds, the entries (and word frequencies)."""
    with store.get_store().read() as db:
        activity = store.activities.get_activity(db, activity_id)
        if activity is None or activity["gathering_id"] != gathering_id:
            raise SamlaError("unknown_activity")
        shown = views.activity_results(db, activity)
    kind = kinds.of(activity)
    shown.update(kind.summaries(shown))
    shown["entries"] = kind.results_entries(shown["entries"])
    return jsonify({"activity": views.public_activity(activity), **shown})


@bp.get("/api/gatherings/<int:gathering_id>/definition")
@auth.organiser_api
def get_definition(gathering_id):
    """The gathering's agenda as a definition, activities with their ids (for the editor)."""
    with store.get_store().read() as db:
        gathering = lookups.gathering(db, gathering_id)
        return jsonify(agenda.definition_of(db, gathering))


@bp.put("/api/gatherings/<int:gathering_id>/definition")
@auth.organiser_api
def put_definition(gathering_id):
    """Edit the agenda: activities with an id change, new ones are added, left-out ones
    removed, but nothing that has entries is ever deleted."""
    agenda.apply_definition(store.get_store(), gathering_id, json_body())
    broadcasts.agenda_edited(gathering_id)
    return jsonify(_describe(gathering_id))


@bp.post("/api/templates")
@auth.organiser_api
def save_template():
    """Save a gathering's agenda (or a definition) as a new template in the data folder."""
    body = json_body()
    if not isinstance(body, dict):
        raise SamlaError("bad_request", detail=_l("send stem og gathering_id eller definition"))
    if body.get("gathering_id") is not None:
        with store.get_store().read() as db:
            gathering = store.gatherings.get_gathering(
                db, check_id(body["gathering_id"], "gathering_id")
            )
            if gathering is None:
                raise SamlaError("not_found")
            definition = agenda.definition_of(db, gathering)
    else:
        definition = normalise_definition(body.get("definition"))
    folders = settings.template_folders(current_app.config)
    stem = agenda.save_template(folders, body.get("stem"), definition)
    return jsonify({"stem": stem}), 201


@bp.post("/api/gatherings/<int:gathering_id>/screen")
@auth.organiser_api
def set_screen(gathering_id):
    """Choose what the projector shows: an activity, or null for the join screen."""
    body = json_body()
    if not isinstance(body, dict) or "activity_id" not in body:
        raise SamlaError("bad_request", detail=_l("send activity_id (eller null)"))
    screen = actions.set_screen(
        store.get_store(),
        gathering_id,
        body["activity_id"],
        body.get("view"),
        body.get("question_id"),
    )
    broadcasts.screen_changed(gathering_id, screen)
    return jsonify(screen)


@bp.patch("/api/entries/<int:entry_id>")
@auth.organiser_api
def moderate_entry(entry_id):
    """Hide, show or highlight an entry."""
    entry, previous = actions.moderate_entry(store.get_store(), entry_id, json_body())
    with store.get_store().read() as db:
        activity = store.activities.get_activity(db, entry["activity_id"])
    broadcasts.entry_moderated(entry, activity)
    if previous is not None:
        broadcasts.entry_moderated(previous, activity)
    return jsonify(views.screen_entry(entry))


@bp.patch("/api/points/<int:point_id>")
@auth.organiser_api
def moderate_point(point_id):
    """Hide or show a task point, or approve a held one; the projector never shows either."""
    point, activity = points.moderate_point(store.get_store(), point_id, json_body())
    broadcasts.point_changed(point, activity)
    return jsonify(views.public_point(point))


@bp.get("/api/gatherings/<int:gathering_id>/export.json")
@auth.organiser_api
def export_json(gathering_id):
    """The gathering with every activity's entries (hidden ones marked) and word frequencies."""
    with store.get_store().read() as db:
        gathering = lookups.gathering(db, gathering_id)
        state = snapshots.screen_state(db, gathering, _public_url())
    for activity in state["activities"]:
        activity.update(kinds.of(activity).summaries(activity))
    exported = bundles.without_tokens({**state["gathering"], "activities": state["activities"]})
    response = jsonify(exported)
    response.headers["Content-Disposition"] = f'attachment; filename="samling-{gathering_id}.json"'
    return response


@bp.get("/api/gatherings/<int:gathering_id>/activities/<int:activity_id>/cloud.png")
@auth.organiser_api
def cloud_png(gathering_id, activity_id):
    """The word cloud of a words activity as a PNG, rendered in a worker process."""
    with store.get_store().read() as db:
        activity = store.activities.get_activity(db, activity_id)
        if activity is None or activity["gathering_id"] != gathering_id:
            raise SamlaError("unknown_activity")
        freq = views.word_frequencies(db, activity)
    if freq is None:
        raise SamlaError("bad_request", detail=_l("bare en words-aktivitet har ordsky"))
    png = worker.render_cloud_png(freq)
    return Response(
        png,
        mimetype="image/png",
        headers={"Content-Disposition": f'attachment; filename="ordsky-{activity_id}.png"'},
    )


@bp.get("/api/join/<code>")
def describe_join(code):
    """What a phone needs to pick a table: the gathering's title, language and tables."""
    with store.get_store().read() as db:
        gathering = store.gatherings.get_gathering_by_code(db, code)
        if gathering is None:
            raise SamlaError("unknown_code")
        tables = store.gatherings.list_tables(db, gathering["id"])
    return jsonify(
        {
            "gathering_id": gathering["id"],
            "title": gathering["title"],
            "language": gathering["language"],
            "tables": [{"number": t["number"], "label": t["label"]} for t in tables],
        }
    )


@bp.post("/api/join")
def join():
    """A phone joins a table; the answer's token is its identity from now on. A phone that
    sends the token it kept from an earlier join (`participant_token`) gets it back: a
    reload or a rescanned card is the same participant. Never the address or the browser,
    which a whole hall shares."""
    body = json_body()
    if not isinstance(body, dict):
        raise SamlaError("bad_request", detail=_l("send code og table"))
    translation.speak_for_gathering(code=body.get("code"))
    joined = actions.join(
        store.get_store(), body.get("code"), body.get("table"), body.get("participant_token")
    )
    with store.get_store().read() as db:
        counts = views.joined_counts(db, joined["gathering_id"])
    broadcasts.participant_joined(
        joined["gathering_id"],
        {
            "gathering_id": joined["gathering_id"],
            "participant": joined["participant"],
            "table": joined["table"],
            "rejoined": joined["rejoined"],
            **counts,
        },
    )
    return jsonify(joined)


@bp.post("/api/gatherings/<int:gathering_id>/joining")
@auth.organiser_api
def set_joining(gathering_id):
    """Open or close joining for newcomers; phones already in keep working."""
    body = json_body()
    answer = actions.set_joining(
        store.get_store(), gathering_id, body.get("open") if isinstance(body, dict) else None
    )
    broadcasts.joining_changed(gathering_id, answer["open"])
    return jsonify(answer)


@bp.post("/api/gatherings/<int:gathering_id>/participants/<participant>/block")
@auth.organiser_api
def block_participant(gathering_id, participant):
    """Hide everything one phone wrote and refuse what it does from now on."""
    answer = actions.block_participant(store.get_store(), gathering_id, participant)
    broadcasts.participant_blocked(gathering_id)
    return jsonify(answer)


@bp.post("/api/submissions")
def submit():
    """The same as the Socket.IO `submit` event, for phones without a websocket."""
    participant = auth.participant_from_request()
    translation.speak_for_gathering(participant["gathering_id"])
    answer, entry, activity = actions.submit(store.get_store(), participant["token"], json_body())
    if entry is not None:
        broadcasts.entry_added(entry, activity)
    return jsonify(answer), (200 if answer["duplicate"] else 201)


@bp.get("/api/activities/<int:activity_id>/items")
def phone_items(activity_id):
    """A vote's items for a phone of its gathering, `{activity_id, version, items: [{id,
    text}]}`: the same for every phone, so a phone's `state` names only their version and
    the phone fetches them once. The version is a weak ETag; a phone that has them gets 304."""
    participant = auth.participant_from_request()
    translation.speak_for_gathering(participant["gathering_id"])
    ratelimits.check_participant(participant["token"])
    with store.get_store().read() as db:
        activity = lookups.activity_of(db, participant["gathering_id"], activity_id)
        shown = views.shared(
            db, ("phone-items", activity_id), lambda: kinds.of(activity).phone_items(db, activity)
        )
    if shown is None:
        raise SamlaError("unknown_activity")
    if request.if_none_match.contains_weak(shown["version"]):
        response = Response(status=304)
    else:
        response = _items_response(activity_id, shown)
    response.set_etag(shown["version"], weak=True)
    response.vary.add("Accept-Encoding")
    # Kept by the browser, and asked for again (a 304 while unchanged) before each use.
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def _items_response(activity_id, shown):
    """The items' JSON, encoded and compressed once per version: when a vote over 600
    statements opens, 2,000 phones ask for the same 94 KB at once (about 1 ms each to
    encode and compress anew)."""
    kept = current_app.extensions.setdefault("samla_items_bodies", {})
    body = kept.get(activity_id)
    if body is None or body[0] != shown["version"]:
        plain = json.dumps(
            {"activity_id": activity_id, **shown}, ensure_ascii=False, separators=(",", ":")
        ).encode()
        body = kept[activity_id] = (shown["version"], plain, gzip.compress(plain, 6))
    _, plain, packed = body
    if "gzip" not in request.accept_encodings:
        return Response(plain, mimetype="application/json")
    # Already compressed: Flask-Compress leaves a response with a Content-Encoding alone.
    response = Response(packed, mimetype="application/json")
    response.headers["Content-Encoding"] = "gzip"
    return response


@bp.get("/qr/<code>.svg")
@bp.get("/qr/<code>/<int:table>.svg")
def qr_svg(code, table=None):
    """The join QR code (of a table, when given) as SVG."""
    with store.get_store().read() as db:
        gathering = store.gatherings.get_gathering_by_code(db, code)
    if gathering is None:
        raise SamlaError("unknown_code")
    url = views.urls(gathering, _public_url())["join_url"]
    if table is not None:
        check_id(table, "table")
        url = f"{url}/{table}"
    response = Response(qr.svg(url), mimetype="image/svg+xml")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@bp.delete("/api/gatherings/<int:gathering_id>")
@auth.organiser_api
def delete_gathering(gathering_id):
    """Erase the gathering with its tables, activities, participants and entries, for good."""
    actions.delete_gathering(store.get_store(), gathering_id)
    broadcasts.gathering_deleted(gathering_id)
    return jsonify({"ok": True, "deleted": gathering_id})
