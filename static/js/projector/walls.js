// The walls: table statements grouped by table, a task question's points per table,
// the task's progress board and the accepted themes. A wall too long for the screen is
// paged, turned by a timer or by the facilitator's clicker.
import { el, fill } from '../shared/dom.js';
import { count, fmt, newestFirst, taskQuestions } from '../shared/text.js';
import { $, label, model, T } from './model.js';

const WALL_EVERY = 400; // redraw a wall at most this often (ms)

const wall = { timer: null, page: 0, pages: [], activityId: null, box: 'wall', pager: 'wall-page' };
const board = { timer: null, page: 0, pages: [], key: null, box: 'task-wall', pager: 'task-page' };

// ---- accepted themes: theme -> which tables said it ------------------------------------

export function renderThemes(activity, show) {
  show('themes');
  $('themes-title').textContent = activity.title || model.gathering.title;
  $('themes-prompt').textContent = activity.prompt;
  const themes = activity.themes || [];
  $('themes-empty').hidden = themes.length > 0;
  fill($('themes-list'), themes.map((theme) => el('li', { class: 'theme' },
    el('h2', { class: 'theme__title' }, theme.title),
    el('p', { class: 'theme__tables' }, theme.tables.map((n) => label(n)).join(' · ')))));
}

// ---- statements wall -------------------------------------------------------------

export function renderStatements(activity, show) {
  show('statements');
  $('statements-title').textContent = activity.title || model.gathering.title;
  $('statements-prompt').textContent = activity.prompt;
  $('statements-count').textContent = count(T, 'count', { n: activity.count || 0 });
  if (wall.activityId !== activity.id) {
    wall.activityId = activity.id;
    wall.page = 0;
    drawWall(activity);
    return;
  }
  if (!wall.timer) wall.timer = window.setTimeout(() => { wall.timer = null; redrawWall(); }, WALL_EVERY);
}

/** Draw the statements wall again (e.g. the window was resized). */
export function redrawWall() {
  drawWall(model.activities.get(wall.activityId));
}

function drawWall(activity) {
  if (!activity || activity.id !== model.screenId) return;
  const visible = [...activity.entries.values()].filter((e) => !e.hidden);
  drawSpotlight(visible);
  const byTable = new Map();
  for (const entry of visible.sort(newestFirst)) {
    if (!byTable.has(entry.table)) byTable.set(entry.table, []);
    byTable.get(entry.table).push(entry);
  }
  const groups = [...byTable.keys()].sort((a, b) => a - b).map((number) => el('section', { class: 'group' },
    el('h2', { class: 'group__label' }, label(number)),
    el('ul', { class: 'group__list' }, byTable.get(number).map((entry) =>
      el('li', { class: `group__entry${entry.highlighted ? ' is-highlighted' : ''}` }, entry.text)))));
  $('wall-empty').hidden = groups.length > 0;
  paginate(wall, groups);
}

/** The highlighted entry (the latest one highlighted), enlarged above the wall. */
function drawSpotlight(visible) {
  const order = model.highlightOrder;
  const lit = visible.filter((e) => e.highlighted)
    .sort((a, b) => (order.get(b.id) || 0) - (order.get(a.id) || 0))[0];
  const spot = $('spotlight');
  spot.hidden = !lit;
  if (lit) {
    spot.replaceChildren(el('blockquote', { class: 'spotlight__text' }, lit.text),
      el('figcaption', { class: 'spotlight__table' }, label(lit.table)));
  }
}

/** Pack table groups into columns (shortest first); what does not fit goes on the next page. */
function paginate(pager, groups, minWidth) {
  const box = $(pager.box);
  const columns = Math.max(1, Math.min(groups.length || 1, Math.floor(box.clientWidth / (minWidth || 360))));
  const limit = box.clientHeight;
  const gap = 24;
  const probe = el('div', { class: 'wall__col wall__probe', style: `width:${(box.clientWidth - gap * (columns - 1)) / columns}px` }, groups);
  box.replaceChildren(probe);
  const heights = groups.map((g) => g.offsetHeight + gap);
  const pages = [];
  let page = null;
  groups.forEach((group, i) => {
    let shortest = page ? page.heights.indexOf(Math.min(...page.heights)) : 0;
    // An empty column takes any group (a very long one is clipped); else it must fit.
    if (!page || (page.heights[shortest] > 0 && page.heights[shortest] + heights[i] > limit)) {
      page = { cols: Array.from({ length: columns }, () => []), heights: new Array(columns).fill(0), count: 0 };
      pages.push(page);
      shortest = 0;
    }
    page.cols[shortest].push(group);
    page.heights[shortest] += heights[i];
    page.count += 1;
  });
  pager.pages = pages;
  if (pager.page >= pages.length) pager.page = 0;
  showPage(pager);
}

