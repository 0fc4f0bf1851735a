/** A list of listeners for one session's events; a listener that throws does not stop the others. */
export class EventFeed<E> {
  private readonly listeners = new Set<(event: E) => void>();

  subscribe(listener: (event: E) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: E): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A broken listener is the listener's problem; the session carries on.
      }
    }
  }
}
