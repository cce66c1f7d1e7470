"""`priorities`: participants spread dots over items or rank their top items.

Items come from a list in the definition or from an earlier activity. Results:
dots are summed; rankings use the Borda count (with top K, rank r scores K - r + 1).
Ties go to the item more ballots put first, then to the item listed first.
"""

import hashlib
import json
import threading
from collections import defaultdict
from heapq import nsmallest
from itertools import islice
from operator import is_

from flask import current_app, has_app_context
from flask_babel import lazy_gettext as _l

from app import kinds, store, views
from app.errors import SamlaError
from app.exports import blocks as block
from app.kinds.base import *  # noqa: F403
from app.kinds.options import positive_int

NAME = "priorities"
TAKES_BALLOTS = True
MODES = ("dots", "ranking")
MAX_ITEMS = 200
# What a screen's `activity_update` carries of the results: the top of the overall list,
# the top of each network's, and each table's while there are few enough to show them all.
UPDATE_TOP = 20
UPDATE_GROUP_TOP = 3
UPDATE_MAX_TABLES = 24


def _invalid(detail):
    return SamlaError("invalid_definition", detail=detail)


def options(raw):
    """Mode, limits, and where the items come from (a list, or an earlier activity)."""
    known = {"mode", "dots", "max_per_item", "top", "items", "source", "source_question"}
    unknown = set(raw) - known
    if unknown:
        raise _invalid(
            _l("%(kind)s kjenner ikke til %(names)s", kind=NAME, names=", ".join(sorted(unknown)))
        )
    mode = raw.get("mode", "dots")
    if mode not in MODES:
        raise _invalid(_l("mode må være dots eller ranking"))
    items, source = raw.get("items"), raw.get("source")
    if (items is None) == (source is None):
        raise _invalid(_l("priorities trenger enten items eller source"))
    if items is not None:
        if not isinstance(items, list) or not items or len(items) > MAX_ITEMS:
            raise _invalid(
                _l("items må være en liste med 1 til %(limit)s tekster", limit=MAX_ITEMS)
            )
        if not all(isinstance(i, str) and i.strip() and len(i) <= 500 for i in items):
            raise _invalid(
                _l("hvert punkt i items må være en tekst på høyst %(limit)s tegn", limit=500)
            )
        items = [i.strip() for i in items]
    if source is not None and (isinstance(source, bool) or not isinstance(source, str | int)):
        raise _invalid(_l("source må vise til en tidligere aktivitet"))
    source_question = raw.get("source_question")
    if source_question is not None and (source is None or not isinstance(source_question, str)):
        raise _invalid(_l("source_question krever en task som source"))
    dots = positive_int(raw.get("dots", 5), "dots", 100)
    result = {
        "mode": mode,
        "items": items,
        "source": source,
        "source_question": source_question,
    }
    if mode == "dots":
        result["dots"] = dots
        result["max_per_item"] = positive_int(
            raw.get("max_per_item", min(3, dots)), "max_per_item", 100
        )
        if result["max_per_item"] > dots:
            raise _invalid(_l("max_per_item kan ikke være større enn dots"))
    else:
        result["top"] = positive_int(raw.get("top", 3), "top", 50)
    return result


def listed_items(options):
    """Items written in the definition, with ids i1, i2, …"""
    return [
        {"id": f"i{n}", "text": text, "table": None}
        for n, text in enumerate(options["items"] or [], start=1)
    ]


def check_ballot(options, items, raw):
    """A participant's ballot in its stored shape, or a clear refusal."""
    known = {item["id"] for item in items}
    if not isinstance(raw, dict):
        raise SamlaError("bad_request", detail=_l("send dots eller ranking"))
    if options["mode"] == "dots":
        dots = raw.get("dots")
        if not isinstance(dots, dict):
            raise SamlaError("bad_request", detail=_l("send dots som {punkt-id: antall}"))
        ballot = {}
        for item_id, count in dots.items():
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise SamlaError("bad_request", detail=_l("dots må være heltall"))
            if item_id not in known:
                raise SamlaError("unknown_item")
            if count > options["max_per_item"]:
                raise SamlaError("too_many_on_item", limit=options["max_per_item"])
            if count:
                ballot[item_id] = count
        if sum(ballot.values()) > options["dots"]:
            raise SamlaError("too_many_dots", limit=options["dots"])
        return {"dots": ballot}
    ranking = raw.get("ranking")
    if not isinstance(ranking, list) or not ranking:
        raise SamlaError("bad_ranking", limit=options["top"])
    if len(ranking) > options["top"] or len(set(map(str, ranking))) != len(ranking):
        raise SamlaError("bad_ranking", limit=options["top"])
    for item_id in ranking:
        if item_id not in known:
            raise SamlaError("unknown_item")
    return {"ranking": list(ranking)}


