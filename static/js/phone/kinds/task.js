// `task`: a group task; each table writes, edits and deletes points under each question.
// Edits carry the version they started from, so two phones never overwrite each other silently.
import { el, fill, place } from '../../shared/dom.js';
import { makeItem } from '../../shared/outbox.js';
import { uuid } from '../../shared/storage.js';
import { cleanText, fmt, taskQuestions } from '../../shared/text.js';
import { T } from '../page.js';
import { pendingItem, showSectionError } from '../sections.js';
import { changeActivity, changed, mergePoints } from '../store.js';

/** Merge points an ack told us into the activity as it is now, also over a sync answer on its way. */
const mergeAcked = (activity, points) => changeActivity(activity.id, (a) => mergePoints(a, points));

const maxLength = (activity) => (activity.limits && activity.limits.max_length) || null;

export function fresh() {
  return { remaining: null };
}

export function build(section, activity, actions) {
  section.questions = new Map(); // question id -> block
  section.list = el('div', { class: 'qblocks' });
  section.actions = actions;
  return [section.list, section.status];
}

function buildQuestionBlock(activity, question, actions) {
  const id = `point-${activity.id}-${question.id}`;
  const input = el('textarea', { class: 'input input--point', id, rows: 2, maxlength: maxLength(activity), placeholder: T.point_placeholder });
  const block = {
    id: question.id,
    input,
    points: new Map(), // point id -> view
    title: el('h3', { class: 'qblock__title' }),
    help: el('p', { class: 'qblock__help' }),
    count: el('span', { class: 'qblock__count' }),
    list: el('ul', { class: 'points' }),
    error: el('p', { class: 'alert alert--error', role: 'alert', hidden: true }),
  };
  const form = el('form', { class: 'qblock__form', novalidate: true },
    el('label', { class: 'sr-only', for: id }, T.point_label), input,
    el('button', { type: 'submit', class: 'btn btn--primary' }, T.add));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = cleanText(input.value);
    if (!text.trim()) { input.focus(); return; }
    input.value = '';
    showSectionError(block, '');
    actions.submit(activity.id, text, { event: 'add_point', question_id: question.id });
  });
  block.root = el('section', { class: 'qblock' },
    el('div', { class: 'qblock__head' }, block.title, block.count), block.help, block.list, block.error, form);
  return block;
}

export function update(section, activity, pending) {
  const points = (activity.table_points || []).filter((p) => !p.deleted);
  place(section.list, taskQuestions(activity).map((question) => {
    let block = section.questions.get(question.id);
    if (!block) {
      block = buildQuestionBlock(activity, question, section.actions);
      section.questions.set(question.id, block);
    }
    block.title.textContent = question.title;
    block.help.textContent = question.help || '';
    block.help.hidden = !question.help;
    const mine = points.filter((p) => p.question_id === question.id).sort((a, b) => a.id - b.id);
    const waiting = pending.filter((p) => (p.event === 'add_point' || p.event === 'edit_point') && p.question_id === question.id);
    block.count.textContent = mine.length ? fmt(mine.length === 1 ? T.points_one : T.points_n, { n: mine.length }) : '';
    updatePointList(block, activity, mine, waiting, section.actions);
    return block.root;
  }));
}

/** Reconcile a question's points with their views; an open editor is never disturbed. */
function updatePointList(block, activity, points, waiting, actions) {
  const seen = new Set();
  const nodes = [];
  for (const point of points) {
    seen.add(point.id);
    let view = block.points.get(point.id);
    if (!view) {
      view = { id: point.id, block, actions, mode: 'view', li: el('li', { class: 'point' }), drawn: null };
      block.points.set(point.id, view);
    }
    view.point = point;
    view.gone = false;
    drawPoint(view, activity);
    nodes.push(view.li);
  }
  for (const [id, view] of block.points) {
    if (seen.has(id)) continue;
    if (view.mode === 'edit' || view.mode === 'conflict') {
      // Someone deleted it while we were editing: keep our text, saving adds it anew.
      view.gone = true;
      drawPoint(view, activity);
      nodes.push(view.li);
    } else {
      block.points.delete(id);
    }
  }
  for (const item of waiting) nodes.push(pendingItem(item, 'point'));
  if (!nodes.length) nodes.push(el('li', { class: 'points__empty' }, T.no_points));
  // Keep a focused editor where it is: only move what has to move.
  place(block.list, nodes);
}

