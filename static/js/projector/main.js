// The projector: follows the console and shows the join screen, the live word cloud,
// the walls or the results. It has no controls besides full screen and paging.
import { connect } from '../shared/connection.js';
import { regrowCloud } from './cloud.js';
import * as data from './model.js';
import { redrawWall, renderStatements, renderTask, renderThemes, turnPage } from './walls.js';
import * as views from './views.js';

const { $, config, model } = data;
const PAGE_EVERY = 12000; // turn the wall's page this often (ms)

/** How each kind of activity is shown (an unknown kind as a statements wall). */
const RENDERERS = {
  words: views.renderWords,
  statements: renderStatements,
  task: renderTask,
  priorities: views.renderPriorities,
  questions: views.renderQuestions,
};

function render() {
  if (!model.gathering) return;
  views.renderLoopback();
  const activity = data.onScreen();
  if (!activity) {
    views.renderCountdown(null);
    views.renderJoin();
    return;
  }
  views.renderCorner();
  views.renderCountdown(activity);
  if (activity.revealed === false) views.renderHidden(activity);
  else if (model.screenView === 'themes') renderThemes(activity, views.show);
  else (RENDERERS[activity.kind] || renderStatements)(activity, views.show);
}

function onState(state) {
  data.applyState(state);
  if (model.gathering.language) document.documentElement.lang = model.gathering.language;
  render();
}

/** New entries on the screen are read out politely: only the latest few, so a busy room
 * does not flood a screen reader. */
function announce(update) {
  const before = model.activities.get(update.activity_id);
  if (!before || update.activity_id !== model.screenId) return;
  const fresh = (update.entries || []).filter((e) => e.text && !e.hidden && !e.held && !before.entries.has(e.id));
  if (!fresh.length) return;
  $('announce').textContent = fresh.slice(-3).map((e) => e.text).join(' · ');
}

function onActivityUpdate(update) {
  announce(update);
  const activity = data.applyActivityUpdate(update);
  if (activity && activity.id === model.screenId) render();
}

function onActivityState(payload) {
  const incoming = payload && payload.activity;
  if (!incoming) return;
  // Revealed just now: the entries, points and results come with a fresh state.
  if (data.applyActivityState(incoming)) link.sync();
  if (incoming.id === model.screenId) render();
}

function onScreen(payload) {
  data.applyScreen(payload);
  render();
}

// ---- paging, full screen -------------------------------------------------------------

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
  } else if (event.key === 'f' || event.key === 'F') {
    toggleFullscreen();
  }
});

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
window.addEventListener('resize', () => {
  const view = document.body.dataset.view;
  if (view === 'words') regrowCloud();
  if (view === 'statements') redrawWall();
  if (view !== 'words') render();
});
window.setInterval(() => { if (!manualPaging) turnPage(1); }, PAGE_EVERY);
window.setInterval(views.tickCountdown, 1000);

const link = connect({
  auth: { token: config.screen_token, gathering_id: config.gathering_id },
  onState,
  indicator: $('connection'),
  handlers: { activity_update: onActivityUpdate, activity_state: onActivityState, screen: onScreen },
});