def _scores(options, ballot):
    """Points per item from one ballot, and the item(s) it puts first."""
    if options["mode"] == "dots":
        dots = ballot.get("dots", {})
        best = max(dots.values(), default=0)
        return dots, {i for i, n in dots.items() if n == best and best > 0}
    top = options["top"]
    ranking = ballot.get("ranking", [])
    return {item: top - rank for rank, item in enumerate(ranking)}, set(ranking[:1])


def rank_items(options, items, ballots):
    """Rows {item, text, score, first_places, rank}, best first, for these ballots."""
    score, firsts = defaultdict(int), defaultdict(int)
    known = {item["id"] for item in items}
    for ballot in ballots:
        points, first = _scores(options, ballot)
        for item_id, value in points.items():
            if item_id in known:
                score[item_id] += value
        for item_id in first & known:
            firsts[item_id] += 1
    order = {item["id"]: n for n, item in enumerate(items)}
    ranked = sorted(items, key=lambda i: (-score[i["id"]], -firsts[i["id"]], order[i["id"]]))
    return [
        {
            "item": item["id"],
            "text": item["text"],
            "score": score[item["id"]],
            "first_places": firsts[item["id"]],
            "rank": rank,
        }
        for rank, item in enumerate(ranked, start=1)
    ]


def results(options, items, ballots):
    """Overall, per table and per network. `ballots` are {ballot, table, network} dicts."""
    by_table, by_network = defaultdict(list), defaultdict(list)
    for row in ballots:
        by_table[str(row["table"])].append(row["ballot"])
        if row.get("network"):
            by_network[row["network"]].append(row["ballot"])
    return {
        "method": "dots" if options["mode"] == "dots" else "borda",
        "ballots": len(ballots),
        "overall": rank_items(options, items, [row["ballot"] for row in ballots]),
        "tables": {
            t: rank_items(options, items, b)
            for t, b in sorted(by_table.items(), key=lambda kv: int(kv[0]))
        },
        "networks": {n: rank_items(options, items, b) for n, b in sorted(by_network.items())},
    }


class _Group:
    """The running sums of one set of ballots: overall, one table's or one network's."""

    __slots__ = ("ballots", "score", "firsts")

    def __init__(self):
        self.ballots = 0
        self.score = defaultdict(int)
        self.firsts = defaultdict(int)

    def add(self, points, first, sign):
        self.ballots += sign
        for item_id, value in points.items():
            self.score[item_id] += sign * value
            if not self.score[item_id]:
                del self.score[item_id]
        for item_id in first:
            self.firsts[item_id] += sign
            if not self.firsts[item_id]:
                del self.firsts[item_id]

    def rank(self, items, order, top=None, touched_only=False):
        """Rows like rank_items's; with `top`, only the first `top` of them; with
        `touched_only`, only the items that got points."""
        # Items nobody gave a point or a first place follow in list order, so only the
        # others need sorting (a table's few ballots touch a few of 600 items), and of
        # them only the first `top` (each screen update ranks every network's list).
        score, firsts = self.score, self.firsts
        candidates = None
        if top is not None and len(score) > top:
            # Only an item scoring at least the `top`-th best score can be among the first
            # `top`, when at least `top` listed items do (scores are above 0): a network's
            # update ranks a handful of a dots vote's 600 items, not all of them.
            least = sorted(score.values(), reverse=True)[top - 1]
            near = [i for i, value in score.items() if value >= least and i in order]
            if least > 0 and len(near) >= top:
                candidates = near
        if candidates is None:
            candidates = [i for i in score.keys() | firsts.keys() if i in order]
        keyed = [(-score.get(i, 0), -firsts.get(i, 0), order[i], i) for i in candidates]
        touched = [row[3] for row in (sorted(keyed) if top is None else nsmallest(top, keyed))]
        rows = list(touched)
        if not touched_only and (top is None or len(rows) < top):
            done = set(touched)
            rest = (item["id"] for item in items if item["id"] not in done)
            rows += list(rest) if top is None else list(islice(rest, top - len(rows)))
        return [
            {
                "item": item_id,
                "text": items[order[item_id]]["text"],
                "score": self.score.get(item_id, 0),
                "first_places": self.firsts.get(item_id, 0),
                "rank": rank,
            }
            for rank, item_id in enumerate(rows, start=1)
        ]


