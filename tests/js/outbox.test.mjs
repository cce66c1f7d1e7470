// The phone's outbox rules: nothing lost, nothing doubled, order kept.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import {
  added, backoff, BACKOFF_CAP, BACKOFF_FIRST, createOutbox, dueItems, dueNow, loadTable, makeItem, message,
  pendingFor, postponed, removed, retryable, shelved, verdict,
} from '../../static/js/shared/outbox.js';

const table = JSON.parse(readFileSync(new URL('../../static/data/delivery.json', import.meta.url), 'utf8'));

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

test('no answer, a server fault, a full disk and a rate limit are retried', () => {
  assert.equal(verdict(new Error('timeout'), undefined, table), 'retry');
  assert.equal(verdict(null, null, table), 'retry');
  for (const error of ['rate_limited', 'internal_error', 'try_again']) {
    assert.equal(verdict(null, { ok: false, error }, table), 'retry', error);
  }
});

test('an HTTP 5xx without a code is retried; a 4xx without one follows the default', () => {
  assert.equal(verdict(null, { ok: false, status: 502 }, table), 'retry');
  assert.equal(verdict(null, { ok: false, status: 503, error: 'try_again' }, table), 'retry');
  assert.equal(verdict(null, { ok: false, status: 400 }, table), 'refused');
});

test('acceptance (new or a duplicate) takes the item out', () => {
  assert.equal(verdict(null, { ok: true, id: 5 }, table), 'accepted');
  assert.equal(verdict(null, { ok: true, id: 5, duplicate: true }, table), 'accepted');
});

test('a final refusal is refused: closed, quota used, too long, a moderation hold ...', () => {
  for (const error of ['activity_closed', 'quota_used', 'text_too_long', 'too_many_words', 'held', 'unknown_item']) {
    assert.equal(verdict(null, { ok: false, error }, table), 'refused', error);
  }
});

test('a code the table does not know follows its default (final)', () => {
  assert.equal(table.default, 'final');
  assert.equal(verdict(null, { ok: false, error: 'something_new' }, table), 'refused');
  assert.equal(retryable('something_new', { ...table, default: 'retry' }), true);
});

test('before the table is loaded, nothing is refused for good', () => {
  assert.equal(verdict(null, { ok: false, error: 'activity_closed' }, null), 'retry');
});

test('no code is both retried and final', () => {
  const both = table.retry.filter((code) => table.final.includes(code));
  assert.deepEqual(both, []);
});

test('the backoff doubles from the first delay up to the cap, jittered by a quarter either way', () => {
  const middle = () => 0.5;
  assert.equal(backoff(0, middle), BACKOFF_FIRST);
  assert.equal(backoff(1, middle), 2 * BACKOFF_FIRST);
  assert.equal(backoff(3, middle), 8 * BACKOFF_FIRST);
  assert.equal(backoff(50, middle), BACKOFF_CAP);
  assert.equal(backoff(0, () => 0), 0.75 * BACKOFF_FIRST);
  assert.equal(backoff(50, () => 1), 1.25 * BACKOFF_CAP);
});

test('a postponed item counts its attempts and is not due before its backoff is over', () => {
  const once = postponed(item('a'), 10000, () => 0.5);
  assert.equal(once.attempts, 1);
  assert.equal(once.next_at, 10000 + BACKOFF_FIRST);
  const twice = postponed(once, 20000, () => 0.5);
  assert.equal(twice.attempts, 2);
  assert.equal(twice.next_at, 20000 + 2 * BACKOFF_FIRST);
  assert.deepEqual(dueItems([twice], new Set(), 20000 + 1999), []);
  assert.deepEqual(dueItems([twice], new Set(), 20000 + 2000), [twice]);
});

test('a reconnect makes a postponed item due at once, with its client id and text unchanged', () => {
  const later = postponed(item('a'), 0, () => 0.5);
  assert.deepEqual(dueNow(later), item('a'));
  assert.deepEqual(dueItems([dueNow(later)], new Set(), 0), [item('a')]);
});

test('a refused item is kept with its reason; sent again it is the same submission', () => {
  const kept = shelved(postponed(item('a'), 0), { ok: false, error: 'activity_closed', message: 'Oppgaven er stengt.' },
    'Oppgaven er stengt.', 99);
  assert.equal(kept.text, 'text a');
  assert.equal(kept.error, 'activity_closed');
  assert.equal(kept.reason, 'Oppgaven er stengt.');
  assert.equal(kept.refused_at, 99);
  assert.deepEqual(dueNow(kept), item('a'));
});

test('a ballot is sent as `cast`, an edit as `edit_point` with its version', () => {
  const ballot = makeItem('b1', 4, 'Din stemme', { event: 'cast', ballot: { ranking: ['x', 'y'] } }, 0);
  assert.deepEqual(message(ballot), { event: 'cast', payload: { activity_id: 4, ranking: ['x', 'y'] } });
  const edit = makeItem('e1', 4, 'Ny tekst', { event: 'edit_point', point_id: 9, version: 2, question_id: 'q1' }, 0);
  assert.deepEqual(message(edit), { event: 'edit_point', payload: { point_id: 9, text: 'Ny tekst', version: 2 } });
});

test('the table is fetched again until it comes', async () => {
  let calls = 0;
  const fetcher = async () => {
    calls += 1;
    if (calls === 1) throw new Error('offline');
    return { ok: true, json: async () => table };
  };
  const realTimeout = globalThis.setTimeout;
  globalThis.setTimeout = (fn) => realTimeout(fn, 0);
  try {
    assert.deepEqual(await loadTable('/static/data/delivery.json', fetcher), table);
  } finally {
    globalThis.setTimeout = realTimeout;
  }
  assert.equal(calls, 2);
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
