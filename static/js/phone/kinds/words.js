// `words`: one or a few mood words per participant, for the cloud.
import { el } from '../../shared/dom.js';
import { count } from '../../shared/text.js';
import { addOwn, applyLimit, buildAnswerForm, withdrawButton } from '../answer-form.js';
import { T } from '../page.js';
import { pendingItem } from '../sections.js';

/** The words a participant may send, as far as the server told us. */
const perParticipant = (activity) =>
  (activity.limits && activity.limits.per_participant) ?? (activity.options && activity.options.words_per_participant) ?? null;

export function fresh(activity) {
  return { remaining: perParticipant(activity) };
}

export function build(section, activity, actions) {
  return buildAnswerForm(section, activity, actions, {
    oneLine: true, label: T.word_label, placeholder: T.word_placeholder, listTitle: T.your_words, listClass: 'chips',
  });
}

export function update(section, activity, pending) {
  applyLimit(section, activity);
  const own = activity.own_entries || [];
  const left = activity.remaining === null || activity.remaining === undefined
    ? null : Math.max(0, activity.remaining - pending.length);
  const perPerson = perParticipant(activity);
  section.form.hidden = left === 0;
  section.done.hidden = !(activity.remaining === 0);
  section.done.textContent = T.thanks;
  const sentSome = own.length + pending.length > 0;
  section.note.hidden = !(perPerson > 1 && left);
  section.note.textContent = count(T, sentSome ? 'words_more' : 'words_can', { n: left });
  section.listTitle.hidden = !sentSome;
  section.list.replaceChildren(
    ...pending.map((item) => pendingItem(item, 'chip')),
    ...own.map((entry) => el('li', { class: 'chip chip--own' },
      el('span', { class: 'item__text' }, entry.text), el('span', { class: 'tag tag--ok' }, T.sent),
      withdrawButton(section, entry))),
  );
}

export function accepted(activity, item, ack) {
  if (ack.remaining !== undefined) activity.remaining = ack.remaining;
  addOwn(activity, item, ack);
}

/** A table_update's `remaining` is the table's; a word's quota is the participant's own. */
export const tableRemaining = false;
