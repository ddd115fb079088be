/** A typed registry of event listeners, shared by both transports. */
import type { EventName, EventPayloads } from '../../shared/contract.js';

type AnyListener = (payload: never) => void;

/** Holds listeners per event and delivers payloads to them. */
export class EventHub {
  private readonly listeners = new Map<EventName, Set<AnyListener>>();

  /** Adds a listener; returns the function that removes it. */
  add<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set<AnyListener>();
    set.add(listener);
    this.listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  }

  /** Delivers a payload; a throwing listener must not starve the others. */
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as (payload: EventPayloads[E]) => void)(payload);
      } catch (thrown) {
        console.error(`listener of ${event} failed`, thrown);
      }
    }
  }
}
