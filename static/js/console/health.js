// The console's banner while the server cannot write (a full disk, a locked database, an
// I/O error): the phones keep what people typed and send it once writes work again.
import { readJSON } from '../shared/dom.js';
import { fmt } from '../shared/text.js';

/** The banner's text for a `health` payload (or /healthz), '' while writes work. */
export function healthText(health, T, locale) {
  if (!health || !health.status || health.status === 'ok') return '';
  const text = T[`health_${health.reason}`] || T.health_other;
  const since = Date.parse(health.since || '');
  if (Number.isNaN(since)) return text;
  const time = new Date(since).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return `${text} ${fmt(T.health_since, { time })}`;
}

let texts = null; // the page's banner texts (templates/_macros.html health_texts), read once

/** Show the banner for `health`, or hide it (null: the connection is gone, so unknown). */
export function showHealth(node, health) {
  if (!node) return;
  texts = texts || readJSON('samla-health-text') || {};
  const text = healthText(health, texts, document.documentElement.lang || undefined);
  // The same text again is left alone, so a screen reader does not hear it twice.
  if (node.textContent !== text) node.textContent = text;
  node.hidden = !text;
}
