'use strict';
// The console's helpers for Norwegian text: merging words in the cloud (and undoing it),
// the moderation word list and "approve before showing", and themes across tables.
// console.js owns the live state; it tells this file to redraw with a `samla:render` event.
(function () {
  const S = window.Samla;
  const T = S.readJSON('samla-text') || {};
  const config = S.readJSON('samla-config') || {};
  const root = config.root || '';
  const $ = (id) => document.getElementById(id);
  if (!config.gathering) return;
  const base = `/api/gatherings/${config.gathering.id}`;

  let current = null; // the activity shown in the detail card
  let merges = [];
  let themes = null; // null until asked for
  let lastFrequencies = '';
  let lastHeld = -1;
  let lastApproval = null;
  const ENTRY_KINDS = ['words', 'statements', 'questions'];
  const THEME_KINDS = ['statements', 'task'];

  function showMessage(text) {
    const node = $('message');
    node.textContent = text || '';
    node.hidden = !text;
  }

  async function call(method, path, body) {
    try {
      const res = await S.api(method, root + path, body);
      if (res.ok) { showMessage(''); return res.data || {}; }
      showMessage((res.data && res.data.message) || `${T.error_generic} (${res.status})`);
    } catch (err) {
      showMessage(T.network);
    }
    return null;
  }

  const activityPath = () => `${base}/activities/${current.id}`;

  // ---- approve before showing ---------------------------------------------------------

  function heldCount(activity) {
    if (activity.entries && activity.entries.size) return [...activity.entries.values()].filter((e) => e.held && !e.hidden).length;
    return activity.held_count || 0;
  }

  function approvalRow(activity) {
    if (!ENTRY_KINDS.includes(activity.kind)) return null;
    const held = heldCount(activity);
    return S.el('div', { class: 'tools__row' },
      S.el('label', { class: 'check' },
        S.el('input', { type: 'checkbox', checked: !!activity.approval, id: 'approval-toggle',
          onchange: (event) => call('POST', `${activityPath()}/approval`, { approval: event.target.checked }) }),
        ` ${T.approval}`),
      held ? S.el('span', { class: 'badge badge--held' }, S.fmt(T.approval_held, { n: held })) : null);
  }

  // ---- word merges ----------------------------------------------------------------------

  async function loadMerges() {
    const data = await call('GET', `${activityPath()}/merges`);
    if (data && current) { merges = data.merges; drawTools(); }
  }

  function mergeTools(activity) {
    const words = (activity.frequencies || []).map((f) => f.word);
    const options = (id) => S.el('select', { id }, words.map((w) => S.el('option', { value: w }, w)));
    const row = words.length > 1 ? S.el('div', { class: 'tools__row' },
      S.el('strong', {}, T.merge_title), options('merge-word'), S.el('span', {}, T.merge_into), options('merge-into'),
      S.el('button', { type: 'button', class: 'btn btn--small btn--primary', onclick: async () => {
        const data = await call('POST', `${activityPath()}/merges`, { word: $('merge-word').value, into: $('merge-into').value });
        if (data) { merges = data.merges; drawTools(); }
      } }, T.merge)) : null;
    const list = merges.length ? S.el('div', {},
      S.el('strong', {}, T.merges),
      S.el('ul', { class: 'tools__list' }, merges.map((m) => S.el('li', {},
        S.fmt(T.merged_into, { word: m.word, into: m.into }),
        S.el('button', { type: 'button', class: 'btn btn--small', onclick: async () => {
          const data = await call('DELETE', `${activityPath()}/merges`, { word: m.word });
          if (data) { merges = data.merges; drawTools(); }
        } }, T.undo))))) : null;
    return [row, list];
  }

  // ---- themes ---------------------------------------------------------------------------

  async function loadThemes() {
    const data = await call('GET', `${activityPath()}/themes`);
    if (data && current) { themes = data; drawTools(); }
  }

  function itemText(activity, id) {
    const item = (activity.entries && activity.entries.get(id)) || (activity.points && activity.points.get(id));
    return item ? `${S.fmt(T.table_n, { n: item.table })}: ${item.text}` : `#${id}`;
  }

  async function saveTheme(theme, changes) {
    const body = { title: theme.title, entries: theme.entries, accepted: theme.accepted, ...changes };
    const done = theme.id === null
      ? await call('POST', `${activityPath()}/themes`, body)
      : await call('PATCH', `${activityPath()}/themes/${theme.id}`, changes);
    if (done) loadThemes();
  }

  function themeCard(activity, theme, index) {
    const title = S.el('input', { type: 'text', value: theme.title, 'aria-label': T.themes_title });
    return S.el('li', { class: `theme-card${theme.accepted ? ' is-accepted' : ''}` },
      S.el('div', { class: 'tools__row' },
        S.el('input', { type: 'checkbox', class: 'theme-pick', dataset: { index: String(index) } }),
        title,
        S.el('span', { class: 'badge' }, theme.accepted ? T.theme_accepted : T.theme_suggested),
        S.el('span', { class: 'muted' }, S.fmt(T.theme_tables, { tables: theme.tables.join(', ') }))),
      S.el('ul', {}, theme.entries.map((id) => S.el('li', {},
        S.el('label', {}, S.el('input', { type: 'checkbox', class: 'entry-pick', value: String(id) }), ` ${itemText(activity, id)}`)))),
      S.el('div', { class: 'tools__row' },
        S.el('button', { type: 'button', class: 'btn btn--small btn--primary', onclick: () => saveTheme(theme, { title: title.value, accepted: !theme.accepted }) },
          theme.accepted ? T.theme_unaccept : T.theme_accept),
        S.el('button', { type: 'button', class: 'btn btn--small', onclick: () => saveTheme(theme, { title: title.value }) }, T.theme_rename),
        theme.id === null ? null : S.el('button', { type: 'button', class: 'btn btn--small btn--danger', onclick: async () => {
          if (await call('DELETE', `${activityPath()}/themes/${theme.id}`, {})) loadThemes();
        } }, T.theme_discard)));
  }

  async function mergePicked() {
    const picked = [...document.querySelectorAll('.theme-pick:checked')].map((box) => themes[Number(box.dataset.index)]);
    if (picked.length < 2) return;
    const entries = picked.flatMap((t) => t.entries);
    const done = await call('POST', `${activityPath()}/themes`, { title: picked[0].title, entries, accepted: picked.some((t) => t.accepted) });
    if (done) loadThemes();
  }

  async function splitPicked() {
    const entries = [...document.querySelectorAll('.entry-pick:checked')].map((box) => Number(box.value));
    if (!entries.length) return;
    const title = itemText(current, entries[0]).replace(/^[^:]*: /, '').slice(0, 60);
    const done = await call('POST', `${activityPath()}/themes`, { title, entries, accepted: false });
    if (done) loadThemes();
  }

  function themeTools(activity) {
    const buttons = S.el('div', { class: 'tools__row' },
      S.el('strong', {}, T.themes_title),
      S.el('button', { type: 'button', class: 'btn btn--small', onclick: loadThemes }, T.themes_suggest),
      S.el('button', { type: 'button', class: 'btn btn--small', onclick: () => call('POST', `${base}/screen`, { activity_id: activity.id, view: 'themes' }) }, T.themes_show));
    if (themes === null) return [buttons];
    if (!themes.length) return [buttons, S.el('p', { class: 'muted' }, T.themes_none)];
    return [buttons,
      S.el('ol', { class: 'tools__list' }, themes.map((theme, i) => themeCard(activity, theme, i))),
      S.el('div', { class: 'tools__row' },
        S.el('button', { type: 'button', class: 'btn btn--small', onclick: mergePicked }, T.themes_merge),
        S.el('button', { type: 'button', class: 'btn btn--small', onclick: splitPicked }, T.theme_split))];
  }

  // ---- drawing --------------------------------------------------------------------------

  function drawTools() {
    const node = $('tools');
    if (!node) return;
    if (!current) { S.fill(node); return; }
    const picked = { word: $('merge-word') && $('merge-word').value, into: $('merge-into') && $('merge-into').value };
    S.fill(node,
      approvalRow(current),
      current.kind === 'words' ? mergeTools(current) : null,
      THEME_KINDS.includes(current.kind) ? themeTools(current) : null);
    if (picked.word && $('merge-word')) $('merge-word').value = picked.word;
    if (picked.into && $('merge-into')) $('merge-into').value = picked.into;
  }

  function onRender(event) {
    const { activity, activities } = event.detail;
    const total = [...activities.values()].reduce((sum, a) => sum + heldCount(a), 0);
    $('moderation-held').hidden = !total;
    $('moderation-held').textContent = S.fmt(T.held_total, { n: total });
    if (!activity) { current = null; drawTools(); return; }
    const changed = !current || current.id !== activity.id;
    const frequencies = JSON.stringify(activity.frequencies || []);
    const approvalChanged = lastApproval !== !!activity.approval;
    lastApproval = !!activity.approval;
    current = activity;
    if (changed) {
      merges = [];
      themes = null;
      lastFrequencies = frequencies;
      lastHeld = heldCount(activity);
      drawTools();
      if (activity.kind === 'words') loadMerges();
      return;
    }
    // Redraw only when something this card shows changed, so typing in it is not lost.
    const held = heldCount(activity);
    if (frequencies !== lastFrequencies || approvalChanged || held !== lastHeld) {
      lastFrequencies = frequencies;
      lastHeld = held;
      if (document.activeElement && $('tools').contains(document.activeElement) && document.activeElement.type === 'text') return;
      drawTools();
    }
  }

  // ---- the moderation word list ----------------------------------------------------------

  function fillModeration(data) {
    $('moderation-enabled').checked = !!data.enabled;
    $('moderation-words').value = (data.words || []).join('\n');
  }

  async function saveModeration(useDefault) {
    const words = useDefault ? null : $('moderation-words').value.split('\n').map((w) => w.trim()).filter(Boolean);
    const data = await call('PUT', `${base}/moderation`, { enabled: $('moderation-enabled').checked, words });
    if (!data) return;
    fillModeration(data);
    $('moderation-saved').hidden = false;
    window.setTimeout(() => { $('moderation-saved').hidden = true; }, 2000);
  }

  document.addEventListener('samla:render', onRender);
  document.addEventListener('DOMContentLoaded', async () => {
    if (!$('moderation')) return;
    $('moderation-save').addEventListener('click', () => saveModeration(false));
    $('moderation-default').addEventListener('click', () => saveModeration(true));
    $('moderation-enabled').addEventListener('change', () => saveModeration(false));
    const data = await call('GET', `${base}/moderation`);
    if (data) fillModeration(data);
  });
})();
