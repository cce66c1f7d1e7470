// The one-text-field form and its list, shared by words, statements and questions; and
// taking one of our own entries back into the field.
import { el } from '../shared/dom.js';
import { cleanText } from '../shared/text.js';
import { announce, T } from './page.js';
import { showSectionError } from './sections.js';
import { activityById, changeActivity, changed } from './store.js';

export { addOwn } from './store.js';

/**
 * Build the form into `section` (input, form, note, done, listTitle, list).
 * The input's maxlength is the server's `limits.max_length`; without it, none is set.
 */
export function buildAnswerForm(section, activity, actions, { oneLine, label, placeholder, listTitle, listClass }) {
  const id = `answer-${activity.id}`;
  const maxlength = (activity.limits && activity.limits.max_length) || null;
  const input = oneLine
    ? el('input', { class: 'input', id, type: 'text', maxlength, autocomplete: 'off', enterkeyhint: 'send', placeholder })
    : el('textarea', { class: 'input input--area', id, rows: 4, maxlength, placeholder });
  const form = el('form', { class: 'task__form stack', novalidate: true },
    el('label', { class: 'sr-only', for: id }, label), input,
    el('button', { type: 'submit', class: 'btn btn--primary btn--big' }, T.send));
  Object.assign(section, {
    input,
    form,
    note: el('p', { class: 'task__note' }),
    done: el('p', { class: 'task__done', hidden: true }),
    listTitle: el('h3', { class: 'task__list-title' }, listTitle),
    list: el('ul', { class: listClass }),
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = oneLine ? input.value.trim() : cleanText(input.value);
    if (!text.trim()) { input.focus(); return; }
    input.value = '';
    showSectionError(section, '');
    actions.submit(activity.id, text);
  });
  // One listener for every withdraw button in the list, so redraws never swallow a tap.
  section.list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-withdraw]');
    if (button) withdraw(section, Number(button.dataset.withdraw), actions, oneLine);
  });
  return [section.done, form, section.note, section.status, section.listTitle, section.list];
}

/** Keep the input's maxlength in step with the server's limit (it may change with the agenda). */
export function applyLimit(section, activity) {
  const max = activity.limits && activity.limits.max_length;
  if (max) section.input.setAttribute('maxlength', String(max));
  else section.input.removeAttribute('maxlength');
}


/** The "Trekk tilbake" button of one of our own entries while its activity is open. */
export function withdrawButton(section, entry) {
  return el('button', {
    type: 'button', class: 'btn btn--small btn--quiet withdraw', dataset: { withdraw: entry.id },
    disabled: section.withdrawing === entry.id, 'aria-label': `${T.withdraw}: ${entry.text}`,
  }, T.withdraw);
}

/** Our entry is taken back: it leaves our list and the table's, and the quota is given back. */
function withdrawn(activity, entryId, ack) {
  activity.own_entries = (activity.own_entries || []).filter((e) => e.id !== entryId);
  activity.table_entries = (activity.table_entries || []).filter((e) => e.id !== entryId);
  if (ack.remaining !== undefined) activity.remaining = ack.remaining;
}

/**
 * Take an entry back: gone from every screen, its place in the quota given back, and its
 * text put into the field again (before any draft), so that one tap never loses it.
 */
async function withdraw(section, entryId, actions, oneLine) {
  const activity = activityById(section.id);
  const own = activity && (activity.own_entries || []).find((e) => e.id === entryId);
  if (!own || section.withdrawing) return;
  section.withdrawing = entryId;
  changed();
  const ack = await actions.ask('withdraw', { entry_id: entryId });
  section.withdrawing = null;
  if (ack && ack.ok) {
    changeActivity(activity.id, (a) => withdrawn(a, entryId, ack));
    const draft = section.input.value.trim() ? section.input.value : '';
    section.input.value = draft ? `${own.text}${oneLine ? ' ' : '\n'}${draft}` : own.text;
    showSectionError(section, '');
    announce(T.withdrawn);
    changed();
    section.input.focus();
    return;
  }
  showSectionError(section, ack ? ack.message || T.error_generic : T.not_reached);
  changed();
}
