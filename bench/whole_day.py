"""A whole day of a national gathering, stored through the domain's own functions.

200 tables in 10 networks; 2,000 mood words, 600 statements (3 a table), a group task's
points (2 questions, 2 points a table each), a dots vote and a ranking vote over the 600
statements, 500 questions with 2,000 upvotes. bench/load.py serves it to its phones and
screens; tests/test_payload_sizes.py measures what a screen's update and a phone's state
weigh on it. `build(app, scale)` makes a smaller day with the same shape (tests use 1.0
too, but may pass less).
"""

import random

from app import actions, points, store, voting
from app.kinds import priorities

TABLES = 200
NETWORKS = 10
WORDS = "Glad Spent Trøtt Nysgjerrig Klar Engasjert Rolig Usikker Motivert Fornøyd".split()


def definition(tables=TABLES):
    """The day's agenda: one activity of every kind, the votes over the statements."""
    return {
        "title": "Nasjonal samling",
        "tables": [
            {"number": n, "label": f"Bord {n}", "network": f"Nettverk {1 + n % NETWORKS}"}
            for n in range(1, tables + 1)
        ],
        "activities": [
            {"kind": "words", "prompt": "Ett ord om dagen", "words_per_participant": 10},
            {"kind": "statements", "key": "utsagn", "prompt": "Utsagn fra bordene"},
            {
                "kind": "task",
                "prompt": "Samarbeid",
                "questions": [{"title": "Hva fungerer?"}, {"title": "Hva må endres?"}],
            },
            {"kind": "priorities", "prompt": "Prikker", "mode": "dots", "source": "utsagn"},
            {
                "kind": "priorities",
                "prompt": "Rangering",
                "mode": "ranking",
                "top": 3,
                "source": "utsagn",
            },
            {"kind": "questions", "prompt": "Spørsmål til panelet"},
        ],
    }


def statement(table, n):
    """A statement of a realistic length (about 120 characters)."""
    return (
        f"Bord {table} mener ({n}): vi trenger faste møtepunkter mellom skole, barnehage og "
        "kommune, og tid til å følge opp det vi blir enige om."
    )


def build(app, scale=1.0, seed=1):
    """Store the day in `app`'s database; returns {"gathering": id, "activities": {kind: id},
    "participants": [token per table]}, each activity closed again afterwards."""
    rng = random.Random(seed)
    tables = max(2, round(TABLES * scale))
    db_store = app.extensions["samla_store"]
    created = app.test_client().post(
        "/api/gatherings",
        json=definition(tables),
        headers={"Authorization": f"Bearer {app.config['ADMIN_TOKEN']}"},
    )
    assert created.status_code == 201, created.get_json()
    gathering_id, code = created.get_json()["id"], created.get_json()["code"]
    with app.app_context():
        activities = {}
        with db_store.read() as db:
            for activity in store.activities.list_activities(db, gathering_id):
                activities.setdefault(activity["kind"], []).append(activity["id"])
        words, statements = activities["words"][0], activities["statements"][0]
        task, (dots, ranking) = activities["task"][0], activities["priorities"]
        questions = activities["questions"][0]

        def open_(activity_id):
            actions.set_activity_state(db_store, gathering_id, activity_id, "open")

        def close(activity_id):
            actions.set_activity_state(db_store, gathering_id, activity_id, "closed")

        people = [
            actions.join(db_store, code, table)["participant_token"]
            for table in range(1, tables + 1)
        ]
        open_(words)
        for n in range(round(2000 * scale)):
            who = people[n % len(people)]
            actions.submit(
                db_store,
                who,
                {"activity_id": words, "text": rng.choice(WORDS), "client_id": f"w{n}"},
            )
        close(words)
        open_(statements)
        for table, who in enumerate(people, start=1):
            for n in range(3):
                actions.submit(
                    db_store,
                    who,
                    {
                        "activity_id": statements,
                        "text": statement(table, n),
                        "client_id": f"s{table}-{n}",
                    },
                )
        close(statements)
        open_(task)
        with db_store.read() as db:
            question_ids = [
                q["id"] for q in store.activities.get_activity(db, task)["options"]["questions"]
            ]
        for table, who in enumerate(people, start=1):
            for question in question_ids:
                for n in range(2):
                    points.add_point(
                        db_store,
                        who,
                        {
                            "activity_id": task,
                            "question_id": question,
                            "text": f"Punkt {n} fra bord {table}: felles plan og tydelige roller",
                            "client_id": f"p{table}-{question}-{n}",
                        },
                    )
        close(task)
        with db_store.read() as db:
            items = [i["id"] for i in priorities.items(db, store.activities.get_activity(db, dots))]
        for vote, ballot in (
            (dots, lambda: {"dots": {i: 1 for i in rng.sample(items, 5)}}),
            (ranking, lambda: {"ranking": rng.sample(items, 3)}),
        ):
            open_(vote)
            for who in people:
                voting.cast(db_store, who, {"activity_id": vote, **ballot()})
            close(vote)
        open_(questions)
        asked = []
        for n in range(round(500 * scale)):
            who = people[n % len(people)]
            answer, entry, _ = actions.submit(
                db_store,
                who,
                {
                    "activity_id": questions,
                    "text": f"Spørsmål {n}: hvordan skal kommunene få tid til oppfølgingen?",
                    "client_id": f"q{n}",
                },
            )
            asked.append(answer["id"])
        for n in range(round(2000 * scale)):
            voting.upvote(
                db_store, people[n % len(people)], {"entry_id": asked[(n * 7) % len(asked)]}
            )
        close(questions)
    return {
        "gathering": gathering_id,
        "code": code,
        "activities": {
            "words": words,
            "statements": statements,
            "task": task,
            "dots": dots,
            "ranking": ranking,
            "questions": questions,
        },
        "participants": people,
    }
