"""JSON over HTTP for what organisers file after a gathering: minutes in every format,
facilitator notes, networks, network records and bundles. Thin, like api.py."""

from flask import Blueprint, Response, current_app, jsonify, request
from flask_babel import lazy_gettext as _l

from app import bundles, lookups, networks, notes, records, store, views
from app.errors import SamlaError
from app.exports import formats, labels, minutes, worker
from app.rules import check_id, normalise_tables
from app.web import auth, translation
from app.web.api import refuse
from app.web.payloads import json_body

bp = Blueprint("minutes_api", __name__)
bp.register_error_handler(SamlaError, refuse)


def _download(what, fmt, data, name, language):
    """`data` rendered in `fmt` as an attachment; heavy formats go to the worker process."""
    table = formats.KINDS[what]
    if fmt not in table:
        raise SamlaError(
            "bad_request", detail=_l("format må være en av %(names)s", names=", ".join(table))
        )
    _, mimetype, extension, heavy = table[fmt]
    # A Norwegian spreadsheet splits CSV on ';'; `?sep=,` serves the others.
    texts = labels.resolved(language, "," if request.args.get("sep") == "," else ";")
    if heavy:
        body = worker.render_document(what, fmt, data, texts)
    else:
        body = formats.render(what, fmt, data, texts)
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{name}.{extension}"'},
    )


@bp.get("/api/gatherings/<int:gathering_id>/minutes")
@auth.organiser_api
def get_minutes(gathering_id):
    """The minutes as the neutral structure every export renders."""
    with store.get_store().read() as db:
        built = minutes.build(db, gathering_id)
    if built is None:
        raise SamlaError("not_found")
    return jsonify(built)


@bp.get("/api/gatherings/<int:gathering_id>/export.<fmt>")
@auth.organiser_api
def export_minutes(gathering_id, fmt):
    """The minutes (referat) as md, html, docx, pdf, xlsx or csv (a zip of one CSV per activity)."""
    with store.get_store().read() as db:
        built = minutes.build(db, gathering_id)
    if built is None:
        raise SamlaError("not_found")
    return _download(
        "minutes", fmt, built, f"referat-{gathering_id}", built["gathering"]["language"]
    )


@bp.get("/api/gatherings/<int:gathering_id>/cards.pdf")
@auth.organiser_api
def table_cards_pdf(gathering_id):
    """The table cards as a PDF to print: six to an A4 page, each with its table's QR code,
    in the gathering's language (the participants read them)."""
    with store.get_store().read() as db:
        gathering = views.describe_gathering(
            db, lookups.gathering(db, gathering_id), current_app.config["PUBLIC_URL"]
        )
    join = gathering["join_url"].removesuffix(f"/{gathering['code']}")
    data = {
        "title": gathering["title"],
        "code": gathering["code"],
        "address": join.split("://", 1)[-1],
        "tables": [
            {
                "number": table["number"],
                "label": table["label"],
                "join_url": table["join_url"],
            }
            for table in gathering["tables"]
        ],
    }
    return _download("cards", "pdf", data, f"bordkort-{gathering_id}", gathering["language"])


@bp.get("/api/gatherings/<int:gathering_id>/notes")
@auth.organiser_api
def get_notes(gathering_id):
    with store.get_store().read() as db:
        lookups.gathering(db, gathering_id)
        return jsonify(notes.describe(db, gathering_id))


@bp.post("/api/gatherings/<int:gathering_id>/notes")
@auth.organiser_api
def save_summary(gathering_id):
    """The gathering's summary: `{"summary": text}`."""
    return jsonify(notes.save_summary(store.get_store(), gathering_id, json_body()))


@bp.post("/api/gatherings/<int:gathering_id>/activities/<int:activity_id>/notes")
@auth.organiser_api
def save_activity_notes(gathering_id, activity_id):
    """An activity's notes, decision, follow-up and who follows up."""
    return jsonify(
        notes.save_activity_notes(store.get_store(), gathering_id, activity_id, json_body())
    )


@bp.post("/api/gatherings/<int:gathering_id>/tables/<int:number>/network")
@auth.organiser_api
def set_table_network(gathering_id, number):
    """Put a table in a network: `{"network": <network id> | "free label" | null}`."""
    body = json_body()
    if not isinstance(body, dict) or "network" not in body:
        raise SamlaError("bad_request", detail=_l("send network (en id, et navn eller null)"))
    link = body["network"]
    if link is not None and not isinstance(link, str):
        link = str(check_id(link, "network"))
    link = normalise_tables([{"number": number, "network": link}])[0]["network"]
    with store.get_store().write() as db:
        if store.gatherings.get_table(db, gathering_id, number) is None:
            raise SamlaError("unknown_table", table=number)
        store.gatherings.set_table_network(db, gathering_id, number, link)
        table = store.gatherings.get_table(db, gathering_id, number)
        network = networks.resolve(db, link)
    return jsonify({**table, "network_id": network["id"] if network else None})


@bp.get("/api/networks")
@auth.organiser_api
def list_networks():
    with store.get_store().read() as db:
        return jsonify([networks.public(n) for n in store.networks.list_networks(db)])


@bp.post("/api/networks")
@auth.organiser_api
def create_network():
    """A competence network: `{"name", "county", "ordning", "municipalities", "contact"}`."""
    return jsonify(networks.public(networks.create(store.get_store(), json_body()))), 201


@bp.get("/api/networks/<int:network_id>")
@auth.organiser_api
def get_network(network_id):
    with store.get_store().read() as db:
        network = store.networks.get_network(db, network_id)
        if network is None:
            raise SamlaError("unknown_network")
        filed = store.networks.list_record_parts(db, network_id)
    return jsonify(
        {
            **networks.public(network),
            "gatherings": [{k: p["gathering"][k] for k in ("id", "title", "date")} for p in filed],
        }
    )


@bp.delete("/api/networks/<int:network_id>")
@auth.organiser_api
def delete_network(network_id):
    """Erase a network with its contact and its record, for good (docs/PRIVACY.md)."""
    with store.get_store().write() as db:
        if not store.networks.delete_network(db, network_id):
            raise SamlaError("unknown_network")
    return jsonify({"ok": True, "deleted": network_id})


@bp.post("/api/gatherings/<int:gathering_id>/file-records")
@auth.organiser_api
def file_records(gathering_id):
    """File the gathering into its tables' network records (again replaces, never doubles)."""
    return jsonify(records.file_records(store.get_store(), gathering_id))


@bp.get("/api/networks/<int:network_id>/record.<fmt>")
@auth.organiser_api
def export_record(network_id, fmt):
    """A network's record as json, md, html, docx or pdf."""
    with store.get_store().read() as db:
        record = records.build(db, network_id)
    if record is None:
        raise SamlaError("unknown_network")
    # A record spans gatherings, so it speaks the language of whoever asks for it.
    return _download(
        "record", fmt, record, f"nettverk-{network_id}", translation.console_language()
    )


@bp.get("/api/gatherings/<int:gathering_id>/bundle")
@auth.organiser_api
def export_bundle(gathering_id):
    """The whole gathering as one JSON bundle, to import on another server."""
    with store.get_store().read() as db:
        bundle = bundles.export(db, gathering_id)
    if bundle is None:
        raise SamlaError("not_found")
    response = jsonify(bundle)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="samling-{gathering_id}.samla.json"'
    )
    return response


@bp.post("/api/bundles")
@auth.organiser_api
def import_bundle():
    """Merge a bundle; 201 when the gathering is new here, 200 when it was merged."""
    result = bundles.import_bundle(store.get_store(), json_body())
    return jsonify(result), (201 if result["created"] else 200)
