// The organiser's page after the gathering: notes, tables' networks, filing into the
// network records, new networks and bundles. Everything goes through the JSON API.
import { el, readJSON } from '../shared/dom.js';
import { count, fmt } from '../shared/text.js';
import { api } from '../shared/storage.js';

const T = readJSON('samla-text') || {};
const config = readJSON('samla-config') || {};
const root = config.root || '';
const $ = (id) => document.getElementById(id);

function show(node, text) {
  node.textContent = text || '';
  node.hidden = !text;
}

/** Call the API; returns the data, or null after showing the error. */
async function call(method, path, body) {
  show($('saved'), '');
  try {
    const res = await api(method, root + path, body);
    if (res.ok) {
      show($('message'), '');
      return res.data || {};
    }
    show($('message'), (res.data && res.data.message) || `${T.error_generic} (${res.status})`);
  } catch (err) {
    show($('message'), T.network);
  }
  return null;
}

function initNotes() {
  for (const form of document.querySelectorAll('form.notes-form')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = {};
      for (const field of form.querySelectorAll('[name]')) body[field.name] = field.value;
      if (await call('POST', form.dataset.url, body)) show($('saved'), T.saved);
    });
  }
}

function initNetworks() {
  for (const select of document.querySelectorAll('select.table-network')) {
    select.addEventListener('change', async () => {
      const value = select.value;
      const network = value === '' ? null : (/^\d+$/.test(value) ? Number(value) : value);
      const url = `/api/gatherings/${config.gathering_id}/tables/${select.dataset.table}/network`;
      if (await call('POST', url, { network })) show($('saved'), T.saved);
    });
  }
  $('file-records').addEventListener('click', async () => {
    const result = await call('POST', `/api/gatherings/${config.gathering_id}/file-records`, {});
    if (!result) return;
    const lines = result.networks.map((n) => el('li', {},
      el('a', { href: `${root}/console/networks/${n.id}` }, fmt(T.filed, { name: n.name, tables: n.tables.join(', ') }))));
    $('filed').replaceChildren(...(lines.length ? lines : [el('li', {}, T.filed_none)]));
  });
  $('new-network').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const text = (name) => form.elements[name].value.trim();
    const created = await call('POST', '/api/networks', {
      name: text('name'),
      county: text('county') || null,
      ordning: text('ordning') || null,
      contact: text('contact') || null,
      municipalities: text('municipalities').split(',').map((m) => m.trim()).filter(Boolean),
    });
    if (created) window.location.reload();
  });
}

function initBundles() {
  $('import-bundle').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = event.target.elements.bundle.files[0];
    if (!file) return;
    let bundle;
    try {
      bundle = JSON.parse(await file.text());
    } catch (err) {
      show($('message'), T.bad_file);
      return;
    }
    const result = await call('POST', '/api/bundles', bundle);
    if (result) show($('saved'), count(T, 'imported', { n: result.entries_added }));
  });
}

initNotes();
initNetworks();
initBundles();
