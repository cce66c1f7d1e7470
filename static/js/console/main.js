// The facilitator's console: the list of gatherings (create from a template) and the
// live console of one gathering (agenda, screen control, moderation of entries).
import { el, fill, readJSON } from '../shared/dom.js';
import { clock, count, fmt, newestFirst, secondsUntil, tableLabel, taskQuestions } from '../shared/text.js';
import { connect } from '../shared/connection.js';
import { followState, initAddress } from './address.js';
import { call, showMessage } from './api.js';
import { showHealth } from './health.js';
import { blockButton, initParticipants, joinedTotal, onJoining, onParticipantJoined, showParticipants } from './participants.js';
import { heldCount } from './held.js';
import { heldPoints, initPoints, pointActions, pointText } from './points.js';
import { initTools } from './tools.js';
import { initWords } from './words.js';

const T = readJSON('samla-text') || {};
const config = readJSON('samla-config') || {};
const root = config.root || '';
const $ = (id) => document.getElementById(id);

// ---- list of gatherings ----------------------------------------------------------

/** The list page asks /healthz once: the version for the footer, and whether writes fail. */
async function showServer() {
  if (!$('version')) return;
  const health = await call('GET', '/healthz', undefined, false);
  if (!health) return;
  showVersion(health.version);
  showHealth($('health'), health);
}

function initList() {
  const blank = $('new-blank');
  if (blank) {
    blank.addEventListener('click', async () => {
      blank.disabled = true;
      const created = await call('POST', '/api/gatherings', {
        title: T.blank_title,
        tables: 6,
        activities: [{ kind: 'words', prompt: T.blank_prompt }],
      });
      blank.disabled = false;
      if (created && created.id !== undefined) window.location.assign(`${root}/console/${created.id}/editor`);
    });
  }
  initImport();
  const form = $('new-gathering');
  if (!form) return;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    const created = await call('POST', '/api/gatherings', { template: form.elements.template.value });
    button.disabled = false;
    if (created && created.console_url) window.location.assign(created.console_url);
  });
}

/** A bundle from another Samla, even on an empty server; then a link to what it brought. */
function initImport() {
  const form = $('import-bundle');
  if (!form) return;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.elements.bundle.files[0];
    if (!file) return;
    let bundle;
    try {
      bundle = JSON.parse(await file.text());
    } catch (err) {
      showMessage(T.bad_file);
      return;
    }
    const result = await call('POST', '/api/bundles', bundle);
    if (!result || result.gathering_id === undefined) return;
    $('imported-text').textContent = count(T, 'imported', { n: result.entries_added || 0 });
    $('imported-link').setAttribute('href', `${root}/console/${result.gathering_id}`);
    $('imported').hidden = false;
  });
}

// ---- one gathering -------------------------------------------------------------------

let gathering = null;
let screenId = null;
let screenView = null;
let screenQuestion = null;
let selectedId = null;
let connected = false;
const activities = new Map(); // id -> activity with entries (Map by id) and frequencies
let redraw = null;
let search = '';
const APPROVAL_KINDS = ['words', 'statements', 'questions'];

// Whether several activities may be open at once: a choice per gathering, kept in this browser.
const severalKey = () => `samla.several-open.${gathering.id}`;
function severalOpen() {
  try { return window.localStorage.getItem(severalKey()) === '1'; } catch (err) { return false; }
}
function setSeveralOpen(on) {
  try { window.localStorage.setItem(severalKey(), on ? '1' : '0'); } catch (err) { /* private mode */ }
}

function absorb(activity, before) {
  const entries = new Map(((activity.entries) || []).map((e) => [e.id, e]));
  const points = new Map(((activity.points) || []).filter((p) => !p.deleted).map((p) => [p.id, p]));
  return {
    ...(before || {}),
    ...activity,
    entries: activity.entries ? entries : (before ? before.entries : entries),
    points: activity.points ? points : (before && before.points ? before.points : points),
    frequencies: activity.frequencies || (before && before.frequencies) || [],
  };
}

