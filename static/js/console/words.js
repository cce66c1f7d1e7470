// The console's words view of a mood-word poll: the frequency list, where a click on a word
// opens its menu (hide the word, merge it with another), the merges the server suggests
// (god/gode/godt) with one click to accept or dismiss, the words hidden and the merges made,
// each with its undo. main.js owns the live state; it tells this file to redraw with a
// `samla:render` event.
import { el, fill, readJSON } from '../shared/dom.js';
import { count, fmt } from '../shared/text.js';
import { call as request } from './api.js';

const T = readJSON('samla-text') || {};
const config = readJSON('samla-config') || {};
const $ = (id) => document.getElementById(id);
const base = config.gathering ? `/api/gatherings/${config.gathering.id}` : '';
// Suggestions are asked for again at most this often while words stream in.
const SUGGEST_EVERY = 1500;
const SHOWN_SUGGESTIONS = 5;

let current = null; // the words activity shown in the detail card, or null
let search = '';
let merges = [];
let suggestions = [];
let hiddenWords = [];
let allSuggestions = false;
let openWord = null; // the word whose menu is open
let drawnList = '';
let drawnMenu = '';
let drawnTools = '';
let drawnFrequencies = '';
let suggestTimer = null;

// The console's errors do not scroll the page: the facilitator is working in the card.
const call = (method, path, body) => request(method, path, body, false);
const activityPath = () => `${base}/activities/${current.id}`;

// ---- kept in this browser: the suggestions dismissed ------------------------------------

function kept(name) {
  try { return JSON.parse(window.localStorage.getItem(`samla.${name}.${current.id}`)) || {}; } catch (err) { return {}; }
}

function keep(name, value) {
  try { window.localStorage.setItem(`samla.${name}.${current.id}`, JSON.stringify(value)); } catch (err) { /* private mode */ }
}

const suggestionKey = (s) => `${s.word}\u2192${s.into}`;

// ---- talking to the server -------------------------------------------------------------

/** Take what a merges or words answer says: the merges, frequencies, suggestions, hidden words. */
function take(data) {
  if (!data || !current) return;
  if (data.merges) merges = data.merges;
  if (data.suggestions) suggestions = data.suggestions;
  // Until the server suggests anew, a word just merged is no longer offered.
  suggestions = suggestions.filter((s) => !merges.some((m) => m.word === s.word));
  if (data.hidden_words) hiddenWords = data.hidden_words;
  if (data.frequencies) current.frequencies = data.frequencies;
  draw();
}

async function load() {
  const asked = current.id;
  const data = await call('GET', `${activityPath()}/merges`);
  if (current && current.id === asked) take(data);
}

/** Merge `word` into `into`; the suggestions are asked for again, since the cloud changed. */
async function merge(word, into) {
  const data = await call('POST', `${activityPath()}/merges`, { word, into });
  if (!data) return;
  closeMenu(false);
  take(data);
  announce(fmt(T.word_merged, { word, into }));
  focusOn($('freq'), into);
  load();
}

async function undoMerge(word) {
  const data = await call('DELETE', `${activityPath()}/merges`, { word });
  if (data) { take(data); load(); }
}

async function hideWord(word) {
  const data = await call('PATCH', `${activityPath()}/words`, { word, hidden: true });
  if (!data) return;
  closeMenu(false);
  take(data);
  announce(fmt(T.word_hidden, { word }));
  load();
  // The word's button is gone: its "show again" takes the focus, one key away from undoing.
  focusOn($('hidden-words'), data.word);
}

/** Show the word again: the server brings back the entries it hid (not those hidden one by one). */
async function showWord(word) {
  const data = await call('PATCH', `${activityPath()}/words`, { word, hidden: false });
  if (!data) return;
  take(data);
  load();
  announce(fmt(T.word_shown, { word }));
}

function dismiss(suggestion) {
  const dismissed = kept('dismissed');
  dismissed[suggestionKey(suggestion)] = true;
  keep('dismissed', dismissed);
  draw();
}

/** Focus the button for `word` inside `container`, if there is one. */
function focusOn(container, word) {
  const button = container && [...container.querySelectorAll('button[data-word]')].find((b) => b.dataset.word === word);
  if (button) button.focus();
}

function announce(text) {
  const node = $('announce');
  if (node) node.textContent = text;
}

// ---- the word menu ---------------------------------------------------------------------

function chipOf(word) {
  return [...$('freq').querySelectorAll('button[data-word]')].find((b) => b.dataset.word === word) || null;
}

