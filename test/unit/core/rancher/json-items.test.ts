import { describe, expect, it } from 'vitest';
import {
  createItemSplitter,
  itemConsumer,
  WHOLE_BODY_LIMIT,
} from '../../../../electron/core/rancher/json-items';
import { v3TokenSchema } from '../../../../electron/core/rancher/schemas';
import { isExactV3Token } from '../../../../electron/core/rancher/token-check';
import { fromV3 } from '../../../../electron/core/rancher/token-model';
import { seededRandom } from '../../../support/seeded-random';

const body = {
  type: 'collection',
  links: { self: 'x' },
  actions: { data: '[{"not":"an item"}]' },
  data: [
    { name: 'token-bbbbb', description: 'braces } { ] [ and "quotes" \\ in text' },
    { name: 'token-ccccc', nested: { a: [1, { b: 2 }] }, unicode: 'é€😀' },
    'not an object',
    { name: 'token-ddddd' },
    { name: 'token-eeeee', description: 'ends in an escaped backslash \\', quote: '"' },
    { 'da\\"ta': ['{"x":1}'], name: 'token-fffff', escapes: '\\"\n\t\u0001' },
  ],
  'da"ta': [{ looks: 'like the member, but is not' }],
  pagination: { limit: 1000 },
};

function split(text: string, size: number, member = 'data') {
  const items: unknown[] = [];
  const splitter = createItemSplitter(member, (json) => items.push(JSON.parse(json)));
  for (let i = 0; i < text.length; i += size) splitter.write(text.slice(i, i + size));
  return { items, complete: splitter.end() };
}

describe('createItemSplitter', () => {
  const text = JSON.stringify(body);
  const expected = body.data.filter((d) => typeof d === 'object');

  it('emits each object item of the member, whatever the chunk size', () => {
    for (const size of [1, 2, 3, 7, 64, text.length]) {
      expect(split(text, size)).toEqual({ items: expected, complete: true });
    }
  });

  it('ignores arrays under other keys and reports a truncated body', () => {
    expect(split(text, 5, 'links').items).toEqual([]);
    expect(split(text.slice(0, text.length - 20), 5).complete).toBe(false);
  });
});

/** The list reading before bodies were parsed whole: every item cut out, `JSON.parse`d and zod's. */
function reference(text: string) {
  const items: unknown[] = [];
  let skipped = 0;
  const splitter = createItemSplitter('data', (json) => {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      skipped++;
      return;
    }
    const parsed = v3TokenSchema.safeParse(value);
    if (parsed.success) items.push(fromV3(parsed.data));
    else skipped++;
  });
  splitter.write(text);
  return splitter.end() ? { items, skipped } : 'invalid';
}

/**
 * The client's reading of `text` as UTF-8 bytes arriving in chunks of `size` bytes (a chunk may end
 * inside a character, as on the wire).
 */
async function consumed(text: string, size: number) {
  const consumer = itemConsumer(
    'https://rancher.example.com',
    'data',
    v3TokenSchema,
    (item) => fromV3(item),
    isExactV3Token,
  );
  const bytes = Buffer.from(text, 'utf8');
  try {
    const sink = consumer.consume();
    for (let i = 0; i < bytes.length; i += size) sink.write(bytes.subarray(i, i + size));
    sink.end();
  } catch {
    return 'invalid';
  }
  return consumer.result();
}

