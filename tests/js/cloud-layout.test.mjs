// The projector's word cloud placement: readable, stable, and inside the screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createCloudLayout, hash } from '../../static/js/projector/cloud-layout.js';

// A fixed-width "font": 0.6 of the size per letter, ink 0.75 above and 0.25 below the baseline.
const measure = (text) => ({ width: 0.6 * text.length, ascent: 0.75, descent: 0.25 });

const WORDS = ['trygghet', 'glede', 'samarbeid', 'tid', 'stress', 'mestring', 'læring', 'ro', 'fellesskap',
  'motivasjon', 'nysgjerrig', 'sliten', 'håp', 'engasjement', 'tillit', 'klasseledelse', 'vennskap', 'lek'];

function frequencies(n) {
  return Array.from({ length: n }, (_, i) => ({ word: `${WORDS[i % WORDS.length]}${i >= WORDS.length ? i : ''}`, count: n - i }));
}

const layoutOf = (freqs, width = 1280, height = 720) =>
  createCloudLayout({ measure }).layout(freqs, width, height);

const overlap = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

test('no two words overlap', () => {
  const places = [...layoutOf(frequencies(100)).values()];
  assert.ok(places.length >= 95, `only ${places.length} of 100 words placed`);
  for (let i = 0; i < places.length; i += 1) {
    for (let j = i + 1; j < places.length; j += 1) {
      assert.ok(!overlap(places[i].box, places[j].box), `${places[i].text} overlaps ${places[j].text}`);
    }
  }
});

test('every word stays inside the box', () => {
  for (const [width, height] of [[1280, 720], [800, 600], [320, 200]]) {
    for (const place of layoutOf(frequencies(60), width, height).values()) {
      const { x0, y0, x1, y1 } = place.box;
      assert.ok(x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= height, `${place.text} leaves ${width}×${height}`);
    }
  }
});

test('the most frequent word is the largest and is placed first', () => {
  const places = [...layoutOf(frequencies(40)).values()];
  assert.equal(places[0].text, 'trygghet');
  for (let i = 1; i < places.length; i += 1) assert.ok(places[i - 1].size >= places[i].size);
});

test('the same words on the same screen give the same cloud', () => {
  const spots = (places) => [...places.values()].map((p) => [p.text, p.x, p.y, p.size]);
  assert.deepEqual(spots(layoutOf(frequencies(80))), spots(layoutOf(frequencies(80))));
  assert.equal(hash('glede', 1), hash('glede', 1));
});

test('a word already placed keeps its spot when another word joins', () => {
  const cloud = createCloudLayout({ measure });
  const before = new Map([...cloud.layout(frequencies(20), 1280, 720)].map(([t, p]) => [t, [p.x, p.y]]));
  const grown = frequencies(20).concat([{ word: 'ny', count: 1 }]);
  const after = cloud.layout(grown, 1280, 720);
  assert.ok(after.has('ny'));
  let kept = 0;
  for (const [text, [x, y]] of before) if (after.get(text) && after.get(text).x === x && after.get(text).y === y) kept += 1;
  assert.ok(kept >= before.size - 1, `only ${kept} of ${before.size} words kept their spot`);
});

test('the most sent word is at least four times the size of the least sent, readable from the back', () => {
  for (const n of [5, 20, 40]) {
    const sizes = [...layoutOf(frequencies(n), 1800, 900).values()].map((p) => p.size);
    assert.ok(Math.max(...sizes) >= 4 * Math.min(...sizes), `${n} words: ${Math.min(...sizes)}–${Math.max(...sizes)} px`);
  }
});
