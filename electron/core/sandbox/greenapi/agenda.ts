import type { SandboxClock } from '../clock';

interface Entry {
  at: number;
  seq: number;
  run: () => void;
  cancelled: boolean;
}

/**
 * Everything the GREEN-API simulator does later — an instance finishing its creation or restart, the next send of the
 * queue, a delivery receipt, a QR code rotating, a webhook retry — is an entry here, due at a sandbox-clock time.
 * One real timer is armed for the earliest entry, and a clock advance runs whatever it made due at once: ten
 * thousand instances cost nothing until something is scheduled for them.
 */
export class Agenda {
  private readonly heap: Entry[] = [];
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  /** While a due entry runs after a clock jump: the time it was due, so what it schedules lands where it should. */
  private runningAt: number | undefined;
  private closed = false;
  private readonly waiting = new Set<() => void>();
  private readonly stopListening: () => void;

  constructor(private readonly clock: SandboxClock) {
    this.stopListening = clock.onAdvance(() => this.runDue());
  }

  /** The sandbox time; while catching up after a clock advance, the time of the entry being run. */
  now(): number {
    return this.runningAt ?? this.clock.now();
  }

  /** Runs `run` once the sandbox clock reaches `at`; returns a cancel function. */
  at(at: number, run: () => void): () => void {
    const entry: Entry = { at, seq: this.seq++, run, cancelled: false };
    if (this.closed) return () => {};
    this.push(entry);
    this.arm();
    return () => {
      entry.cancelled = true;
    };
  }

  after(ms: number, run: () => void): () => void {
    return this.at(this.now() + ms, run);
  }

  /** Resolves true when the sandbox clock reaches `at`, false if `signal` fires first or the sandbox closes. */
  until(at: number, signal?: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.closed || signal?.aborted) return resolve(false);
      const settle = (reached: boolean) => {
        cancel();
        this.waiting.delete(onClose);
        signal?.removeEventListener('abort', onAbort);
        resolve(reached);
      };
      const onAbort = () => settle(false);
      const onClose = () => settle(false);
      const cancel = this.at(at, () => settle(true));
      this.waiting.add(onClose);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  close(): void {
    this.closed = true;
    this.stopListening();
    clearTimeout(this.timer);
    this.heap.length = 0;
    for (const release of [...this.waiting]) release();
  }

  private runDue(): void {
    if (this.running || this.closed) return;
    this.running = true;
    try {
      for (;;) {
        const first = this.heap[0];
        if (!first || first.at > this.clock.now()) break;
        this.pop();
        if (first.cancelled) continue;
        this.runningAt = first.at;
        try {
          first.run();
        } finally {
          this.runningAt = undefined;
        }
      }
    } finally {
      this.running = false;
    }
    this.arm();
  }

  private arm(): void {
    if (this.running || this.closed) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.heap[0]?.cancelled) this.pop();
    const first = this.heap[0];
    if (!first) return;
    const delay = Math.min(Math.max(0, first.at - this.clock.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => this.runDue(), delay);
    this.timer.unref?.();
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === index) return;
      [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
      index = smallest;
    }
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
