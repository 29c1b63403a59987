import { channels, isChannel, type Channel, type Output, type ParsedInput } from '../contract/ipc';
import type { Result } from '../contract/errors';
import { AppFailure, toAppError } from './app-failure';
import { checkKeysListOutput } from './checked-key-views';
import { displayText } from './display-text';
import type { Logger } from './log';

/** One function per contract channel; a missing channel does not compile. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> };

/** Formats zod's first issue as a sentence naming the field. */
function describeIssue(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const first = issues[0];
  if (!first) return 'The request was not valid.';
  const field = first.path.map(String).join('.');
  return field ? `${field}: ${first.message}` : first.message;
}

/**
 * The single choke point between a transport (Electron IPC, the test bridge) and the handlers:
 * checks the channel name, parses the input with its schema, runs the handler, parses the output
 * (which strips any field the contract does not declare; `keys:list`'s views once per view, see
 * checked-key-views.ts), and wraps the outcome as a Result.
 * Logs channel names and durations, never arguments or results.
 */
export function createDispatcher(handlers: Handlers, log: Logger) {
  return async function dispatch(channel: unknown, rawInput: unknown): Promise<Result<unknown>> {
    const started = performance.now();
    if (!isChannel(channel)) {
      log.warn('ipc: unknown channel refused');
      return { ok: false, error: { code: 'invalid_input', message: 'Unknown request.' } };
    }
    const schema = channels[channel];
    const parsed = schema.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      log.info('ipc', { channel, ok: false, code: 'invalid_input' });
      return {
        ok: false,
        error: { code: 'invalid_input', message: describeIssue(parsed.error.issues) },
      };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      const output = await handler(parsed.data);
      const value =
        channel === 'keys:list' ? checkKeysListOutput(output) : schema.output.parse(output);
      log.info('ipc', { channel, ok: true, ms: Math.round(performance.now() - started) });
      return { ok: true, value };
    } catch (error) {
      // Messages may quote server text; the window shows them without bidi or control characters.
      const raw = toAppError(error);
      const appError = { ...raw, message: displayText(raw.message) };
      log[error instanceof AppFailure ? 'info' : 'error']('ipc', {
        channel,
        ok: false,
        code: appError.code,
        ms: Math.round(performance.now() - started),
        ...(error instanceof AppFailure
          ? {}
          : { error: error instanceof Error ? error.stack : String(error) }),
      });
      return { ok: false, error: appError };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
