// The projector's single-screen views: the join screen and its corner, the word cloud's
// frame, priorities, questions to the panel, hidden results and the countdown.
import { el, fmtNodes } from '../shared/dom.js';
import { clock, count, qrSource, secondsUntil } from '../shared/text.js';
import { MAX_WORDS, showCloud } from './cloud.js';
import { $, config, label, model, T } from './model.js';

const VIEWS = ['join', 'words', 'statements', 'task', 'progress', 'priorities', 'questions', 'hidden', 'themes'];

/** Show one view and hide the others. */
export function show(view) {
  for (const name of VIEWS) $(`view-${name}`).hidden = name !== view;
  $('corner').hidden = view === 'join';
  document.body.dataset.view = view;
}

/** "host:port/j" out of the join address, which ends with the code. */
function joinAddress() {
  const { gathering } = model;
  const url = (gathering.join_url || '').replace(/^https?:\/\//, '');
  const suffix = `/${gathering.code}`;
  return url.endsWith(suffix) ? url.slice(0, -suffix.length) : url;
}

const qrUrl = () => qrSource(config.root, model.gathering.code, model.gathering.join_url);

/** Warn while the join address is this machine's own, which no phone can reach. */
export function renderLoopback() {
  $('loopback').hidden = !model.loopback;
}

export function renderJoin() {
  show('join');
  $('join-title').textContent = model.gathering.title;
  $('join-line').replaceChildren(...fmtNodes(T.join_line, { address: el('strong', {}, joinAddress()) }));
  $('join-code').textContent = model.gathering.code;
  if ($('join-qr').getAttribute('src') !== qrUrl()) $('join-qr').setAttribute('src', qrUrl());
}

export function renderCorner() {
  $('corner-address').textContent = joinAddress();
  $('corner-code').textContent = model.gathering.code;
  if ($('corner-qr').getAttribute('src') !== qrUrl()) $('corner-qr').setAttribute('src', qrUrl());
}

export function renderWords(activity) {
  show('words');
  $('words-title').textContent = activity.title || model.gathering.title;
  $('words-prompt').textContent = activity.prompt;
  $('words-count').textContent = count(T, 'count', { n: activity.count || 0 });
  showCloud(activity);
  // Screen readers get the cloud as a list of words and counts (the SVG is hidden from them).
  $('cloud-text').replaceChildren(...activity.frequencies.slice(0, MAX_WORDS)
    .map((f) => el('li', {}, `${f.word}: ${f.count}`)));
}

// ---- priorities ------------------------------------------------------------------------

function resultRows(rows, limit) {
  const max = Math.max(1, ...rows.map((r) => r.score || 0));
  return rows.slice(0, limit).map((row) => el('li', { class: 'prio-row' },
    el('span', { class: 'prio-row__rank' }, String(row.rank)),
    el('div', { class: 'prio-row__main' },
      el('span', { class: 'prio-row__text' }, row.text),
      el('span', { class: 'prio-row__bar' }, el('span', { class: 'prio-row__fill', style: `width:${Math.round((100 * (row.score || 0)) / max)}%` }))),
    el('span', { class: 'prio-row__score' }, String(row.score || 0))));
}

export function renderPriorities(activity) {
  show('priorities');
  $('prio-title').textContent = activity.title || model.gathering.title;
  $('prio-prompt').textContent = activity.prompt;
  const results = activity.results || {};
  const overall = results.overall || [];
  $('prio-count').textContent = count(T, 'ballots', { n: results.ballots || 0 });
  $('prio-method').textContent = results.method === 'borda' ? T.method_borda : (results.method === 'dots' ? T.method_dots : '');
  $('prio-overall').replaceChildren(...(overall.length ? resultRows(overall, 12) : [el('li', { class: 'wall-empty' }, T.no_ballots)]));
  // Small multiples beside it: per network when tables belong to networks, else per table.
  const networks = Object.entries(results.networks || {}).filter(([, rows]) => rows.length);
  const tables = Object.entries(results.tables || {}).filter(([, rows]) => rows.length);
  const groups = networks.length ? networks
    : (tables.length > 1 ? tables.map(([n, rows]) => [label(Number(n)), rows]) : []);
  $('prio-side').hidden = !groups.length;
  $('view-priorities').classList.toggle('has-side', groups.length > 0);
  $('prio-side-title').textContent = networks.length ? T.per_network : T.per_table;
  $('prio-small').replaceChildren(...groups.map(([name, rows]) => el('section', { class: 'small' },
    el('h3', { class: 'small__label' }, name),
    el('ol', { class: 'small__list' }, rows.slice(0, 3).filter((r) => r.score > 0).map((r) =>
      el('li', {}, el('span', { class: 'small__rank' }, `${r.rank}.`), el('span', { class: 'small__text' }, r.text)))))));
}

// ---- questions to the panel ----------------------------------------------------------------

export function renderQuestions(activity) {
  show('questions');
  $('qa-title').textContent = activity.title || model.gathering.title;
  $('qa-prompt').textContent = activity.prompt;
  const visible = [...activity.entries.values()].filter((e) => !e.hidden && !e.held).sort((a, b) => {
    if (!!a.pinned !== !!b.pinned) return a.pinned ? -1 : 1;
    if (!!a.answered !== !!b.answered) return a.answered ? 1 : -1;
    return (b.votes || 0) - (a.votes || 0) || a.id - b.id;
  });
  $('qa-count').textContent = count(T, 'questions_n', { n: visible.length });
  $('qa-empty').hidden = visible.length > 0;
  $('qa-list').replaceChildren(...visible.slice(0, 30).map((e) => el('li', {
    class: `qa-row${e.pinned ? ' is-pinned' : ''}${e.answered ? ' is-answered' : ''}${e.highlighted ? ' is-highlighted' : ''}`,
  },
  el('span', { class: 'qa-row__votes' }, el('span', { class: 'qa-row__n' }, String(e.votes || 0)), el('span', { class: 'qa-row__label' }, T.votes)),
  el('div', { class: 'qa-row__body' },
    el('p', { class: 'qa-row__text' }, e.text),
    e.pinned || e.answered ? el('p', { class: 'qa-row__tags' }, e.pinned ? T.pinned : null, e.pinned && e.answered ? ' · ' : null, e.answered ? T.answered : null) : null))));
}

// ---- results hidden until the facilitator reveals them -----------------------------------

export function renderHidden(activity) {
  show('hidden');
  $('hidden-title').textContent = activity.title || model.gathering.title;
  $('hidden-prompt').textContent = activity.prompt;
  $('hidden-count').textContent = count(T, 'count', { n: activity.count || 0 });
}

// ---- countdown -----------------------------------------------------------------------------

let countdownOf = null;

export function renderCountdown(activity) {
  countdownOf = activity && activity.closes_at && (activity.state === 'open' || secondsUntil(activity.closes_at) === 0) ? activity.closes_at : null;
  tickCountdown();
}

export function tickCountdown() {
  const node = $('countdown');
  const left = secondsUntil(countdownOf);
  node.hidden = left === null;
  document.body.classList.toggle('has-countdown', left !== null);
  if (left === null) return;
  node.classList.toggle('is-short', left > 0 && left <= 30);
  node.classList.toggle('is-up', left === 0);
  node.textContent = left === 0 ? T.time_up : clock(left);
}
