// Joining: the code, then a table, over HTTP; the participant token is kept per code.
import { el } from '../shared/dom.js';
import { RETRY_EVERY } from '../shared/connection.js';
import { api, storage } from '../shared/storage.js';
import { pageLanguage } from './language.js';
import { $, config, root, showError, showPanel, T } from './page.js';
import { state } from './store.js';

let joining = false;
let joined = () => {}; // called once a participant token is known

const meKey = () => `samla:participant:${state.code}`;

/** Set what happens once we have a token (main connects the socket). */
export function onJoined(callback) {
  joined = callback;
}

/** Keep the address bar at /j/<code>[/<table>] so a reload lands on the same table. */
export function setAddress() {
  const { code, me } = state;
  const path = `${root}/j/${encodeURIComponent(code)}${me ? `/${me.table}` : ''}`;
  if (window.location.pathname !== path) window.history.replaceState(null, '', path);
}

/** Remember who we are (e.g. the server moved us to another table). */
export function rememberMe() {
  storage.set(meKey(), state.me);
  setAddress();
}

/** The token was refused (database reset): forget it and join the same table again. */
export function forgetMe() {
  storage.remove(meKey());
  const table = state.me && state.me.table;
  state.me = null;
  if (table !== null && table !== undefined) joinTable(table);
  else fetchInfo().then((found) => found && showTablePanel());
}

export function showCodePanel(message) {
  showPanel('code');
  showError('code-error', message);
  if (state.code) $('code-input').value = state.code;
}

/** The big buttons for picking a table. */
export function showTablePanel(message) {
  const { info, me } = state;
  showPanel('table');
  $('table-gathering').textContent = info ? info.title : '';
  $('table-buttons').replaceChildren(...(info ? info.tables : []).map((table) => el('button', {
    type: 'button',
    class: `btn btn--table${me && me.table === table.number ? ' is-current' : ''}`,
    onclick: () => joinTable(table.number),
  }, table.label)));
  $('table-cancel').hidden = !me;
  showError('table-error', message);
}

/** GET /api/join/<code>; null (with a message shown) when it fails. */
export async function fetchInfo() {
  try {
    const res = await api('GET', `${root}/api/join/${encodeURIComponent(state.code)}`);
    if (res.ok) {
      state.info = res.data;
      if (res.data.language) document.documentElement.lang = pageLanguage(res.data.language);
      return res.data;
    }
    showCodePanel((res.data && res.data.message) || T.unknown_code);
    return null;
  } catch (err) {
    return null; // network down: callers retry
  }
}

/** POST /api/join for a table, store the token, then (re)connect. */
async function joinTable(number) {
  if (joining) return;
  joining = true;
  try {
    // The token this phone already holds for the code: the server gives its identity back.
    const kept = state.me || storage.get(meKey());
    const body = { code: state.code, table: number };
    if (kept && kept.token) body.participant_token = kept.token;
    const res = await api('POST', `${root}/api/join`, body);
    if (!res.ok) {
      const message = (res.data && res.data.message) || T.error_generic;
      if (res.data && res.data.error === 'unknown_code') showCodePanel(message);
      else if (state.info) showTablePanel(message);
      else showCodePanel(message);
      return;
    }
    state.me = { token: res.data.participant_token, table: res.data.table, gathering_id: res.data.gathering_id };
    rememberMe();
    state.model = null;
    joined();
  } catch (err) {
    showError(state.info ? 'table-error' : 'code-error', T.network);
    window.setTimeout(() => joinTable(number), RETRY_EVERY);
  } finally {
    joining = false;
  }
}

/** Start from what the address and the stored participant tell us. */
export async function start() {
  if (!state.code) return showCodePanel();
  const stored = storage.get(meKey());
  const wanted = config.table;
  if (stored && stored.token && (wanted === null || wanted === undefined || wanted === stored.table)) {
    state.me = stored;
    setAddress();
    joined(); // no HTTP round trip needed; table labels come with `state`
    fetchInfo();
    return undefined;
  }
  if (!(await fetchInfo())) {
    if (!state.info && $('code-panel').hidden) {
      $('loading').textContent = T.network;
      window.setTimeout(start, RETRY_EVERY);
    }
    return undefined;
  }
  if (wanted !== null && wanted !== undefined) return joinTable(wanted);
  return showTablePanel();
}
