// The agenda editor: load a gathering's definition, edit it in a form, save it back
// (PUT), or save it as a template. The form is drawn from one model object; typing
// only updates the model, structural changes (add, remove, move) redraw.
import { el, fill, readJSON } from '../shared/dom.js';
import { fmt } from '../shared/text.js';
import { api } from '../shared/storage.js';

const T = readJSON('samla-text') || {};
const config = readJSON('samla-config') || {};
const root = config.root || '';
const gathering = config.gathering || {};
const $ = (id) => document.getElementById(id);
const KINDS = ['words', 'statements', 'task', 'priorities', 'questions'];
const SOURCE_KINDS = ['words', 'statements', 'questions', 'task'];
const APPROVAL_KINDS = ['words', 'statements', 'questions'];

let model = null; // the definition being edited; activities carry a local _uid
let dirty = false;
let nextUid = 1;
const form = $('editor');

// ---- loading -------------------------------------------------------------------

async function load() {
  try {
    const res = await api('GET', `${root}/api/gatherings/${gathering.id}/definition`);
    if (!res.ok) {
      $('loading').textContent = (res.data && res.data.message) || T.error_generic;
      return false;
    }
    model = prepare(res.data);
    dirty = false;
    $('loading').hidden = true;
    form.hidden = false;
    drawAll();
    return true;
  } catch (err) {
    $('loading').textContent = T.network;
    return false;
  }
}

/** Give every activity a local key; flatten `options` if the server nested them. */
function prepare(definition) {
  const def = { ...definition };
  if (typeof def.tables === 'number') def.tables = defaultTables(def.tables);
  def.tables = (def.tables || []).map((t) => ({ number: t.number, label: t.label || '', network: t.network || '' }));
  def.activities = (def.activities || []).map((raw) => {
    const activity = { ...raw, ...(raw.options && typeof raw.options === 'object' ? raw.options : {}) };
    delete activity.options;
    activity._uid = nextUid++;
    if (activity.kind === 'task') activity.questions = (activity.questions || []).map((q) => (typeof q === 'string' ? { title: q } : { ...q }));
    return activity;
  });
  return def;
}

function defaultTables(count) {
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, label: fmt(T.table_n, { n: i + 1 }), network: '' }));
}

// ---- small builders ---------------------------------------------------------------

function changed() {
  dirty = true;
  setStatus(T.unsaved);
}

function setStatus(text) {
  $('save-status').textContent = text || '';
}

function showError(message, details) {
  const box = $('save-error');
  fill(box);
  box.hidden = !message;
  if (!message) return;
  box.append(el('p', { class: 'savebar__message' }, message));
  const list = detailLines(details);
  if (list.length) box.append(el('ul', {}, list.map((line) => el('li', {}, line))));
}

/** `details` may be a list of texts or {path, message} objects, or a map. */
function detailLines(details) {
  if (!details) return [];
  if (typeof details === 'string') return [details];
  if (Array.isArray(details)) {
    return details.map((d) => (typeof d === 'string' ? d : [d.path || d.field || d.activity, d.message || d.detail].filter(Boolean).join(': ')));
  }
  return Object.entries(details).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
}

/** A labelled text input or textarea bound to obj[key]. */
function textField(obj, key, label, options) {
  const o = options || {};
  const input = el(o.area ? 'textarea' : 'input', {
    class: `input${o.area ? ' input--area input--short' : ''}`,
    maxlength: o.max || 500,
    rows: o.area ? (o.rows || 2) : null,
    required: o.required || null,
    'data-field': o.name || key,
  });
  input.value = obj[key] === null || obj[key] === undefined ? '' : String(obj[key]);
  input.addEventListener('input', () => {
    const value = input.value;
    if (value.trim()) obj[key] = value;
    else delete obj[key];
    if (o.required) input.classList.toggle('is-invalid', !value.trim());
    changed();
  });
  return el('label', { class: `field${o.wide ? ' field--wide' : ''}` }, el('span', { class: 'field__label' }, label), input);
}

/** A labelled number input bound to obj[key]; empty removes the key (server default). */
function numberField(obj, key, label, options) {
  const o = options || {};
  const input = el('input', { class: 'input input--num', type: 'number', min: o.min || 1, max: o.max || 1000, inputmode: 'numeric' });
  input.value = obj[key] === null || obj[key] === undefined ? '' : String(obj[key]);
  input.addEventListener('input', () => {
    const n = Number.parseInt(input.value, 10);
    if (input.value.trim() === '' || Number.isNaN(n)) delete obj[key];
    else obj[key] = n;
    changed();
    if (o.redraw) o.redraw();
  });
  return el('label', { class: 'field field--inline' }, el('span', { class: 'field__label' }, label), input);
}

