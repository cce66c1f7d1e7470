// Phones joined now, in total and per table, shown once: beside the answer count
// (`#joined`); and the "Deltakere" card: the joining switch, and blocking a phone by the
// `participant` id its entries and points carry.
import { el, readJSON } from '../shared/dom.js';
import { fmt } from '../shared/text.js';
import { call } from './api.js';

const T = readJSON('samla-text') || {};
const $ = (id) => document.getElementById(id);

let gatheringId = null;
let tables = []; // [{number, label, participants}]
let total = 0;

function renderJoined() {
  const node = $('joined');
  if (!node) return;
  node.replaceChildren(
    el('strong', {}, fmt(T.joined, { n: total })),
    ' ',
    el('span', { class: 'joined__tables' }, tables.map((table) => el('span', { class: 'joined__table', dataset: { table: table.number } },
      fmt(T.joined_table, { table: table.label, n: table.participants })))));
}

function showJoining(open) {
  if (!$('joining-open')) return;
  $('joining-open').checked = !!open;
  $('joining-state').textContent = open ? T.joining_open : T.joining_closed;
}

/** Phones joined now, in total (what the answer count is "of"). */
export const joinedTotal = () => total;

/** The gathering as the state or the page carries it. */
export function showParticipants(gathering) {
  if (!gathering) return;
  gatheringId = gathering.id;
  tables = (gathering.tables || []).map((t) => ({ number: t.number, label: t.label, participants: t.participants || 0 }));
  total = gathering.participants ?? tables.reduce((sum, t) => sum + t.participants, 0);
  showJoining(gathering.joining_open !== false);
  renderJoined();
}

/**
 * `participant_joined` carries the total and every table's count after the join, so a phone
 * that joined again at another table leaves its old table. True when it was this gathering's.
 */
export function onParticipantJoined(joined) {
  if (!joined || joined.gathering_id !== gatheringId) return false;
  const counts = new Map((joined.tables || []).map((t) => [t.number, t.participants]));
  for (const table of tables) table.participants = counts.get(table.number) || 0;
  total = joined.participants;
  renderJoined();
  return true;
}

/** `joining`: another console (or this one) turned the switch. */
export function onJoining(payload) {
  if (payload && payload.gathering_id === gatheringId) showJoining(payload.open);
}

/** Block the phone that wrote something; everyone's views then redraw through `resync`. */
export async function block(participant) {
  if (!participant || !window.confirm(T.block_confirm)) return;
  await call('POST', `/api/gatherings/${gatheringId}/participants/${encodeURIComponent(participant)}/block`, {});
}

/** A small button that blocks the phone behind an entry or a point. */
export function blockButton(participant) {
  if (!participant) return null;
  return el('button', { type: 'button', class: 'btn btn--small btn--danger', dataset: { block: participant } }, T.block);
}

export function initParticipants(gathering) {
  showParticipants(gathering);
  if (!$('participants')) return;
  $('joining-open').addEventListener('change', async (event) => {
    const wanted = event.target.checked;
    const answer = await call('POST', `/api/gatherings/${gatheringId}/joining`, { open: wanted });
    showJoining(answer ? answer.open : !wanted);
  });
  // One listener for every block button on the page, so redraws never swallow a click.
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('button[data-block]');
    if (button) block(button.dataset.block);
  });
}
