import { StringDecoder } from 'node:string_decoder';
import type { z } from 'zod';
import { badBodyFailure } from './failures';
import type { BodySink } from './http';

/**
 * Splits the items of one array member of a JSON object (`{"data":[{…},{…}]}`) out of a body that
 * arrives in text chunks, so a list of 100,000 tokens is parsed one item at a time instead of as
 * one 80 MB string and its whole object graph (bench/RESULTS.md, Scale). Only object items are
 * emitted, as their JSON text; anything else in the array is ignored. The scanner tracks strings
 * and escapes, so braces inside strings do not count.
 */
export interface ItemSplitter {
  write(chunk: string): void;
  /** True when the body was one complete JSON object (not truncated, not another value). */
  end(): boolean;
}

const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** Object keys longer than this are never the member looked for. */
const MAX_KEY = 64;

/** A splitter emitting each object item of the top-level member `member` to `onItem`. */
export function createItemSplitter(member: string, onItem: (json: string) => void): ItemSplitter {
  let depth = 0;
  let inString = false;
  let escaped = false;
  // The last string seen directly inside the top-level object: the key of the member that follows.
  let lastString = '';
  let stringAtTop = false;
  let inMember = false;
  let parts: string[] = [];
  let capturing = false;
  let started = false;

  return {
    write(chunk) {
      let start = capturing ? 0 : -1;
      let stringStart = inString && stringAtTop ? 0 : -1;
      // Inside a string, jump to its next quote or backslash with indexOf instead of looking at
      // each character: strings are most of a token list's text (bench/RESULTS.md, refresh).
      let backslash = chunk.indexOf('\\');
      let i = 0;
      while (i < chunk.length) {
        if (inString) {
          if (escaped) {
            escaped = false;
            i++;
            continue;
          }
          if (backslash !== -1 && backslash < i) backslash = chunk.indexOf('\\', i);
          const quote = chunk.indexOf('"', i);
          if (backslash !== -1 && (quote === -1 || backslash < quote)) {
            // The escaped character is skipped, in this chunk or at the start of the next.
            escaped = true;
            i = backslash + 1;
            continue;
          }
          if (quote === -1) break;
          inString = false;
          if (stringAtTop) {
            lastString += chunk.slice(stringStart, quote);
            if (lastString.length > MAX_KEY) lastString = '';
          }
          i = quote + 1;
          continue;
        }
        const c = chunk.charCodeAt(i);
        if (c === QUOTE) {
          inString = true;
          stringAtTop = depth === 1;
          if (stringAtTop) {
            lastString = '';
            stringStart = i + 1;
          }
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          if (depth === 0) started = c === OPEN_BRACE;
          depth++;
          if (depth === 2 && c === OPEN_BRACKET && lastString === member) inMember = true;
          else if (inMember && depth === 3 && c === OPEN_BRACE) {
            capturing = true;
            start = i;
          }
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (capturing && depth === 3) {
            parts.push(chunk.slice(start, i + 1));
            onItem(parts.length === 1 ? (parts[0] as string) : parts.join(''));
            parts = [];
            capturing = false;
            start = -1;
          }
          depth--;
          if (depth === 1) inMember = false;
        }
        i++;
      }
      if (inString && stringAtTop && stringStart >= 0) {
        lastString += chunk.slice(stringStart);
        if (lastString.length > MAX_KEY) lastString = '';
      }
      if (capturing && start >= 0) parts.push(chunk.slice(start));
    },
    end() {
      return started && depth === 0 && !inString && !capturing;
    },
  };
}

/**
 * Bodies up to this many bytes are parsed whole with one `JSON.parse` (a page of 200 tokens is
 * about 170 KB): native parsing of the whole body costs a fraction of cutting its items out and
 * parsing each (bench/RESULTS.md, "Refresh, third pass"). Larger bodies are split as they stream,
 * so a list of 100,000 tokens is never held as one string and one object graph.
 */
export const WHOLE_BODY_LIMIT = 2 * 1024 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A `consume` for {@link HttpRequest} that checks the object items of `member` one at a time and
 * keeps `map` of each; items that fail are counted as skipped. An item `exact` accepts (a check
 * that answers as `schema` does, without zod's copy: token-check.ts) is mapped as it is; any other
 * goes through `schema`. A body that is not one complete JSON object fails as a broken answer.
 *
 * The body arrives as bytes (HttpRequest.consume: a new sink per attempt). One of at most
 * {@link WHOLE_BODY_LIMIT} bytes is decoded once and, when it parses whole, read from that parse;
 * one that does not (a malformed item, a truncated body), and any larger one, goes through the
 * splitter, so a malformed item is still skipped and the rest kept. For well-formed JSON both read
 * the same items, except where the body names the member twice or with escapes (`"d\u0061ta"`):
 * the whole parse reads it as JSON does (the last one; escapes decoded), the splitter every
 * literal `"data"` member. Either way only checked items of the server's own answer are kept.
 */
export function itemConsumer<S extends z.ZodType, T>(
  origin: string,
  member: string,
  schema: S,
  map: (item: z.output<S>) => T,
  exact?: (value: unknown) => value is z.output<S>,
) {
  let items: T[] = [];
  let skipped = 0;
  const take = (value: unknown) => {
    if (exact?.(value)) {
      items.push(map(value));
      return;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) items.push(map(parsed.data));
    else skipped++;
  };
  const splitter = () =>
    createItemSplitter(member, (json) => {
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch {
        skipped++;
        return;
      }
      take(value);
    });
  /** The body's bytes are kept until they pass the limit, then decoded and split as they come. */
  const consume = (): BodySink => {
    items = [];
    skipped = 0;
    let buffered: Buffer[] = [];
    let size = 0;
    let streaming: { splitter: ItemSplitter; decoder: StringDecoder } | null = null;
    const stream = () => {
      const started = { splitter: splitter(), decoder: new StringDecoder('utf8') };
      for (const part of buffered) started.splitter.write(started.decoder.write(part));
      buffered = [];
      return started;
    };
    return {
      write(chunk) {
        if (streaming) {
          streaming.splitter.write(streaming.decoder.write(chunk));
          return;
        }
        buffered.push(chunk);
        size += chunk.length;
        if (size > WHOLE_BODY_LIMIT) streaming = stream();
      },
      end() {
        let split: ItemSplitter;
        if (streaming) {
          streaming.splitter.write(streaming.decoder.end());
          split = streaming.splitter;
        } else {
          // Decoded once, as a bare client would (invalid UTF-8 becomes U+FFFD, as in streaming).
          const body = Buffer.concat(buffered, size).toString('utf8');
          let whole: unknown;
          try {
            whole = JSON.parse(body);
          } catch {
            whole = undefined;
          }
          if (isObject(whole)) {
            const list = whole[member];
            if (Array.isArray(list)) for (const item of list) if (isObject(item)) take(item);
            return;
          }
          split = splitter();
          split.write(body);
        }
        if (!split.end()) throw badBodyFailure({ origin }, 'invalid');
      },
    };
  };
  return { consume, result: () => ({ items, skipped }) };
}
