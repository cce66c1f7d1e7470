// The console's "Deltakere" card: phones joined (in total and per table) live, the joining
// switch, and blocking a phone by the `participant` id its entries and points carry.
import { el, readJSON } from '../shared/dom.js';
import { fmt } from '../shared/text.js';
import { call } from './api.js';

const T = readJSON('samla-text') || {};
const $ = (id) => document.getElementById(id);

let gatheringId = null;
let tables = []; // [{number, label, participants}]
let total = 0;
let resync = () => {};

function render() {
  $('participants-total').textContent = fmt(T.participants_total, { n: total });
  $('participants-tables').replaceChildren(...tables.map((table) => el('li', { dataset: { table: table.number } },
    el('span', {}, table.label), ' ', el('strong', { class: 'num' }, String(table.participants || 0)))));
}

function showJoining(open) {
  $('joining-open').checked = !!open;
  $('joining-state').textContent = open ? T.joining_open : T.joining_closed;
}

/** The gathering as the state or the page carries it. */
export function showParticipants(gathering) {
  if (!gathering || !$('participants')) return;
  gatheringId = gathering.id;
  tables = (gathering.tables || []).map((t) => ({ number: t.number, label: t.label, participants: t.participants || 0 }));
  total = gathering.participants || 0;
  showJoining(gathering.joining_open !== false);
  render();
}

/** `participant_joined`: the total comes from the server; a newcomer adds one to its table. */
export function onParticipantJoined(joined) {
  if (!joined || joined.gathering_id !== gatheringId) return;
  if (joined.rejoined) {
    // A phone back again may have moved table: only the whole state says from where.
    resync();
    return;
  }
  total = joined.participants === undefined ? total + 1 : joined.participants;
  const table = tables.find((t) => t.number === joined.table);
  if (table) table.participants += 1;
  render();
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

export function initParticipants(gathering, sync) {
  if (!$('participants')) return;
  resync = sync;
  showParticipants(gathering);
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
