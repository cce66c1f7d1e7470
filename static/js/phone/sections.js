// One section per open activity, built once (so drafts survive redraws) by its kind's
// module and filled in from the store on every change.
import { el, place } from '../shared/dom.js';
import { clock, fmt, secondsUntil, tableLabel } from '../shared/text.js';
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

/** Copy a text, also where the clipboard API is missing (a phone on http://). */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (err) {
    const area = el('textarea', { class: 'sr-only', readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    let done = false;
    try { done = document.execCommand('copy'); } catch (err2) { done = false; }
    area.remove();
    return done;
  }
}

/** A refused text with its reason: copy it, send it again (when its activity is open), or dismiss it. */
function refusedItem(item, open, actions, withPrompt) {
  const activity = open ? open.get(item.activity_id) : null;
  const copied = el('span', { class: 'refused__copied', role: 'status' });
  const copy = el('button', { type: 'button', class: 'btn btn--small', onclick: async () => {
    copied.textContent = (await copyText(item.text)) ? T.copied : '';
  } }, T.copy);
  const again = el('button', { type: 'button', class: 'btn btn--small btn--primary', disabled: !activity,
    onclick: () => actions.resend(item.client_id) }, T.send_again);
  const prompt = withPrompt && item.prompt ? el('p', { class: 'refused__prompt' }, item.prompt) : null;
  return el('li', { class: 'refused', dataset: { clientId: item.client_id } },
    prompt,
    el('p', { class: 'refused__reason' }, fmt(T.refused_reason, { reason: item.reason || T.error_generic })),
    el('p', { class: 'item__text refused__text' }, item.text),
    activity ? null : el('p', { class: 'refused__note' }, T.send_again_later),
    el('div', { class: 'refused__actions' }, copy, again,
      el('button', { type: 'button', class: 'btn btn--small btn--quiet', onclick: () => actions.dismiss(item.client_id) }, T.dismiss),
      copied));
}

/** Draw the head and every open activity; `pending` is the outbox, `refused` the shelf. */
export function renderAll(pending, refused, actions) {
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
  const byId = new Map(open.map((activity) => [activity.id, activity]));
  const shown = new Set();
  place($('activities'), open.map((activity) => {
    const section = sections.get(activity.id) || buildSection(activity, actions);
    sections.set(activity.id, section);
    updateSection(section, activity, pending.filter((p) => p.activity_id === activity.id), actions);
    const own = section.body.hidden ? [] : refused.filter((r) => r.activity_id === activity.id);
    for (const item of own) shown.add(item.client_id);
    section.refused.hidden = !own.length;
    section.refused.replaceChildren(...own.map((item) => refusedItem(item, byId, actions, false)));
    return section.root;
  }));
  // Refused texts of activities that are closed now wait at the top until they open again.
  const elsewhere = refused.filter((r) => !shown.has(r.client_id));
  $('refused').hidden = !elsewhere.length;
  $('refused-list').replaceChildren(...elsewhere.map((item) => refusedItem(item, byId, actions, true)));
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
    refused: el('ul', { class: 'refused-list', hidden: true }),
    status: el('p', { class: 'task__status', role: 'status' }),
  };
  section.body = el('div', { class: 'task__body' }, kindOf(activity).build(section, activity, actions));
  section.root = el('section', { class: `task task--${activity.kind}` },
    section.clock, section.title, section.prompt, section.help, section.elsewhere, section.error,
    section.refused, section.body);
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
