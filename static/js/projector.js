'use strict';
// The projector: follows the console and shows the join screen, the live word
// cloud or the wall of table statements. It has no controls besides full screen.
(function () {
  const S = window.Samla;
  const T = S.readJSON('samla-text') || {};
  const config = S.readJSON('samla-config') || {};
  const root = config.root || '';
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';

  const CLOUD_EVERY = 1000; // relayout at most once a second
  const CLOUD_MAX_WORDS = 120;
  const CLOUD_FONT = '"Samla DejaVu", "DejaVu Sans", system-ui, sans-serif';
  const WALL_EVERY = 400; // redraw the wall at most this often (ms)
  const PAGE_EVERY = 12000; // turn the wall's page this often (ms)
  const COLOURS = ['#ffffff', '#ffd166', '#7fdbda', '#b9f18c', '#f9a8d4', '#ffb38a', '#a5c8ff', '#e9d5ff'];

  let gathering = null;
  let screenId = null;
  let screenView = null; // task: 'question' or 'progress'; statements and task: 'themes'
  let screenQuestion = null;
  const activities = new Map(); // id -> activity with entries (Map by id) and frequencies
  const highlightOrder = new Map(); // entry id -> when it was highlighted (latest wins)

  // ---- model -------------------------------------------------------------------

  function absorb(activity) {
    const entries = new Map((activity.entries || []).map((e) => [e.id, e]));
    const points = new Map((activity.points || []).filter((p) => !p.deleted).map((p) => [p.id, p]));
    return { ...activity, entries, points, frequencies: activity.frequencies || [] };
  }

  function onState(state) {
    gathering = state.gathering;
    screenId = gathering.screen_activity_id === undefined ? null : gathering.screen_activity_id;
    screenView = gathering.screen_view || null;
    screenQuestion = gathering.screen_question_id || null;
    activities.clear();
    for (const activity of state.activities) activities.set(activity.id, absorb(activity));
    for (const activity of activities.values()) {
      for (const entry of activity.entries.values()) if (entry.highlighted) highlightOrder.set(entry.id, entry.id);
    }
    if (gathering.language) document.documentElement.lang = gathering.language;
    render();
  }

  function onActivityUpdate(update) {
    const activity = activities.get(update.activity_id);
    if (!activity) return;
    for (const entry of update.entries || []) {
      const before = activity.entries.get(entry.id);
      if (entry.highlighted && !(before && before.highlighted)) highlightOrder.set(entry.id, Date.now());
      activity.entries.set(entry.id, { ...(before || {}), ...entry });
    }
    for (const point of update.points || []) {
      if (point.deleted) activity.points.delete(point.id);
      else activity.points.set(point.id, { ...(activity.points.get(point.id) || {}), ...point });
    }
    for (const key of ['count', 'hidden_count', 'frequencies', 'results', 'items', 'themes']) {
      if (update[key] !== undefined) activity[key] = update[key];
    }
    if (activity.id === screenId) render();
  }

  function onActivityState(payload) {
    const incoming = payload && payload.activity;
    if (!incoming) return;
    const known = activities.get(incoming.id);
    const wasHidden = known && known.revealed === false;
    if (known) {
      const { entries, points, ...rest } = incoming;
      Object.assign(known, rest);
    } else {
      activities.set(incoming.id, absorb(incoming));
    }
    // Revealed just now: the entries, points and results come with a fresh state.
    if (wasHidden && incoming.revealed !== false) resync();
    if (incoming.id === screenId) render();
  }

  function onScreen(payload) {
    screenId = payload ? payload.activity_id : null;
    screenView = payload ? payload.view || null : null;
    screenQuestion = payload ? payload.question_id || null : null;
    render();
  }

  function resync() {
    socket.timeout(8000).emit('sync', (err, ack) => {
      if (!err && ack && ack.ok && ack.state) onState(ack.state);
    });
  }

  // ---- views -------------------------------------------------------------------

  function tableLabel(number) {
    const table = gathering && gathering.tables.find((t) => t.number === number);
    return table ? table.label : S.fmt(T.table_n, { n: number });
  }

  /** "host:port/j" out of the join address, which ends with the code. */
  function joinAddress() {
    const url = (gathering.join_url || '').replace(/^https?:\/\//, '');
    const suffix = `/${gathering.code}`;
    return url.endsWith(suffix) ? url.slice(0, -suffix.length) : url;
  }

  function qrUrl() {
    return `${root}/qr/${encodeURIComponent(gathering.code)}.svg`;
  }

  const VIEWS = ['join', 'words', 'statements', 'task', 'progress', 'priorities', 'questions', 'hidden', 'themes'];

  function show(view) {
    for (const name of VIEWS) $(`view-${name}`).hidden = name !== view;
    $('corner').hidden = view === 'join';
    document.body.dataset.view = view;
  }

  function render() {
    if (!gathering) return;
    const activity = screenId === null ? null : activities.get(screenId);
    if (!activity) {
      renderCountdown(null);
      renderJoin();
      return;
    }
    renderCorner();
    renderCountdown(activity);
    if (activity.revealed === false) renderHidden(activity);
    else if (screenView === 'themes') renderThemes(activity);
    else if (activity.kind === 'words') renderWords(activity);
    else if (activity.kind === 'task') renderTask(activity);
    else if (activity.kind === 'priorities') renderPriorities(activity);
    else if (activity.kind === 'questions') renderQuestions(activity);
    else renderStatements(activity);
  }

  function renderJoin() {
    show('join');
    $('join-title').textContent = gathering.title;
    $('join-line').replaceChildren(...S.fmtNodes(T.join_line, { address: S.el('strong', {}, joinAddress()) }));
    $('join-code').textContent = gathering.code;
    if ($('join-qr').getAttribute('src') !== qrUrl()) $('join-qr').setAttribute('src', qrUrl());
  }

  function renderCorner() {
    $('corner-address').textContent = joinAddress();
    $('corner-code').textContent = gathering.code;
    if ($('corner-qr').getAttribute('src') !== qrUrl()) $('corner-qr').setAttribute('src', qrUrl());
  }

  function renderWords(activity) {
    show('words');
    $('words-title').textContent = activity.title || gathering.title;
    $('words-prompt').textContent = activity.prompt;
    $('words-count').textContent = S.fmt(T.count, { n: activity.count || 0 });
    if (cloud.activityId !== activity.id) resetCloud(activity.id);
    scheduleCloud();
    // Screen readers get the cloud as a list of words and counts (the SVG is hidden from them).
    $('cloud-text').replaceChildren(...activity.frequencies.slice(0, CLOUD_MAX_WORDS)
      .map((f) => S.el('li', {}, `${f.word}: ${f.count}`)));
  }

  // ---- word cloud ----------------------------------------------------------------
  // Incremental and stable: a word once placed keeps its spot; an update only resizes the
  // words already drawn (a grown word that now overlaps another moves, alone) and places
  // the words that entered the top CLOUD_MAX_WORDS with a spiral search around a spot
  // derived from the word, against the boxes already taken (a bucket grid of rectangles).
  // The whole cloud is laid out anew only when the canvas size changes or too many words
  // found no room. Text is measured once per word (canvas, at a reference size; widths
  // scale with the font size) and the SVG nodes are written in one animation frame.

  const CLOUD_REF = 100; // px: the font size words are measured at
  const CLOUD_CELL = 64; // px: the bucket size of the collision grid
  // The spiral packs word boxes to cover about 60 % of the canvas at best: every layout tried
  // with boxes for more than 72 % failed (1,000 and 100 words, 800×600 to 1920×1080), so a
  // layout that asks for more than this is not tried, the words shrink at once.
  const CLOUD_MAX_COVER = 0.7;
  const cloud = {
    activityId: null, svg: null, nodes: new Map(), drawn: new Map(), places: new Map(), metrics: new Map(),
    grid: null, spiral: null, width: 0, height: 0, fit: 1, scale: 0, missed: 0,
    timer: null, frame: null, last: 0, fontReady: null, canvas: null,
  };

  function resetCloud(activityId) {
    cloud.activityId = activityId;
    cloud.nodes.clear();
    cloud.drawn.clear();
    cloud.places.clear();
    cloud.grid = null;
    cloud.width = 0;
    cloud.height = 0;
    cloud.fit = 1;
    cloud.svg = document.createElementNS(SVG, 'svg');
    cloud.svg.setAttribute('class', 'cloud__svg');
    cloud.svg.setAttribute('aria-hidden', 'true');
    $('cloud').replaceChildren(cloud.svg);
  }

  function scheduleCloud() {
    if (cloud.timer) return;
    const wait = Math.max(0, cloud.last + CLOUD_EVERY - Date.now());
    cloud.timer = window.setTimeout(() => {
      cloud.timer = null;
      cloud.last = Date.now();
      const activity = activities.get(cloud.activityId);
      if (activity && activity.id === screenId) fontReady().then(() => layoutCloud(activity.frequencies));
    }, wait);
  }

  /** Canvas measuring must use the real font, so wait until it is loaded once. */
  function fontReady() {
    if (!cloud.fontReady) {
      cloud.fontReady = document.fonts && document.fonts.load
        ? document.fonts.load(`bold 48px ${CLOUD_FONT}`).catch(() => null) : Promise.resolve();
    }
    return cloud.fontReady;
  }

  /** A number in [0, 1) from a word, so a new word always starts at the same spot. */
  function hash(text, salt) {
    let h = 2166136261 ^ salt;
    for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return ((h >>> 0) % 100000) / 100000;
  }

  /** A word's width and ink above/below the baseline at CLOUD_REF px, measured once. */
  function metrics(text) {
    let known = cloud.metrics.get(text);
    if (!known) {
      if (!cloud.canvas) {
        cloud.canvas = document.createElement('canvas').getContext('2d');
        cloud.canvas.font = `bold ${CLOUD_REF}px ${CLOUD_FONT}`;
      }
      const m = cloud.canvas.measureText(text);
      const ascent = m.actualBoundingBoxAscent || CLOUD_REF * 0.76;
      const descent = m.actualBoundingBoxDescent || CLOUD_REF * 0.24;
      known = { width: m.width / CLOUD_REF, ascent: ascent / CLOUD_REF, descent: descent / CLOUD_REF };
      cloud.metrics.set(text, known);
    }
    return known;
  }

  /** Rectangles in buckets of CLOUD_CELL px: finding what a box overlaps looks at a few buckets. */
  function makeGrid(width, height) {
    const cols = Math.ceil(width / CLOUD_CELL) + 1;
    const rows = Math.ceil(height / CLOUD_CELL) + 1;
    const cells = Array.from({ length: cols * rows }, () => []);
    const span = (box, visit) => {
      const c0 = Math.max(0, Math.floor(box.x0 / CLOUD_CELL));
      const c1 = Math.min(cols - 1, Math.floor(box.x1 / CLOUD_CELL));
      const r0 = Math.max(0, Math.floor(box.y0 / CLOUD_CELL));
      const r1 = Math.min(rows - 1, Math.floor(box.y1 / CLOUD_CELL));
      for (let r = r0; r <= r1; r += 1) for (let c = c0; c <= c1; c += 1) visit(cells[r * cols + c]);
    };
    /** The first stored box other than `self` that overlaps x0..x1 × y0..y1, or null. */
    const find = (x0, y0, x1, y1, self) => {
      const c0 = Math.max(0, Math.floor(x0 / CLOUD_CELL));
      const c1 = Math.min(cols - 1, Math.floor(x1 / CLOUD_CELL));
      const r0 = Math.max(0, Math.floor(y0 / CLOUD_CELL));
      const r1 = Math.min(rows - 1, Math.floor(y1 / CLOUD_CELL));
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

  /** Half the width and height of a word's box at its size, padding included. */
  function halfSize(place) {
    const m = metrics(place.text);
    return [(m.width * place.size) / 2 + cloud.pad, ((m.ascent + m.descent) * place.size) / 2 + cloud.pad];
  }

  /** The box a word of `size` takes when centred on (x, y), padding included. */
  function boxOf(place, x, y) {
    const [halfW, halfH] = halfSize(place);
    return { text: place.text, x0: x - halfW, x1: x + halfW, y0: y - halfH, y1: y + halfH };
  }

  function inside(box) {
    return box.x0 >= 0 && box.y0 >= 0 && box.x1 <= cloud.width && box.y1 <= cloud.height;
  }

  /**
   * The spiral every word's search follows, as offsets from its start: an Archimedean spiral
   * (r = 3t) stretched to the canvas's shape, in steps that shorten as it widens. It depends
   * only on the canvas size, so it is computed once per size, not at every step of every word.
   */
  function spiralOf(width, height) {
    if (cloud.spiral && cloud.spiral.width === width && cloud.spiral.height === height) return cloud.spiral;
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
    cloud.spiral = { width, height, dx: Float64Array.from(dx), dy: Float64Array.from(dy), radius: Float64Array.from(radius) };
    return cloud.spiral;
  }

  /** Find room for a word on a spiral from (x, y) outwards; take it and return true, or false. */
  function placeWord(place, x, y) {
    const { width, height, grid } = cloud;
    const { dx, dy, radius } = spiralOf(width, height);
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
    const top = frequencies.slice(0, CLOUD_MAX_WORDS);
    const maxCount = Math.max(1, ...top.map((f) => f.count));
    const base = Math.min(cloud.height / 3.2, Math.sqrt((cloud.width * cloud.height) / (top.length + 2)) * 0.5) * cloud.fit;
    return top.map((f, rank) => {
      const ratio = Math.sqrt(f.count / maxCount);
      const wanted = base * (0.32 + 0.68 * ratio);
      const widest = (cloud.width * 0.92) / Math.max(0.3, metrics(f.word).width);
      return { text: f.word, count: f.count, rank, size: Math.max(14, Math.min(wanted, widest)) };
    }).sort((a, b) => b.size - a.size || a.rank - b.rank);
  }

  function startOf(text) {
    return [cloud.width * (0.3 + 0.4 * hash(text, 1)), cloud.height * (0.3 + 0.4 * hash(text, 2))];
  }

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
      if (attempt < lastAttempt && coverage(words) > CLOUD_MAX_COVER) { cloud.fit *= 0.85; continue; }
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

  /** Resize the drawn words where they stand, drop those out of the top, place the new ones. */
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

  function layoutCloud(frequencies) {
    if (!cloud.svg) return;
    const started = performance.now();
    const box = $('cloud').getBoundingClientRect();
    const width = Math.max(320, Math.round(box.width));
    const height = Math.max(200, Math.round(box.height));
    const count = Math.min(CLOUD_MAX_WORDS, frequencies.length);
    if (!cloud.grid || width !== cloud.width || height !== cloud.height) {
      cloud.width = width;
      cloud.height = height;
      cloud.pad = Math.max(3, Math.round(height / 160));
      cloud.fit = 1;
      cloud.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
      layoutAll(frequencies);
    } else if (layoutMore(frequencies) > Math.floor(count * 0.05)) {
      // Too crowded for the new words: shrink a little and lay out anew, near the old spots.
      cloud.fit *= 0.9;
      layoutAll(frequencies);
    }
    performance.measure('samla-cloud-layout', { start: started, end: performance.now() });
    if (!cloud.frame) cloud.frame = window.requestAnimationFrame(drawCloud);
  }

  /** Write the layout to the SVG in one frame: attributes of existing nodes, new nodes for new words. */
  function drawCloud() {
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
        const m = metrics(text);
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

  // ---- accepted themes: theme -> which tables said it ------------------------------------

  function renderThemes(activity) {
    show('themes');
    $('themes-title').textContent = activity.title || gathering.title;
    $('themes-prompt').textContent = activity.prompt;
    const themes = activity.themes || [];
    $('themes-empty').hidden = themes.length > 0;
    S.fill($('themes-list'), themes.map((theme) => S.el('li', { class: 'theme' },
      S.el('h2', { class: 'theme__title' }, theme.title),
      S.el('p', { class: 'theme__tables' }, theme.tables.map((n) => tableLabel(n)).join(' · ')))));
  }

  // ---- statements wall -------------------------------------------------------------

  const wall = { timer: null, page: 0, pages: [], activityId: null, box: 'wall', pager: 'wall-page' };

  function renderStatements(activity) {
    show('statements');
    $('statements-title').textContent = activity.title || gathering.title;
    $('statements-prompt').textContent = activity.prompt;
    $('statements-count').textContent = S.fmt(T.count, { n: activity.count || 0 });
    if (wall.activityId !== activity.id) {
      wall.activityId = activity.id;
      wall.page = 0;
      drawWall(activity);
      return;
    }
    if (!wall.timer) wall.timer = window.setTimeout(() => { wall.timer = null; drawWall(activities.get(wall.activityId)); }, WALL_EVERY);
  }

  function drawWall(activity) {
    if (!activity || activity.id !== screenId) return;
    const visible = [...activity.entries.values()].filter((e) => !e.hidden);
    drawSpotlight(visible);
    const byTable = new Map();
    for (const entry of visible.sort(S.newestFirst)) {
      if (!byTable.has(entry.table)) byTable.set(entry.table, []);
      byTable.get(entry.table).push(entry);
    }
    const groups = [...byTable.keys()].sort((a, b) => a - b).map((number) => S.el('section', { class: 'group' },
      S.el('h2', { class: 'group__label' }, tableLabel(number)),
      S.el('ul', { class: 'group__list' }, byTable.get(number).map((entry) =>
        S.el('li', { class: `group__entry${entry.highlighted ? ' is-highlighted' : ''}` }, entry.text)))));
    $('wall-empty').hidden = groups.length > 0;
    paginate(wall, groups);
  }

  /** The highlighted entry (the latest one highlighted), enlarged above the wall. */
  function drawSpotlight(visible) {
    const lit = visible.filter((e) => e.highlighted)
      .sort((a, b) => (highlightOrder.get(b.id) || 0) - (highlightOrder.get(a.id) || 0))[0];
    const spot = $('spotlight');
    spot.hidden = !lit;
    if (lit) {
      spot.replaceChildren(S.el('blockquote', { class: 'spotlight__text' }, lit.text),
        S.el('figcaption', { class: 'spotlight__table' }, tableLabel(lit.table)));
    }
  }

  /** Pack table groups into columns (shortest first); what does not fit goes on the next page. */
  function paginate(pager, groups, minWidth) {
    const box = $(pager.box);
    const columns = Math.max(1, Math.min(groups.length || 1, Math.floor(box.clientWidth / (minWidth || 430))));
    const limit = box.clientHeight;
    const gap = 24;
    const probe = S.el('div', { class: 'wall__col wall__probe', style: `width:${(box.clientWidth - gap * (columns - 1)) / columns}px` }, groups);
    box.replaceChildren(probe);
    const heights = groups.map((g) => g.offsetHeight + gap);
    const pages = [];
    let page = null;
    groups.forEach((group, i) => {
      let shortest = page ? page.heights.indexOf(Math.min(...page.heights)) : 0;
      // An empty column takes any group (a very long one is clipped); else it must fit.
      if (!page || (page.heights[shortest] > 0 && page.heights[shortest] + heights[i] > limit)) {
        page = { cols: Array.from({ length: columns }, () => []), heights: new Array(columns).fill(0), count: 0 };
        pages.push(page);
        shortest = 0;
      }
      page.cols[shortest].push(group);
      page.heights[shortest] += heights[i];
      page.count += 1;
    });
    pager.pages = pages;
    if (pager.page >= pages.length) pager.page = 0;
    showPage(pager);
  }

  function showPage(pager) {
    const page = pager.pages[pager.page];
    const box = $(pager.box);
    box.replaceChildren(...(page ? page.cols.map((col) => S.el('div', { class: 'wall__col' }, col)) : []));
    $(pager.pager).textContent = pager.pages.length > 1 ? S.fmt(T.page, { n: pager.page + 1, total: pager.pages.length }) : '';
  }

  function turnPage(step) {
    const pager = { statements: wall, task: board }[document.body.dataset.view];
    if (pager && pager.pages.length > 1) {
      pager.page = (pager.page + (step || 1) + pager.pages.length) % pager.pages.length;
      showPage(pager);
    }
  }

  // The facilitator turns pages with the arrow or page keys (what a presentation clicker
  // sends); after that the wall stays on the chosen page until turned again or Home.
  let manualPaging = false;
  const PAGE_KEYS = { ArrowRight: 1, PageDown: 1, ArrowDown: 1, ArrowLeft: -1, PageUp: -1, ArrowUp: -1 };
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key in PAGE_KEYS) {
      event.preventDefault();
      manualPaging = true;
      document.body.classList.add('is-paged-by-hand');
      turnPage(PAGE_KEYS[event.key]);
    } else if (event.key === 'Home') {
      manualPaging = false;
      document.body.classList.remove('is-paged-by-hand');
    }
  });

  // ---- group task: one question across the tables, or the progress board ----------------

  const board = { timer: null, page: 0, pages: [], key: null, box: 'task-wall', pager: 'task-page' };

  function taskQuestions(activity) {
    return (activity.options && activity.options.questions) || activity.questions || [];
  }

  /** The tables a task is for (its own list, else every table of the gathering). */
  function taskTables(activity) {
    const only = activity.tables || (activity.options && activity.options.tables);
    const all = (gathering.tables || []).map((t) => t.number);
    return only && only.length ? all.filter((n) => only.includes(n)) : all;
  }

  function renderTask(activity) {
    const questions = taskQuestions(activity);
    const question = screenView === 'question' ? questions.find((q) => q.id === screenQuestion) : null;
    if (!question) { renderProgress(activity, questions); return; }
    show('task');
    $('task-title').textContent = activity.title || activity.prompt || gathering.title;
    const number = questions.indexOf(question) + 1;
    $('task-question').textContent = `${number}. ${question.title}`;
    $('task-count').textContent = '';
    const key = `${activity.id}|${question.id}`;
    if (board.key !== key) {
      board.key = key;
      board.page = 0;
      drawTaskWall(activity, question);
      return;
    }
    if (!board.timer) board.timer = window.setTimeout(() => { board.timer = null; drawTaskWall(activities.get(activity.id), question); }, WALL_EVERY);
  }

  function drawTaskWall(activity, question) {
    if (!activity || activity.id !== screenId || document.body.dataset.view !== 'task') return;
    const points = [...activity.points.values()].filter((p) => p.question_id === question.id && !p.deleted);
    const groups = taskTables(activity).map((number) => {
      const mine = points.filter((p) => p.table === number).sort((a, b) => a.id - b.id);
      return S.el('section', { class: `group${mine.length ? '' : ' group--empty'}` },
        S.el('h2', { class: 'group__label' }, tableLabel(number)),
        mine.length
          ? S.el('ul', { class: 'group__list' }, mine.map((p) => S.el('li', { class: 'group__entry' }, p.text)))
          : S.el('p', { class: 'group__none' }, '…'));
    });
    paginate(board, groups, 380);
  }

  function renderProgress(activity, questions) {
    show('progress');
    board.key = null;
    $('progress-title').textContent = activity.title || gathering.title;
    $('progress-prompt').textContent = activity.prompt;
    const counts = new Map();
    for (const p of activity.points.values()) {
      if (p.deleted) continue;
      const key = `${p.table}|${p.question_id}`;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const head = S.el('tr', {}, S.el('th', { class: 'progress__corner' }),
      questions.map((q, i) => S.el('th', { scope: 'col', class: 'progress__q', title: q.title },
        S.el('span', { class: 'progress__qn' }, String(i + 1)), S.el('span', { class: 'progress__qt' }, q.title))));
    const rows = taskTables(activity).map((number) => S.el('tr', {},
      S.el('th', { scope: 'row', class: 'progress__table' }, tableLabel(number)),
      questions.map((q) => {
        const n = counts.get(`${number}|${q.id}`) || 0;
        return S.el('td', { class: `progress__cell${n ? ' is-done' : ''}` },
          n ? S.el('span', { class: 'progress__check', 'aria-hidden': 'true' }, '✓') : null,
          S.el('span', { class: 'progress__n' }, n ? String(n) : '–'));
      })));
    $('progress').replaceChildren(S.el('thead', {}, head), S.el('tbody', {}, rows));
    // Shrink the rows when there are many tables, never the type below 28 px.
    const rowsCount = Math.max(1, rows.length);
    $('progress').style.setProperty('--row-h', `${Math.max(44, Math.min(96, Math.floor(($('progress-box').clientHeight - 140) / rowsCount)))}px`);
  }

  // ---- priorities ------------------------------------------------------------------------

  function resultRows(rows, limit) {
    const max = Math.max(1, ...rows.map((r) => r.score || 0));
    return rows.slice(0, limit).map((row) => S.el('li', { class: 'prio-row' },
      S.el('span', { class: 'prio-row__rank' }, String(row.rank)),
      S.el('div', { class: 'prio-row__main' },
        S.el('span', { class: 'prio-row__text' }, row.text),
        S.el('span', { class: 'prio-row__bar' }, S.el('span', { class: 'prio-row__fill', style: `width:${Math.round((100 * (row.score || 0)) / max)}%` }))),
      S.el('span', { class: 'prio-row__score' }, String(row.score || 0))));
  }

  function renderPriorities(activity) {
    show('priorities');
    $('prio-title').textContent = activity.title || gathering.title;
    $('prio-prompt').textContent = activity.prompt;
    const results = activity.results || {};
    const overall = results.overall || [];
    const ballots = results.ballots || 0;
    $('prio-count').textContent = S.fmt(T.ballots, { n: ballots });
    $('prio-method').textContent = results.method === 'borda' ? T.method_borda : (results.method === 'dots' ? T.method_dots : '');
    $('prio-overall').replaceChildren(...(overall.length ? resultRows(overall, 12) : [S.el('li', { class: 'wall-empty' }, T.no_ballots)]));
    // Small multiples beside it: per network when tables belong to networks, else per table.
    const networks = Object.entries(results.networks || {}).filter(([, rows]) => rows.length);
    const tables = Object.entries(results.tables || {}).filter(([, rows]) => rows.length);
    const groups = networks.length ? networks.map(([name, rows]) => [name, rows])
      : (tables.length > 1 ? tables.map(([n, rows]) => [tableLabel(Number(n)), rows]) : []);
    $('prio-side').hidden = !groups.length;
    $('view-priorities').classList.toggle('has-side', groups.length > 0);
    $('prio-side-title').textContent = networks.length ? T.per_network : T.per_table;
    $('prio-small').replaceChildren(...groups.map(([label, rows]) => S.el('section', { class: 'small' },
      S.el('h3', { class: 'small__label' }, label),
      S.el('ol', { class: 'small__list' }, rows.slice(0, 3).filter((r) => r.score > 0).map((r) =>
        S.el('li', {}, S.el('span', { class: 'small__rank' }, `${r.rank}.`), S.el('span', { class: 'small__text' }, r.text)))))));
  }

  // ---- questions to the panel ----------------------------------------------------------------

  function renderQuestions(activity) {
    show('questions');
    $('qa-title').textContent = activity.title || gathering.title;
    $('qa-prompt').textContent = activity.prompt;
    const visible = [...activity.entries.values()].filter((e) => !e.hidden && !e.held).sort((a, b) => {
      if (!!a.pinned !== !!b.pinned) return a.pinned ? -1 : 1;
      if (!!a.answered !== !!b.answered) return a.answered ? 1 : -1;
      return (b.votes || 0) - (a.votes || 0) || a.id - b.id;
    });
    $('qa-count').textContent = S.fmt(T.questions_n, { n: visible.length });
    $('qa-empty').hidden = visible.length > 0;
    $('qa-list').replaceChildren(...visible.slice(0, 30).map((e) => S.el('li', {
      class: `qa-row${e.pinned ? ' is-pinned' : ''}${e.answered ? ' is-answered' : ''}${e.highlighted ? ' is-highlighted' : ''}`,
    },
    S.el('span', { class: 'qa-row__votes' }, S.el('span', { class: 'qa-row__n' }, String(e.votes || 0)), S.el('span', { class: 'qa-row__label' }, T.votes)),
    S.el('div', { class: 'qa-row__body' },
      S.el('p', { class: 'qa-row__text' }, e.text),
      e.pinned || e.answered ? S.el('p', { class: 'qa-row__tags' }, e.pinned ? T.pinned : null, e.pinned && e.answered ? ' · ' : null, e.answered ? T.answered : null) : null))));
  }

  // ---- results hidden until the facilitator reveals them -----------------------------------

  function renderHidden(activity) {
    show('hidden');
    $('hidden-title').textContent = activity.title || gathering.title;
    $('hidden-prompt').textContent = activity.prompt;
    $('hidden-count').textContent = S.fmt(T.count, { n: activity.count || 0 });
  }

  // ---- countdown -----------------------------------------------------------------------------

  let countdownOf = null;

  function renderCountdown(activity) {
    countdownOf = activity && activity.closes_at && (activity.state === 'open' || S.secondsUntil(activity.closes_at) === 0) ? activity.closes_at : null;
    tickCountdown();
  }

  function tickCountdown() {
    const node = $('countdown');
    const left = S.secondsUntil(countdownOf);
    node.hidden = left === null;
    document.body.classList.toggle('has-countdown', left !== null);
    if (left === null) return;
    node.classList.toggle('is-short', left > 0 && left <= 30);
    node.classList.toggle('is-up', left === 0);
    node.textContent = left === 0 ? T.time_up : S.clock(left);
  }
  window.setInterval(tickCountdown, 1000);

  // ---- full screen, connection -------------------------------------------------------

  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => null);
  }

  let idle = null;
  function wakeControls() {
    document.body.classList.add('show-controls');
    window.clearTimeout(idle);
    idle = window.setTimeout(() => document.body.classList.remove('show-controls'), 2500);
  }

  $('fullscreen').addEventListener('click', toggleFullscreen);
  document.addEventListener('mousemove', wakeControls);
  document.addEventListener('keydown', (event) => {
    if ((event.key === 'f' || event.key === 'F') && !event.ctrlKey && !event.metaKey && !event.altKey) toggleFullscreen();
  });
  window.addEventListener('resize', () => {
    if (document.body.dataset.view === 'words') { cloud.fit = 1; scheduleCloud(); }
    if (document.body.dataset.view === 'statements') drawWall(activities.get(wall.activityId));
    if (document.body.dataset.view !== 'words') render();
  });
  window.setInterval(() => { if (!manualPaging) turnPage(1); }, PAGE_EVERY);

  const socket = io({ auth: { token: config.screen_token, gathering_id: config.gathering_id } });
  socket.on('connect', () => S.showConnection($('connection'), true));
  socket.on('disconnect', (reason) => {
    S.showConnection($('connection'), false);
    if (reason === 'io server disconnect') window.setTimeout(() => socket.connect(), 3000);
  });
  socket.on('connect_error', () => {
    S.showConnection($('connection'), false);
    if (!socket.active) window.setTimeout(() => socket.connect(), 5000);
  });
  socket.on('state', onState);
  socket.on('activity_update', onActivityUpdate);
  socket.on('activity_state', onActivityState);
  socket.on('screen', onScreen);
})();
