// The join address every QR code, link and table card carries: the console lists the
// machine's usable addresses (GET /api/address), lets the organiser choose another
// (PUT /api/address: every projector and console then hears `resync`), and warns while
// no phone can reach it (loopback).
import { el, readJSON } from '../shared/dom.js';
import { fmt, qrSource } from '../shared/text.js';
import { call } from './api.js';

const T = readJSON('samla-text') || {};
const config = readJSON('samla-config') || {};
const root = config.root || '';
const $ = (id) => document.getElementById(id);
const LOOPBACK = '127.0.0.1';

let shownJoinUrl = config.gathering ? config.gathering.join_url : null;
let described = null;
let loopback = false;

/** The warning while no phone can reach the join address, with what the organiser can do. */
function renderWarning() {
  const fixed = !!(described && described.fixed);
  $('loopback').hidden = !loopback;
  $('loopback-choose').hidden = fixed;
  $('loopback-fixed').hidden = !fixed;
}

function choice(item) {
  const badges = [
    item.likeliest ? el('span', { class: 'badge badge--open' }, T.address_likeliest) : null,
    item.chosen ? el('span', { class: 'badge badge--screen' }, T.address_chosen) : null,
  ];
  return el('li', {},
    el('label', { class: 'check address__choice' },
      el('input', { type: 'radio', name: 'address', value: item.address, checked: item.chosen }),
      el('span', { class: 'address__ip' }, item.address),
      el('span', { class: 'muted' }, ` (${item.interface})`),
      badges));
}

function render() {
  renderWarning();
  if (!described) return;
  const { fixed } = described;
  $('address-current').textContent = fmt(T.address_current, { url: described.public_url });
  $('address-fixed').hidden = !fixed;
  // Fixed by --public-url (a server with a name): the machine's own addresses do not matter.
  $('address-form').hidden = fixed;
  $('address-refresh').hidden = fixed;
  const items = [...described.addresses];
  // The machine itself stays a choice, for a rehearsal without a network.
  if (!items.some((item) => item.address === LOOPBACK)) {
    items.push({ address: LOOPBACK, interface: T.address_this_machine, likeliest: false, chosen: described.address === LOOPBACK });
  }
  $('address-list').replaceChildren(...items.map(choice));
  $('address-none').hidden = described.addresses.length > 0;
  if (!$('address-list').querySelector('input:checked')) {
    const first = $('address-list').querySelector('input');
    if (first) first.checked = true;
  }
}

/** Fetch the addresses again (after a change, or when the laptop joined another network). */
export async function loadAddresses() {
  const answer = await call('GET', '/api/address', undefined, false);
  if (!answer) return;
  described = answer;
  render();
}

async function choose(event) {
  event.preventDefault();
  const picked = $('address-form').querySelector('input[name="address"]:checked');
  if (!picked || !described || described.fixed) return;
  $('address-use').disabled = true;
  const answer = await call('PUT', '/api/address', { address: picked.value }, false);
  $('address-use').disabled = false;
  if (!answer) return;
  described = answer;
  render();
  $('address-status').textContent = fmt(T.address_changed, { address: answer.address });
}

/** The whole state came (connect or `resync`): follow its join address and loopback. */
export function followState(gathering, server) {
  loopback = !!(server && server.loopback);
  renderWarning();
  if (!gathering || gathering.join_url === shownJoinUrl) return;
  shownJoinUrl = gathering.join_url;
  $('join-url').textContent = gathering.join_url;
  $('join-qr').setAttribute('src', qrSource(root, gathering.code, gathering.join_url));
  if (gathering.screen_url) $('screen-link').setAttribute('href', gathering.screen_url);
  // Another console may have chosen it: show which one is in use now.
  loadAddresses();
}

export function initAddress() {
  $('address-form').addEventListener('submit', choose);
  $('address-refresh').addEventListener('click', () => {
    $('address-status').textContent = '';
    loadAddresses();
  });
  loadAddresses();
}
