import { Dispatcher, getGlobalDispatcher } from 'undici';

/**
 * The dispatcher one call goes through (a proxy's, or the global one), wrapped to learn whether the request was
 * handed to an open connection. undici calls a handler's onConnect (onRequestStart in its newer handler API) just
 * before it writes the request on a connected socket: after TCP, TLS and any proxy tunnel. Until then nothing has
 * left this machine, so a call that times out or is aborted before that point cannot have taken effect.
 *
 * Only this: whether the request was *written* is unknown after onConnect, and is treated as "may have been".
 */
export class ConnectionWatch extends Dispatcher {
  #sent = false;

  constructor(private readonly inner: Dispatcher = getGlobalDispatcher()) {
    super();
  }

  /** True once undici began writing the request on an open connection. */
  get sent(): boolean {
    return this.#sent;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const mark = () => {
      this.#sent = true;
    };
    // A Proxy rather than a copy: undici tells the two handler APIs apart by which methods exist, and fetch's
    // handler keeps state on `this`, so everything else must reach the original object unchanged.
    const watched = new Proxy(handler, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (property === 'onConnect' || property === 'onRequestStart') {
          return (...args: unknown[]) => {
            mark();
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
    return this.inner.dispatch(options, watched);
  }
}
