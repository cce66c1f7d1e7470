// The console pages' JSON API calls: errors are shown in the page's message area.
import { readJSON } from '../shared/dom.js';
import { api } from '../shared/storage.js';

const T = readJSON('samla-text') || {};
const root = (readJSON('samla-config') || {}).root || '';

/** Show an API error (or clear it) in the page's message area; scroll to it if asked. */
export function showMessage(text, scroll = true) {
  const node = document.getElementById('message');
  node.textContent = text || '';
  node.hidden = !text;
  if (text && scroll) node.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

/** Call the API; returns the data, or null after showing the error. */
export async function call(method, path, body, scroll = true) {
  try {
    const res = await api(method, root + path, body);
    if (res.ok) {
      showMessage('', scroll);
      return res.data || {};
    }
    showMessage((res.data && res.data.message) || `${T.error_generic} (${res.status})`, scroll);
  } catch (err) {
    showMessage(T.network, scroll);
  }
  return null;
}