function drawPoint(view, activity) {
  const point = view.point;
  const key = `${view.mode}|${point.version}|${point.text}|${view.gone}|${view.busy}|${view.message || ''}`;
  if (view.mode === 'edit' && view.editor && view.drawn && view.drawn.startsWith('edit|')) {
    // Leave the textarea alone; only the note about a deleted point may change.
    view.goneNote.hidden = !view.gone;
    view.saveButton.disabled = !!view.busy;
    view.editError.textContent = view.message || '';
    view.editError.hidden = !view.message;
    view.drawn = key;
    return;
  }
  if (view.drawn === key) return;
  view.drawn = key;
  view.li.className = `point point--${view.mode}`;
  const button = (label, onclick, cls) => el('button', { type: 'button', class: `btn btn--small ${cls || ''}`, disabled: !!view.busy, onclick }, label);
  const error = view.message ? el('p', { class: 'point__error', role: 'alert' }, view.message) : null;
  if (view.mode === 'edit') {
    view.editor = el('textarea', { class: 'input input--point', rows: 3, maxlength: maxLength(activity), 'aria-label': T.edit_label });
    view.editor.value = view.draft !== undefined ? view.draft : point.text;
    view.editor.addEventListener('input', () => { view.draft = view.editor.value; });
    view.goneNote = el('p', { class: 'point__note', hidden: !view.gone }, T.point_gone);
    view.editError = el('p', { class: 'point__error', role: 'alert', hidden: !view.message }, view.message || '');
    view.saveButton = button(T.save, () => saveEdit(view, activity), 'btn--primary');
    fill(view.li, view.editor, view.goneNote, view.editError,
      el('div', { class: 'point__actions' }, view.saveButton, button(T.cancel, () => setMode(view, activity, 'view'))));
    window.requestAnimationFrame(() => view.editor && view.editor.focus());
    return;
  }
  view.editor = null;
  if (view.mode === 'conflict') {
    fill(view.li,
      el('p', { class: 'point__conflict-title' }, T.conflict),
      el('div', { class: 'conflict' },
        el('div', { class: 'conflict__side' }, el('p', { class: 'conflict__label' }, view.gone ? T.point_gone : T.theirs),
          el('p', { class: 'item__text' }, view.gone ? '' : view.current.text)),
        el('div', { class: 'conflict__side conflict__side--mine' }, el('p', { class: 'conflict__label' }, T.yours),
          el('p', { class: 'item__text' }, view.yours))),
      error,
      el('div', { class: 'point__actions' },
        button(T.keep_mine, () => keepMine(view, activity), 'btn--primary'),
        view.gone ? null : button(T.use_theirs, () => useTheirs(view, activity))));
    return;
  }
  if (view.mode === 'confirm') {
    fill(view.li, el('span', { class: 'item__text' }, point.text),
      el('p', { class: 'point__note' }, T.delete_confirm), error,
      el('div', { class: 'point__actions' },
        button(T.delete_yes, () => deletePoint(view, activity), 'btn--danger'),
        button(T.cancel, () => setMode(view, activity, 'view'))));
    return;
  }
  fill(view.li, el('span', { class: 'item__text' }, point.text), error,
    el('div', { class: 'point__actions' },
      button(T.edit, () => { view.draft = undefined; view.base = point.version; setMode(view, activity, 'edit'); }),
      button(T.delete, () => setMode(view, activity, 'confirm'), 'btn--quiet')));
}

function setMode(view, activity, mode, message) {
  view.mode = mode;
  view.message = message || '';
  view.busy = false;
  if (mode !== 'edit') view.draft = undefined;
  view.drawn = null;
  drawPoint(view, activity);
}

