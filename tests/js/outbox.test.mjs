// The phone's outbox rules: nothing lost, nothing doubled, order kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  added, createOutbox, dueItems, makeItem, message, pendingFor, removed, verdict,
} from '../../static/js/shared/outbox.js';

const item = (id, activity = 1, extra = {}) => makeItem(id, activity, `text ${id}`, extra, 0);

test('a new item is kept with its client id, activity, text and extra fields', () => {
  const point = makeItem('c1', 7, 'Mer tid', { event: 'add_point', question_id: 'q1' }, 123);
  assert.deepEqual(point, {
    client_id: 'c1', activity_id: 7, text: 'Mer tid', queued_at: 123, event: 'add_point', question_id: 'q1',
  });
});

test('adding an item whose client id is queued already changes nothing', () => {
  const items = added(added([], item('a')), item('b'));
  assert.equal(added(items, { ...item('a'), text: 'again' }), items);
  assert.deepEqual(items.map((i) => i.client_id), ['a', 'b']);
});

test('items keep the order they were queued in, also after one leaves', () => {
  const items = ['a', 'b', 'c', 'd'].reduce((list, id) => added(list, item(id)), []);
  assert.deepEqual(removed(items, 'b').map((i) => i.client_id), ['a', 'c', 'd']);
  assert.deepEqual(dueItems(items, new Set(['c'])).map((i) => i.client_id), ['a', 'b', 'd']);
});

test('pending items are found per activity, oldest first', () => {
  const items = [item('a', 1), item('b', 2), item('c', 1)];
  assert.deepEqual(pendingFor(items, 1).map((i) => i.client_id), ['a', 'c']);
});

test('an item on its way is not sent a second time', () => {
  assert.deepEqual(dueItems([item('a')], new Set(['a'])), []);
});

test('a submission is sent as `submit`, a point as `add_point` with its question', () => {
  assert.deepEqual(message(item('a', 3)), {
    event: 'submit', payload: { activity_id: 3, text: 'text a', client_id: 'a' },
  });
  assert.deepEqual(message(item('b', 3, { event: 'add_point', question_id: 'q2' })), {
    event: 'add_point', payload: { activity_id: 3, text: 'text b', client_id: 'b', question_id: 'q2' },
  });
});

test('no answer and a rate limit are retried; acceptance and refusal take the item out', () => {
  assert.equal(verdict(new Error('timeout'), undefined), 'retry');
  assert.equal(verdict(null, null), 'retry');
  assert.equal(verdict(null, { ok: false, error: 'rate_limited' }), 'retry');
  assert.equal(verdict(null, { ok: true, id: 5 }), 'accepted');
  assert.equal(verdict(null, { ok: true, id: 5, duplicate: true }), 'accepted');
  assert.equal(verdict(null, { ok: false, error: 'activity_closed' }), 'refused');
  assert.equal(verdict(null, { ok: false, error: 'text_too_long' }), 'refused');
});

test('the outbox keeps its items in the storage it was given', () => {
  const saved = new Map();
  const storage = { get: (key) => saved.get(key) ?? null, set: (key, value) => saved.set(key, value) };
  const outbox = createOutbox(storage, 'samla:outbox:123');
  outbox.add(item('a'));
  outbox.add(item('a'));
  outbox.add(item('b'));
  assert.deepEqual(outbox.items().map((i) => i.client_id), ['a', 'b']);
  outbox.remove('a');
  assert.deepEqual(saved.get('samla:outbox:123').map((i) => i.client_id), ['b']);
});
