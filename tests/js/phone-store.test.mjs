// The phone's state: pushed updates merge by id and never go back in time.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  activityById, addOwn, applyActivity, applyState, change, changeActivity, mergeActivity, mergePoints, mergeQuestions,
  mergeTableEntries, openActivities, syncAsked,
} from '../../static/js/phone/store.js';

const snapshot = () => ({
  gathering: { title: 'Samling' },
  table: { number: 2, label: 'Bord 2' },
  activities: [
    { id: 1, kind: 'words', state: 'open', position: 0 },
    { id: 2, kind: 'statements', state: 'closed', position: 1 },
  ],
});

test('an activity that opens comes first and says it just opened', () => {
  applyState(snapshot());
  assert.equal(mergeActivity({ id: 2, state: 'open' }, () => ({ remaining: 5 })), true);
  assert.equal(mergeActivity({ id: 2, state: 'open' }, () => ({})), false);
  assert.deepEqual(openActivities().map((a) => a.id), [2, 1]);
});

test("a new activity gets its kind's first fields, the server's own fields win", () => {
  applyState(snapshot());
  mergeActivity({ id: 3, state: 'open', position: 2, remaining: 1 }, () => ({ remaining: 3 }));
  assert.equal(activityById(3).remaining, 1);
  assert.deepEqual(activityById(3).own_entries, []);
});

test('an older echo of a point never overwrites a newer version; deleted points leave', () => {
  const activity = { table_points: [{ id: 1, text: 'ny', version: 3 }, { id: 2, text: 'b', version: 1 }] };
  mergePoints(activity, [{ id: 1, text: 'gammel', version: 2 }, { id: 2, deleted: true, version: 2 }, { id: 3, text: 'c', version: 1 }]);
  assert.deepEqual(activity.table_points.map((p) => [p.id, p.text]), [[1, 'ny'], [3, 'c']]);
});

test("hidden entries leave the table's list, changed ones are merged", () => {
  const activity = { table_entries: [{ id: 1, text: 'a' }, { id: 2, text: 'b' }] };
  mergeTableEntries(activity, [{ id: 1, hidden: true }, { id: 2, highlighted: true }]);
  assert.deepEqual(activity.table_entries, [{ id: 2, text: 'b', highlighted: true }]);
});

test('our own question waiting for approval stays waiting, not gone', () => {
  const activity = { entries: [], own_entries: [{ id: 9, text: 'Hvorfor?', held: true }] };
  mergeQuestions(activity, [{ id: 9, hidden: true }]);
  assert.equal(activity.gone.has(9), false);
  mergeQuestions(activity, [{ id: 9, hidden: false, held: false, votes: 0 }]);
  assert.deepEqual(activity.entries.map((e) => e.id), [9]);
  assert.equal(activity.own_entries[0].held, false);
});

test('a closed activity without its content starts empty, and one sent in full replaces it', () => {
  applyState({ ...snapshot(), activities: [{ id: 4, kind: 'questions', state: 'closed', position: 0, content: false }] });
  assert.deepEqual(activityById(4).own_entries, []);
  mergeActivity({ id: 4, state: 'open' }, () => ({}));
  applyActivity(4, { id: 4, kind: 'questions', state: 'open', position: 0, content: true, own_entries: [{ id: 1, text: 'Hvem?' }], entries: [] });
  assert.deepEqual(activityById(4).own_entries.map((e) => e.text), ['Hvem?']);
  assert.deepEqual(openActivities().map((a) => a.id), [4]);
});

test("an upvote's count changes a question we hold and adds none we do not", () => {
  const activity = { entries: [{ id: 1, text: 'Hvem?', votes: 1, voted: true }], own_entries: [] };
  mergeQuestions(activity, [{ id: 1, votes: 4 }, { id: 2, votes: 3 }]);
  assert.deepEqual(activity.entries, [{ id: 1, text: 'Hvem?', votes: 4, voted: true }]);
});

