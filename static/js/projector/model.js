// What the projector shows, in one place: the gathering, what is on screen, and every
// activity with its entries and points (Maps by id), merged from the server's pushes.
import { readJSON } from '../shared/dom.js';
import { tableLabel } from '../shared/text.js';

export const T = readJSON('samla-text') || {};
export const config = readJSON('samla-config') || {};
export const $ = (id) => document.getElementById(id);

export const model = {
  gathering: null,
  screenId: null,
  screenView: null, // task: 'question' or 'progress'; statements and task: 'themes'
  screenQuestion: null,
  activities: new Map(), // id -> activity with entries and points (Maps by id) and frequencies
  highlightOrder: new Map(), // entry id -> when it was highlighted (latest wins)
  loopback: false, // the join address is this machine's own: no phone can follow it
};

/** A table's name in this gathering. */
export const label = (number) => tableLabel(model.gathering && model.gathering.tables, number, T.table_n);

/** The activity on screen, if any. */
export const onScreen = () => (model.screenId === null ? null : model.activities.get(model.screenId) || null);

function absorb(activity) {
  const entries = new Map((activity.entries || []).map((e) => [e.id, e]));
  const points = new Map((activity.points || []).filter((p) => !p.deleted).map((p) => [p.id, p]));
  return { ...activity, entries, points, frequencies: activity.frequencies || [] };
}

/** The whole state (on connect or resync) replaces everything. */
export function applyState(state) {
  const gathering = state.gathering;
  model.gathering = gathering;
  model.loopback = !!(state.server && state.server.loopback);
  model.screenId = gathering.screen_activity_id === undefined ? null : gathering.screen_activity_id;
  model.screenView = gathering.screen_view || null;
  model.screenQuestion = gathering.screen_question_id || null;
  model.activities.clear();
  for (const activity of state.activities) model.activities.set(activity.id, absorb(activity));
  for (const activity of model.activities.values()) {
    for (const entry of activity.entries.values()) if (entry.highlighted) model.highlightOrder.set(entry.id, entry.id);
  }
}

/** New or changed entries, points and tallies of one activity; the activity, or null. */
export function applyActivityUpdate(update) {
  const activity = model.activities.get(update.activity_id);
  if (!activity) return null;
  for (const entry of update.entries || []) {
    const before = activity.entries.get(entry.id);
    // An upvote carries {id, votes} only: a question the screen does not show stays unshown.
    if (!before && !('hidden' in entry)) continue;
    if (entry.highlighted && !(before && before.highlighted)) model.highlightOrder.set(entry.id, Date.now());
    activity.entries.set(entry.id, { ...(before || {}), ...entry });
  }
  for (const point of update.points || []) {
    if (point.deleted) activity.points.delete(point.id);
    else activity.points.set(point.id, { ...(activity.points.get(point.id) || {}), ...point });
  }
  for (const key of ['count', 'hidden_count', 'frequencies', 'results', 'items', 'themes']) {
    if (update[key] !== undefined) activity[key] = update[key];
  }
  return activity;
}

/** An activity opened, closed, revealed ...; true when its results were revealed just now. */
export function applyActivityState(incoming) {
  const known = model.activities.get(incoming.id);
  const wasHidden = known && known.revealed === false;
  if (known) {
    const { entries, points, ...rest } = incoming;
    Object.assign(known, rest);
  } else {
    model.activities.set(incoming.id, absorb(incoming));
  }
  return !!wasHidden && incoming.revealed !== false;
}

/** The console chose what the screen shows. */
export function applyScreen(payload) {
  model.screenId = payload ? payload.activity_id : null;
  model.screenView = payload ? payload.view || null : null;
  model.screenQuestion = payload ? payload.question_id || null : null;
}
