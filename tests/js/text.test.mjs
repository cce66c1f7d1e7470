// Text helpers shared by the phone, the projector and the console.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { clock, count, fmt, qrSource, secondsUntil, tableLabel, taskQuestions } from '../../static/js/shared/text.js';

test('placeholders are filled, unknown ones are left as they are', () => {
  assert.equal(fmt('%(n)s av %(total)s', { n: 2, total: 5 }), '2 av 5');
  assert.equal(fmt('%(n)s og %(x)s', { n: 1 }), '1 og %(x)s');
});

test("a table's own label wins over the numbered fallback", () => {
  const tables = [{ number: 1, label: 'Rektorbordet' }];
  assert.equal(tableLabel(tables, 1, 'Bord %(n)s'), 'Rektorbordet');
  assert.equal(tableLabel(tables, 4, 'Bord %(n)s'), 'Bord 4');
  assert.equal(tableLabel(null, 2, 'Bord %(n)s'), 'Bord 2');
});

test("a task's questions come from its options, else from beside them", () => {
  assert.deepEqual(taskQuestions({ options: { questions: [{ id: 'a' }] } }), [{ id: 'a' }]);
  assert.deepEqual(taskQuestions({ questions: [{ id: 'b' }] }), [{ id: 'b' }]);
  assert.deepEqual(taskQuestions({}), []);
});

test('countdowns read as m:ss, or h:mm:ss past an hour', () => {
  assert.equal(clock(65), '01:05');
  assert.equal(clock(3661), '1:01:01');
  assert.equal(clock(-3), '00:00');
  assert.equal(secondsUntil('2026-01-01T00:01:00Z', Date.parse('2026-01-01T00:00:00Z')), 60);
  assert.equal(secondsUntil(null), null);
});

test("a QR code's image address names the join address, so a changed address is fetched anew", () => {
  const before = qrSource('', '123456', 'http://127.0.0.1:5000/j/123456');
  const after = qrSource('', '123456', 'http://192.168.1.20:5000/j/123456');
  assert.equal(before, '/qr/123456.svg?for=http%3A%2F%2F127.0.0.1%3A5000%2Fj%2F123456');
  assert.notEqual(before, after);
  assert.equal(qrSource('/samla', '123456', 'http://a/j/123456/3', 3), '/samla/qr/123456/3.svg?for=http%3A%2F%2Fa%2Fj%2F123456%2F3');
});

test('a counted text takes its singular when n is 1, and the plural otherwise', () => {
  const strings = { dots_left: '%(n)s prikker igjen', dots_left_one: '%(n)s prikk igjen' };
  assert.equal(count(strings, 'dots_left', { n: 1 }), '1 prikk igjen');
  assert.equal(count(strings, 'dots_left', { n: 3 }), '3 prikker igjen');
  assert.equal(count({ hits: '%(n)s treff' }, 'hits', { n: 1 }), '1 treff');
});