function checkField(obj, key, label, onChange) {
  const input = el('input', { type: 'checkbox', class: 'check__box' });
  input.checked = !!obj[key];
  input.addEventListener('change', () => {
    if (input.checked) obj[key] = true;
    else delete obj[key];
    changed();
    if (onChange) onChange();
  });
  return el('label', { class: 'check' }, input, el('span', {}, label));
}

function iconButton(label, text, onclick, disabled, extra) {
  return el('button', { type: 'button', class: `btn btn--small ${extra || ''}`, 'aria-label': label, title: label, disabled: !!disabled, onclick }, text);
}

function move(list, index, delta) {
  const to = index + delta;
  if (to < 0 || to >= list.length) return;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
  changed();
}

// ---- the gathering ------------------------------------------------------------------

function drawHead() {
  for (const key of ['title', 'date', 'place', 'organiser']) form.elements[key].value = model[key] || '';
  form.elements.language.value = model.language || 'nb';
}

for (const key of ['title', 'date', 'place', 'organiser', 'language']) {
  form.elements[key].addEventListener('input', () => {
    const value = form.elements[key].value;
    if (value.trim()) model[key] = value.trim();
    else model[key] = null;
    changed();
  });
}

// ---- tables ---------------------------------------------------------------------------

function drawTables() {
  $('table-count').value = model.tables.length;
  $('tables').replaceChildren(...model.tables.map((table, index) => {
    const number = el('input', { class: 'input input--num', type: 'number', min: 1, max: 500, 'aria-label': T.number });
    number.value = table.number;
    number.addEventListener('input', () => {
      const n = Number.parseInt(number.value, 10);
      if (!Number.isNaN(n)) table.number = n;
      changed();
    });
    number.addEventListener('change', () => drawActivities());
    const label = el('input', { class: 'input', maxlength: 100, 'aria-label': fmt(T.table_name, { n: table.number }) });
    label.value = table.label || '';
    label.addEventListener('input', () => { table.label = label.value; changed(); });
    const network = el('input', { class: 'input', maxlength: 300, list: 'networks', 'aria-label': fmt(T.table_network, { n: table.number }) });
    network.value = table.network || '';
    network.addEventListener('input', () => { table.network = network.value; changed(); });
    network.addEventListener('change', drawNetworks);
    return el('tr', {},
      el('td', {}, number), el('td', {}, label), el('td', {}, network),
      el('td', {}, iconButton(`${T.remove} ${table.label || table.number}`, '✕', () => {
        model.tables.splice(index, 1);
        changed();
        drawTables();
        drawActivities();
      }, model.tables.length <= 1)));
  }));
  drawNetworks();
}

function drawNetworks() {
  const names = [...new Set(model.tables.map((t) => (t.network || '').trim()).filter(Boolean))].sort();
  $('networks').replaceChildren(...names.map((name) => el('option', { value: name })));
}

function addTable() {
  const number = Math.max(0, ...model.tables.map((t) => t.number)) + 1;
  model.tables.push({ number, label: fmt(T.table_n, { n: number }), network: '' });
}

$('set-count').addEventListener('click', () => {
  const wanted = Number.parseInt($('table-count').value, 10);
  if (Number.isNaN(wanted) || wanted < 1 || wanted > 500) { $('table-count').focus(); return; }
  model.tables.sort((a, b) => a.number - b.number);
  while (model.tables.length > wanted) model.tables.pop();
  while (model.tables.length < wanted) addTable();
  changed();
  drawTables();
  drawActivities();
});
$('add-table').addEventListener('click', () => { addTable(); changed(); drawTables(); drawActivities(); });

// ---- activities --------------------------------------------------------------------------