function setGathering(data, withEntries) {
  gathering = data;
  screenId = data.screen_activity_id === undefined ? null : data.screen_activity_id;
  screenView = data.screen_view || null;
  screenQuestion = data.screen_question_id || null;
  for (const activity of data.activities || []) activities.set(activity.id, absorb(activity, activities.get(activity.id)));
  if (withEntries) connected = true;
}

function onState(state) {
  activities.clear();
  setGathering(state.gathering, true);
  for (const activity of state.activities) activities.set(activity.id, absorb(activity));
  if (selectedId === null || !activities.has(selectedId)) selectedId = defaultSelection();
  followState(state.gathering, state.server);
  showParticipants(state.gathering);
  showVersion(state.server && state.server.version);
  render();
}

function showVersion(version) {
  if (version) $('version').textContent = fmt(T.version, { version });
}

function onActivityUpdate(update) {
  const activity = activities.get(update.activity_id);
  if (!activity) return;
  const fresh = (update.entries || []).filter((e) => !activity.entries.has(e.id) && !e.hidden && e.text);
  for (const entry of update.entries || []) activity.entries.set(entry.id, { ...(activity.entries.get(entry.id) || {}), ...entry });
  if (fresh.length) {
    // The live region says only the latest ones, so a busy room does not flood a screen reader.
    $('announce').textContent = fresh.slice(-3).map((e) => fmt(T.new_entry, { table: label(e.table), text: e.text })).join(' ');
  }
  for (const point of update.points || []) {
    if (point.deleted) activity.points.delete(point.id);
    else activity.points.set(point.id, { ...(activity.points.get(point.id) || {}), ...point });
  }
  for (const key of ['count', 'hidden_count', 'held_count', 'frequencies', 'results', 'items', 'themes']) if (update[key] !== undefined) activity[key] = update[key];
  scheduleRender();
}

function onActivityState(payload) {
  if (!payload || !payload.activity) return;
  activities.set(payload.activity.id, absorb(payload.activity, activities.get(payload.activity.id)));
  render();
}

function onScreen(payload) {
  screenId = payload ? payload.activity_id : null;
  screenView = payload ? payload.view || null : null;
  screenQuestion = payload ? payload.question_id || null : null;
  render();
}

