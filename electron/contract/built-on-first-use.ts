import { z } from 'zod';

/**
 * A schema built when it first parses, not when main loads: for the inputs and outputs of actions
 * a user starts (create, copy, revoke, add a server...), which the first screen never parses.
 * Building zod schemas is most of what loading the contract costs (each `z.object`, `z.string()`
 * and `.optional()` is an instance with its own set-up), and main built some 1,100 of them before
 * the first lists, ~130 of which start or the lists use (bench/RESULTS.md, "Start, sixth pass").
 *
 * It is `z.lazy`: the schema `build` returns, built once, parses every value exactly as it would
 * if built at load (same checks, same defaults, same issues and paths); only the moment it is
 * built changes. test/unit/build/main-deferred-schemas.test.ts checks, in main's real bundle, that
 * start and the lists build none of them and that each is built and used on its channel's first
 * call.
 */
export function builtOnFirstUse<T extends z.ZodType>(build: () => T): z.ZodLazy<T> {
  return z.lazy(build);
}
