// The one Socket.IO connection of a page (phone, projector, console): one reconnect
// policy, the whole `state` applied whenever the server pushes or resends it.
import { showConnection } from './dom.js';

export const ACK_TIMEOUT = 8000;
export const RETRY_EVERY = 3000;

/**
 * Connect with `auth`; `onState` receives every full state (on connect, pushed, or after
 * `resync`); `handlers` maps the page's other server events to functions.
 * `onRefused(err)` may claim a refused connection (return true) so no retry is made.
 */
export function connect({ auth, onState, handlers = {}, onRefused = () => false, indicator }) {
  // The global `io` comes from the vendored socket.io script the page loads first.
  const socket = globalThis.io({ auth, reconnectionDelayMax: RETRY_EVERY });
  const show = (connected) => showConnection(indicator, connected);
  let syncing = false;

  /** Emit and resolve the ack, or null when the server did not answer (offline). */
  const ask = (event, payload) => new Promise((resolve) => {
    if (!socket.connected) { resolve(null); return; }
    const done = (err, ack) => resolve(err ? null : ack || null);
    if (payload === undefined) socket.timeout(ACK_TIMEOUT).emit(event, done);
    else socket.timeout(ACK_TIMEOUT).emit(event, payload, done);
  });

  /** Ask for the whole `state` again; its ack carries it. */
  const sync = async () => {
    if (syncing) return;
    syncing = true;
    const ack = await ask('sync');
    syncing = false;
    if (ack && ack.ok && ack.state) onState(ack.state);
  };

  /** Phones sleep: reconnect if socket.io has given up (never while it is still trying). */
  const wake = () => {
    if (document.visibilityState === 'visible' && !socket.connected && !socket.active) socket.connect();
  };

  /** Connect again with other credentials (e.g. after joining another table). */
  const reconnect = (nextAuth) => {
    socket.auth = nextAuth;
    socket.disconnect().connect();
  };

  socket.on('connect', () => show(true));
  socket.on('disconnect', (reason) => {
    show(false);
    // The server closed us on purpose (e.g. restart): socket.io will not retry by itself.
    if (reason === 'io server disconnect') window.setTimeout(() => socket.connect(), RETRY_EVERY);
  });
  socket.on('connect_error', (err) => {
    show(false);
    if (onRefused(err)) return;
    if (!socket.active) window.setTimeout(() => socket.connect(), RETRY_EVERY);
  });
  socket.on('state', (state) => onState(state));
  // After an agenda edit the server asks everyone of the gathering to fetch the state again.
  socket.on('resync', () => sync());
  for (const [event, handler] of Object.entries(handlers)) socket.on(event, handler);

  document.addEventListener('visibilitychange', wake);
  window.addEventListener('online', wake);
  window.addEventListener('pageshow', wake);

  return { socket, ask, sync, wake, reconnect };
}
