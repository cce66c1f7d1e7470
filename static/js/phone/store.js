// The phone's state, in one place: who we are and the last `state` the server sent,
// merged with the updates pushed since. Views read it; `changed()` redraws them.

export const state = {
  code: null, // the gathering's join code
  info: null, // GET /api/join/<code>: title, language, tables
  me: null, // {token, table, gathering_id}
  model: null, // the last `state`, activities in a Map by id
};

const listeners = [];

/** Call `listener` after every change. */
export function onChange(listener) {
  listeners.push(listener);
}

/** Tell the views that the state changed. */
export function changed() {
  for (const listener of listeners) listener();
}

/** The known activity with this id, or undefined. */
export function activityById(id) {
  return state.model ? state.model.activities.get(id) : undefined;
}

/** An activity as the server sends it; one without its content (closed) starts empty. */
const withContent = (activity) => (activity.content === false
  ? { own_entries: [], table_entries: [], ...activity }
  : activity);

/** The whole truth on every (re)connect or resync: replace the local view. */
export function applyState(snapshot) {
  state.model = {
    gathering: snapshot.gathering,
    table: snapshot.table,
    activities: new Map(snapshot.activities.map((a) => [a.id, withContent(a)])),
  };
}

// activity id -> {asked: syncs on their way, changes: what was applied to it since the first was asked}
const syncing = new Map();

/** A `sync_activity` for this activity is on its way: keep what changes it until the answer comes. */
export function syncAsked(activityId) {
  const sync = syncing.get(activityId) || { asked: 0, changes: [] };
  sync.asked += 1;
  syncing.set(activityId, sync);
}

/** A sync came back (or failed): once none is on its way, stop keeping changes. */
function syncDone(activityId) {
  const sync = syncing.get(activityId);
  if (sync && --sync.asked <= 0) syncing.delete(activityId);
}

/**
 * Apply an update or an ack to a known activity. While a sync of it is on its way the change is
 * kept and applied again over the answer, which may be older: changes merge by id or version.
 */
export function change(activity, apply) {
  apply(activity);
  const sync = syncing.get(activity.id);
  if (sync) sync.changes.push(apply);
}

/** Apply an ack that came after an await to the activity as it is now (an answer may have replaced it). */
export function changeActivity(activityId, apply) {
  const activity = activityById(activityId);
  if (activity) change(activity, apply);
}

/**
 * One activity in full (the `sync_activity` answer when it opens): it replaces what we knew of
 * it, then what the phone heard or got acked since it asked is applied again. Null: no answer.
 */
export function applyActivity(activityId, activity) {
  const sync = syncing.get(activityId);
  syncDone(activityId);
  if (!state.model || !activity) return;
  const fresh = withContent(activity);
  state.model.activities.set(activityId, fresh);
  for (const apply of (sync ? sync.changes : [])) apply(fresh);
}

/** An activity opened, closed or changed; `fresh(activity)` gives a new one's first fields. True when it just opened. */
export function mergeActivity(incoming, fresh) {
  const known = activityById(incoming.id);
  const opened = incoming.state === 'open' && (!known || known.state !== 'open');
  if (known) change(known, (activity) => Object.assign(activity, incoming));
  else state.model.activities.set(incoming.id, { own_entries: [], table_entries: [], ...fresh(incoming), ...incoming });
  return opened;
}

/** Record our accepted entry (new or a resent duplicate) once. */
export function addOwn(activity, item, ack, extra) {
  activity.own_entries = activity.own_entries || [];
  if (!activity.own_entries.some((e) => e.id === ack.id)) {
    activity.own_entries.push({ id: ack.id, text: item.text, client_id: item.client_id, ...(extra || {}) });
  }
}

/** Merge task points by id; an older echo never overwrites a newer version, deleted ones leave. */
export function mergePoints(activity, points) {
  const byId = new Map((activity.table_points || []).map((p) => [p.id, p]));
  for (const point of points) {
    const before = byId.get(point.id);
    if (before && (before.version || 0) > (point.version || 0)) continue;
    if (point.deleted) byId.delete(point.id);
    else byId.set(point.id, { ...(before || {}), ...point });
  }
  activity.table_points = [...byId.values()];
}

/** Merge our table's new or changed entries by id; hidden ones leave the view. */
export function mergeTableEntries(activity, entries) {
  const byId = new Map((activity.table_entries || []).map((e) => [e.id, e]));
  for (const entry of entries) {
    if (entry.hidden) byId.delete(entry.id);
    else byId.set(entry.id, { ...(byId.get(entry.id) || {}), ...entry });
  }
  activity.table_entries = [...byId.values()];
}

/** Questions to the panel changed (new, votes, pinned, answered, hidden): merge by id; a count alone changes only a question we hold. */
export function mergeQuestions(activity, entries) {
  const byId = new Map((activity.entries || []).map((e) => [e.id, e]));
  activity.gone = activity.gone || new Set();
  for (const entry of entries) {
    // An upvote comes as {id, votes}: a new count for a question we hold, else nothing to show.
    if (!('hidden' in entry)) {
      if (byId.has(entry.id)) byId.set(entry.id, { ...byId.get(entry.id), ...entry });
      continue;
    }
    const own = (activity.own_entries || []).find((e) => e.id === entry.id);
    // `hidden` also means "waiting for approval": our own held question stays "waiting".
    const stillHeld = own && own.held && entry.hidden && !entry.answered;
    if (entry.hidden || entry.held) {
      byId.delete(entry.id);
      if (!stillHeld) activity.gone.add(entry.id);
    } else {
      byId.set(entry.id, { ...(byId.get(entry.id) || { voted: false }), ...entry });
      activity.gone.delete(entry.id);
    }
    if (own && !stillHeld) Object.assign(own, { held: !!entry.held, hidden: !!entry.hidden });
  }
  activity.entries = [...byId.values()];
}

/** The open activities, newest position first. */
export function openActivities() {
  if (!state.model) return [];
  return [...state.model.activities.values()]
    .filter((a) => a.state === 'open')
    .sort((a, b) => b.position - a.position);
}
