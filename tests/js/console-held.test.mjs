// The number waiting for approval, the same for the activity's badge and the total.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { heldCount } from '../../static/js/console/held.js';

const activity = (entries, points, heldCount) => ({
  entries: new Map(entries.map((e) => [e.id, e])),
  points: new Map(points.map((p) => [p.id, p])),
  ...(heldCount === undefined ? {} : { held_count: heldCount }),
});

test('held entries and points count, hidden ones do not', () => {
  const a = activity(
    [{ id: 1, held: true }, { id: 2, held: true, hidden: true }, { id: 3 }],
    [{ id: 9, held: true }],
    7,
  );
  assert.equal(heldCount(a), 2);
});

test('offline, the count the server last sent stands', () => {
  assert.equal(heldCount(activity([{ id: 1, held: true }], [], 4), false), 4);
});

test('before the items arrive, the server\'s count; without one, none', () => {
  assert.equal(heldCount(activity([], [], 3)), 3);
  assert.equal(heldCount(activity([], [])), 0);
  assert.equal(heldCount({}), 0);
});