function drawActivities() {
  const list = model.activities;
  // An activity cannot name a table that is gone.
  const numbers = new Set(model.tables.map((t) => t.number));
  for (const a of list) {
    if (!a.tables) continue;
    a.tables = a.tables.filter((n) => numbers.has(n));
    if (!a.tables.length) delete a.tables;
  }
  $('activities').replaceChildren(...list.map((activity, index) => el('li', { class: `act act--${activity.kind}`, id: `act-${activity._uid}` },
    el('div', { class: 'act__bar' },
      el('span', { class: 'act__n' }, fmt(T.activity_n, { n: index + 1 })),
      el('span', { class: 'act__kind' }, T[`kind_${activity.kind}`] || activity.kind),
      el('span', { class: 'badge' }, activity.id ? T.has_id : T.new_activity),
      el('span', { class: 'act__tools' },
        iconButton(T.up, '↑', () => { move(list, index, -1); drawActivities(); }, index === 0),
        iconButton(T.down, '↓', () => { move(list, index, 1); drawActivities(); }, index === list.length - 1),
        iconButton(T.remove, `✕ ${T.remove}`, () => {
          if (!window.confirm(T.remove_activity)) return;
          list.splice(index, 1);
          changed();
          drawActivities();
        }, list.length <= 1, 'btn--danger'))),
    el('div', { class: 'grid2' },
      textField(activity, 'prompt', T.prompt, { area: true, max: 2000, wide: true, required: true, rows: 2 }),
      textField(activity, 'title', T.title, { max: 200 }),
      textField(activity, 'help', T.help, { area: true, max: 4000, rows: 2 })),
    kindOptions(activity, index),
    el('div', { class: 'act__flags' },
      checkField(activity, 'hide_results', T.hide_results),
      APPROVAL_KINDS.includes(activity.kind) ? checkField(activity, 'approval', T.approval) : null),
    tablesField(activity))));
}

function kindOptions(activity, index) {
  if (activity.kind === 'words') {
    return el('div', { class: 'act__opts' }, numberField(activity, 'words_per_participant', T.words_per_participant, { max: 20 }));
  }
  if (activity.kind === 'statements') {
    return el('div', { class: 'act__opts' }, numberField(activity, 'per_table', T.per_table, { max: 100 }));
  }
  if (activity.kind === 'task') return taskOptions(activity);
  if (activity.kind === 'priorities') return priorityOptions(activity, index);
  return null;
}

/** A fresh question id (q1, q2 … not used yet in this task). */
function newQuestionId(activity) {
  const used = new Set(activity.questions.map((q) => q.id));
  let n = activity.questions.length + 1;
  while (used.has(`q${n}`)) n += 1;
  return `q${n}`;
}

function taskOptions(activity) {
  activity.questions = activity.questions || [];
  const box = el('div', { class: 'act__opts act__opts--block' });
  const draw = () => {
    fill(box, 
      el('h3', { class: 'act__h' }, T.questions),
      el('ol', { class: 'qedit' }, activity.questions.map((q, i) => el('li', { class: 'qedit__item' },
        el('div', { class: 'qedit__fields' },
          textField(q, 'title', fmt(T.question_title, { n: i + 1 }), { max: 500, required: true }),
          textField(q, 'help', T.question_help, { area: true, max: 4000, rows: 2 })),
        el('div', { class: 'qedit__tools' },
          iconButton(T.up, '↑', () => { move(activity.questions, i, -1); draw(); }, i === 0),
          iconButton(T.down, '↓', () => { move(activity.questions, i, 1); draw(); }, i === activity.questions.length - 1),
          iconButton(T.remove, '✕', () => { activity.questions.splice(i, 1); changed(); draw(); })))),
      ),
      el('button', { type: 'button', class: 'btn btn--small', onclick: () => {
        activity.questions.push({ id: newQuestionId(activity), title: '' });
        changed();
        draw();
        const inputs = box.querySelectorAll('.qedit__item input');
        if (inputs.length) inputs[inputs.length - 1].focus();
      } }, `+ ${T.add_question}`));
  };
  draw();
  return box;
}