/** Show a message on the point and draw it again (keeping the draft). */
function fail(view, activity, message, draft) {
  view.busy = false;
  if (draft !== undefined) view.draft = draft;
  view.message = message;
  view.drawn = null;
  drawPoint(view, activity);
}

function busy(view, activity, on) {
  view.busy = on;
  drawPoint(view, activity);
}

async function saveEdit(view, activity) {
  const text = cleanText(view.editor ? view.editor.value : view.draft || '');
  if (!text.trim()) { view.editor.focus(); return; }
  if (view.gone) { readd(view, activity, text); return; }
  if (text === view.point.text) { setMode(view, activity, 'view'); return; }
  busy(view, activity, true);
  const version = view.base !== undefined ? view.base : view.point.version;
  const ack = await view.actions.ask('edit_point', { point_id: view.id, text, version });
  editAnswered(view, activity, ack, text, version);
}

function editAnswered(view, activity, ack, text, version) {
  if (!ack || view.actions.retryable(ack)) { queueEdit(view, activity, text, version); return; }
  view.busy = false;
  if (ack.ok) {
    if (ack.point) mergeAcked(activity, [ack.point]);
    setMode(view, activity, 'view');
    changed();
    return;
  }
  if (ack.error === 'conflict' && ack.current) {
    view.current = ack.current;
    view.yours = ack.yours !== undefined ? ack.yours : text;
    view.gone = !!ack.current.deleted;
    if (!ack.current.deleted) mergeAcked(activity, [ack.current]);
    setMode(view, activity, 'conflict');
    changed();
    return;
  }
  if (ack.error === 'unknown_point') { view.gone = true; fail(view, activity, ack.message || T.error_generic, text); return; }
  // A final refusal (closed, too long ...): the text goes to the shelf, where it is kept.
  setMode(view, activity, 'view');
  view.actions.refuse(editItem(view, activity, text, version), ack);
}

function editItem(view, activity, text, version) {
  return makeItem(uuid(), activity.id, text,
    { event: 'edit_point', point_id: view.id, version, question_id: view.point.question_id }, Date.now());
}

/** No answer, or a fault the server may get over: the edit waits in the outbox like a new text. */
function queueEdit(view, activity, text, version) {
  setMode(view, activity, 'view');
  view.actions.queue(editItem(view, activity, text, version));
}

async function keepMine(view, activity) {
  if (view.gone) { readd(view, activity, view.yours); return; }
  busy(view, activity, true);
  const version = view.current.version;
  const ack = await view.actions.ask('edit_point', { point_id: view.id, text: view.yours, version });
  editAnswered(view, activity, ack, view.yours, version);
}

function useTheirs(view, activity) {
  mergePoints(activity, [view.current]);
  setMode(view, activity, 'view');
  changed();
}

/** The point was deleted while we edited it: add our text as a new point. */
function readd(view, activity, text) {
  view.block.points.delete(view.id);
  view.actions.submit(activity.id, text, { event: 'add_point', question_id: view.point.question_id });
}

async function deletePoint(view, activity) {
  busy(view, activity, true);
  const ack = await view.actions.ask('delete_point', { point_id: view.id, version: view.point.version });
  if (ack && ack.ok) {
    const point = ack.point || view.point;
    mergeAcked(activity, [{ ...point, deleted: true, version: (point.version || 0) + (ack.point ? 0 : 1) }]);
    changed();
    return;
  }
  if (ack && ack.error === 'conflict' && ack.current) {
    mergeAcked(activity, [ack.current]);
    if (!ack.current.deleted) {
      view.point = { ...view.point, ...ack.current };
      setMode(view, activity, 'view', T.conflict);
    }
    changed();
    return;
  }
  setMode(view, activity, 'confirm', ack ? ack.message || T.error_generic : T.not_reached);
}

export function accepted(activity, item, ack) {
  if (ack.point) mergePoints(activity, [ack.point]);
}

/** Where a refused point is shown: the block of its question. */
export function target(section, item) {
  return section.questions ? section.questions.get(item.question_id) : null;
}
