// `priorities`: a ballot over a list of items, either dots to spread or a top-N ranking.
import { el } from '../../shared/dom.js';
import { makeItem } from '../../shared/outbox.js';
import { uuid } from '../../shared/storage.js';
import { count, fmt } from '../../shared/text.js';
import { fetchItems } from '../items.js';
import { T } from '../page.js';
import { showSectionError } from '../sections.js';
import { changed, state } from '../store.js';

const loaded = new Map(); // activity id -> {version, items}: fetched once per version

export function fresh() {
  return { remaining: null };
}

export function build(section, activity, actions) {
  section.list = el('ul', { class: 'prio' });
  section.hint = el('p', { class: 'task__note' });
  section.saved = el('p', { class: 'prio__saved' });
  section.send = el('button', { type: 'button', class: 'btn btn--primary btn--big', onclick: () => castBallot(section, actions) }, T.send);
  section.draft = null;
  section.dirty = false;
  return [section.hint, section.list, section.send, section.saved, section.status];
}

/** The ballot's rules, as the server filled them in (mode, dots and their cap per item, or top). */
function prioOptions(activity) {
  const o = activity.options || {};
  return { mode: o.mode, dots: o.dots, max: o.max_per_item, top: o.top };
}

function ballotDraft(activity) {
  const ballot = activity.ballot || {};
  if (prioOptions(activity).mode === 'dots') return { ...(ballot.dots || {}) };
  return (ballot.ranking || []).slice();
}

function normalBallot(draft) {
  if (Array.isArray(draft)) return draft;
  return Object.keys(draft).filter((k) => draft[k] > 0).sort().map((k) => [k, draft[k]]);
}

const sameBallot = (activity, draft) =>
  JSON.stringify(normalBallot(ballotDraft(activity))) === JSON.stringify(normalBallot(draft));

/**
 * The state names the version of a vote's items, not the items (the same 600 for every
 * phone): fetch them once per version; the browser keeps them too (ETag). False while they
 * come, or when they could not be had (`section.itemsProblem` says why).
 */
function haveItems(section, activity, actions) {
  const version = activity.items_version;
  if (!version || activity.itemsVersion === version) return true;
  const have = loaded.get(activity.id);
  // Not reached: a new whole state (a reconnect) is a new chance.
  const problem = section.itemsProblem;
  if (problem && problem.retry && problem.model !== state.model) Object.assign(section, { fetching: null, itemsProblem: null });
  if (have && have.version === version) {
    Object.assign(activity, { items: have.items, itemsVersion: version });
    return true;
  }
  if (section.fetching !== version && actions && actions.getJSON) {
    section.fetching = version;
    section.itemsProblem = null;
    fetchItems(actions.getJSON, `/api/activities/${activity.id}/items`).then((result) => {
      if (section.fetching !== version) return;
      // Newer items than the state named are still the ones to show.
      if (result.items) loaded.set(activity.id, { version, items: result.items });
      else if (result.refused) {
        // Our view is out of date (the vote is gone, we are elsewhere): say why, ask for the state.
        section.itemsProblem = { message: result.message || T.error_generic };
        actions.resync();
      } else section.itemsProblem = { message: T.not_reached, retry: true, model: state.model };
      changed();
    });
  }
  return false;
}

/** Try the items again (the person asked to). */
function fetchAgain(section) {
  section.fetching = null;
  section.itemsProblem = null;
  changed();
}

/** What stands where the items will be: a spinner while they come, else why they did not. */
function waitingForItems(section) {
  const problem = section.itemsProblem;
  if (!problem) return el('li', { class: 'phone-loading' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }));
  return el('li', { class: 'alert alert--warn prio__problem', role: 'alert' },
    el('p', {}, problem.message),
    problem.retry
      ? el('button', { type: 'button', class: 'btn btn--small', onclick: () => fetchAgain(section) }, T.try_again)
      : null);
}

