/**
 * Replaces every known secret in a piece of text with a mask. The vault registers each secret it holds, and the
 * HTTP layer registers tokens it puts in URLs, so log lines and error texts built from provider answers cannot
 * carry them out.
 */
export class Redactor {
  private readonly known = new Set<string>();
  private pattern: RegExp | null = null;

  add(secret: string): void {
    // Very short values would mask ordinary words; real keys and tokens are far longer.
    if (secret.length < 6 || this.known.has(secret)) return;
    this.known.add(secret);
    this.pattern = null;
  }

  remove(secret: string): void {
    if (this.known.delete(secret)) this.pattern = null;
  }

  redact(text: string): string {
    if (this.known.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.known]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, '••••');
  }
}

/** The mask the renderer sees for a stored secret: four dots and the last four characters. */
export function maskSecret(secret: string): { masked: string } {
  return { masked: `••••${secret.length > 8 ? secret.slice(-4) : ''}` };
}
