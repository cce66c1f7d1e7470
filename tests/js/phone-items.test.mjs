// Fetching a vote's items: a refusal is never retried in a loop, a network failure a few times only.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BACKOFF, fetchItems } from '../../static/js/phone/items.js';

/** A server that gives these answers in turn, and the waits asked for between them. */
function answering(...answers) {
  const asked = [];
  const waits = [];
  const get = async (path) => { asked.push(path); return answers[Math.min(asked.length, answers.length) - 1]; };
  return { get, asked, waits, wait: async (ms) => { waits.push(ms); } };
}

const PATH = '/api/activities/3/items';

test('the items come on the first good answer', async () => {
  const server = answering({ status: 200, data: { items: [{ id: 'a', text: 'Sykkel' }] } });
  assert.deepEqual(await fetchItems(server.get, PATH, { wait: server.wait }), { items: [{ id: 'a', text: 'Sykkel' }] });
  assert.equal(server.asked.length, 1);
});

for (const status of [401, 403, 404, 409]) {
  test(`a ${status} is said with the server's message and not asked again`, async () => {
    const server = answering({ status, data: { error: 'x', message: 'Aktiviteten hører til en annen samling.' } });
    const result = await fetchItems(server.get, PATH, { wait: server.wait });
    assert.deepEqual(result, { refused: true, status, message: 'Aktiviteten hører til en annen samling.' });
    assert.equal(server.asked.length, 1);
    assert.deepEqual(server.waits, []);
  });
}

test('a refusal without a message says so with null', async () => {
  const server = answering({ status: 404, data: null });
  assert.equal((await fetchItems(server.get, PATH, { wait: server.wait })).message, null);
});

test('a network failure is tried again with a growing wait, then given up', async () => {
  const server = answering({ status: 0, data: null });
  assert.deepEqual(await fetchItems(server.get, PATH, { wait: server.wait }), { unreached: true });
  assert.equal(server.asked.length, BACKOFF.length + 1);
  assert.deepEqual(server.waits, BACKOFF);
  assert.ok(BACKOFF.every((ms, i) => i === 0 || ms > BACKOFF[i - 1]));
});

test('a busy or failing server is tried again and the items come when it recovers', async () => {
  const server = answering({ status: 503, data: null }, { status: 429, data: null }, { status: 200, data: { items: [] } });
  assert.deepEqual(await fetchItems(server.get, PATH, { wait: server.wait }), { items: [] });
  assert.equal(server.asked.length, 3);
});
