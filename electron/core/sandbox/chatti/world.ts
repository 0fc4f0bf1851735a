import { CHATTI_DEFAULT_PROBE_PATH } from '../../../../shared/providers';
import type { Prng } from '../prng';
import { ALNUM, DAY_MS, EPOCH_MS } from '../world-kit';

/**
 * Chatti documents conventions, not resources (specs/chat2desk-chatti.md Part B). The sandbox serves two believable
 * ones, contacts and messages, so the pagination envelope, the timestamps and the status codes have something to
 * carry. Field names are chosen, not documented.
 */
export interface ChattiContactRecord {
  id: number;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  /** Sandbox ms; served as ISO 8601 with a UTC offset (Part B "Timestamps"). */
  createdMs: number;
  updatedMs: number;
}

export interface ChattiMessageRecord {
  id: number;
  direction: 'outbound' | 'inbound';
  to: string;
  /** An E.164 number or an alphanumeric sender ID. */
  from: string;
  body: string;
  mediaUrl: string | null;
  /** SMS parts after {OptOutURL} is expanded. */
  parts: number;
  createdMs: number;
}

export interface ChattiWorld {
  apiKey: string;
  probePath: string;
  contacts: ChattiContactRecord[];
  messages: ChattiMessageRecord[];
  settings: {
    /** Part B 429 "rate limiting", no figure documented: off until a control sets one. */
    rateLimit: { requests: number; perMs: number } | null;
    /** Part B 503 "overload or scheduled maintenance": every request answers 503 while on. */
    maintenance: boolean;
  };
  nextIds: { contact: number; message: number };
}

const FIRST_NAMES = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Giorgi', 'Hana', 'Irina', 'Jamal', 'Kira', 'Levan'];
const LAST_NAMES = ['Abashidze', 'Bennett', 'Castro', 'Dvali', 'Egorova', 'Fischer', 'Gomez', 'Haddad', 'Ivanova', 'Jensen'];

export function chattiContact(prng: Prng, id: number, createdMs: number): ChattiContactRecord {
  const firstName = prng.pick(FIRST_NAMES);
  const lastName = prng.pick(LAST_NAMES);
  return {
    id,
    firstName,
    lastName,
    phone: `+1555${prng.int(1_000_000, 9_999_999)}`,
    email: `${firstName}.${lastName}${id}@example.com`.toLowerCase(),
    createdMs,
    updatedMs: createdMs,
  };
}

export function chattiWorld(prng: Prng): ChattiWorld {
  const contacts: ChattiContactRecord[] = [];
  for (let i = 0; i < 27; i++) {
    contacts.push(chattiContact(prng, 1000 + i, EPOCH_MS - prng.int(0, 365) * DAY_MS - prng.int(0, 86_399) * 1000));
  }
  contacts.sort((a, b) => a.createdMs - b.createdMs || a.id - b.id);
  const messages: ChattiMessageRecord[] = [];
  for (let i = 0; i < 12; i++) {
    const contact = prng.pick(contacts);
    const outbound = prng.chance(0.6);
    messages.push({
      id: 5000 + i,
      direction: outbound ? 'outbound' : 'inbound',
      to: outbound ? contact.phone : '+15550000000',
      from: outbound ? 'Switchboard' : contact.phone,
      body: outbound ? `Your appointment is confirmed (#${i + 1}). Reply STOP to opt out.` : `Thanks! (${i + 1})`,
      mediaUrl: null,
      parts: 1,
      createdMs: EPOCH_MS - (12 - i) * DAY_MS,
    });
  }
  return {
    apiKey: prng.chars(40, ALNUM),
    probePath: CHATTI_DEFAULT_PROBE_PATH,
    contacts,
    messages,
    settings: { rateLimit: null, maintenance: false },
    nextIds: { contact: 1000 + contacts.length, message: 5000 + messages.length },
  };
}

/** Part B: "All dates and times are returned in the common ISO 8601 format … stored in UTC", offset included. */
export function chattiTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}
