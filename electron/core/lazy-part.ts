import type { Channel } from '../contract/names';
import type { Handlers } from './dispatch';

/**
 * A part of the core that start does not use (single sign-on, the clean-up view, the Plaintext
 * check, kubectl and the command, the activity log's views), built on first use: its modules are
 * imported then, so their code is not compiled and their schemas are not built on every start
 * (bench/RESULTS.md, "Start, fourth pass").
 */
export interface LazyPart<T> {
  /** The part, built on the first call; a failed build is tried again at the next call. */
  get(): Promise<T>;
  /** The part if it was built or is being built (awaited), else null: what stop() must stop. */
  built(): Promise<T | null>;
}

export function lazyPart<T>(build: () => Promise<T>): LazyPart<T> {
  let building: Promise<T> | null = null;
  return {
    get() {
      if (!building) {
        const attempt = build();
        building = attempt;
        attempt.catch(() => {
          if (building === attempt) building = null;
        });
      }
      return building;
    },
    async built() {
      return building ? building.catch(() => null) : null;
    },
  };
}

/**
 * The handlers of `names`, each loading the real ones (`load`, once, on the first call of any)
 * and calling its own. The dispatcher parses inputs and outputs around them as for any handler.
 */
export function lazyHandlers<C extends Channel>(
  names: readonly C[],
  load: () => Promise<Pick<Handlers, C>>,
): Pick<Handlers, C> {
  const part = lazyPart(load);
  const handlers = new Map<C, (input: never) => Promise<unknown>>();
  for (const name of names) {
    handlers.set(name, async (input: never) => {
      const real = (await part.get())[name] as (input: never) => Promise<unknown>;
      return real(input);
    });
  }
  return Object.fromEntries(handlers) as unknown as Pick<Handlers, C>;
}