function priorityOptions(activity, index) {
  const box = el('div', { class: 'act__opts act__opts--block' });
  const earlier = model.activities.slice(0, index).filter((a) => SOURCE_KINDS.includes(a.kind));
  const draw = () => {
    const mode = activity.mode || 'dots';
    const fromSource = activity.source !== undefined && activity.source !== null;
    const modeSelect = el('select', { class: 'input' },
      el('option', { value: 'dots', selected: mode === 'dots' }, T.mode_dots),
      el('option', { value: 'ranking', selected: mode === 'ranking' }, T.mode_ranking));
    modeSelect.addEventListener('change', () => {
      activity.mode = modeSelect.value;
      if (activity.mode === 'dots') delete activity.top;
      else { delete activity.dots; delete activity.max_per_item; }
      changed();
      draw();
    });
    const name = `from-${activity._uid}`;
    const radio = (value, label, checked) => {
      const input = el('input', { type: 'radio', name, value, checked: checked || null });
      input.addEventListener('change', () => {
        if (value === 'list') {
          delete activity.source;
          delete activity.source_question;
          activity.items = activity.items || [];
        } else {
          delete activity.items;
          activity.source = activity.source === undefined ? null : activity.source;
        }
        changed();
        draw();
      });
      return el('label', { class: 'check' }, input, el('span', {}, label));
    };
    fill(box, 
      el('label', { class: 'field' }, el('span', { class: 'field__label' }, T.mode), modeSelect),
      el('div', { class: 'act__opts' },
        mode === 'dots' ? numberField(activity, 'dots', T.dots, { max: 100 }) : null,
        mode === 'dots' ? numberField(activity, 'max_per_item', T.max_per_item, { max: 100 }) : null,
        mode === 'ranking' ? numberField(activity, 'top', T.top, { max: 50 }) : null),
      el('fieldset', { class: 'fieldset' },
        el('legend', { class: 'field__label' }, T.items_from),
        radio('list', T.items_list, !fromSource),
        radio('source', T.items_source, fromSource),
        fromSource ? sourceFields(activity, earlier, draw) : itemsField(activity)));
  };
  draw();
  return box;
}

function itemsField(activity) {
  const area = el('textarea', { class: 'input input--area', rows: 5 });
  area.value = (activity.items || []).join('\n');
  area.addEventListener('input', () => {
    activity.items = area.value.split('\n').map((line) => line.trim()).filter(Boolean);
    changed();
  });
  return el('label', { class: 'field' }, el('span', { class: 'field__label' }, T.items), area);
}

/** The earlier activity the items come from: by id once saved, else by a key we give it. */
function sourceFields(activity, earlier, redraw) {
  if (!earlier.length) return el('p', { class: 'alert alert--error' }, T.no_earlier);
  const chosen = earlier.find((a) => (a.id !== undefined && a.id === activity.source) || (a.key && a.key === activity.source));
  const select = el('select', { class: 'input' },
    el('option', { value: '' }, T.pick_source),
    earlier.map((a) => el('option', { value: String(a._uid), selected: a === chosen || null },
      `${model.activities.indexOf(a) + 1}. ${T[`kind_${a.kind}`]}: ${a.title || a.prompt || ''}`.slice(0, 120))));
  select.addEventListener('change', () => {
    const picked = earlier.find((a) => String(a._uid) === select.value);
    delete activity.source_question;
    if (!picked) activity.source = null;
    else if (picked.id) activity.source = picked.id;
    else {
      picked.key = picked.key || `aktivitet-${picked._uid}`;
      activity.source = picked.key;
    }
    changed();
    redraw();
  });
  const fields = [el('label', { class: 'field' }, el('span', { class: 'field__label' }, T.source), select)];
  if (chosen && chosen.kind === 'task') {
    const qs = el('select', { class: 'input' },
      el('option', { value: '' }, T.source_question_all),
      (chosen.questions || []).map((q, i) => el('option', { value: q.id || '', selected: q.id === activity.source_question || null },
        `${i + 1}. ${q.title || ''}`.slice(0, 120))));
    qs.addEventListener('change', () => {
      if (qs.value) activity.source_question = qs.value;
      else delete activity.source_question;
      changed();
    });
    fields.push(el('label', { class: 'field' }, el('span', { class: 'field__label' }, T.source_question), qs));
  }
  return el('div', {}, fields);
}

/** Which tables an activity is for: none ticked means every table. */
function tablesField(activity) {
  const chosen = new Set(activity.tables || []);
  return el('fieldset', { class: 'fieldset fieldset--tables' },
    el('legend', { class: 'field__label' }, T.for_tables),
    el('div', { class: 'tick-grid' }, model.tables.map((table) => {
      const input = el('input', { type: 'checkbox', checked: chosen.has(table.number) || null });
      input.addEventListener('change', () => {
        if (input.checked) chosen.add(table.number);
        else chosen.delete(table.number);
        if (chosen.size) activity.tables = [...chosen].sort((a, b) => a - b);
        else delete activity.tables;
        changed();
      });
      return el('label', { class: 'tick' }, input, el('span', {}, table.label || fmt(T.table_n, { n: table.number })));
    })));
}

$('add-activity').addEventListener('click', () => {
  const kind = $('new-kind').value;
  if (!KINDS.includes(kind)) return;
  const activity = { kind, prompt: '', _uid: nextUid++ };
  if (kind === 'task') activity.questions = [{ id: 'q1', title: '' }];
  if (kind === 'priorities') { activity.mode = 'dots'; activity.items = []; }
  model.activities.push(activity);
  changed();
  drawActivities();
  const node = $(`act-${activity._uid}`);
  if (node) {
    node.scrollIntoView({ block: 'center' });
    const prompt = node.querySelector('[data-field="prompt"]');
    if (prompt) prompt.focus();
  }
});