function defaultSelection() {
  const hashId = Number((window.location.hash.match(/^#a(\d+)$/) || [])[1]);
  if (activities.has(hashId)) return hashId;
  if (screenId !== null && activities.has(screenId)) return screenId;
  const open = [...activities.values()].find((a) => a.state === 'open');
  const first = [...activities.values()].sort((a, b) => a.position - b.position)[0];
  return open ? open.id : (first ? first.id : null);
}

function select(id) {
  selectedId = id;
  window.history.replaceState(null, '', `#a${id}`);
  render();
}

/** Redraw soon, at most a few times a second while entries stream in. */
function scheduleRender() {
  if (redraw) return;
  redraw = window.setTimeout(() => { redraw = null; render(); }, 300);
}

// ---- actions ---------------------------------------------------------------------------

const base = () => `/api/gatherings/${gathering.id}`;

async function setState(activity, state) {
  if (state === 'open') {
    select(activity.id);
    if (!severalOpen()) {
      const before = [...activities.values()].filter((a) => a.state === 'open' && a.id !== activity.id);
      for (const other of before) {
        const closed = await call('POST', `${base()}/activities/${other.id}/state`, { state: 'closed' });
        if (closed && closed.id) activities.set(closed.id, absorb(closed, activities.get(closed.id)));
      }
    }
  }
  const result = await call('POST', `${base()}/activities/${activity.id}/state`, { state });
  if (!result) return;
  if (result.id) activities.set(result.id, absorb(result, activities.get(result.id)));
  // Opening an activity also puts it on the projector, so the room sees it at once.
  if (state === 'open') await showOnScreen(activity.id);
  render();
}

async function showOnScreen(activityId, view, questionId) {
  const body = { activity_id: activityId };
  if (view) body.view = view;
  if (questionId) body.question_id = questionId;
  const result = await call('POST', `${base()}/screen`, body);
  if (result) onScreen({ view: view || null, question_id: questionId || null, ...result, activity_id: result.activity_id === undefined ? activityId : result.activity_id });
}

async function reveal(activity, revealed) {
  const result = await call('POST', `${base()}/activities/${activity.id}/reveal`, { revealed });
  if (result && result.id) activities.set(result.id, absorb(result, activities.get(result.id)));
  render();
}

async function setTimer(activity, seconds) {
  const result = await call('POST', `${base()}/activities/${activity.id}/timer`, { seconds });
  if (result && result.id) activities.set(result.id, absorb(result, activities.get(result.id)));
  render();
}

async function moderate(entryId, change) {
  const entry = await call('PATCH', `/api/entries/${entryId}`, change);
  if (!entry) return;
  const activity = activities.get(entry.activity_id) || activities.get(selectedId);
  if (activity && activity.entries.has(entry.id)) activity.entries.set(entry.id, { ...activity.entries.get(entry.id), ...entry });
  render();
}

/** A point the facilitator approved, hid or showed: the task view redraws with it. */
function onPoint(point) {
  const activity = activities.get(point.activity_id);
  if (activity) activity.points.set(point.id, { ...(activity.points.get(point.id) || {}), ...point });
  render();
}


// ---- rendering ---------------------------------------------------------------------------

function kindLabel(kind) {
  return T[`kind_${kind}`] || kind;
}

function activityName(activity) {
  return activity.title || activity.prompt;
}

const label = (number) => tableLabel(gathering.tables, number, T.table_n);

/** A selector that finds the focused control again after a redraw (or null). */
function focusSelector(node) {
  if (!node || node === document.body || !node.closest('#detail')) return null;
  const { entry, point, change } = node.dataset || {};
  if (entry) return `button[data-entry="${entry}"][data-change="${change}"]`;
  if (point) return `button[data-point="${point}"][data-change="${change}"]`;
  return null;
}

function render() {
  if (!gathering) return;
  // Entries and points are drawn anew: a keyboard user keeps the button they were on.
  const focused = document.activeElement;
  const refocus = focusSelector(focused);
  renderAgenda();
  renderDetail();
  const onScreen = screenId === null ? null : activities.get(screenId);
  let status = onScreen ? fmt(T.screen_activity, { name: kindLabel(onScreen.kind) }) : T.screen_code;
  if (onScreen && onScreen.kind === 'task') {
    const q = taskQuestions(onScreen).findIndex((x) => x.id === screenQuestion);
    status += ` – ${screenView === 'question' && q >= 0 ? fmt(T.question_n, { n: q + 1 }) : T.progress}`;
  }
  $('screen-status').textContent = status;
  $('show-code').disabled = screenId === null;
  const again = refocus && !focused.isConnected ? $('detail').querySelector(refocus) : null;
  if (again) again.focus();
  // The words view (words.js) and the moderation and theme tools (tools.js) redraw from this.
  document.dispatchEvent(new CustomEvent('samla:render', { detail: {
    gathering, activity: selectedId === null ? null : activities.get(selectedId), activities, screenId, screenView, search, connected,
  } }));
}

function renderAgenda() {
  const items = [...activities.values()].sort((a, b) => a.position - b.position).map((activity) => {
    const isOpen = activity.state === 'open';
    const stop = (fn) => (event) => { event.stopPropagation(); fn(); };
    return el('li', {
      class: `agenda__item${isOpen ? ' is-open' : ''}${activity.id === selectedId ? ' is-selected' : ''}`,
      onclick: () => select(activity.id),
    },
    el('div', { class: 'agenda__top' },
      el('span', { class: 'agenda__kind' }, kindLabel(activity.kind)),
      el('span', { class: `badge${isOpen ? ' badge--open' : ''}` }, isOpen ? T.state_open : T.state_closed),
      el('span', { class: 'badge badge--count' }, count(T, 'count', { n: activity.count || 0 })),
      activity.hidden_count ? el('span', { class: 'badge' }, count(T, 'hidden_count', { n: activity.hidden_count })) : null,
      heldCount(activity, connected) ? el('span', { class: 'badge badge--held' }, count(T, 'held_count', { n: heldCount(activity, connected) })) : null,
      activity.revealed === false ? el('span', { class: 'badge badge--secret' }, T.results_hidden) : null,
      activity.closes_at && activity.state === 'open' ? el('span', { class: 'badge badge--clock', dataset: { closes: activity.closes_at } }, countdownText(activity.closes_at)) : null,
      activity.id === screenId ? el('span', { class: 'badge badge--screen' }, T.on_screen) : null),
    el('p', { class: 'agenda__prompt' }, activityName(activity)),
    el('div', { class: 'agenda__actions' },
      isOpen
        ? el('button', { type: 'button', class: 'btn btn--small btn--danger', onclick: stop(() => setState(activity, 'closed')) }, T.close)
        : el('button', { type: 'button', class: 'btn btn--small btn--primary', onclick: stop(() => setState(activity, 'open')) }, T.open),
      el('button', { type: 'button', class: 'btn btn--small', disabled: activity.id === screenId, onclick: stop(() => showOnScreen(activity.id)) }, T.show)));
  });
  $('agenda').replaceChildren(...items);
}

function countdownText(closesAt) {
  const left = secondsUntil(closesAt);
  return left === null ? '' : (left === 0 ? T.time_up : clock(left));
}

// Countdowns tick without redrawing the page.
window.setInterval(() => {
  for (const node of document.querySelectorAll('[data-closes]')) node.textContent = countdownText(node.dataset.closes);
}, 1000);

function taskTables(activity) {
  const all = gathering.tables.map((t) => t.number);
  return activity.tables && activity.tables.length ? all.filter((n) => activity.tables.includes(n)) : all;
}

function renderDetail() {
  const activity = selectedId === null ? null : activities.get(selectedId);
  if (!activity) {
    $('detail-title').textContent = T.pick;
    $('detail-prompt').textContent = '';
    $('cloud-link').hidden = true;
    fill($('controls'));
    fill($('kind-view'));
    $('entries').replaceChildren();
    return;
  }
  $('detail-title').textContent = fmt(T.entries_of, { name: kindLabel(activity.kind) });
  $('detail-prompt').textContent = activity.prompt;
  const people = new Set([...activity.entries.values(), ...activity.points.values()]
    .filter((e) => e.participant && !e.hidden).map((e) => e.participant)).size;
  $('answered').hidden = !connected || activity.kind === 'priorities';
  $('answered').textContent = fmt(T.people_answered, { n: people, total: joinedTotal() });
  const isWords = activity.kind === 'words';
  $('cloud-link').hidden = !isWords;
  if (isWords) $('cloud-link').setAttribute('href', `${root}${base()}/activities/${activity.id}/cloud.png`);
  $('search-box').hidden = activity.kind === 'task' || activity.kind === 'priorities';
  renderControls(activity);
  if (activity.kind === 'task') renderTaskDetail(activity);
  else if (activity.kind === 'priorities') renderResults(activity);
  else fill($('kind-view'));
  $('entries').hidden = activity.kind === 'task' || activity.kind === 'priorities';
  if (!$('entries').hidden) renderEntries(activity);
}

/** Reveal/hide results on the projector, approve before showing, and the countdown timer. */
function renderControls(activity) {
  const hidden = activity.revealed === false;
  const running = activity.closes_at && activity.state === 'open';
  // The minutes field is redrawn with the card: what is being typed in it stays.
  const typing = $('timer-minutes');
  const typed = typing ? typing.value : '';
  const focused = typing && document.activeElement === typing;
  const approving = document.activeElement && document.activeElement.id === 'approval-toggle';
  fill($('controls'), 
    el('div', { class: 'control' },
      el('span', { class: `control__state${hidden ? ' is-secret' : ''}` }, hidden ? T.results_hidden_long : T.results_shown),
      el('button', { type: 'button', class: 'btn btn--small', onclick: () => reveal(activity, hidden) }, hidden ? T.reveal : T.conceal)),
    approvalControl(activity),
    el('div', { class: 'control' },
      el('span', { class: 'control__label' }, T.timer),
      running ? el('span', { class: 'control__clock', role: 'timer', dataset: { closes: activity.closes_at } }, countdownText(activity.closes_at)) : null,
      [1, 2, 5, 10].map((m) => el('button', { type: 'button', class: 'btn btn--small', onclick: () => setTimer(activity, m * 60) }, fmt(T.minutes, { n: m }))),
      el('form', { class: 'control__any', onsubmit: (event) => {
        event.preventDefault();
        const minutes = Number(String(event.target.elements.minutes.value).replace(',', '.'));
        if (minutes > 0) setTimer(activity, Math.round(minutes * 60));
      } },
      el('label', {}, el('span', { class: 'sr-only' }, T.timer_minutes),
        el('input', { type: 'number', name: 'minutes', min: '0.5', max: '1440', step: 'any', class: 'input input--small control__minutes', id: 'timer-minutes', placeholder: T.timer_minutes_short })),
      el('button', { type: 'submit', class: 'btn btn--small' }, T.timer_start)),
      running ? el('button', { type: 'button', class: 'btn btn--small', id: 'timer-plus', onclick: () => setTimer(activity, (secondsUntil(activity.closes_at) || 0) + 60) }, T.plus_minute) : null,
      running ? el('button', { type: 'button', class: 'btn btn--small btn--danger', onclick: () => setTimer(activity, null) }, T.stop_timer) : null));
  $('timer-minutes').value = typed;
  if (focused) $('timer-minutes').focus();
  if (approving && $('approval-toggle')) $('approval-toggle').focus();
}

/** Turn "approve before showing" on or off; a refusal puts the box back as it was. */
async function setApproval(activity, box) {
  const wanted = box.checked;
  const answer = await call('POST', `${base()}/activities/${activity.id}/approval`, { approval: wanted });
  if (answer === null) box.checked = !!activity.approval;
}

/** "Approve before showing" for the kinds with entries, and how many wait. */
function approvalControl(activity) {
  if (!APPROVAL_KINDS.includes(activity.kind)) return null;
  const held = heldCount(activity, connected);
  return el('div', { class: 'control' },
    el('label', { class: 'check check--control' },
      el('input', { type: 'checkbox', checked: !!activity.approval, id: 'approval-toggle',
        onchange: (event) => setApproval(activity, event.target) }),
      ` ${T.approval}`),
    held ? el('span', { class: 'badge badge--held' }, count(T, 'approval_held', { n: held })) : null);
}

function renderTaskDetail(activity) {
  const questions = taskQuestions(activity);
  const tables = taskTables(activity);
  const points = [...activity.points.values()].filter((p) => !p.deleted);
  const onScreen = activity.id === screenId;
  const progressOn = onScreen && screenView !== 'question';
  const list = el('ol', { class: 'qlist' }, questions.map((q, i) => {
    const shown = onScreen && screenView === 'question' && screenQuestion === q.id;
    // Counted as the projector shows them: a held or hidden point is not (yet) an answer.
    const counted = points.filter((p) => p.question_id === q.id && !p.held && !p.hidden);
    const n = counted.length;
    const answered = new Set(counted.map((p) => p.table)).size;
    return el('li', { class: `qlist__item${shown ? ' is-on-screen' : ''}` },
      el('span', { class: 'qlist__n' }, `${i + 1}.`),
      el('div', { class: 'qlist__body' },
        el('p', { class: 'qlist__title' }, q.title),
        el('p', { class: 'qlist__meta' }, count(T, 'points_tables', { n, tables: answered, total: tables.length }))),
      el('button', { type: 'button', class: `btn btn--small${shown ? ' btn--primary' : ''}`, disabled: shown,
        onclick: () => showOnScreen(activity.id, 'question', q.id) }, shown ? T.on_screen : T.show_question));
  }));
  const matrix = el('table', { class: 'matrix' },
    el('thead', {}, el('tr', {}, el('th', {}, T.table),
      questions.map((q, i) => el('th', { scope: 'col', title: q.title }, `${i + 1}. ${q.title}`)))),
    el('tbody', {}, tables.map((number) => el('tr', {},
      el('th', { scope: 'row' }, label(number)),
      questions.map((q) => {
        const mine = points.filter((p) => p.table === number && p.question_id === q.id).sort((a, b) => a.id - b.id);
        return el('td', { class: mine.length ? 'is-done' : '' },
          mine.length ? el('ul', { class: 'matrix__points' }, mine.map((p) => el('li', { class: `point${p.held ? ' is-held' : ''}${p.hidden ? ' is-hidden' : ''}` },
            pointText(p), ' ', pointActions(p), ' ', blockButton(p.participant))))
            : el('span', { class: 'muted' }, '–'));
      })))));
  fill($('kind-view'), 
    el('div', { class: 'kind-bar' },
      el('button', { type: 'button', class: `btn btn--small${progressOn ? ' btn--primary' : ''}`, disabled: progressOn,
        onclick: () => showOnScreen(activity.id, 'progress') }, progressOn ? `${T.show_progress} ✓` : T.show_progress)),
    heldPoints(points, questions, label),
    list,
    el('h3', { class: 'kind-h' }, T.answers_by_table),
    el('div', { class: 'matrix-box' }, matrix));
}

function resultTable(rows, limit) {
  return el('table', { class: 'results' },
    el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, T.item), el('th', { class: 'num' }, T.score), el('th', { class: 'num' }, T.first_places))),
    el('tbody', {}, rows.slice(0, limit || rows.length).map((r) => el('tr', {},
      el('td', {}, String(r.rank)), el('td', { class: 'results__text' }, r.text),
      el('td', { class: 'num' }, String(r.score)), el('td', { class: 'num' }, String(r.first_places || 0))))));
}

