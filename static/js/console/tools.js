// The console's helpers for Norwegian text: the moderation word list with the count of what
// waits for approval, and themes across tables (the words view is words.js; "approve before
// showing" is among main.js's controls).
// main.js owns the live state; it tells this file to redraw with a `samla:render` event.
import { el, fill, readJSON } from '../shared/dom.js';
import { count, fmt } from '../shared/text.js';
import { call as request } from './api.js';
import { heldCount } from './held.js';

const T = readJSON('samla-text') || {};
const config = readJSON('samla-config') || {};
const $ = (id) => document.getElementById(id);
const base = config.gathering ? `/api/gatherings/${config.gathering.id}` : '';

let current = null; // the activity shown in the detail card
let themes = null; // null until asked for
const THEME_KINDS = ['statements', 'task'];

// The tools' errors do not scroll the page: the facilitator is working in the card.
const call = (method, path, body) => request(method, path, body, false);

const activityPath = () => `${base}/activities/${current.id}`;

// ---- entries and points waiting for approval, in every activity ----------------------


// ---- themes ---------------------------------------------------------------------------

async function loadThemes() {
  const data = await call('GET', `${activityPath()}/themes`);
  if (data && current) { themes = data; drawTools(); }
}

function itemText(activity, id) {
  const item = (activity.entries && activity.entries.get(id)) || (activity.points && activity.points.get(id));
  return item ? `${fmt(T.table_n, { n: item.table })}: ${item.text}` : `#${id}`;
}

async function saveTheme(theme, changes) {
  const body = { title: theme.title, entries: theme.entries, accepted: theme.accepted, ...changes };
  const done = theme.id === null
    ? await call('POST', `${activityPath()}/themes`, body)
    : await call('PATCH', `${activityPath()}/themes/${theme.id}`, changes);
  if (done) loadThemes();
}

function themeCard(activity, theme, index) {
  const title = el('input', { type: 'text', value: theme.title, 'aria-label': T.themes_title });
  return el('li', { class: `theme-card${theme.accepted ? ' is-accepted' : ''}` },
    el('div', { class: 'tools__row' },
      el('input', { type: 'checkbox', class: 'theme-pick', dataset: { index: String(index) } }),
      title,
      el('span', { class: 'badge' }, theme.accepted ? T.theme_accepted : T.theme_suggested),
      el('span', { class: 'muted' }, fmt(T.theme_tables, { tables: theme.tables.join(', ') }))),
    el('ul', {}, theme.entries.map((id) => el('li', {},
      el('label', {}, el('input', { type: 'checkbox', class: 'entry-pick', value: String(id) }), ` ${itemText(activity, id)}`)))),
    el('div', { class: 'tools__row' },
      el('button', { type: 'button', class: 'btn btn--small btn--primary', onclick: () => saveTheme(theme, { title: title.value, accepted: !theme.accepted }) },
        theme.accepted ? T.theme_unaccept : T.theme_accept),
      el('button', { type: 'button', class: 'btn btn--small', onclick: () => saveTheme(theme, { title: title.value }) }, T.theme_rename),
      theme.id === null ? null : el('button', { type: 'button', class: 'btn btn--small btn--danger', onclick: async () => {
        if (await call('DELETE', `${activityPath()}/themes/${theme.id}`, {})) loadThemes();
      } }, T.theme_discard)));
}

async function mergePicked() {
  const picked = [...document.querySelectorAll('.theme-pick:checked')].map((box) => themes[Number(box.dataset.index)]);
  if (picked.length < 2) return;
  const entries = picked.flatMap((t) => t.entries);
  const done = await call('POST', `${activityPath()}/themes`, { title: picked[0].title, entries, accepted: picked.some((t) => t.accepted) });
  if (done) loadThemes();
}

async function splitPicked() {
  const entries = [...document.querySelectorAll('.entry-pick:checked')].map((box) => Number(box.value));
  if (!entries.length) return;
  const title = itemText(current, entries[0]).replace(/^[^:]*: /, '').slice(0, 60);
  const done = await call('POST', `${activityPath()}/themes`, { title, entries, accepted: false });
  if (done) loadThemes();
}

function themeTools(activity) {
  const buttons = el('div', { class: 'tools__row' },
    el('strong', {}, T.themes_title),
    el('button', { type: 'button', class: 'btn btn--small', onclick: loadThemes }, T.themes_suggest),
    el('button', { type: 'button', class: 'btn btn--small', onclick: () => call('POST', `${base}/screen`, { activity_id: activity.id, view: 'themes' }) }, T.themes_show));
  if (themes === null) return [buttons];
  if (!themes.length) return [buttons, el('p', { class: 'muted' }, T.themes_none)];
  return [buttons,
    el('ol', { class: 'tools__list' }, themes.map((theme, i) => themeCard(activity, theme, i))),
    el('div', { class: 'tools__row' },
      el('button', { type: 'button', class: 'btn btn--small', onclick: mergePicked }, T.themes_merge),
      el('button', { type: 'button', class: 'btn btn--small', onclick: splitPicked }, T.theme_split))];
}

// ---- drawing --------------------------------------------------------------------------

function drawTools() {
  const node = $('tools');
  if (!node) return;
  if (!current) { fill(node); return; }
  fill(node, THEME_KINDS.includes(current.kind) ? themeTools(current) : null);
}

function onRender(event) {
  const { activity, activities, connected } = event.detail;
  const total = [...activities.values()].reduce((sum, a) => sum + heldCount(a, connected), 0);
  $('moderation-held').hidden = !total;
  $('moderation-held').textContent = count(T, 'held_total', { n: total });
  if (!activity) { current = null; drawTools(); return; }
  const changed = !current || current.id !== activity.id;
  current = activity;
  // The themes are drawn when asked for, so what is typed in them is not lost to a redraw.
  if (changed) {
    themes = null;
    drawTools();
  }
}

// ---- the moderation word list ----------------------------------------------------------

function fillModeration(data) {
  $('moderation-enabled').checked = !!data.enabled;
  $('moderation-words').value = (data.words || []).join('\n');
}

async function saveModeration(useDefault) {
  const words = useDefault ? null : $('moderation-words').value.split('\n').map((w) => w.trim()).filter(Boolean);
  const data = await call('PUT', `${base}/moderation`, { enabled: $('moderation-enabled').checked, words });
  if (!data) return;
  fillModeration(data);
  $('moderation-saved').hidden = false;
  window.setTimeout(() => { $('moderation-saved').hidden = true; }, 2000);
}

/** Listen to the console's renders and load the moderation word list. */
export async function initTools() {
  document.addEventListener('samla:render', onRender);
  if (!$('moderation')) return;
  $('moderation-save').addEventListener('click', () => saveModeration(false));
  $('moderation-default').addEventListener('click', () => saveModeration(true));
  $('moderation-enabled').addEventListener('change', () => saveModeration(false));
  const data = await call('GET', `${base}/moderation`);
  if (data) fillModeration(data);
}