/** Mark the word whose menu is open on its button (the list is not redrawn for it). */
function markOpen() {
  for (const button of $('freq').querySelectorAll('button[data-word]')) {
    button.setAttribute('aria-expanded', button.dataset.word === openWord ? 'true' : 'false');
  }
}

function openMenu(word) {
  openWord = word;
  markOpen();
  drawMenu();
  const first = $('word-menu').querySelector('button');
  if (first) first.focus();
}

function closeMenu(refocus = true) {
  const word = openWord;
  openWord = null;
  $('word-menu').hidden = true;
  fill($('word-menu'));
  drawnMenu = '';
  markOpen();
  const chip = word && chipOf(word);
  if (refocus && chip) chip.focus();
}

/** The open word's menu below its button; rebuilt only when the words it offers changed,
 * so a redraw while it is open keeps the focus and the chosen target. */
function drawMenu() {
  const menu = $('word-menu');
  const chip = openWord && chipOf(openWord);
  if (!chip) { menu.hidden = true; fill(menu); drawnMenu = ''; return; }
  const word = openWord;
  const others = (current.frequencies || []).map((f) => f.word).filter((w) => w !== word);
  const key = JSON.stringify([word, others]);
  if (key !== drawnMenu) buildMenu(menu, word, others);
  drawnMenu = key;
  menu.hidden = false;
  // Just below the word, inside the card.
  const box = $('words').getBoundingClientRect();
  const at = chip.getBoundingClientRect();
  menu.style.top = `${at.bottom - box.top + 6}px`;
  menu.style.left = `${Math.max(0, Math.min(at.left - box.left, box.width - menu.offsetWidth))}px`;
}

function buildMenu(menu, word, others) {
  const chosen = $('word-menu-into') ? $('word-menu-into').value : null;
  const focused = menu.contains(document.activeElement) ? document.activeElement : null;
  const target = el('select', { id: 'word-menu-into', class: 'input input--small' },
    others.map((w) => el('option', { value: w }, w)));
  fill(menu,
    el('p', { class: 'word-menu__title', id: 'word-menu-title' }, fmt(T.word_menu_title, { word })),
    el('button', { type: 'button', class: 'btn btn--small btn--danger', onclick: () => hideWord(word) }, T.word_hide),
    others.length ? el('div', { class: 'word-menu__merge' },
      el('label', { for: 'word-menu-into' }, T.word_merge_with),
      target,
      el('button', { type: 'button', class: 'btn btn--small btn--primary', onclick: () => merge(word, target.value) }, T.merge)) : null,
    el('button', { type: 'button', class: 'btn btn--small btn--ghost', onclick: () => closeMenu() }, T.word_menu_close));
  if (chosen && others.includes(chosen)) target.value = chosen;
  if (!focused) return;
  const again = focused.tagName === 'SELECT' ? target
    : [...menu.querySelectorAll('button')].find((b) => b.textContent === focused.textContent);
  if (again) again.focus();
}

// ---- drawing ---------------------------------------------------------------------------

const matches = (word) => !search || word.toLocaleLowerCase().includes(search);

/** The frequency list, each word a button that opens its menu; redrawn only when it changed. */
function drawList() {
  const frequencies = (current.frequencies || []).filter((f) => matches(f.word));
  const key = JSON.stringify(frequencies);
  if (key === drawnList) return;
  drawnList = key;
  const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.word : undefined;
  $('freq').replaceChildren(...frequencies.map((f) => el('li', {},
    el('button', { type: 'button', class: 'freq__word', dataset: { word: f.word },
      'aria-expanded': f.word === openWord ? 'true' : 'false', 'aria-controls': 'word-menu' },
    f.word, ' ', el('b', {}, String(f.count))))));
  $('freq').hidden = !frequencies.length;
  if (focused !== undefined && chipOf(focused)) chipOf(focused).focus();
}

