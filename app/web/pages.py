"""HTML pages: start, login, phone, projector, console and table cards."""

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import get_locale

from app import catalog, networks, settings, store, views
from app.exports.fonts import DEJAVU_SANS
from app.rules import LANGUAGES
from app.web import auth

bp = Blueprint("pages", __name__)


def _safe_next(target):
    """Only local paths may follow a login, never another site."""
    if isinstance(target, str) and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("pages.console_list")


@bp.get("/")
def index():
    return render_template("index.html")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The organiser logs in with the token printed at start."""
    error = None
    target = _safe_next(request.values.get("next"))
    if request.method == "POST":
        if auth.log_in(request.form.get("token", "").strip()):
            return redirect(target)
        error = "wrong_token"
    return render_template("login.html", error=error, next=target), (401 if error else 200)


@bp.post("/logout")
def logout():
    auth.log_out()
    return redirect(url_for("pages.index"))


@bp.get("/j")
@bp.get("/j/<code>")
@bp.get("/j/<code>/<int:table>")
def participant(code=None, table=None):
    """The phone page; the code and table in the address save the participant typing."""
    if code is not None:
        with store.get_store().read() as db:
            gathering = store.gatherings.get_gathering_by_code(db, code)
        if gathering is not None:
            g.language = gathering["language"]
    # A phone's own choice of language (the switch on the page fetches its texts this way).
    if request.args.get("lang") in LANGUAGES:
        g.language = request.args["lang"]
    return render_template("participant/index.html", code=code, table=table)


@bp.get("/screen/<int:gathering_id>")
def screen(gathering_id):
    """The projector page; its token lets it watch one gathering and nothing more."""
    token = request.args.get("token", "")
    with store.get_store().read() as db:
        gathering = auth.screen_may_watch(db, token, gathering_id, auth.is_organiser())
    if gathering is None:
        abort(403)
    g.language = gathering["language"]
    return render_template("projector/index.html", gathering_id=gathering_id, screen_token=token)


@bp.get("/console")
@auth.organiser_page
def console_list():
    """The organiser's list of gatherings and templates."""
    public_url = current_app.config["PUBLIC_URL"]
    with store.get_store().read() as db:
        gatherings = [
            views.describe_gathering(db, g, public_url)
            for g in store.gatherings.list_gatherings(db)
        ]
    templates = catalog.list_templates(settings.template_folders(current_app.config))
    return render_template("console/list.html", gatherings=gatherings, templates=templates)


def _gathering_or_404(gathering_id):
    with store.get_store().read() as db:
        gathering = store.gatherings.get_gathering(db, gathering_id)
        if gathering is None:
            abort(404)
        return views.describe_gathering(db, gathering, current_app.config["PUBLIC_URL"])


@bp.get("/console/<int:gathering_id>")
@auth.organiser_page
def console(gathering_id):
    """The facilitator's console for one gathering."""
    return render_template("console/gathering.html", gathering=_gathering_or_404(gathering_id))


@bp.get("/console/<int:gathering_id>/editor")
@auth.organiser_page
def agenda_editor(gathering_id):
    """The agenda editor: tables, activities of every kind, save as template."""
    return render_template("console/editor.html", gathering=_gathering_or_404(gathering_id))


@bp.get("/console/<int:gathering_id>/cards")
@auth.organiser_page
def table_cards(gathering_id):
    """Printable table cards, each with the table's own join QR code."""
    return render_template("console/cards.html", gathering=_gathering_or_404(gathering_id))


@bp.get("/favicon.ico")
def favicon():
    """Browsers ask for /favicon.ico on their own: the app's icon, drawn as SVG."""
    return send_file(
        f"{current_app.static_folder}/favicon.svg", mimetype="image/svg+xml", max_age=86400
    )


@bp.get("/fonts/DejaVuSans.ttf")
def font():
    """The projector's font, served by the app itself (no internet at the venue)."""
    return send_file(DEJAVU_SANS, mimetype="font/ttf", max_age=86400)


@bp.get("/console/<int:gathering_id>/minutes")
@auth.organiser_page
def minutes_page(gathering_id):
    """Notes, network links, filing and downloads: what the organiser does after the day."""
    from app import notes

    gathering = _gathering_or_404(gathering_id)
    with store.get_store().read() as db:
        written = notes.describe(db, gathering_id)
        known = [networks.public(n) for n in store.networks.list_networks(db)]
        for table in gathering["tables"]:
            found = networks.resolve(db, table["network"])
            table["network_id"] = found["id"] if found else None
    return render_template(
        "console/minutes.html", gathering=gathering, notes=written, networks=known
    )


@bp.get("/console/networks/<int:network_id>")
@auth.organiser_page
def record_page(network_id):
    """A network's record: its gatherings in date order, what its tables produced."""
    from app import records
    from app.exports import formats, labels
    from app.exports.layout import TEMPLATE_HELPERS

    with store.get_store().read() as db:
        record = records.build(db, network_id)
    if record is None:
        abort(404)
    return render_template(
        "console/record.html",
        r=record,
        labels=labels.resolved(str(get_locale() or "nb")),
        formats=formats.RECORD,
        **TEMPLATE_HELPERS,
    )


@bp.post("/language")
def choose_language():
    """The console user picks their own language; it lives in the session cookie."""
    from app.web import translation

    if not translation.choose(request.form.get("language")):
        abort(400)
    return redirect(_safe_next(request.form.get("next")))
