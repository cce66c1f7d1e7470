// The phone page: join with a code and a table, then answer the open activities.
// Every submission goes through the outbox so none is lost or doubled.
import { ACK_TIMEOUT, connect } from '../shared/connection.js';
import {
  createOutbox, dueItems, dueNow, loadTable, makeItem, message, postponed, shelved, verdict,
} from '../shared/outbox.js';
import { storage, uuid } from '../shared/storage.js';
import { fmt } from '../shared/text.js';
import { fetchInfo, forgetMe, onJoined, rememberMe, showTablePanel, start } from './join.js';
import { kindOf } from './kinds/index.js';
import { initLanguage, pageLanguage } from './language.js';
import { $, announce, config, root, showError, showPanel, T } from './page.js';
import { flash, renderAll, startClocks } from './sections.js';
import * as store from './store.js';

const { state } = store;
state.code = config.code ? String(config.code) : null;

const TICK = 1000; // how often the outbox looks for items whose backoff is over

let link = null; // the socket connection, once we have a token
let outbox = null; // what waits to be sent
let shelf = null; // what the server refused for good, until the person dismisses it
let table = null; // static/data/delivery.json: which error codes are retried, once loaded
const inflight = new Set(); // client ids sent and waiting for an ack

const pending = () => (outbox ? outbox.items() : []);
const refusedItems = () => (shelf ? shelf.items() : []);
const ask = (event, payload) => (link ? link.ask(event, payload) : Promise.resolve(null));

/**
 * GET a phone's JSON with its token (the browser's cache revalidates it): {status, data}, where
 * data is the body (a refusal's has `message`) or null; status 0 when no answer came.
 */
async function getJSON(path) {
  let response;
  try {
    response = await fetch(`${root}${path}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${state.me.token}` },
    });
  } catch (err) {
    return { status: 0, data: null };
  }
  try {
    return { status: response.status, data: await response.json() };
  } catch (err) {
    return { status: response.status, data: null };
  }
}

/** Ask for the whole state again (after a refusal that says our view is out of date). */
function resync() {
  if (link && link.socket.connected) link.sync();
}

/** What the kinds may do: send through the outbox, ask the server, note a success, handle the shelf. */
const actions = {
  submit,
  ask,
  getJSON,
  resync,
  queue,
  retryable: (ack) => verdict(null, ack, table) === 'retry',
  flash: (activityId) => flash(activityId, store.changed),
  refuse: refused,
  resend,
  dismiss,
};

store.onChange(() => renderAll(pending(), refusedItems(), actions));

// ---- outbox ------------------------------------------------------------------

function useOutbox() {
  outbox = state.code ? createOutbox(storage, `samla:outbox:${state.code}`) : null;
  shelf = state.code ? createOutbox(storage, `samla:refused:${state.code}`) : null;
}

/** Queue a submission (stored before sending), then try to send it. */
function submit(activityId, text, extra) {
  queue(makeItem(uuid(), activityId, text, extra, Date.now()));
}

/** Queue an item (a ballot or an edit replaces the one of the same target still waiting). */
function queue(item) {
  for (const other of pending()) {
    if (!inflight.has(other.client_id) && sameTarget(other, item)) outbox.remove(other.client_id);
  }
  outbox.add(item);
  showError('notice', '');
  store.changed();
  send(item);
}

const sameTarget = (a, b) => (a.event === 'cast' && b.event === 'cast' && a.activity_id === b.activity_id)
  || (a.event === 'edit_point' && b.event === 'edit_point' && a.point_id === b.point_id);

function send(item) {
  if (!link || !link.socket.connected || inflight.has(item.client_id)) return;
  inflight.add(item.client_id);
  const { event, payload } = message(item);
  link.socket.timeout(ACK_TIMEOUT).emit(event, payload, (err, ack) => {
    inflight.delete(item.client_id);
    if (!pending().some((other) => other.client_id === item.client_id)) return;
    let outcome = verdict(err, ack, table);
    // A resent edit whose first try was stored: the "other" text is our own.
    if (outcome === 'refused' && ack.error === 'conflict' && ack.current && ack.current.text === item.text) {
      outcome = 'accepted';
      ack = { ok: true, point: ack.current };
    }
    if (outcome === 'accepted') accepted(item, ack);
    else if (outcome === 'refused') refused(item, ack);
    else outbox.update(item.client_id, (it) => postponed(it, Date.now()));
  });
}

/** Send what is due; `now` (after a reconnect) ends every backoff first. */
function flushOutbox(now) {
  if (!outbox) return;
  if (now === true) for (const item of pending()) outbox.update(item.client_id, dueNow);
  for (const item of dueItems(pending(), inflight, Date.now())) send(item);
}

/** The server has it (new or duplicate): move it from the outbox into the view. */
function accepted(item, ack) {
  outbox.remove(item.client_id);
  const activity = store.activityById(item.activity_id);
  if (activity) store.change(activity, (a) => kindOf(a).accepted(a, item, ack));
  actions.flash(item.activity_id);
  store.changed();
}

/** A final refusal (closed, quota used, too long ...): the text goes to the shelf with the reason. */
function refused(item, ack) {
  outbox.remove(item.client_id);
  const reason = ack.message || T.error_generic;
  const activity = store.activityById(item.activity_id);
  shelf.add({ ...shelved(item, ack, reason, Date.now()), prompt: activity ? activity.prompt : '' });
  announce(fmt(T.refused_reason, { reason }));
  store.changed();
}

