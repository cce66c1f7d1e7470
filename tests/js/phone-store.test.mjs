// The phone's state: pushed updates merge by id and never go back in time.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  activityById, applyActivity, applyState, mergeActivity, mergePoints, mergeQuestions, mergeTableEntries, openActivities,
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
  applyActivity({ id: 4, kind: 'questions', state: 'open', position: 0, content: true, own_entries: [{ id: 1, text: 'Hvem?' }], entries: [] });
  assert.deepEqual(activityById(4).own_entries.map((e) => e.text), ['Hvem?']);
  assert.deepEqual(openActivities().map((a) => a.id), [4]);
});

test("an upvote's count changes a question we hold and adds none we do not", () => {
  const activity = { entries: [{ id: 1, text: 'Hvem?', votes: 1, voted: true }], own_entries: [] };
  mergeQuestions(activity, [{ id: 1, votes: 4 }, { id: 2, votes: 3 }]);
  assert.deepEqual(activity.entries, [{ id: 1, text: 'Hvem?', votes: 4, voted: true }]);
});
