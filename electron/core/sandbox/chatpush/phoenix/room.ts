import type { Reply } from './frames';

/** What one socket kind (WhatsApp QR, Telegram TDLib) serves on its connections. */
export interface RoomHandler {
  /** How often the joined room's auth_state is pushed. */
  pushIntervalMs(): number;
  /** Null when the topic may be joined, else the reason sent in the error reply. */
  joinRefusal(topic: string): string | null;
  /** The auth_state payload to push now, or null to push nothing. */
  authState(): Record<string, unknown> | null;
  /** A client event in the joined room. */
  handle(event: string, payload: Record<string, unknown>): Reply;
}

/** Phoenix's answer for a topic no channel serves (the socket has no route for it). */
export const UNMATCHED_TOPIC = 'unmatched topic';