function drawAll() {
  drawHead();
  drawTables();
  drawActivities();
  setStatus('');
  showError('');
}

// ---- saving ---------------------------------------------------------------------------

/** The definition as the API takes it: local keys dropped, empty fields left out. */
function definitionToSend() {
  const clean = (obj) => Object.fromEntries(Object.entries(obj).filter(([k, v]) => !k.startsWith('_') && v !== undefined && v !== '' && v !== null));
  return {
    title: (model.title || '').trim(),
    date: model.date || null,
    place: model.place || null,
    organiser: model.organiser || null,
    language: model.language || 'nb',
    tables: model.tables.map((t) => ({ number: t.number, label: (t.label || '').trim() || null, network: (t.network || '').trim() || null })),
    activities: model.activities.map((a) => {
      const out = clean(a);
      if (a.kind === 'task') out.questions = (a.questions || []).map((q) => clean(q));
      if (a.kind === 'priorities' && a.items) out.items = a.items.slice();
      if (!a.hide_results) out.hide_results = false;
      if (APPROVAL_KINDS.includes(a.kind) && !a.approval) out.approval = false;
      return out;
    }),
  };
}

/** Catch what the person can fix before a round trip; names the activity to fix. */
function localProblem() {
  if (!(model.title || '').trim()) return { message: form.elements.title.closest('.field').textContent.trim(), focus: form.elements.title };
  for (const [i, a] of model.activities.entries()) {
    const node = $(`act-${a._uid}`);
    if (!(a.prompt || '').trim()) {
      return { message: fmt(T.missing, { where: `${i + 1}. ${T[`kind_${a.kind}`]}`, field: T.prompt }), focus: node && node.querySelector('[data-field="prompt"]') };
    }
    if (a.kind === 'task') {
      const empty = (a.questions || []).findIndex((q) => !(q.title || '').trim());
      if (!(a.questions || []).length || empty >= 0) {
        const inputs = node ? node.querySelectorAll('.qedit__item input') : [];
        return { message: fmt(T.missing, { where: `${i + 1}. ${T[`kind_${a.kind}`]}`, field: fmt(T.question_title, { n: Math.max(empty, 0) + 1 }) }), focus: inputs[Math.max(empty, 0)] };
      }
    }
  }
  return null;
}

async function save() {
  const problem = localProblem();
  if (problem) {
    showError(problem.message);
    if (problem.focus) { problem.focus.classList.add('is-invalid'); problem.focus.focus(); }
    return false;
  }
  $('save').disabled = true;
  setStatus(T.saving);
  showError('');
  try {
    const res = await api('PUT', `${root}/api/gatherings/${gathering.id}/definition`, definitionToSend());
    if (!res.ok) {
      setStatus(T.unsaved);
      showError((res.data && res.data.message) || `${T.error_generic} (${res.status})`, res.data && (res.data.details || res.data.detail));
      return false;
    }
    // New activities and questions got ids: read the definition back so a second
    // save edits them instead of adding them again.
    const reloaded = await load();
    if (reloaded) setStatus(fmt(T.saved, { time: new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) }));
    return reloaded;
  } catch (err) {
    setStatus(T.unsaved);
    showError(T.network);
    return false;
  } finally {
    $('save').disabled = false;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  save();
});

$('save-template').addEventListener('click', async () => {
  const stem = $('stem').value.trim();
  if (!/^[a-z0-9-]+$/.test(stem)) {
    showError(T.bad_stem);
    $('stem').focus();
    return;
  }
  if (dirty && !(await save())) return;
  const button = $('save-template');
  button.disabled = true;
  try {
    const res = await api('POST', `${root}/api/templates`, { stem, gathering_id: gathering.id });
    if (res.ok) {
      showError('');
      setStatus(fmt(T.template_saved, { stem: (res.data && res.data.stem) || stem }));
    } else {
      showError((res.data && res.data.message) || `${T.error_generic} (${res.status})`);
    }
  } catch (err) {
    showError(T.network);
  } finally {
    button.disabled = false;
  }
});

window.addEventListener('beforeunload', (event) => {
  if (!dirty) return undefined;
  event.preventDefault();
  event.returnValue = T.confirm_leave;
  return T.confirm_leave;
});

load();
