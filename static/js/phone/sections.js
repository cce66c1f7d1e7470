// One section per open activity, built once (so drafts survive redraws) by its kind's
// module and filled in from the store on every change.
import { el, place } from '../shared/dom.js';
import { clock, secondsUntil, tableLabel } from '../shared/text.js';
import { kindOf } from './kinds/index.js';
import { $, T } from './page.js';
import { openActivities, state } from './store.js';

const sections = new Map(); // activity id -> its section
const flashes = new Map(); // activity id -> timer of the "Sendt ✓" note

/** The section of an activity, if it is built. */
export const sectionOf = (activityId) => sections.get(activityId);

/** Show or clear the error line of a section (or of a task's question block). */
export function showSectionError(section, message) {
  section.error.textContent = message || '';
  section.error.hidden = !message;
}

/** A submission still in the outbox, shown as waiting. */
export function pendingItem(item, className) {
  return el('li', { class: `${className} is-pending` },
    el('span', { class: 'item__text' }, item.text), el('span', { class: 'tag tag--pending' }, T.pending));
}

/** Show "Sendt ✓" under an activity for a few seconds. */
export function flash(activityId, redraw) {
  window.clearTimeout(flashes.get(activityId));
  flashes.set(activityId, window.setTimeout(() => { flashes.delete(activityId); redraw(); }, 4000));
}

/** Draw the head and every open activity; `pending` is the outbox. */
export function renderAll(pending, actions) {
  const { model, info, me } = state;
  const head = model ? model.gathering.title : (info ? info.title : '');
  const table = model ? model.table.label : (me ? tableLabel(info && info.tables, me.table, T.table_n) : '');
  $('head-title').textContent = head;
  $('head-table').textContent = table;
  if (!model) {
    $('waiting').hidden = true;
    $('activities').replaceChildren(el('p', { class: 'phone-loading' }, el('span', { class: 'spinner', 'aria-hidden': 'true' })));
    return;
  }
  const open = openActivities();
  $('waiting').hidden = open.length > 0;
  $('waiting-title').textContent = head;
  $('waiting-table').textContent = table;
  place($('activities'), open.map((activity) => {
    const section = sections.get(activity.id) || buildSection(activity, actions);
    sections.set(activity.id, section);
    updateSection(section, activity, pending.filter((p) => p.activity_id === activity.id), actions);
    return section.root;
  }));
}

/** Build an activity's section once; its kind builds the body. */
function buildSection(activity, actions) {
  const section = {
    id: activity.id,
    kind: activity.kind,
    title: el('p', { class: 'task__title' }),
    prompt: el('h2', { class: 'task__prompt' }),
    help: el('p', { class: 'task__help' }),
    clock: el('p', { class: 'clock', role: 'timer', hidden: true }),
    elsewhere: el('p', { class: 'task__elsewhere', hidden: true }, T.not_for_table),
    error: el('p', { class: 'alert alert--error', role: 'alert', hidden: true }),
    status: el('p', { class: 'task__status', role: 'status' }),
  };
  section.body = el('div', { class: 'task__body' }, kindOf(activity).build(section, activity, actions));
  section.root = el('section', { class: `task task--${activity.kind}` },
    section.clock, section.title, section.prompt, section.help, section.elsewhere, section.error,
    section.body);
  return section;
}

function updateSection(section, activity, pending, actions) {
  section.title.textContent = activity.title || '';
  section.title.hidden = !activity.title;
  section.prompt.textContent = activity.prompt || '';
  section.help.textContent = activity.help || '';
  section.help.hidden = !activity.help;
  section.status.textContent = flashes.has(activity.id) ? T.sent : '';
  section.closesAt = activity.closes_at || null;
  tickClock(section);
  const elsewhere = activity.for_my_table === false;
  section.elsewhere.hidden = !elsewhere;
  section.body.hidden = elsewhere;
  if (!elsewhere) kindOf(activity).update(section, activity, pending, actions);
}

function tickClock(section) {
  const left = secondsUntil(section.closesAt);
  section.clock.hidden = left === null;
  if (left === null) return;
  section.clock.classList.toggle('is-up', left === 0);
  section.clock.classList.toggle('is-short', left > 0 && left <= 60);
  section.clock.textContent = left === 0 ? T.time_up : `${T.time_left} ${clock(left)}`;
}

/** Count the open activities' clocks down, once a second. */
export function startClocks() {
  window.setInterval(() => {
    for (const section of sections.values()) if (section.closesAt && section.root.isConnected) tickClock(section);
  }, 1000);
}