function renderResults(activity) {
  const results = activity.results || {};
  const overall = results.overall || [];
  const tables = Object.entries(results.tables || {});
  const networks = Object.entries(results.networks || {});
  const method = results.method === 'borda' ? T.method_borda : T.method_dots;
  fill($('kind-view'), 
    el('p', { class: 'muted' }, count(T, 'ballots', { n: results.ballots || 0 }), ' · ', method),
    el('h3', { class: 'kind-h' }, T.overall),
    overall.length ? resultTable(overall) : el('p', { class: 'muted' }, T.no_entries),
    networks.length ? el('h3', { class: 'kind-h' }, T.per_network) : null,
    el('div', { class: 'results-grid' }, networks.map(([name, rows]) => el('section', { class: 'results-box' },
      el('h4', {}, name), resultTable(rows, 5)))),
    tables.length ? el('h3', { class: 'kind-h' }, T.per_table) : null,
    el('div', { class: 'results-grid' }, tables.map(([number, rows]) => el('section', { class: 'results-box' },
      el('h4', {}, label(Number(number))), resultTable(rows, 5)))));
}

function matches(text) {
  return !search || String(text || '').toLocaleLowerCase().includes(search);
}

function entryButton(entry, change, value, label, extra) {
  return el('button', { type: 'button', class: `btn btn--small ${extra || ''}`, dataset: { entry: entry.id, change, value } }, label);
}

