import { events, type EventName, type EventPayload } from '../../../shared/contract';
import type { Logger } from '../log';
import type { EventSink } from '../ports';

/**
 * Pushed events pass the contract's schema on their way out, as call outputs do in the dispatcher: the parse strips
 * any field the schema does not declare (a strict schema refuses it), so nothing a service attached by mistake
 * reaches the renderer. An event that does not match is dropped and logged by name and issue paths only: its
 * payload may hold what the schema was there to keep out.
 */
export function checkedEmit(sink: EventSink, log: Logger) {
  return <K extends EventName>(name: K, payload: EventPayload<K>): void => {
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) {
      log.error('event outside its schema was dropped', {
        event: name,
        issues: parsed.error.issues.length,
        paths: parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.')),
      });
      return;
    }
    sink(name, parsed.data);
  };
}
