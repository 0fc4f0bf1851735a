const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_MS = 86_400_000;

/**
 * Part B: request timestamps are "reasonably flexible", e.g. `01/01/1970`, `2001-12-31`,
 * `2002-10-20T12:26:13+00:00`, `last Monday`, `yesterday`. The sandbox reads those shapes (slashes as
 * month/day/year, the strtotime reading) plus `now`, `today`, `tomorrow`, `next <weekday>` and `<n> days ago`,
 * relative to the sandbox clock, in UTC.
 */
export function parseFlexibleTimestamp(text: string, nowMs: number): number | undefined {
  const value = text.trim().toLowerCase();
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  if (value === 'now') return nowMs;
  if (value === 'today') return today;
  if (value === 'yesterday') return today - DAY_MS;
  if (value === 'tomorrow') return today + DAY_MS;
  const ago = /^(\d+)\s+days?\s+ago$/.exec(value);
  if (ago) return today - Number(ago[1]) * DAY_MS;
  const relative = /^(last|next)\s+([a-z]+)$/.exec(value);
  if (relative) {
    const target = WEEKDAYS.indexOf(relative[2]!);
    if (target < 0) return undefined;
    const current = new Date(today).getUTCDay();
    const back = (current - target + 7) % 7 || 7;
    const forward = (target - current + 7) % 7 || 7;
    return relative[1] === 'last' ? today - back * DAY_MS : today + forward * DAY_MS;
  }
  const american = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (american) return validDate(Number(american[3]), Number(american[1]), Number(american[2]));
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return validDate(Number(day[1]), Number(day[2]), Number(day[3]));
  if (/^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const ms = Date.parse(text.trim());
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

function validDate(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? ms : undefined;
}
