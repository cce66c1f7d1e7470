// The console's banner while the server cannot write: one text per reason, with since when.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { healthText } from '../../static/js/console/health.js';

const T = {
  health_disk_full: 'Disken er full – svar venter på telefonene.',
  health_database_locked: 'Databasen er låst av et annet program – svar venter på telefonene.',
  health_io_error: 'Maskinen får ikke skrevet til disken – svar venter på telefonene.',
  health_other: 'Serveren får ikke lagret – svar venter på telefonene.',
  health_since: '(siden %(time)s)',
};

test('writes that work show no banner', () => {
  assert.equal(healthText({ status: 'ok' }, T), '');
  assert.equal(healthText(null, T), '');
  assert.equal(healthText({ status: 'ok', version: '1.0.0' }, T), '');
});

test('each reason has its own text, an unknown one the general text', () => {
  for (const reason of ['disk_full', 'database_locked', 'io_error']) {
    assert.equal(healthText({ status: 'degraded', reason }, T), T[`health_${reason}`]);
  }
  assert.equal(healthText({ status: 'degraded', reason: 'cosmic_rays' }, T), T.health_other);
});

test('the banner says since when, as the clock on the wall reads', () => {
  const text = healthText({ status: 'degraded', reason: 'disk_full', since: '2026-12-04T20:01:00Z' }, T, 'nb-NO');
  const local = new Date(Date.parse('2026-12-04T20:01:00Z')).toLocaleTimeString('nb-NO', { hour: '2-digit', minute: '2-digit' });
  assert.equal(text, `${T.health_disk_full} (siden ${local})`);
  assert.equal(healthText({ status: 'degraded', reason: 'disk_full', since: 'not a time' }, T), T.health_disk_full);
});