class Tally:
    """An activity's results kept up to date ballot by ballot: a new or replaced ballot
    costs its own items, not a recount of every ballot (tests/test_priority_tally.py holds
    it equal to `results` over the ballots as they stand)."""

    def __init__(self, options):
        self.options = options
        self.cast = {}  # participant token -> (table, network, ballot)
        self.overall = _Group()
        self.tables = defaultdict(_Group)
        self.networks = defaultdict(_Group)
        self.since = ""
        self.networks_of = None
        self.counted = 0  # ballots counted in or out so far
        self.last_shown = None  # (arguments, items, what `shown` gave for them)

    def _groups(self, table, network):
        groups = [self.overall, self.tables[str(table)]]
        if network:
            groups.append(self.networks[network])
        return groups

    def put(self, token, table, network, ballot):
        """Count `ballot` as this participant's, in place of any earlier one."""
        before = self.cast.get(token)
        if before is not None:
            self._count(*before, sign=-1)
        self.cast[token] = (table, network, ballot)
        self._count(table, network, ballot, sign=1)

    def _count(self, table, network, ballot, sign):
        self.counted += 1
        points, first = _scores(self.options, ballot)
        for group in self._groups(table, network):
            group.add(points, first, sign)
        if not self.tables[str(table)].ballots:
            del self.tables[str(table)]
        if network and not self.networks[network].ballots:
            del self.networks[network]

    def results(self, items):
        """The same as `results` over the counted ballots."""
        order = {item["id"]: n for n, item in enumerate(items)}
        return {
            "method": "dots" if self.options["mode"] == "dots" else "borda",
            "ballots": self.overall.ballots,
            "overall": self.overall.rank(items, order),
            "tables": {t: g.rank(items, order) for t, g in self._sorted(self.tables)},
            "networks": {n: g.rank(items, order) for n, g in self._sorted(self.networks)},
        }

    def shown(self, items, top=None, group_top=None, with_tables=True):
        """What screens show: the overall list (its first `top` rows), and per table and
        network only the items that got points there (the first `group_top` of them).

        While no ballot changed, what it gave last time is given again if the items are
        the same or only grew at their end (a new statement in the vote's source) with
        items nobody gave points, and the overall list shows no items without points."""
        arguments = (self.counted, top, group_top, with_tables)
        if self.last_shown is not None and self.last_shown[0] == arguments:
            if self._unchanged_by(self.last_shown[1], items, self.last_shown[2], top):
                # The next call looks only at the items that came after these.
                self.last_shown = (arguments, items, self.last_shown[2])
                return self.last_shown[2]
        shown = self._shown(items, top, group_top, with_tables)
        self.last_shown = (arguments, items, shown)
        return shown

    def _unchanged_by(self, before, items, shown, top):
        if items is before:
            return True
        # Each flush asks this of a vote over 600 statements: the items compared in C.
        if len(items) < len(before) or not all(map(is_, before, items)):
            return False
        score, firsts = self.overall.score, self.overall.firsts
        if any(item["id"] in score or item["id"] in firsts for item in items[len(before) :]):
            return False
        # The overall list ends with items without points, or is shorter than `top`:
        # new items would fill it.
        overall = shown["overall"]
        filled = (
            top is None
            or len(overall) < top
            or any(not (r["score"] or r["first_places"]) for r in overall)
        )
        return len(items) == len(before) or not filled

    def _shown(self, items, top, group_top, with_tables):
        order = {item["id"]: n for n, item in enumerate(items)}

        def groups(named):
            return {
                name: group.rank(items, order, group_top, touched_only=True)
                for name, group in self._sorted(named)
            }

        return {
            "method": "dots" if self.options["mode"] == "dots" else "borda",
            "ballots": self.overall.ballots,
            "overall": self.overall.rank(items, order, top),
            "tables": groups(self.tables) if with_tables else {},
            "networks": groups(self.networks),
        }

    @staticmethod
    def _sorted(named):
        return sorted(named.items(), key=lambda kv: (int(kv[0]) if kv[0].isdigit() else 0, kv[0]))

    def catch_up(self, db, activity):
        """Count the ballots stored or replaced since the last call."""
        for row in store.votes.ballots_since(db, activity["id"], self.since):
            before = self.cast.get(row["token"])
            ballot = json.loads(row["ballot"])
            network = self.networks_of.get(row["table"])
            if before != (row["table"], network, ballot):
                self.put(row["token"], row["table"], network, ballot)
            self.since = max(self.since, row["updated_at"])


