// How many entries and points of an activity wait for the facilitator's approval: one
// count for the activity's badge and the moderation total, so the two never disagree.

/**
 * The entries and points held and not hidden; while the console is offline, or before it
 * has the activity's items, the count the server last sent (`held_count`).
 */
export function heldCount(activity, connected = true) {
  const items = [
    ...(activity.entries ? activity.entries.values() : []),
    ...(activity.points ? activity.points.values() : []),
  ];
  if ((!connected || !items.length) && activity.held_count !== undefined) return activity.held_count;
  return items.filter((item) => item.held && !item.hidden).length;
}
