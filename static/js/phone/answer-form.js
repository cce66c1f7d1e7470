// The one-text-field form and its list, shared by words, statements and questions.
import { el } from '../shared/dom.js';
import { cleanText } from '../shared/text.js';
import { T } from './page.js';
import { showSectionError } from './sections.js';

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
  return [section.done, form, section.note, section.status, section.listTitle, section.list];
}

/** Keep the input's maxlength in step with the server's limit (it may change with the agenda). */
export function applyLimit(section, activity) {
  const max = activity.limits && activity.limits.max_length;
  if (max) section.input.setAttribute('maxlength', String(max));
  else section.input.removeAttribute('maxlength');
}

/** Record our accepted entry (new or a resent duplicate) once. */
export function addOwn(activity, item, ack, extra) {
  activity.own_entries = activity.own_entries || [];
  if (!activity.own_entries.some((e) => e.id === ack.id)) {
    activity.own_entries.push({ id: ack.id, text: item.text, client_id: item.client_id, ...(extra || {}) });
  }
}
