/** A journal entry as getMessage / getChatHistory / lastIncoming/OutgoingMessages return it (§6). */
export type JournalEntry = Record<string, unknown> & {
  type: 'incoming' | 'outgoing';
  idMessage: string;
  /** UNIX seconds of sending or receiving. */
  timestamp: number;
  chatId: string;
};

export interface JournalRecord {
  entry: JournalEntry;
  /** §6: entries appear up to 2 minutes late. */
  visibleAt: number;
  /** UNIX seconds of the last action on the message: lastOutgoingMessages reports this as `timestamp` (§6). */
  lastActionAt: number;
}

/** One instance's message journal: what WhatsApp gave the system. */
export class Journal {
  private readonly records: JournalRecord[] = [];

  add(entry: JournalEntry, visibleAt: number): void {
    this.records.push({ entry, visibleAt, lastActionAt: entry.timestamp });
  }

  /** Moves an outgoing message's status on (statusMessage and the time of the last action). */
  update(idMessage: string, statusMessage: string, atSeconds: number): void {
    const record = this.records.find((candidate) => candidate.entry.idMessage === idMessage);
    if (!record) return;
    record.entry.statusMessage = statusMessage;
    record.lastActionAt = atSeconds;
  }

  /** Visible records, newest first. */
  visible(now: number): JournalRecord[] {
    return this.records.filter((record) => record.visibleAt <= now).sort((a, b) => b.entry.timestamp - a.entry.timestamp);
  }

  hasChat(chatId: string, now: number): boolean {
    return this.records.some((record) => record.visibleAt <= now && record.entry.chatId === chatId);
  }
}
