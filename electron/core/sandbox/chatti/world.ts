import { CHATTI_DEFAULT_PROBE_PATH } from '../../../../shared/providers';
import type { Prng } from '../prng';
import { ALNUM, DAY_MS, EPOCH_MS } from '../world-kit';

export interface ChattiContactRecord {
  id: number;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  /** ISO 8601 UTC (Part B: timestamps are returned as ISO 8601 with timezone). */
  createdAt: string;
}

export interface ChattiWorld {
  apiKey: string;
  probePath: string;
  contacts: ChattiContactRecord[];
}

const FIRST_NAMES = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Giorgi', 'Hana', 'Irina', 'Jamal', 'Kira', 'Levan'];
const LAST_NAMES = ['Abashidze', 'Bennett', 'Castro', 'Dvali', 'Egorova', 'Fischer', 'Gomez', 'Haddad', 'Ivanova', 'Jensen'];

export function chattiWorld(prng: Prng): ChattiWorld {
  const contacts: ChattiContactRecord[] = [];
  for (let i = 0; i < 27; i++) {
    const firstName = prng.pick(FIRST_NAMES);
    const lastName = prng.pick(LAST_NAMES);
    contacts.push({
      id: 1000 + i,
      firstName,
      lastName,
      phone: `+1555${prng.int(1_000_000, 9_999_999)}`,
      email: `${firstName}.${lastName}${i}@example.com`.toLowerCase(),
      createdAt: new Date(EPOCH_MS - prng.int(0, 365) * DAY_MS - prng.int(0, 86_399) * 1000).toISOString(),
    });
  }
  return { apiKey: prng.chars(40, ALNUM), probePath: CHATTI_DEFAULT_PROBE_PATH, contacts };
}