export function update(section, activity, pending = [], actions = null) {
  section.activity = activity;
  if (!haveItems(section, activity, actions)) {
    section.hint.textContent = '';
    section.list.replaceChildren(waitingForItems(section));
    section.send.hidden = true;
    section.saved.textContent = '';
    return;
  }
  const o = prioOptions(activity);
  const items = activity.items || [];
  const known = new Set(items.map((i) => i.id));
  if (!section.dirty || section.draft === null) section.draft = ballotDraft(activity);
  // Items that disappeared (hidden at the source) leave the draft too.
  if (Array.isArray(section.draft)) section.draft = section.draft.filter((id) => known.has(id));
  else for (const id of Object.keys(section.draft)) if (!known.has(id)) delete section.draft[id];
  const hasBallot = !!activity.ballot && normalBallot(ballotDraft(activity)).length > 0;
  if (!items.length) {
    section.hint.textContent = '';
    section.list.replaceChildren(el('li', { class: 'statements__empty' }, T.no_items));
    section.send.hidden = true;
    section.saved.textContent = '';
    return;
  }
  section.send.hidden = false;
  const redraw = () => { section.dirty = true; update(section, activity, pending, actions); };
  if (o.mode === 'dots') drawDots(section, items, o, hasBallot, redraw);
  else drawRanking(section, items, o, hasBallot, redraw);
  section.dirty = section.dirty && !sameBallot(activity, section.draft);
  section.saved.textContent = hasBallot ? (section.dirty ? T.ballot_changed : T.ballot_saved) : (section.dirty ? T.ballot_unsent : '');
  const waiting = pending.some((item) => item.event === 'cast');
  if (waiting) section.saved.textContent = T.pending;
  if (waiting) section.send.disabled = true;
  section.saved.classList.toggle('is-saved', hasBallot && !section.dirty);
}

function drawDots(section, items, o, hasBallot, redraw) {
  const used = Object.values(section.draft).reduce((a, b) => a + b, 0);
  const left = o.dots - used;
  section.hint.textContent = count(T, 'dots_left', { n: left });
  section.hint.classList.toggle('is-zero', left === 0);
  section.list.className = 'prio prio--dots';
  section.list.replaceChildren(...items.map((item) => {
    const n = section.draft[item.id] || 0;
    const change = (delta) => () => { section.draft[item.id] = Math.max(0, n + delta); redraw(); };
    return el('li', { class: `prio__item${n ? ' is-chosen' : ''}` },
      el('span', { class: 'item__text' }, item.text),
      el('div', { class: 'dots' },
        el('button', { type: 'button', class: 'dots__btn', 'aria-label': fmt(T.dot_less, { item: item.text }), disabled: n === 0, onclick: change(-1) }, '−'),
        el('span', { class: 'dots__n', 'aria-live': 'polite' }, el('span', { class: 'dots__pips', 'aria-hidden': 'true' }, '●'.repeat(n)), el('span', {}, String(n))),
        el('button', { type: 'button', class: 'dots__btn', 'aria-label': fmt(T.dot_more, { item: item.text }), disabled: left <= 0 || n >= o.max, onclick: change(1) }, '+')));
  }));
  section.send.disabled = used === 0 || (!section.dirty && hasBallot);
}

function drawRanking(section, items, o, hasBallot, redraw) {
  const want = Math.min(o.top, items.length);
  section.hint.textContent = count(T, 'rank_hint', { n: want });
  section.list.className = 'prio prio--ranking';
  section.list.replaceChildren(...items.map((item) => {
    const at = section.draft.indexOf(item.id);
    const toggle = () => {
      if (at >= 0) section.draft.splice(at, 1);
      else if (section.draft.length < want) section.draft.push(item.id);
      else return;
      redraw();
    };
    return el('li', { class: 'prio__item' },
      el('button', { type: 'button', class: `rank${at >= 0 ? ' is-chosen' : ''}`, 'aria-pressed': at >= 0 ? 'true' : 'false',
        disabled: at < 0 && section.draft.length >= want, onclick: toggle },
      el('span', { class: 'rank__n', 'aria-hidden': at < 0 ? 'true' : null }, at >= 0 ? String(at + 1) : ''),
      el('span', { class: 'item__text' }, item.text)));
  }));
  section.send.disabled = section.draft.length === 0 || (!section.dirty && hasBallot);
}

/** The ballot in words, for the shelf if the server refuses it. */
function ballotText(activity, ballot) {
  const name = (id) => ((activity.items || []).find((i) => i.id === id) || { text: id }).text;
  const parts = ballot.dots
    ? Object.entries(ballot.dots).map(([id, n]) => `${name(id)} ${'●'.repeat(n)}`)
    : ballot.ranking.map((id, i) => `${i + 1}. ${name(id)}`);
  return fmt(T.your_ballot, { items: parts.join(', ') });
}

/** Cast through the outbox, so a ballot survives offline, faults and reloads like a text. */
function castBallot(section, actions) {
  const activity = section.activity;
  const ballot = {};
  if (prioOptions(activity).mode === 'dots') {
    ballot.dots = {};
    for (const [id, n] of Object.entries(section.draft)) if (n > 0) ballot.dots[id] = n;
  } else {
    ballot.ranking = section.draft.slice();
  }
  section.send.disabled = true;
  showSectionError(section, '');
  actions.queue(makeItem(uuid(), activity.id, ballotText(activity, ballot), { event: 'cast', ballot }, Date.now()));
}

export function accepted(activity, item, ack) {
  activity.ballot = ack.ballot || item.ballot;
}