describe('itemConsumer', () => {
  const rng = seededRandom(2026);
  const item = (i: number): unknown => {
    const good = {
      name: `token-${String(i).padStart(5, 'b')}`,
      description: rng.pick(['ci', '', 'x'.repeat(1_025), null, 'clé ☕ 鍵 🔑']),
      ttl: rng.pick([0, 86_400_000]),
      created: '2025-05-20T09:12:44Z',
      expiresAt: rng.pick(['', '2025-08-18T09:12:44Z', null]),
      links: { self: 'x' },
    };
    const what = rng.int(10);
    if (what === 0) return { ...good, name: 'Not/A-Name' };
    if (what === 1) return { ...good, ttl: 'soon' };
    if (what === 2) return rng.pick(['text', 1, null, ['a'], true]);
    return good;
  };
  /** A list body, sometimes with one item broken in its text (no longer JSON). */
  const body = (count: number, pad: number) => {
    const data = Array.from({ length: count }, (_, i) => item(i));
    let text = JSON.stringify({
      type: 'collection',
      ...(pad > 0 ? { pad: 'x'.repeat(pad) } : {}),
      data,
      pagination: { limit: 1000 },
    });
    if (rng.next() < 0.3) text = text.replace('"ttl":', '"ttl":,');
    if (rng.next() < 0.05) text = text.slice(0, text.length - 1 - rng.int(40));
    return text;
  };

  it('reads what the item-by-item reading read, parsed whole or split, in any chunks', async () => {
    for (let n = 0; n < 200; n++) {
      const text = body(rng.int(60), 0);
      const expected = reference(text);
      expect(await consumed(text, text.length)).toEqual(expected);
      expect(await consumed(text, 1 + rng.int(500))).toEqual(expected);
    }
  });

  it('splits a body over the whole-parse limit as it streams, with the same result', async () => {
    for (let n = 0; n < 4; n++) {
      const text = body(50, WHOLE_BODY_LIMIT);
      expect(text.length).toBeGreaterThan(WHOLE_BODY_LIMIT);
      expect(await consumed(text, 65_536 + rng.int(7))).toEqual(reference(text));
    }
  });

  it('reads bytes that are not UTF-8 alike parsed whole or split (as U+FFFD)', async () => {
    const good = JSON.stringify({ data: [{ name: 'token-bbbbb', ttl: 0, description: 'ab' }] });
    const bytes = Buffer.from(good);
    const at = bytes.indexOf('ab');
    // A lone continuation byte and a truncated 3-byte sequence in the description.
    const broken = Buffer.concat([
      bytes.subarray(0, at),
      Buffer.from([0x80, 0xe2, 0x82]),
      bytes.subarray(at),
    ]);
    const text = broken.toString('utf8');
    expect(text).toContain('\ufffd');
    const expected = reference(text);
    expect(expected).not.toBe('invalid');
    for (const size of [1, 2, 3, broken.length]) {
      const consumer = itemConsumer('https://rancher.example.com', 'data', v3TokenSchema, (item) =>
        fromV3(item),
      );
      const sink = consumer.consume();
      for (let i = 0; i < broken.length; i += size) sink.write(broken.subarray(i, i + size));
      sink.end();
      expect(consumer.result()).toEqual(expected);
    }
  });

  it('skips a malformed item and keeps the rest, also in a small body', async () => {
    const text = JSON.stringify({
      data: [
        { name: 'token-bbbbb', ttl: 0 },
        { name: 'token-ccccc', ttl: 0 },
      ],
    }).replace('"ttl":0}]', '"ttl":}]');
    const read = await consumed(text, text.length);
    expect(read).not.toBe('invalid');
    if (read === 'invalid') return;
    expect(read.items.map((t) => t.name)).toEqual(['token-bbbbb']);
    expect(read.skipped).toBe(1);
  });

  it('reads a member named twice as JSON does when parsed whole (documented difference)', async () => {
    const text =
      '{"data":[{"name":"token-bbbbb","ttl":0}],"data":[{"name":"token-ccccc","ttl":0}]}';
    const whole = await consumed(text, text.length);
    expect(whole !== 'invalid' && whole.items.map((t) => t.name)).toEqual(['token-ccccc']);
    const split = reference(text);
    expect(split !== 'invalid' && split.items.map((t) => (t as { name: string }).name)).toEqual([
      'token-bbbbb',
      'token-ccccc',
    ]);
  });
});