function renderEntries(activity) {
  if (!connected) {
    $('entries').replaceChildren(el('li', { class: 'muted' }, T.loading));
    return;
  }
  const isQuestions = activity.kind === 'questions';
  const entries = [...activity.entries.values()].sort(isQuestions ? (a, b) => {
    if (!!a.held !== !!b.held) return a.held ? -1 : 1;
    if (!!a.pinned !== !!b.pinned) return a.pinned ? -1 : 1;
    if (!!a.answered !== !!b.answered) return a.answered ? 1 : -1;
    return (b.votes || 0) - (a.votes || 0) || a.id - b.id;
  } : (a, b) => (!!b.held - !!a.held) || newestFirst(a, b)).filter((e) => matches(e.text));
  if (!entries.length) {
    $('entries').replaceChildren(el('li', { class: 'muted' }, T.no_entries));
    return;
  }
  $('entries').replaceChildren(...entries.map((entry) => el('li', {
    class: `entry${entry.hidden ? ' is-hidden' : ''}${entry.highlighted ? ' is-highlighted' : ''}${entry.held ? ' is-held' : ''}${entry.answered ? ' is-answered' : ''}`,
  },
  isQuestions ? el('span', { class: 'entry__votes', title: T.votes }, String(entry.votes || 0)) : null,
  el('div', { class: 'entry__body' },
    el('div', { class: 'entry__meta' }, label(entry.table),
      entry.held ? ` · ${T.waiting_approval}` : '',
      entry.hidden ? ` · ${T.hidden}` : '', entry.highlighted ? ` · ${T.highlighted}` : '',
      entry.pinned ? ` · ${T.pinned}` : '', entry.answered ? ` · ${T.answered}` : ''),
    el('div', { class: 'entry__text' }, entry.text)),
  el('div', { class: 'entry__actions' },
    entry.held ? entryButton(entry, 'held', false, T.approve, 'btn--primary') : null,
    isQuestions ? entryButton(entry, 'pinned', !entry.pinned, entry.pinned ? T.unpin : T.pin) : null,
    isQuestions ? entryButton(entry, 'answered', !entry.answered, entry.answered ? T.unanswer : T.mark_answered) : null,
    entryButton(entry, 'hidden', !entry.hidden, entry.hidden ? T.unhide : T.hide),
    isQuestions ? null : entryButton(entry, 'highlighted', !entry.highlighted, entry.highlighted ? T.unhighlight : T.highlight),
    blockButton(entry.participant)))));
}

