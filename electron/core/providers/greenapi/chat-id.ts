import { z } from 'zod';

/**
 * specs/greenapi.md §12 "Chat ids (1.3.11)": a personal chat is `<full phone, country code, no spaces>@c.us`, a
 * group `XXXXXXXXXX-XXXXXXXXXX@g.us` or `XXXXXXXXXXXXXXXXXX@g.us`. The sendMessage validation message (§8.3) names
 * the same two forms. Group ids are never built by hand; they come from API answers.
 */
export const PERSONAL_CHAT_ID = /^\d{5,20}@c\.us$/;
export const GROUP_CHAT_ID = /^(\d{5,20}-\d{5,20}|\d{10,30})@g\.us$/;

export function isChatId(value: string): boolean {
  return PERSONAL_CHAT_ID.test(value) || GROUP_CHAT_ID.test(value);
}

/** The chat id a request may carry (strict on output): `…@c.us` or `…@g.us`. */
export const ChatIdSchema = z
  .string()
  .trim()
  .refine(isChatId, {
    message: "chatId must be a personal chat 'phone_number@c.us' (full number with country code, digits only) or a group 'group_id@g.us'",
  });

/**
 * The document's examples are damaged (digest preamble): the `@c.us` suffix is printed as `@с.us` (Cyrillic с),
 * `@ec.us`, `@cs.us`, `@cc.us`, `@e.us`, `@.us`, `@C.us`, and `@g.us` as `@eg.us`. This restores the canonical
 * suffixes in a piece of example text. `@.us` and `@e.us` lost the letter that told personal from group chats, so the
 * id decides: a hyphenated id or one longer than any phone number (E.164: at most 15 digits) is a group.
 */
export function normaliseChatIdSuffixes(text: string): string {
  return text.replace(/(\d[\d-]*)@(с|ec|cs|cc|e|C|eg|g|c|)\.us\b/g, (_match, id: string, suffix: string) => {
    const group = GROUP_SUFFIXES.has(suffix) || (AMBIGUOUS_SUFFIXES.has(suffix) && looksLikeGroupId(id));
    return `${id}@${group ? 'g' : 'c'}.us`;
  });
}

const GROUP_SUFFIXES = new Set(['g', 'eg']);
/** Suffixes that lost the letter telling a personal chat from a group. */
const AMBIGUOUS_SUFFIXES = new Set(['e', '']);

function looksLikeGroupId(id: string): boolean {
  return id.includes('-') || id.length > 15;
}
