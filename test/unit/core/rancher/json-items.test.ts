import { describe, expect, it } from 'vitest';
import { createItemSplitter } from '../../../../electron/core/rancher/json-items';

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
