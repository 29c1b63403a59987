import {
  channelSchema,
  isChannel,
  type Channel,
  type Output,
  type ParsedInput,
} from '../contract/ipc';
import type { AppError, Result } from '../contract/errors';
import { AppFailure, toAppError } from './app-failure';
import { checkAppStartOutput, checkKeysListOutput } from './checked-key-views';
import { displayText } from './display-text';
import { oneOffParse } from './one-off-parse';
import type { Logger } from './log';

/** One function per contract channel; a missing channel does not compile. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> };

/**
 * A failure as the window is sent it: its contract error, with a message that may quote server
 * text shown without bidi or control characters.
 */
export function toWindowError(error: unknown): AppError {
  const raw = toAppError(error);
  return { ...raw, message: displayText(raw.message) };
}

/** The output checks that are not a plain parse by the channel's schema (checked-key-views.ts). */
const outputChecks: Partial<Record<Channel, (output: unknown) => unknown>> = {
  'keys:list': checkKeysListOutput,
  'app:start': checkAppStartOutput,
};

/**
 * Output schemas parsed before. An IPC input is a small object: it is always parsed on zod's plain
 * path ({@link oneOffParse}). An output can be a list of thousands of entries, where zod's
 * compiled parser is some 2.5× faster: a channel's output schema takes the plain path on its first
 * parse (what start does once per channel) and zod's compiled parser from its second on.
 */
const outputsParsed = new WeakSet<object>();

function outputParse(schema: object): typeof oneOffParse | undefined {
  if (outputsParsed.has(schema)) return undefined;
  outputsParsed.add(schema);
  return oneOffParse;
}

/** Formats zod's first issue as a sentence naming the field. */
function describeIssue(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const first = issues[0];
  if (!first) return 'The request was not valid.';
  const field = first.path.map(String).join('.');
  return field ? `${field}: ${first.message}` : first.message;
}

/**
 * The single choke point between a transport (Electron IPC, the test bridge) and the handlers:
 * checks the channel name, parses the input with its schema (built on first use for the channel
 * groups start does not need), runs the handler, parses the output
 * (which strips any field the contract does not declare; the key views of `keys:list` and
 * `app:start` once per view, see checked-key-views.ts), and wraps the outcome as a Result.
 * Logs channel names and durations, never arguments or results.
 */
export function createDispatcher(handlers: Handlers, log: Logger) {
  return async function dispatch(channel: unknown, rawInput: unknown): Promise<Result<unknown>> {
    const started = performance.now();
    if (!isChannel(channel)) {
      log.warn('ipc: unknown channel refused');
      return { ok: false, error: { code: 'invalid_input', message: 'Unknown request.' } };
    }
    // The channels of a lazily built group wait for their schemas once (contract/ipc.ts).
    const pending = channelSchema(channel);
    const schema = pending instanceof Promise ? await pending : pending;
    const parsed = schema.input.safeParse(rawInput ?? {}, oneOffParse);
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
      const check = outputChecks[channel];
      const value = check ? check(output) : schema.output.parse(output, outputParse(schema.output));
      log.info('ipc', { channel, ok: true, ms: Math.round(performance.now() - started) });
      return { ok: true, value };
    } catch (error) {
      const appError = toWindowError(error);
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