function showPage(pager) {
  const page = pager.pages[pager.page];
  const box = $(pager.box);
  box.replaceChildren(...(page ? page.cols.map((col) => el('div', { class: 'wall__col' }, col)) : []));
  $(pager.pager).textContent = pager.pages.length > 1 ? fmt(T.page, { n: pager.page + 1, total: pager.pages.length }) : '';
}

/** Turn the page of the wall on screen (statements or a task question), if it has several. */
export function turnPage(step) {
  const pager = { statements: wall, task: board }[document.body.dataset.view];
  if (pager && pager.pages.length > 1) {
    pager.page = (pager.page + (step || 1) + pager.pages.length) % pager.pages.length;
    showPage(pager);
  }
}

// ---- group task: one question across the tables, or the progress board ----------------

/** The tables a task is for (its own list, else every table of the gathering). */
function taskTables(activity) {
  const only = activity.tables || (activity.options && activity.options.tables);
  const all = (model.gathering.tables || []).map((t) => t.number);
  return only && only.length ? all.filter((n) => only.includes(n)) : all;
}

export function renderTask(activity, show) {
  const questions = taskQuestions(activity);
  const question = model.screenView === 'question' ? questions.find((q) => q.id === model.screenQuestion) : null;
  if (!question) { renderProgress(activity, questions, show); return; }
  show('task');
  $('task-title').textContent = activity.title || activity.prompt || model.gathering.title;
  const number = questions.indexOf(question) + 1;
  $('task-question').textContent = `${number}. ${question.title}`;
  $('task-count').textContent = '';
  const key = `${activity.id}|${question.id}`;
  if (board.key !== key) {
    board.key = key;
    board.page = 0;
    drawTaskWall(activity, question);
    return;
  }
  if (!board.timer) board.timer = window.setTimeout(() => { board.timer = null; drawTaskWall(model.activities.get(activity.id), question); }, WALL_EVERY);
}

function drawTaskWall(activity, question) {
  if (!activity || activity.id !== model.screenId || document.body.dataset.view !== 'task') return;
  const points = [...activity.points.values()].filter((p) => p.question_id === question.id && !p.deleted);
  const groups = taskTables(activity).map((number) => {
    const mine = points.filter((p) => p.table === number).sort((a, b) => a.id - b.id);
    return el('section', { class: `group${mine.length ? '' : ' group--empty'}` },
      el('h2', { class: 'group__label' }, label(number)),
      mine.length
        ? el('ul', { class: 'group__list' }, mine.map((p) => el('li', { class: 'group__entry' }, p.text)))
        : el('p', { class: 'group__none' }, '…'));
  });
  paginate(board, groups, 380);
}

function renderProgress(activity, questions, show) {
  show('progress');
  board.key = null;
  $('progress-title').textContent = activity.title || model.gathering.title;
  $('progress-prompt').textContent = activity.prompt;
  const counts = new Map();
  for (const p of activity.points.values()) {
    if (p.deleted) continue;
    const key = `${p.table}|${p.question_id}`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const head = el('tr', {}, el('th', { class: 'progress__corner' }),
    questions.map((q, i) => el('th', { scope: 'col', class: 'progress__q', title: q.title },
      el('span', { class: 'progress__qn' }, String(i + 1)), el('span', { class: 'progress__qt' }, q.title))));
  const rows = taskTables(activity).map((number) => el('tr', {},
    el('th', { scope: 'row', class: 'progress__table' }, label(number)),
    questions.map((q) => {
      const n = counts.get(`${number}|${q.id}`) || 0;
      return el('td', { class: `progress__cell${n ? ' is-done' : ''}` },
        n ? el('span', { class: 'progress__check', 'aria-hidden': 'true' }, '✓') : null,
        el('span', { class: 'progress__n' }, n ? String(n) : '–'));
    })));
  $('progress').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
  // Shrink the rows when there are many tables, never the type below 28 px.
  const rowsCount = Math.max(1, rows.length);
  $('progress').style.setProperty('--row-h', `${Math.max(44, Math.min(96, Math.floor(($('progress-box').clientHeight - 140) / rowsCount)))}px`);
}
