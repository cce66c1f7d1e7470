// The word cloud's placement, with no DOM: which word goes where, at what size.
// Incremental and stable: a word once placed keeps its spot; an update only resizes the
// words already placed (a grown word that now overlaps another moves, alone) and places
// the words that entered the top `maxWords` with a spiral search around a spot derived
// from the word, against the boxes already taken (a bucket grid of rectangles). The whole
// cloud is laid out anew only when the size changes or too many words found no room.
// Text is measured by the caller: `measure(text)` gives width, ascent and descent of the
// word at font size 1 (the widths scale with the size).

const CELL = 64; // px: the bucket size of the collision grid
// The spiral packs word boxes to cover about 60 % of the canvas at best: every layout tried
// with boxes for more than 72 % failed (1,000 and 100 words, 800×600 to 1920×1080), so a
// layout that asks for more than this is not tried, the words shrink at once.
const MAX_COVER = 0.7;
const MIN_SIZE = 14; // px: the smallest font size a word gets
const SMALLEST = 0.24; // the least sent word's size, as a share of the most sent one's

/** A number in [0, 1) from a word, so a new word always starts at the same spot. */
export function hash(text, salt) {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

/** Rectangles in buckets of CELL px: finding what a box overlaps looks at a few buckets. */
export function makeGrid(width, height) {
  const cols = Math.ceil(width / CELL) + 1;
  const rows = Math.ceil(height / CELL) + 1;
  const cells = Array.from({ length: cols * rows }, () => []);
  const span = (box, visit) => {
    const c0 = Math.max(0, Math.floor(box.x0 / CELL));
    const c1 = Math.min(cols - 1, Math.floor(box.x1 / CELL));
    const r0 = Math.max(0, Math.floor(box.y0 / CELL));
    const r1 = Math.min(rows - 1, Math.floor(box.y1 / CELL));
    for (let r = r0; r <= r1; r += 1) for (let c = c0; c <= c1; c += 1) visit(cells[r * cols + c]);
  };
  /** The first stored box other than `self` that overlaps x0..x1 × y0..y1, or null. */
  const find = (x0, y0, x1, y1, self) => {
    const c0 = Math.max(0, Math.floor(x0 / CELL));
    const c1 = Math.min(cols - 1, Math.floor(x1 / CELL));
    const r0 = Math.max(0, Math.floor(y0 / CELL));
    const r1 = Math.min(rows - 1, Math.floor(y1 / CELL));
    for (let r = r0; r <= r1; r += 1) {
      for (let c = c0; c <= c1; c += 1) {
        const cell = cells[r * cols + c];
        for (let i = 0; i < cell.length; i += 1) {
          const o = cell[i];
          if (o !== self && o.x0 < x1 && x0 < o.x1 && o.y0 < y1 && y0 < o.y1) return o;
        }
      }
    }
    return null;
  };
  return {
    add: (box) => { span(box, (cell) => { cell.push(box); }); },
    remove: (box) => { span(box, (cell) => { const i = cell.indexOf(box); if (i >= 0) cell.splice(i, 1); }); },
    hits: (box) => find(box.x0, box.y0, box.x1, box.y1, box) !== null,
    find,
  };
}

/**
 * The spiral every word's search follows, as offsets from its start: an Archimedean spiral
 * (r = 3t) stretched to the canvas's shape, in steps that shorten as it widens. It depends
 * only on the canvas size, so it is computed once per size, not at every step of every word.
 */
function spiralOf(width, height) {
  const ratio = width / height;
  // No word starts outside the canvas, so no search goes further out than this.
  const reach = Math.hypot(width / ratio, height);
  const dx = [];
  const dy = [];
  const radius = [];
  for (let t = 0, r = 0; r < reach; t += 0.35 / Math.max(1, Math.sqrt(t)), r = t * 3) {
    dx.push(ratio * r * Math.cos(t));
    dy.push(r * Math.sin(t));
    radius.push(r);
  }
  return { width, height, dx: Float64Array.from(dx), dy: Float64Array.from(dy), radius: Float64Array.from(radius) };
}

/**
 * A cloud that keeps its layout between calls. `layout(frequencies, width, height)` takes
 * the words sorted by count ({word, count}, most first) and returns the places: a Map from
 * word to {text, count, rank, size, x, y, box}, (x, y) the centre of the word's box.
 */
export function createCloudLayout({ measure, maxWords = 120 }) {
  const cloud = {
    places: new Map(), grid: null, spiral: null, width: 0, height: 0, pad: 0, fit: 1, missed: 0,
  };

  /** Half the width and height of a word's box at its size, padding included. */
  const halfSize = (place) => {
    const m = measure(place.text);
    return [(m.width * place.size) / 2 + cloud.pad, ((m.ascent + m.descent) * place.size) / 2 + cloud.pad];
  };

  /** The box a word takes when centred on (x, y), padding included. */
  const boxOf = (place, x, y) => {
    const [halfW, halfH] = halfSize(place);
    return { text: place.text, x0: x - halfW, x1: x + halfW, y0: y - halfH, y1: y + halfH };
  };

  const inside = (box) => box.x0 >= 0 && box.y0 >= 0 && box.x1 <= cloud.width && box.y1 <= cloud.height;

  /** Find room for a word on a spiral from (x, y) outwards; take it and return true, or false. */
  function placeWord(place, x, y) {
    const { width, height, grid } = cloud;
    if (!cloud.spiral || cloud.spiral.width !== width || cloud.spiral.height !== height) cloud.spiral = spiralOf(width, height);
    const { dx, dy, radius } = cloud.spiral;
    // Half the words turn the other way (sin is odd: the mirrored spiral is -dy).
    const direction = hash(place.text, 3) < 0.5 ? -1 : 1;
    const [halfW, halfH] = halfSize(place);
    // Past this radius every point of the spiral lies outside the canvas.
    const limit = Math.hypot(Math.max(x, width - x) / (width / height), Math.max(y, height - y));
    // A full layout tries some 100,000 spots, so a spot is four numbers, not a box object;
    // and the box the last spot hit is tried first: the next spot on the spiral mostly hits it too.
    let blocker = null;
    for (let i = 0; i < radius.length && radius[i] < limit; i += 1) {
      const cx = x + dx[i];
      const cy = y + direction * dy[i];
      const x0 = cx - halfW;
      const x1 = cx + halfW;
      const y0 = cy - halfH;
      const y1 = cy + halfH;
      if (x0 < 0 || y0 < 0 || x1 > width || y1 > height) continue;
      if (blocker && blocker.x0 < x1 && x0 < blocker.x1 && blocker.y0 < y1 && y0 < blocker.y1) continue;
      blocker = grid.find(x0, y0, x1, y1, null);
      if (blocker) continue;
      place.x = cx;
      place.y = cy;
      place.box = { text: place.text, x0, x1, y0, y1 };
      grid.add(place.box);
      return true;
    }
    return false;
  }

  /** The font size of each of the top words, from its count (largest word first). */
  function cloudWords(frequencies) {
    const top = frequencies.slice(0, maxWords);
    const maxCount = Math.max(1, ...top.map((f) => f.count));
    const minCount = Math.min(maxCount, ...top.map((f) => f.count));
    const base = Math.min(cloud.height / 3.2, Math.sqrt((cloud.width * cloud.height) / (top.length + 2)) * 0.5) * cloud.fit;
    return top.map((f, rank) => {
      // From the least sent word to the most sent: the dominant words stand out from the back
      // of a hall, the largest at least four times the smallest.
      const ratio = maxCount === minCount ? 1 : Math.sqrt((f.count - minCount) / (maxCount - minCount));
      const wanted = base * (SMALLEST + (1 - SMALLEST) * ratio);
      const widest = (cloud.width * 0.92) / Math.max(0.3, measure(f.word).width);
      return { text: f.word, count: f.count, rank, size: Math.max(MIN_SIZE, Math.min(wanted, widest)) };
    }).sort((a, b) => b.size - a.size || a.rank - b.rank);
  }

  const startOf = (text) => [cloud.width * (0.3 + 0.4 * hash(text, 1)), cloud.height * (0.3 + 0.4 * hash(text, 2))];

  /** How much of the canvas the words' boxes would cover if they all found room. */
  function coverage(words) {
    let area = 0;
    for (const word of words) {
      const [halfW, halfH] = halfSize(word);
      area += 4 * halfW * halfH;
    }
    return area / (cloud.width * cloud.height);
  }

  /** Lay out every word anew (new canvas, or too crowded): the largest first, each near its old spot. */
  function layoutAll(frequencies) {
    const lastAttempt = 5;
    let placed = new Map();
    for (let attempt = 0; ; attempt += 1) {
      const words = cloudWords(frequencies);
      if (attempt < lastAttempt && coverage(words) > MAX_COVER) { cloud.fit *= 0.85; continue; }
      cloud.grid = makeGrid(cloud.width, cloud.height);
      placed = new Map();
      const allowed = Math.floor(words.length * 0.03);
      let missed = 0;
      for (const word of words) {
        const old = cloud.places.get(word.text);
        const [x, y] = old && old.x <= cloud.width && old.y <= cloud.height ? [old.x, old.y] : startOf(word.text);
        if (placeWord(word, x, y)) placed.set(word.text, word);
        else missed += 1;
        // A word that finds no room has searched the whole canvas: once this attempt has
        // failed, shrink at once instead of searching that long for the rest as well.
        if (missed > allowed && attempt < lastAttempt) break;
      }
      cloud.missed = missed;
      if (missed <= allowed || attempt === lastAttempt) break;
      cloud.fit *= 0.85;
    }
    cloud.places = placed;
  }

  /** Resize the placed words where they stand, drop those out of the top, place the new ones. */
  function layoutMore(frequencies) {
    const words = cloudWords(frequencies);
    const wanted = new Set(words.map((w) => w.text));
    for (const [text, place] of cloud.places) {
      if (!wanted.has(text)) { cloud.grid.remove(place.box); cloud.places.delete(text); }
    }
    // Shrunk or unchanged words first, so that grown ones see the room they leave.
    const moving = [];
    for (const word of words) {
      const place = cloud.places.get(word.text);
      if (!place) continue;
      place.count = word.count;
      if (word.size === place.size) continue;
      cloud.grid.remove(place.box);
      place.size = word.size;
      place.box = boxOf(place, place.x, place.y);
      cloud.grid.add(place.box);
      if (!inside(place.box) || cloud.grid.hits(place.box)) moving.push(place);
    }
    let missed = 0;
    for (const place of moving) {
      cloud.grid.remove(place.box);
      if (!placeWord(place, place.x, place.y)) { cloud.places.delete(place.text); missed += 1; }
    }
    for (const word of words) {
      if (cloud.places.has(word.text)) continue;
      const [x, y] = startOf(word.text);
      if (placeWord(word, x, y)) cloud.places.set(word.text, word);
      else missed += 1;
    }
    cloud.missed = missed;
    return missed;
  }

  return {
    /** Place the words on a width × height canvas; returns the places (word -> place). */
    layout(frequencies, width, height) {
      const count = Math.min(maxWords, frequencies.length);
      if (!cloud.grid || width !== cloud.width || height !== cloud.height) {
        cloud.width = width;
        cloud.height = height;
        cloud.pad = Math.max(3, Math.round(height / 160));
        cloud.fit = 1;
        layoutAll(frequencies);
      } else if (layoutMore(frequencies) > Math.floor(count * 0.05)) {
        // Too crowded for the new words: shrink a little and lay out anew, near the old spots.
        cloud.fit *= 0.9;
        layoutAll(frequencies);
      }
      return cloud.places;
    },
    /** Let the words grow again at the next layout (e.g. the window was resized). */
    regrow() {
      cloud.fit = 1;
    },
    /** How many of the top words found no room in the last layout. */
    get missed() {
      return cloud.missed;
    },
  };
}
