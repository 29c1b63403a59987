import type { z } from 'zod';
import { badBodyFailure } from './failures';

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
 * A `consume` for {@link HttpRequest} that parses the object items of `member` one at a time with
 * `schema` and keeps `map` of each; items that fail are counted as skipped. A body that is not
 * one complete JSON object fails as a broken answer.
 */
export function itemConsumer<S extends z.ZodType, T>(
  origin: string,
  member: string,
  schema: S,
  map: (item: z.output<S>) => T,
) {
  let items: T[] = [];
  let skipped = 0;
  return {
    consume: async (chunks: AsyncIterable<string>): Promise<void> => {
      items = [];
      skipped = 0;
      const splitter = createItemSplitter(member, (json) => {
        let value: unknown;
        try {
          value = JSON.parse(json);
        } catch {
          skipped++;
          return;
        }
        const parsed = schema.safeParse(value);
        if (parsed.success) items.push(map(parsed.data));
        else skipped++;
      });
      for await (const chunk of chunks) splitter.write(chunk);
      if (!splitter.end()) throw badBodyFailure({ origin }, 'invalid');
    },
    result: () => ({ items, skipped }),
  };
}