class Tallies:
    """This process's tallies, one per priorities activity, made again from the database
    when what they cannot follow changes: the options, the tables' networks, a removed
    ballot."""

    def __init__(self):
        self.by_activity = {}
        self.guard = threading.Lock()

    def tally(self, db, activity):
        networks = store.votes.table_networks(db, activity["gathering_id"])
        with self.guard:
            tally = self.by_activity.get(activity["id"])
            if (
                tally is None
                or tally.options != activity["options"]
                or (tally.networks_of != networks)
            ):
                tally = self.by_activity[activity["id"]] = Tally(activity["options"])
                tally.networks_of = networks
            tally.catch_up(db, activity)
            if tally.overall.ballots != store.votes.count_ballots(db, activity["id"]):
                tally = self.by_activity[activity["id"]] = Tally(activity["options"])
                tally.networks_of = networks
                tally.catch_up(db, activity)
            return tally


def _tally(db, activity):
    tallies = current_app.extensions.setdefault("samla_ballot_tallies", Tallies())
    return tallies.tally(db, activity)


def item_source(options):
    return options.get("source")


class EntryItems:
    """A vote's items drawn from a source's visible entries (app/kinds/base.py
    priority_items, for every kind that takes entries), kept up to date the way the word
    tally is: each call reads the entries stored since the last one, and which entries are
    left out as ids only; the list is made again from memory only when an entry listed
    before is hidden or one comes back. tests/test_priority_tally.py holds it equal to
    reading the items afresh.

    What it saw is checked against the database first (how many entries up to the last
    one seen, and their ids' sum): a deleted gathering's ids are given again to the next
    one, and a vote of a new gathering may have the same id and options as a deleted one.
    """

    def __init__(self):
        self.last_id = 0
        self.by_id = {}  # entry id -> its item, for every entry seen, listed or not
        self.ids_sum = 0
        self.unlisted = set()
        self.items = []

    def copy(self):
        kept = EntryItems()
        kept.last_id, kept.ids_sum = self.last_id, self.ids_sum
        kept.by_id, kept.unlisted, kept.items = dict(self.by_id), set(self.unlisted), self.items
        return kept

    def catch_up(self, db, source_id):
        if self.last_id and store.entries.count_and_sum_ids(db, source_id, self.last_id) != (
            len(self.by_id),
            self.ids_sum,
        ):
            self.__init__()
        added = store.entries.entry_texts_after(db, source_id, self.last_id)
        unlisted = store.entries.unlisted_entry_ids(db, source_id)
        for entry_id, text, table in added:
            self.by_id[entry_id] = {"id": f"e{entry_id}", "text": text, "table": table}
            self.ids_sum += entry_id
        seen_before = {i for i in unlisted if i <= self.last_id}
        if seen_before == self.unlisted:
            if added:
                self.items = self.items + [self.by_id[i] for i, _, _ in added if i not in unlisted]
        else:
            self.items = [item for i, item in sorted(self.by_id.items()) if i not in unlisted]
        if added:
            self.last_id = added[-1][0]
        self.unlisted = {i for i in unlisted if i <= self.last_id}
        return self.items


