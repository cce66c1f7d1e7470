// The phone page's fixed parts: its translated texts, its settings and its elements.
import { readJSON } from '../shared/dom.js';

export const T = readJSON('samla-text') || {};
export const config = readJSON('samla-config') || {};
export const root = config.root || '';
export const $ = (id) => document.getElementById(id);

/** Show a message in an alert element, or hide it when there is none. */
export function showError(id, message) {
  const node = $(id);
  node.textContent = message || '';
  node.hidden = !message;
}

/** Tell a screen reader (the polite live region) what just changed. */
export function announce(text) {
  $('announce').textContent = text;
}

/** Show one of the panels (code, table, live) and hide the others. */
export function showPanel(name) {
  $('loading').hidden = true;
  for (const panel of ['code', 'table', 'live']) $(`${panel}-panel`).hidden = panel !== name;
  $('head').hidden = name !== 'live';
}