// A `sync_activity` answer can take seconds at 2,000 phones: what came after the question stays.
const opened = () => {
  applyState({ ...snapshot(), activities: [{ id: 5, kind: 'statements', state: 'closed', position: 0, content: false }] });
  mergeActivity({ id: 5, state: 'open' }, () => ({}));
  syncAsked(5);
  return activityById(5);
};
const answer = (fields) => ({ id: 5, kind: 'statements', state: 'open', position: 0, content: true, own_entries: [], table_entries: [], remaining: 3, ...fields });

test("an answer older than a table_update keeps the table-mate's statement", () => {
  change(opened(), (a) => mergeTableEntries(a, [{ id: 7, text: 'Fra naboen' }]));
  applyActivity(5, answer({ table_entries: [{ id: 6, text: 'Eldre' }] }));
  assert.deepEqual(activityById(5).table_entries.map((e) => e.id), [6, 7]);
});

test('an own entry acked while the answer was on its way stays, once', () => {
  change(opened(), (a) => addOwn(a, { text: 'Mitt', client_id: 'c1' }, { ok: true, id: 8 }));
  applyActivity(5, answer());
  assert.deepEqual(activityById(5).own_entries.map((e) => [e.id, e.text]), [[8, 'Mitt']]);
  // The answer may already hold it: it is not doubled.
  syncAsked(5);
  change(activityById(5), (a) => addOwn(a, { text: 'Mitt', client_id: 'c1' }, { ok: true, id: 8 }));
  applyActivity(5, answer({ own_entries: [{ id: 8, text: 'Mitt', client_id: 'c1' }] }));
  assert.equal(activityById(5).own_entries.length, 1);
});

test('remaining from the newer ack wins over the answer', () => {
  change(opened(), (a) => { a.remaining = 1; });
  applyActivity(5, answer({ remaining: 3 }));
  assert.equal(activityById(5).remaining, 1);
});

test('closing again while the answer was on its way wins; later changes are not kept', () => {
  opened();
  mergeActivity({ id: 5, state: 'closed' }, () => ({}));
  applyActivity(5, answer());
  assert.equal(activityById(5).state, 'closed');
  const activity = activityById(5);
  change(activity, (a) => { a.remaining = 0; });
  applyActivity(5, answer({ remaining: 3 }));
  assert.equal(activityById(5).remaining, 3);
});

test('an activity asked twice keeps its changes until the last answer', () => {
  const activity = opened();
  syncAsked(5);
  change(activity, (a) => mergePoints(a, [{ id: 1, text: 'Punkt', version: 2 }]));
  applyActivity(5, answer());
  applyActivity(5, answer({ table_points: [{ id: 1, text: 'Gammel', version: 1 }] }));
  assert.deepEqual(activityById(5).table_points.map((p) => p.text), ['Punkt']);
});

test('a failed sync stops keeping changes and leaves the activity as it was', () => {
  const activity = opened();
  change(activity, (a) => { a.remaining = 2; });
  applyActivity(5, null);
  assert.equal(activityById(5).remaining, 2);
  change(activityById(5), (a) => { a.remaining = 1; });
  applyActivity(5, answer({ remaining: 3 }));
  assert.equal(activityById(5).remaining, 3);
});

test('an ack that comes after an await reaches the activity as it is now, also over a later answer', () => {
  opened();
  applyActivity(5, answer({ own_entries: [{ id: 8, text: 'Mitt' }], remaining: 2 }));
  // A second sync is on its way when the withdrawal's ack comes; the answer still holds the entry.
  syncAsked(5);
  changeActivity(5, (a) => {
    a.own_entries = a.own_entries.filter((e) => e.id !== 8);
    a.remaining = 3;
  });
  assert.deepEqual(activityById(5).own_entries, []);
  applyActivity(5, answer({ own_entries: [{ id: 8, text: 'Mitt' }], remaining: 2 }));
  assert.deepEqual(activityById(5).own_entries, []);
  assert.equal(activityById(5).remaining, 3);
});
