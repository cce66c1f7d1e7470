// The one connection of every page: state on connect, pushed or after `resync`; one retry policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';

/** A socket.io client stand-in: records emits, lets a test play server events. */
function fakeSocket() {
  const handlers = new Map();
  const socket = {
    connected: true, active: true, emitted: [], connects: 0, answer: null,
    on(event, handler) { handlers.set(event, [...(handlers.get(event) || []), handler]); },
    play(event, ...args) { for (const handler of handlers.get(event) || []) handler(...args); },
    timeout() { return socket; },
    emit(event, ...args) {
      socket.emitted.push(event);
      const ack = args.at(-1);
      if (typeof ack === 'function') ack(null, socket.answer);
    },
    connect() { socket.connects += 1; return socket; },
    disconnect() { return socket; },
  };
  return socket;
}

const timers = [];
globalThis.window = { setTimeout: (fn, ms) => timers.push([fn, ms]), addEventListener() {} };
globalThis.document = { addEventListener() {}, visibilityState: 'visible' };
let socket = null;
let options = null;
globalThis.io = (opts) => { options = opts; socket = fakeSocket(); return socket; };

const { connect, RETRY_EVERY } = await import('../../static/js/shared/connection.js');

test('a pushed state is applied, and so is the state a resync fetches', async () => {
  const states = [];
  connect({ auth: { token: 't' }, onState: (state) => states.push(state) });
  assert.deepEqual(options.auth, { token: 't' });
  socket.play('state', { n: 1 });
  socket.answer = { ok: true, state: { n: 2 } };
  socket.play('resync', { gathering_id: 7 });
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(socket.emitted, ['sync']);
  assert.deepEqual(states, [{ n: 1 }, { n: 2 }]);
});

test('a failed sync leaves the state as it was', async () => {
  const states = [];
  connect({ auth: {}, onState: (state) => states.push(state) });
  socket.answer = { ok: false, error: 'not_found' };
  socket.play('resync', { gathering_id: 7 });
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(states, []);
});

test('a page hears its own events too', () => {
  const seen = [];
  connect({ auth: {}, onState() {}, handlers: { screen: (payload) => seen.push(payload) } });
  socket.play('screen', { activity_id: 3 });
  assert.deepEqual(seen, [{ activity_id: 3 }]);
});

test('a closed or refused connection is retried after the same wait; a claimed refusal is not', () => {
  timers.length = 0;
  connect({ auth: {}, onState() {}, onRefused: (err) => err.data.error === 'unknown_participant' });
  socket.play('disconnect', 'io server disconnect');
  socket.active = false;
  socket.play('connect_error', { data: { error: 'forbidden' } });
  socket.play('connect_error', { data: { error: 'unknown_participant' } });
  assert.deepEqual(timers.map(([, ms]) => ms), [RETRY_EVERY, RETRY_EVERY]);
});
