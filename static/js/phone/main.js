// The phone page: join with a code and a table, then answer the open activities.
// Every submission goes through the outbox so none is lost or doubled.
import { ACK_TIMEOUT, connect, RETRY_EVERY } from '../shared/connection.js';
import { createOutbox, dueItems, makeItem, message, verdict } from '../shared/outbox.js';
import { storage, uuid } from '../shared/storage.js';
import { fmt } from '../shared/text.js';
import { fetchInfo, forgetMe, onJoined, rememberMe, showTablePanel, start } from './join.js';
import { kindOf } from './kinds/index.js';
import { $, announce, config, root, showError, showPanel, T } from './page.js';
import { flash, renderAll, sectionOf, showSectionError, startClocks } from './sections.js';
import * as store from './store.js';

const { state } = store;
state.code = config.code ? String(config.code) : null;

let link = null; // the socket connection, once we have a token
let outbox = null;
const inflight = new Set(); // client ids sent and waiting for an ack

const pending = () => (outbox ? outbox.items() : []);
const ask = (event, payload) => (link ? link.ask(event, payload) : Promise.resolve(null));

/** What the kinds may do: send through the outbox, ask the server, note a success. */
const actions = {
  submit,
  ask,
  flash: (activityId) => flash(activityId, store.changed),
};

store.onChange(() => renderAll(pending(), actions));

// ---- outbox ------------------------------------------------------------------

function useOutbox() {
  outbox = state.code ? createOutbox(storage, `samla:outbox:${state.code}`) : null;
}

/** Queue a submission (stored before sending), then try to send it. */
function submit(activityId, text, extra) {
  const item = makeItem(uuid(), activityId, text, extra, Date.now());
  outbox.add(item);
  showError('notice', '');
  store.changed();
  send(item);
}

function send(item) {
  if (!link || !link.socket.connected || inflight.has(item.client_id)) return;
  inflight.add(item.client_id);
  const { event, payload } = message(item);
  link.socket.timeout(ACK_TIMEOUT).emit(event, payload, (err, ack) => {
    inflight.delete(item.client_id);
    const outcome = verdict(err, ack);
    if (outcome === 'accepted') accepted(item, ack);
    else if (outcome === 'refused') refused(item, ack);
  });
}

function flushOutbox() {
  for (const item of dueItems(pending(), inflight)) send(item);
}

/** The server has it (new or duplicate): move it from the outbox into the view. */
function accepted(item, ack) {
  outbox.remove(item.client_id);
  const activity = store.activityById(item.activity_id);
  if (activity) kindOf(activity).accepted(activity, item, ack);
  actions.flash(item.activity_id);
  store.changed();
}

/** A final refusal (closed, quota used, too long ...): tell the person, give the text back. */
function refused(item, ack) {
  outbox.remove(item.client_id);
  const text = ack.message || T.error_generic;
  const section = sectionOf(item.activity_id);
  if (section && section.root.isConnected) {
    const kind = kindOf(section);
    const target = (kind.target && kind.target(section, item)) || section;
    showSectionError(target, text);
    if (target.input && !target.input.value.trim()) target.input.value = item.text;
  } else {
    showError('notice', text);
  }
  store.changed();
}

// ---- what the server pushes --------------------------------------------------------

function onState(snapshot) {
  store.applyState(snapshot);
  const { gathering, table } = snapshot;
  if (gathering && gathering.language) document.documentElement.lang = gathering.language;
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
  if (opened && kind.rich) link.sync();
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
  store.mergeTableEntries(activity, update.entries || []);
  if (kindOf(activity).tableRemaining && update.remaining !== undefined) activity.remaining = update.remaining;
  store.changed();
}

function onPointsUpdate(update) {
  const activity = ours(update);
  if (!activity) return;
  store.mergePoints(activity, update.points || []);
  store.changed();
}

function onQuestionsUpdate(update) {
  const activity = update && store.activityById(update.activity_id);
  if (!activity) return;
  store.mergeQuestions(activity, update.entries || []);
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
      connect: flushOutbox,
      activity_state: onActivityState,
      table_update: onTableUpdate,
      points_update: onPointsUpdate,
      questions_update: onQuestionsUpdate,
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
}, RETRY_EVERY);

onJoined(goLive);
useOutbox();
startClocks();
start();
