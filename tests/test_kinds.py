"""Activity kinds: each kind is one module with the whole interface, nothing outside
app/kinds/ asks which kind an activity is, and phones get every activity's limits."""

import re
from pathlib import Path

import pytest

from app import kinds, points, store
from app.errors import SamlaError
from app.kinds import base
from conftest import ROOT_DIR, received, simple_definition

APP_DIR = ROOT_DIR / "app"
# A branch on a particular kind: `activity["kind"] == "task"`, `kind in ("words", ...)`,
# `a.kind != x`, `"task" == activity["kind"]`, `activity.get("kind") in KINDS`.
KIND_BRANCH = re.compile(
    r"""kind["']\]\s*(==|!=|in\b|not\s+in\b)"""
    r"""|kind["']\)\s*(==|!=|in\b|not\s+in\b)"""
    r"""|(?<!for )\bkind\s*(==|!=|in\b|not\s+in\b)"""
    r"""|\.kind\s*(==|!=)"""
    r"""|["'](words|statements|task|priorities|questions)["']\s*(==|!=|in\b)"""
    r"""|\b\w*_KINDS\b"""
)


def test_no_module_outside_app_kinds_branches_on_a_kind():
    found = []
    for path in sorted(APP_DIR.rglob("*.py")):
        if path.is_relative_to(APP_DIR / "kinds"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if KIND_BRANCH.search(line):
                found.append(f"{path.relative_to(ROOT_DIR)}:{number}: {line.strip()}")
    assert found == []


def test_kinds_never_import_the_web_or_realtime_layers():
    for path in sorted((APP_DIR / "kinds").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) app\.(web|realtime)\b", source, re.M), path.name
        assert not re.search(r"^\s*from app import .*\b(web|realtime)\b", source, re.M), path.name


@pytest.mark.parametrize(
    "line",
    [
        'if activity["kind"] == "task":',
        "if activity['kind'] != before['kind']:",
        'if activity["kind"] in ("words", "statements"):',
        'if a.get("kind") not in THEME_KINDS:',
        "return x if kind == 'words' else None",
        'if "task" == activity["kind"]:',
        "if self.kind != other:",
    ],
)
def test_the_branch_finder_sees_the_usual_spellings(line):
    assert KIND_BRANCH.search(line)


@pytest.mark.parametrize(
    "line",
    [
        "for kind in kinds.all_kinds():",
        "if kinds.of(activity).THEMES:",
        '"kind": activity["kind"],',
    ],
)
def test_the_branch_finder_lets_kind_neutral_lines_be(line):
    assert not KIND_BRANCH.search(line)


@pytest.mark.parametrize("name", kinds.NAMES)
def test_every_kind_module_provides_the_whole_interface(name):
    kind = kinds.get_kind(name)
    assert kind.NAME == name
    missing = [attr for attr in (*base.REQUIRED, *base.__all__) if not hasattr(kind, attr)]
    assert missing == []
    for attr in base.__all__:
        assert callable(getattr(kind, attr)) == callable(getattr(base, attr)), attr


@pytest.mark.parametrize("name", kinds.NAMES)
def test_a_kind_module_defines_no_function_nobody_calls(name):
    """A misspelt hook would silently leave the default in place: every public function of
    a kind module is a hook, or a helper called in the module or elsewhere in app/."""
    kind = kinds.get_kind(name)
    source = Path(kind.__file__).read_text(encoding="utf-8")
    elsewhere = "\n".join(p.read_text(encoding="utf-8") for p in APP_DIR.rglob("*.py"))
    for function in re.findall(r"^def ([a-z]\w*)\(", source, flags=re.MULTILINE):
        if function in base.__all__ or function in base.REQUIRED:
            continue
        called = len(re.findall(rf"\b{function}\(", source)) > 1 or re.search(
            rf"\b{name}\.{function}\(", elsewhere
        )
        assert called, f"{name}.{function} is neither a hook nor called"


def test_an_unknown_kind_is_refused_but_can_be_looked_for():
    assert kinds.find("poll") is None
    with pytest.raises(SamlaError) as refused:
        kinds.get_kind("poll")
    assert refused.value.code == "invalid_definition"


def test_kinds_say_what_they_are():
    by_name = {kind.NAME: kind for kind in kinds.all_kinds()}
    assert [n for n, k in by_name.items() if k.TAKES_ENTRIES] == [
        "words",
        "statements",
        "questions",
    ]
    assert [n for n, k in by_name.items() if k.HAS_CLOUD] == ["words"]
    assert [n for n, k in by_name.items() if k.THEMES] == ["statements", "task"]
    assert [n for n, k in by_name.items() if not k.FEEDS_PRIORITIES] == ["priorities"]
    assert [n for n, k in by_name.items() if k.TAKES_POINTS] == ["task"]
    assert [n for n, k in by_name.items() if k.TAKES_BALLOTS] == ["priorities"]
    assert [n for n, k in by_name.items() if k.TAKES_UPVOTES] == ["questions"]
    assert [n for n, k in by_name.items() if k.TABLE_SEES_ENTRIES] == ["statements"]
    assert [n for n, k in by_name.items() if k.GATHERING_SEES_ENTRIES] == ["questions"]


# The hooks that are new: limits, sources, counts, edits


def limits_of(raw):
    activity = {"kind": raw["kind"], "options": kinds.get_kind(raw["kind"]).options(raw["extra"])}
    return kinds.limits(activity)


@pytest.mark.parametrize(
    ("kind", "extra", "limits"),
    [
        (
            "words",
            {"words_per_participant": 3},
            {"max_length": 80, "per_participant": 3, "per_table": None},
        ),
        (
            "statements",
            {"per_table": 4},
            {"max_length": 2000, "per_participant": None, "per_table": 4},
        ),
        ("statements", {}, {"max_length": 2000, "per_participant": None, "per_table": None}),
        ("questions", {}, {"max_length": 1000, "per_participant": 10, "per_table": None}),
        (
            "questions",
            {"questions_per_participant": 3},
            {"max_length": 1000, "per_participant": 3, "per_table": None},
        ),
        (
            "task",
            {"questions": ["Hva nå?"]},
            {"max_length": 2000, "per_participant": None, "per_table": None},
        ),
        (
            "priorities",
            {"items": ["A", "B"]},
            {"max_length": 0, "per_participant": None, "per_table": None},
        ),
    ],
)
def test_each_kind_states_its_limits(kind, extra, limits):
    assert limits_of({"kind": kind, "extra": extra}) == limits


def test_only_a_priorities_vote_names_an_item_source():
    assert kinds.get_kind("priorities").item_source({"source": "ideer"}) == "ideer"
    for name in ("words", "statements", "task", "questions"):
        assert kinds.get_kind(name).item_source({"source": "ideer"}) is None


def test_only_a_task_has_questions():
    task = kinds.get_kind("task")
    assert task.question_ids(task.options({"questions": ["A", {"id": "x", "title": "B"}]})) == [
        "q1",
        "x",
    ]
    assert kinds.get_kind("statements").question_ids({"per_table": None}) == []


def test_task_answers_are_summarised_by_table_and_question():
    points = [
        {"table": 1, "question_id": "q1", "text": "a"},
        {"table": 2, "question_id": "q1", "text": "b"},
        {"table": 1, "question_id": "q2", "text": "c"},
    ]
    assert kinds.get_kind("task").summaries({"points": points}) == {
        "answers": {"1": {"q1": ["a"], "q2": ["c"]}, "2": {"q1": ["b"]}}
    }
    assert kinds.get_kind("words").summaries({"entries": []}) == {}


def test_the_results_list_questions_pinned_then_open_then_by_votes():
    def entry(id, votes, pinned=False, answered=False, hidden=False):
        return {
            "id": id,
            "votes": votes,
            "pinned": pinned,
            "answered": answered,
            "hidden": hidden,
            "held": False,
        }

    entries = [entry(1, 5, answered=True), entry(2, 1), entry(3, 9, hidden=True), entry(4, 0, True)]
    listed = kinds.get_kind("questions").results_entries(entries)
    assert [e["id"] for e in listed] == [4, 2, 1]
    assert kinds.get_kind("statements").results_entries(entries) == entries


TASK_DEFINITION = simple_definition(
    activities=[
        {
            "kind": "task",
            "key": "oppgave",
            "prompt": "Gruppeoppgave",
            "questions": ["Hva er bra?", "Hva mangler?"],
        },
        {"kind": "priorities", "prompt": "Prioriter", "source": "oppgave", "source_question": "q2"},
    ]
)


def test_a_task_counts_its_points_and_feeds_a_vote_the_points_of_one_question(app, organiser, join):
    gathering = organiser.create(TASK_DEFINITION)
    task_activity, vote = gathering["activities"]
    organiser.open(gathering, task_activity)
    token = join(gathering)
    for n, (question, text) in enumerate([("q1", "Godt samspill"), ("q2", "Mer tid")]):
        points.add_point(
            app.extensions["samla_store"],
            token,
            {
                "activity_id": task_activity["id"],
                "question_id": question,
                "text": text,
                "client_id": f"c{n}",
            },
        )
    with app.extensions["samla_store"].read() as db:
        task_row = store.activities.get_activity(db, task_activity["id"])
        vote_row = store.activities.get_activity(db, vote["id"])
        assert kinds.of(task_row).work_count(db, task_row) == 2
        assert kinds.of(vote_row).work_count(db, vote_row) == 0
        assert kinds.get_kind("words").work_count(db, task_row) is None
        items = kinds.of(vote_row).phone_items(db, vote_row)["items"]
    assert [item["text"] for item in items] == ["Mer tid"]


def test_a_task_question_with_points_cannot_be_edited_away(app, organiser, join):
    gathering = organiser.create(TASK_DEFINITION)
    task_activity = gathering["activities"][0]
    organiser.open(gathering, task_activity)
    points.add_point(
        app.extensions["samla_store"],
        join(gathering),
        {"activity_id": task_activity["id"], "question_id": "q1", "text": "x", "client_id": "c"},
    )
    task = kinds.get_kind("task")
    with app.extensions["samla_store"].read() as db:
        before = store.activities.get_activity(db, task_activity["id"])
        task.check_edit(db, before, task.options({"questions": [{"id": "q1", "title": "A"}]}))
        with pytest.raises(SamlaError) as refused:
            task.check_edit(db, before, task.options({"questions": [{"id": "q2", "title": "B"}]}))
    assert refused.value.code == "activity_has_entries"


# What a phone hears


def test_every_activity_in_a_phones_state_carries_its_limits(gathering, phone):
    state = received(phone(gathering), "state")[0]
    assert [a["limits"] for a in state["activities"]] == [
        {"max_length": 80, "per_participant": 2, "per_table": None},
        {"max_length": 2000, "per_participant": None, "per_table": 3},
    ]


def test_an_activity_state_carries_its_limits_too(gathering, organiser, phone):
    sio = phone(gathering)
    received(sio, "state")
    organiser.open(gathering, gathering["activities"][1])
    (change,) = received(sio, "activity_state")
    assert change["activity"]["limits"] == {
        "max_length": 2000,
        "per_participant": None,
        "per_table": 3,
    }
