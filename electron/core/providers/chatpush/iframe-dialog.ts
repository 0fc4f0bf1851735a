/**
 * §7.1 "Open a dialog by phone number": the iFrame page opened with the `customer_id` and `hash` of a generated
 * link plus the chat to show. The page needs no auth header (the hash is the credential), so this only builds
 * the address for a browser or webview.
 */
export function iframeDialogUrl(
  link: string,
  chat: {
    phone: string;
    /** Which messenger to open; without it the platform picks the most recent chat, or WhatsApp. */
    dispatchRouting?: 'whatsapp' | 'tdlib';
    /** tdlib only. */
    senderId?: string;
    /** tdlib only. */
    username?: string;
    /** true: only this dialog, without the chat list (default false). */
    chatOnly?: boolean;
    /** ⚠ Documented only in [J-ind]: `desktop=1` opens the desktop chat instead of the iframe. */
    desktop?: boolean;
  },
): string {
  const url = new URL(link);
  url.searchParams.set('phone', chat.phone);
  if (chat.dispatchRouting) url.searchParams.set('dispatch_routing', chat.dispatchRouting);
  if (chat.senderId) url.searchParams.set('sender_id', chat.senderId);
  if (chat.username) url.searchParams.set('username', chat.username);
  if (chat.chatOnly !== undefined) url.searchParams.set('chat_only', String(chat.chatOnly));
  if (chat.desktop !== undefined) url.searchParams.set('desktop', chat.desktop ? '1' : '0');
  return url.toString();
}