/** The suggested merges, a chip each (one click merges), grouped under their reason. */
function suggestionList() {
  const dismissed = kept('dismissed');
  const open = suggestions.filter((s) => !dismissed[suggestionKey(s)] && matches(`${s.word} ${s.into}`));
  if (!open.length) return null;
  // A few at a time, so the answers below stay in sight; the rest on request.
  const shown = allSuggestions ? open : open.slice(0, SHOWN_SUGGESTIONS);
  const more = open.length - shown.length;
  const reasons = [...new Set(shown.map((s) => s.reason))];
  return el('section', { class: 'word-box word-box--wide', 'aria-labelledby': 'suggestions-title' },
    el('div', { class: 'word-box__bar' },
      el('h3', { class: 'word-box__title', id: 'suggestions-title' }, T.suggestions_title),
      more ? el('button', { type: 'button', class: 'btn btn--small btn--ghost', onclick: () => { allSuggestions = true; draw(); } },
        count(T, 'suggestions_more', { n: more })) : null),
    el('div', { id: 'suggestions' }, reasons.map((reason) => el('div', { class: 'word-group' },
      el('span', { class: 'word-group__reason' }, T[`reason_${reason}`] || reason),
      el('ul', { class: 'word-chips' }, shown.filter((s) => s.reason === reason).map((s) => {
        const pair = fmt(T.merged_into, { word: s.word, into: s.into });
        return el('li', { class: 'word-chip' },
          el('button', { type: 'button', class: 'word-chip__accept', onclick: () => merge(s.word, s.into),
            'aria-label': fmt(T.suggestion_accept, { pair }) }, pair),
          el('button', { type: 'button', class: 'word-chip__dismiss', onclick: () => dismiss(s),
            'aria-label': fmt(T.suggestion_dismiss, { pair }) }, el('span', { 'aria-hidden': 'true' }, '×')));
      }))))));
}

function doneList(id, title, items) {
  if (!items.length) return null;
  return el('section', { class: 'word-box', 'aria-labelledby': `${id}-title` },
    el('h3', { class: 'word-box__title', id: `${id}-title` }, title),
    el('ul', { class: 'word-list', id }, items));
}

function draw() {
  const node = $('words');
  if (!node) return;
  node.hidden = !current;
  if (!current) return;
  drawList();
  if (openWord && !chipOf(openWord)) closeMenu(false);
  else if (openWord) drawMenu();
  drawTools();
}

/** The suggestions, hidden words and merges; redrawn only when they changed, keeping the focus. */
function drawTools() {
  const dismissed = kept('dismissed');
  const key = JSON.stringify([suggestions.filter((s) => !dismissed[suggestionKey(s)]), hiddenWords, merges, allSuggestions, search]);
  if (key === drawnTools) return;
  drawnTools = key;
  const node = $('word-tools');
  const focused = node.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
  fill(node,
    suggestionList(),
    doneList('hidden-words', T.hidden_words, hiddenWords.map((word) => el('li', { class: 'word-list__item' },
      el('span', { class: 'word-list__pair' }, word),
      el('button', { type: 'button', class: 'btn btn--small', dataset: { word }, onclick: () => showWord(word),
        'aria-label': fmt(T.word_show_named, { word }) }, T.word_show)))),
    doneList('merged-words', T.merges, merges.map((m) => el('li', { class: 'word-list__item' },
      el('span', { class: 'word-list__pair' }, fmt(T.merged_into, { word: m.word, into: m.into })),
      el('button', { type: 'button', class: 'btn btn--small', onclick: () => undoMerge(m.word),
        'aria-label': fmt(T.merge_undo_named, { word: m.word, into: m.into }) }, T.undo)))));
  const again = focused && [...node.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === focused);
  if (again) again.focus();
}

function onRender(event) {
  const { activity } = event.detail;
  search = event.detail.search || '';
  const words = activity && activity.kind === 'words' ? activity : null;
  if (!words) {
    current = null;
    openWord = null;
    draw();
    return;
  }
  const changed = !current || current.id !== words.id;
  current = words;
  const frequencies = JSON.stringify(words.frequencies || []);
  if (changed) {
    merges = [];
    suggestions = [];
    hiddenWords = [];
    openWord = null;
    allSuggestions = false;
    drawnList = '';
    drawnTools = '';
    drawnFrequencies = frequencies;
    $('word-menu').hidden = true;
    draw();
    load();
    return;
  }
  draw();
  // New words may make new suggestions: ask again, but not for every word that arrives.
  if (frequencies !== drawnFrequencies && !suggestTimer) {
    drawnFrequencies = frequencies;
    suggestTimer = window.setTimeout(() => { suggestTimer = null; if (current) load(); }, SUGGEST_EVERY);
  }
}

/** Listen to the console's renders; a click on a word opens its menu, Escape closes it. */
export function initWords() {
  if (!$('words')) return;
  document.addEventListener('samla:render', onRender);
  $('freq').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-word]');
    if (!button) return;
    if (openWord === button.dataset.word) closeMenu();
    else openMenu(button.dataset.word);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && openWord && (event.target === document.body || $('words').contains(event.target))) {
      event.preventDefault();
      closeMenu();
    }
  });
  // A click elsewhere closes the menu (a button redrawn since the click no longer counts).
  document.addEventListener('click', (event) => {
    if (openWord && event.target.isConnected && !$('words').contains(event.target)) closeMenu(false);
  });
}