def items(db, activity):
    """The items an activity votes on: its list, or an earlier activity's work."""
    options = activity["options"]
    if options.get("items") is not None:
        return listed_items(options)
    source = store.activities.get_activity(db, options["source"])
    if source is None:
        return []
    # Every ballot is checked against the items and every update names them: 600
    # statements read and decoded per ballot cost more than the rest of the vote.
    # Kept per app (tests run several apps, with the same ids, in one process).
    cache = (
        current_app.extensions.setdefault("samla_priority_items", {}) if has_app_context() else {}
    )
    key = (activity["id"], json.dumps(options, sort_keys=True), source["kind"])
    source_kind = kinds.of(source)
    if source_kind.TAKES_ENTRIES:
        # A statement arriving costs reading that statement, not all 600 again.
        with _items_guard:
            kept = cache.get(key)
            if not isinstance(kept, EntryItems):
                kept = cache[key] = EntryItems()
            if not _reads_committed(db):
                # Inside a write (a ballot checked against the items) rows of the same
                # batch are not committed yet and may never be: look, but keep nothing.
                kept = kept.copy()
            return kept.catch_up(db, source["id"])
    version = store.votes.source_version(db, source["id"])
    cached = cache.get(key)
    if cached is None or cached[0] != version:
        cached = cache[key] = (version, source_kind.priority_items(db, source, options))
    return cached[1]


_items_guard = threading.Lock()


def _reads_committed(db):
    """Whether `db` is the store's reading connection, which sees committed rows only."""
    return has_app_context() and db is store.get_store().reader


def work_count(db, activity):
    return store.votes.count_ballots(db, activity["id"])


def screen_results(db, activity, point_ids=None):
    """The items, every item's place overall, and per table and network the items that
    got points there (listing all 600 items for each of 200 tables would weigh 28 MB)."""
    listed = items(db, activity)
    return {"items": listed, "results": _tally(db, activity).shown(listed)}


def update_results(db, activity, point_ids=None):
    """What a screen's update carries: the top of the results, not every item again
    (a whole day's vote over 600 statements and 200 tables would weigh megabytes)."""
    tally = _tally(db, activity)
    many_tables = len(tally.networks_of)  # the tables, read by _tally just now
    with_tables = many_tables <= UPDATE_MAX_TABLES
    return {"results": tally.shown(items(db, activity), UPDATE_TOP, UPDATE_GROUP_TOP, with_tables)}


def phone_items(db, activity):
    """The items as a phone draws them, `{id, text}`, and their `version` (a hash of them).

    Every phone of the gathering gets the same list, so a phone's state names only its
    version and the phone fetches the list once over HTTP (600 statements weigh 90 KB; in
    each of 2,000 phones' states they weighed 180 MB). Kept per app until the items change.
    """
    listed = items(db, activity)
    cache = current_app.extensions.setdefault("samla_phone_items", {}) if has_app_context() else {}
    cached = cache.get(activity["id"])
    # `items` answers with the very same list while its source is unchanged (a listed
    # vote's with an equal one).
    if cached is None or (cached[0] is not listed and cached[0] != listed):
        shown = [{"id": item["id"], "text": item["text"]} for item in listed]
        encoded = json.dumps(shown, ensure_ascii=False, separators=(",", ":")).encode()
        version = hashlib.sha1(encoded, usedforsecurity=False).hexdigest()[:16]
        cached = cache[activity["id"]] = (listed, {"version": version, "items": shown})
    return cached[1]


def participant_view(db, activity, participant, table_entries):
    """The items' version and count (the phone fetches the items themselves once, by
    `phone_items`, here read once for all the phones), and the participant's ballot (None
    before voting)."""
    shown = views.shared(db, ("phone-items", activity["id"]), lambda: phone_items(db, activity))
    return {
        "items_version": shown["version"],
        "items_count": len(shown["items"]),
        "ballot": store.votes.get_ballot(db, activity["id"], participant["token"]),
    }


def minutes_blocks(db, activity, entries, tables):
    """The overall list of these tables' ballots (items without points left out) and,
    when more than one network voted, each item's place per network by the overall rank."""
    network_of = {table["number"]: table["network"] for table in tables}
    ballots = [
        {**b, "network": network_of[b["table"]]}
        for b in store.votes.list_ballots(db, activity["id"])
        if b["table"] in network_of
    ]
    result = results(activity["options"], items(db, activity), ballots)
    overall = [row for row in result["overall"] if row["score"] > 0]
    blocks = [block.ranking(overall, None, result["method"])]
    if len(result["networks"]) > 1:
        places = {
            network: {row["item"]: row["rank"] for row in rows if row["score"] > 0}
            for network, rows in result["networks"].items()
        }
        blocks.append(
            block.grid(
                str(_l("Plass per nettverk")),
                str(_l("Plass totalt")),
                places,
                [
                    (row["rank"], [places[network].get(row["item"]) for network in places])
                    for row in overall
                ],
            )
        )
    return blocks
