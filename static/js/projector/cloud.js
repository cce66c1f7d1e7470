// The live word cloud on the projector: measures words with a canvas, asks the layout
// (cloud-layout.js) where they go, and writes the SVG nodes in one animation frame.
import { createCloudLayout, hash } from './cloud-layout.js';
import { $, model } from './model.js';

const SVG = 'http://www.w3.org/2000/svg';
const EVERY = 1000; // relayout at most once a second
export const MAX_WORDS = 120;
const FONT = '"Samla DejaVu", "DejaVu Sans", system-ui, sans-serif';
const REF = 100; // px: the font size words are measured at
const COLOURS = ['#ffffff', '#ffd166', '#7fdbda', '#b9f18c', '#f9a8d4', '#ffb38a', '#a5c8ff', '#e9d5ff'];

const measured = new Map();
let canvas = null;
let fontLoaded = null;

/** A word's width and ink above/below the baseline at size 1, measured once at REF px. */
function measure(text) {
  let known = measured.get(text);
  if (!known) {
    if (!canvas) {
      canvas = document.createElement('canvas').getContext('2d');
      canvas.font = `bold ${REF}px ${FONT}`;
    }
    const m = canvas.measureText(text);
    const ascent = m.actualBoundingBoxAscent || REF * 0.76;
    const descent = m.actualBoundingBoxDescent || REF * 0.24;
    known = { width: m.width / REF, ascent: ascent / REF, descent: descent / REF };
    measured.set(text, known);
  }
  return known;
}

/** Canvas measuring must use the real font, so wait until it is loaded once. */
function fontReady() {
  if (!fontLoaded) {
    fontLoaded = document.fonts && document.fonts.load
      ? document.fonts.load(`bold 48px ${FONT}`).catch(() => null) : Promise.resolve();
  }
  return fontLoaded;
}

const cloud = {
  activityId: null, svg: null, layout: null, places: new Map(), nodes: new Map(), drawn: new Map(),
  timer: null, frame: null, last: 0,
};

/** Draw this activity's cloud (a new one starts empty); at most once a second. */
export function showCloud(activity) {
  if (cloud.activityId !== activity.id) reset(activity.id);
  schedule();
}

/** The window changed: let the words grow into the new room. */
export function regrowCloud() {
  if (cloud.layout) cloud.layout.regrow();
  schedule();
}

function reset(activityId) {
  cloud.activityId = activityId;
  cloud.layout = createCloudLayout({ measure, maxWords: MAX_WORDS });
  cloud.places = new Map();
  cloud.nodes.clear();
  cloud.drawn.clear();
  cloud.svg = document.createElementNS(SVG, 'svg');
  cloud.svg.setAttribute('class', 'cloud__svg');
  cloud.svg.setAttribute('aria-hidden', 'true');
  $('cloud').replaceChildren(cloud.svg);
}

function schedule() {
  if (cloud.timer) return;
  const wait = Math.max(0, cloud.last + EVERY - Date.now());
  cloud.timer = window.setTimeout(() => {
    cloud.timer = null;
    cloud.last = Date.now();
    const activity = model.activities.get(cloud.activityId);
    if (activity && activity.id === model.screenId) fontReady().then(() => layout(activity.frequencies));
  }, wait);
}

function layout(frequencies) {
  if (!cloud.svg) return;
  const started = performance.now();
  const box = $('cloud').getBoundingClientRect();
  const width = Math.max(320, Math.round(box.width));
  const height = Math.max(200, Math.round(box.height));
  cloud.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  cloud.places = cloud.layout.layout(frequencies, width, height);
  performance.measure('samla-cloud-layout', { start: started, end: performance.now() });
  if (!cloud.frame) cloud.frame = window.requestAnimationFrame(draw);
}

/** Write the layout to the SVG in one frame: attributes of existing nodes, new nodes for new words. */
function draw() {
  cloud.frame = null;
  const started = performance.now();
  const fresh = [];
  for (const [text, place] of cloud.places) {
    let node = cloud.nodes.get(text);
    if (!node) {
      node = document.createElementNS(SVG, 'text');
      node.setAttribute('text-anchor', 'middle');
      node.setAttribute('class', 'cloud__word is-new');
      node.textContent = text;
      node.style.fill = COLOURS[Math.floor(hash(text, 4) * COLOURS.length)];
      cloud.nodes.set(text, node);
      fresh.push(node);
    }
    const was = cloud.drawn.get(text) || {};
    if (was.x !== place.x || was.y !== place.y) node.style.transform = `translate(${place.x}px, ${place.y}px)`;
    if (was.size !== place.size) {
      const m = measure(text);
      // The box is centred on (x, y): put the baseline so that the ink is centred too.
      node.setAttribute('y', (((m.ascent - m.descent) * place.size) / 2).toFixed(1));
      node.style.fontSize = `${place.size}px`;
    }
    cloud.drawn.set(text, { x: place.x, y: place.y, size: place.size });
  }
  for (const [text, node] of cloud.nodes) {
    if (!cloud.places.has(text)) {
      node.remove();
      cloud.nodes.delete(text);
      cloud.drawn.delete(text);
    }
  }
  if (fresh.length) {
    cloud.svg.append(...fresh);
    window.requestAnimationFrame(() => window.requestAnimationFrame(() => {
      for (const node of fresh) node.classList.remove('is-new');
    }));
  }
  performance.measure('samla-cloud-draw', { start: started, end: performance.now() });
}
