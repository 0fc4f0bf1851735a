/** Money as the wire carries it (decimal strings, §9.3), counted in integer cents so sums never drift. */
export function toCents(amount: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`not a money amount: ${amount}`);
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

export function fromCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Takes `amount` from a balance holder if it has enough; false (and no change) otherwise. */
export function debit(holder: { totalAmount: string }, amount: string): boolean {
  const left = toCents(holder.totalAmount) - toCents(amount);
  if (left < 0) return false;
  holder.totalAmount = fromCents(left);
  return true;
}
