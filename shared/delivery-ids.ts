/** The most ids one bulk lookup takes: enough for a day's campaign, small enough to keep the results in memory. */
export const MAX_BULK_IDS = 10_000;

export interface ParsedDeliveryIds {
  /** Unique ids in the order they first appeared. */
  ids: number[];
  /** Tokens that are not delivery ids (shown to the user, never sent). */
  invalid: string[];
  duplicates: number;
}

const ID_HEADER = /^(delivery[ _-]?)?id$/i;
const DELIMITER = /[,;\t]/;

/**
 * Delivery ids from pasted text or a CSV file. A CSV whose first row names an `id` / `delivery_id` column
 * contributes that column only (a report exported from the personal account has phones and sums beside it);
 * anything else is read as ids separated by commas, semicolons, tabs, spaces or lines. Quotes are dropped.
 */
export function parseDeliveryIds(text: string): ParsedDeliveryIds {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0]?.split(DELIMITER).map(unquote) ?? [];
  const column = header.findIndex((cell) => ID_HEADER.test(cell));
  const tokens =
    column >= 0
      ? lines.slice(1).map((line) => unquote(line.split(DELIMITER)[column] ?? ''))
      : lines.flatMap((line) => line.split(/[\s,;]+/).map(unquote));

  const seen = new Set<number>();
  const result: ParsedDeliveryIds = { ids: [], invalid: [], duplicates: 0 };
  for (const token of tokens) {
    if (token === '') continue;
    const id = /^\d{1,15}$/.test(token) ? Number(token) : Number.NaN;
    if (!Number.isSafeInteger(id) || id <= 0) result.invalid.push(token.slice(0, 40));
    else if (seen.has(id)) result.duplicates += 1;
    else {
      seen.add(id);
      result.ids.push(id);
    }
  }
  return result;
}

function unquote(cell: string): string {
  return cell.trim().replace(/^"(.*)"$/, '$1').trim();
}