function initGathering() {
  if (!config.gathering) return;
  setGathering(config.gathering, false);
  selectedId = defaultSelection();
  render();
  // One listener for all entry buttons, so redraws never swallow a click.
  $('entries').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-entry]');
    if (!button) return;
    moderate(Number(button.dataset.entry), { [button.dataset.change]: button.dataset.value === 'true' });
  });
  initPoints($('kind-view'), onPoint);
  $('show-code').addEventListener('click', () => showOnScreen(null));
  $('several-open').checked = severalOpen();
  $('several-open').addEventListener('change', (event) => setSeveralOpen(event.target.checked));
  $('search').addEventListener('input', (event) => {
    search = event.target.value.trim().toLocaleLowerCase();
    render();
  });
  initAddress();

  const link = connect({
    auth: { gathering_id: gathering.id },
    onState,
    indicator: $('connection'),
    // A refused console (signed out, gathering gone) says why.
    onRefused: (err) => {
      if (err && err.data && err.data.message) showMessage(err.data.message);
      return false;
    },
    handlers: {
      activity_update: onActivityUpdate,
      activity_state: onActivityState,
      screen: onScreen,
      health: (health) => showHealth($('health'), health),
      // The joined phones beside the answer count, and the answer count "of" them.
      participant_joined: (joined) => {
        if (onParticipantJoined(joined)) scheduleRender();
      },
      joining: onJoining,
    },
  });
  initParticipants(gathering);
  // Not knowing is not a fault: a console that connects again hears `health` if writes fail.
  link.socket.on('disconnect', () => showHealth($('health'), null));
}

/** N: next activity, O: open or close it, S: show it on the projector (not while typing). */
function shortcut(event) {
  if (!gathering || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target.closest && event.target.closest('input, textarea, select, [contenteditable]')) return;
  const ordered = [...activities.values()].sort((a, b) => a.position - b.position);
  const current = activities.get(selectedId);
  const key = event.key.toLowerCase();
  if (key === 'n' && ordered.length) {
    const at = ordered.findIndex((a) => a.id === selectedId);
    select(ordered[event.shiftKey ? Math.max(0, at - 1) : Math.min(ordered.length - 1, at + 1)].id);
  } else if (key === 'o' && current) {
    setState(current, current.state === 'open' ? 'closed' : 'open');
  } else if (key === 's' && current) {
    showOnScreen(current.id);
  } else {
    return;
  }
  event.preventDefault();
}

initList();
if (config.gathering) {
  // The tools listen to `samla:render` before the first render.
  initTools();
  initWords();
  initGathering();
  document.addEventListener('keydown', shortcut);
} else {
  showServer();
}
