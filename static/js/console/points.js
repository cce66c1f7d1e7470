// Moderating a group task's points in the console: the points the word list holds wait with
// "Godkjenn" at the top, and every point can be hidden (or shown again). The projector never
// shows a held or hidden point; the server sends them to it as deleted.
import { el, readJSON } from '../shared/dom.js';
import { count } from '../shared/text.js';
import { call } from './api.js';

const T = readJSON('samla-text') || {};

/** A point's buttons: approve while held, and hide or show. */
export function pointActions(point) {
  const button = (change, value, text, extra) => el('button', {
    type: 'button', class: `btn btn--small ${extra || ''}`, dataset: { point: point.id, change, value },
  }, text);
  return el('span', { class: 'point__actions' },
    point.held ? button('held', false, T.approve, 'btn--primary') : null,
    button('hidden', !point.hidden, point.hidden ? T.unhide : T.hide));
}

/** A point's text with what the facilitator needs to know about it. */
export function pointText(point) {
  return el('span', { class: 'point__text' }, point.text,
    point.held ? el('span', { class: 'point__mark' }, ` · ${T.waiting_approval}`) : null,
    point.hidden ? el('span', { class: 'point__mark' }, ` · ${T.hidden}`) : null);
}

/** The points waiting for approval, oldest first, above the task's questions; or null. */
export function heldPoints(points, questions, label) {
  const held = points.filter((p) => p.held && !p.hidden).sort((a, b) => a.id - b.id);
  if (!held.length) return null;
  const title = (id) => (questions.find((q) => q.id === id) || {}).title || '';
  return el('section', { class: 'held-points', 'aria-labelledby': 'held-points-title' },
    el('h3', { class: 'kind-h', id: 'held-points-title' }, count(T, 'points_held', { n: held.length })),
    el('ul', { class: 'held-points__list' }, held.map((p) => el('li', { class: 'point is-held' },
      el('span', { class: 'point__meta' }, `${label(p.table)} · ${title(p.question_id)}`),
      el('span', { class: 'point__text' }, p.text),
      pointActions(p)))));
}

/** One listener for every point button in `container`; `onPoint` takes the changed point. */
export function initPoints(container, onPoint) {
  container.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-point]');
    if (!button) return;
    button.disabled = true;
    const point = await call('PATCH', `/api/points/${button.dataset.point}`, { [button.dataset.change]: button.dataset.value === 'true' });
    button.disabled = false;
    if (!point || !point.id) return;
    const { change } = button.dataset;
    onPoint(point);
    // The view is drawn anew: the focus goes to the same button, or (approved) the next waiting one.
    const again = container.querySelector(`button[data-point="${point.id}"][data-change="${change}"]`)
      || container.querySelector('button[data-change="held"]');
    if (again) again.focus();
  });
}
