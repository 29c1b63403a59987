// An esbuild plugin for main's bundle (scripts/build.mjs): its output is ASCII only.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';

const nonAscii = /[\u0080-\uffff]/;
const everyNonAscii = /[\u0080-\uffff]/g;

/**
 * esbuild escapes non-ASCII characters in strings and identifiers (`charset: 'ascii'`, its
 * default) but keeps comments inside expressions as written, and a few of them (in the contract,
 * the core and zod) hold `…`, `≤` or `§`. One such character makes Node read the whole 780 KB
 * bundle as a two-byte string and V8 scan twice the bytes: ~3 ms of every start, read and compile
 * (bench/RESULTS.md, "Start, sixth pass"). In each JavaScript output, every non-ASCII character
 * inside a comment (found by parsing the output with acorn) is written as its `\uXXXX` escape;
 * code is left exactly as esbuild wrote it, comments keep their length in lines (the source map's
 * lines still match; columns after such a comment on its line move by 5 per character).
 */
export const asciiBundle = {
  name: 'ascii-bundle',
  setup(build) {
    // The outputs are written here, after the escaping (esbuild would write them first).
    const write = build.initialOptions.write ?? true;
    build.initialOptions.write = false;
    build.onEnd((result) => {
      if (!result.outputFiles) return;
      result.outputFiles = result.outputFiles.map(escapeComments);
      if (!write) return;
      for (const file of result.outputFiles) {
        mkdirSync(path.dirname(file.path), { recursive: true });
        writeFileSync(file.path, file.contents);
      }
    });
  },
};

/** An output file with the non-ASCII characters of its comments escaped. */
function escapeComments(file) {
  if (!/\.[cm]?js$/.test(file.path) || !nonAscii.test(file.text)) return file;
  const original = file.text;
  const comments = [];
  parse(original, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowReturnOutsideFunction: true,
    allowHashBang: true,
    onComment: (_block, comment, start, end) => {
      if (nonAscii.test(comment)) comments.push([start, end]);
    },
  });
  let text = '';
  let at = 0;
  for (const [start, end] of comments) {
    text += original.slice(at, start);
    text += original
      .slice(start, end)
      .replace(everyNonAscii, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    at = end;
  }
  text += original.slice(at);
  return { path: file.path, contents: new TextEncoder().encode(text), hash: file.hash, text };
}