/** One tap on a refused text: send it again (an edit goes to the point as it is now). */
function resend(clientId) {
  const item = refusedItems().find((it) => it.client_id === clientId);
  if (!item) return;
  shelf.remove(clientId);
  let again = dueNow(item);
  if (again.event === 'edit_point') {
    const activity = store.activityById(again.activity_id);
    const point = activity && (activity.table_points || []).find((p) => p.id === again.point_id && !p.deleted);
    again = point
      ? { ...again, version: point.version }
      : { ...dropped(again, ['point_id', 'version']), event: 'add_point' };
  }
  // A ballot or an edit is a new wish; a text keeps its client id, so it is stored once.
  queue(again.event === 'cast' || again.event === 'edit_point' ? { ...again, client_id: uuid() } : again);
}

const dropped = (item, keys) => Object.fromEntries(Object.entries(item).filter(([key]) => !keys.includes(key)));

/** The person has what they need from a refused text: let it go. */
function dismiss(clientId) {
  shelf.remove(clientId);
  store.changed();
}

// ---- what the server pushes --------------------------------------------------------

function onState(snapshot) {
  store.applyState(snapshot);
  const { gathering, table } = snapshot;
  if (gathering && gathering.language) document.documentElement.lang = pageLanguage(gathering.language);
  if (state.me && table && state.me.table !== table.number) {
    state.me.table = table.number;
    rememberMe();
  }
  store.changed();
}

function onActivityState(payload) {
  if (!state.model || !payload || !payload.activity) return;
  const incoming = payload.activity;
  const kind = kindOf(incoming);
  const opened = store.mergeActivity(incoming, kind.fresh);
  store.changed();
  if (opened) announce(fmt(T.opened, { prompt: incoming.title ? `${incoming.title}. ${incoming.prompt}` : incoming.prompt }));
  if (opened) syncActivity(incoming.id);
}

/** A state carries only the open activities' content: ask for one that just opened. */
async function syncActivity(activityId) {
  store.syncAsked(activityId);
  const ack = await ask('sync_activity', { activity_id: activityId });
  const answer = ack && ack.ok && ack.activity ? ack.activity : null;
  // What arrived since we asked (a push, an ack, closed again) is applied again over the answer.
  store.applyActivity(activityId, answer);
  if (!answer) {
    // Offline or refused: the whole state comes with the next (re)connect.
    if (link && link.socket.connected) link.sync();
    return;
  }
  store.changed();
}

/** An update for one table's activity: the activity, if it is ours. */
function ours(update) {
  if (!state.model || !update) return null;
  if (state.model.table && update.table !== undefined && update.table !== state.model.table.number) return null;
  return store.activityById(update.activity_id) || null;
}

function onTableUpdate(update) {
  const activity = ours(update);
  if (!activity) return;
  const keepsRemaining = kindOf(activity).tableRemaining && update.remaining !== undefined;
  store.change(activity, (a) => {
    store.mergeTableEntries(a, update.entries || []);
    if (keepsRemaining) a.remaining = update.remaining;
  });
  store.changed();
}

function onPointsUpdate(update) {
  const activity = ours(update);
  if (!activity) return;
  store.change(activity, (a) => store.mergePoints(a, update.points || []));
  store.changed();
}

function onQuestionsUpdate(update) {
  const activity = update && store.activityById(update.activity_id);
  if (!activity) return;
  store.change(activity, (a) => store.mergeQuestions(a, update.entries || []));
  store.changed();
}

/** An open vote's items changed (a statement hidden at its source): fetch them again. */
function onActivityItems(update) {
  if (!update || !update.items_version) return;
  store.changeActivity(update.activity_id, (a) => { a.items_version = update.items_version; });
  store.changed();
}

/** The contract puts a refusal's code in err.data.error; also accept it inside the message. */
function onRefused(err) {
  const refusal = err && ((err.data && err.data.error) || (/unknown_participant/.test(err.message || '') && 'unknown_participant'));
  if (refusal !== 'unknown_participant') return false;
  forgetMe();
  return true;
}

/** We have a token: show the live panel and (re)connect with it. */
function goLive() {
  showPanel('live');
  store.changed();
  const auth = { token: state.me.token };
  if (link) { link.reconnect(auth); return; }
  link = connect({
    auth,
    onState,
    onRefused,
    indicator: $('connection'),
    handlers: {
      connect: () => flushOutbox(true),
      activity_state: onActivityState,
      table_update: onTableUpdate,
      points_update: onPointsUpdate,
      questions_update: onQuestionsUpdate,
      activity_items: onActivityItems,
    },
  });
}

// ---- wiring --------------------------------------------------------------------

$('code-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const typed = $('code-input').value.replace(/\s+/g, '');
  if (!typed) { $('code-input').focus(); return; }
  state.code = typed;
  useOutbox();
  config.table = null;
  window.history.replaceState(null, '', `${root}/j/${encodeURIComponent(typed)}`);
  showError('code-error', '');
  start();
});

$('change-table').addEventListener('click', async () => {
  if (!state.info && !(await fetchInfo())) { showError('notice', T.network); return; }
  showTablePanel();
});

$('table-cancel').addEventListener('click', () => showPanel('live'));

window.setInterval(() => {
  if (pending().length && link) {
    if (link.socket.connected) flushOutbox();
    else link.wake();
  }
}, TICK);

onJoined(goLive);
useOutbox();
loadTable(config.delivery).then((loaded) => {
  table = loaded;
  flushOutbox(true);
});
startClocks();
initLanguage();
start();
