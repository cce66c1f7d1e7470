// The phone's language switch: bokmål, nynorsk or English, at once and without a reload.
// The texts come from the server's own page in each language (the same template), so the
// script carries no text of its own. The gathering's language stays the default.
import { storage } from '../shared/storage.js';
import { $, config, root, T } from './page.js';
import * as store from './store.js';

const KEY = 'samla.language';
const ATTRIBUTES = ['alt', 'aria-label', 'placeholder', 'title'];
const pages = new Map(); // language -> the phone page parsed, as the server renders it
let current = config.lang || document.documentElement.lang || 'nb';

async function page(language) {
  if (!pages.has(language)) {
    const response = await fetch(`${root}/j?lang=${encodeURIComponent(language)}`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    pages.set(language, new DOMParser().parseFromString(await response.text(), 'text/html'));
  }
  return pages.get(language);
}

/** The texts of a page in document order: its text nodes and translated attributes. */
function texts(doc) {
  const found = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.nodeValue.trim() && node.parentElement.tagName !== 'SCRIPT') found.push(node.nodeValue.trim());
    } else {
      for (const name of ATTRIBUTES) if (node.hasAttribute(name)) found.push(node.getAttribute(name).trim());
    }
  }
  return found;
}

/** What each text of one language reads in the other: the page's markup and its script texts. */
function dictionary(from, to, oldText, newText) {
  const words = new Map();
  const a = texts(from);
  const b = texts(to);
  if (a.length === b.length) a.forEach((text, i) => { if (text && text !== b[i]) words.set(text, b[i]); });
  for (const [key, value] of Object.entries(oldText)) {
    if (typeof value === 'string' && !value.includes('%(') && newText[key] !== undefined) words.set(value, newText[key]);
  }
  return words;
}

/** Put the other language's texts in place, leaving the participants' own texts alone. */
function translate(words) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (!parent || parent.tagName === 'SCRIPT' || parent.closest('.item__text')) continue;
      const text = node.nodeValue.trim();
      if (words.has(text)) node.nodeValue = node.nodeValue.replace(text, words.get(text));
    } else {
      for (const name of ATTRIBUTES) {
        const value = node.getAttribute(name);
        if (value && words.has(value.trim())) node.setAttribute(name, words.get(value.trim()));
      }
    }
  }
}

function markChosen(language) {
  for (const button of $('phone-lang').querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === language));
  }
}

function scriptTexts(doc) {
  try {
    return JSON.parse(doc.getElementById('samla-text').textContent) || {};
  } catch (err) {
    return {};
  }
}

/** Switch the page to a language; false when its texts could not be fetched. */
export async function useLanguage(language) {
  if (language === current) return true;
  let from;
  let to;
  try {
    [from, to] = await Promise.all([page(current), page(language)]);
  } catch (err) {
    return false;
  }
  const oldText = { ...T };
  const newText = scriptTexts(to);
  translate(dictionary(from, to, oldText, newText));
  Object.assign(T, newText);
  document.documentElement.lang = language;
  current = language;
  markChosen(language);
  store.changed();
  return true;
}

/** The page's language: the phone's own choice, else the gathering's. */
export function pageLanguage(gatheringLanguage) {
  return storage.get(KEY) || gatheringLanguage;
}

/** Wire the switch, and bring back a language this phone chose before. */
export function initLanguage() {
  const nav = $('phone-lang');
  if (!nav) return;
  nav.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-lang]');
    if (!button) return;
    if (await useLanguage(button.dataset.lang)) storage.set(KEY, button.dataset.lang);
  });
  const chosen = storage.get(KEY);
  if (chosen && chosen !== current && nav.querySelector(`[data-lang="${chosen}"]`)) useLanguage(chosen);
}
