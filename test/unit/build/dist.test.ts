import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { macSigningArgs, nodeTooOld } from '../../../scripts/dist.mjs';

describe('npm run dist: the Node version', () => {
  it('refuses Node older than 22.12 in one sentence that names both versions', () => {
    for (const version of ['20.19.0', '20.20.2', '22.11.9', '21.99.0']) {
      const message = nodeTooOld(version);
      expect(message).toContain('22.12');
      expect(message).toContain(version);
      expect(message?.trim().split(/[.;]\s+[A-Z]/)).toHaveLength(1);
    }
  });

  it('accepts 22.12 and newer', () => {
    for (const version of ['22.12.0', '22.20.1', '23.0.0', '24.11.1']) {
      expect(nodeTooOld(version)).toBeNull();
    }
  });
});

describe('npm run dist: macOS signing', () => {
  it('signs ad hoc, without the hardened runtime, when no Developer ID is configured', () => {
    expect(macSigningArgs('darwin', {})).toEqual([
      '-c.mac.identity=-',
      '-c.mac.hardenedRuntime=false',
    ]);
  });

  it('leaves identity discovery to electron-builder when a certificate is configured', () => {
    expect(macSigningArgs('darwin', { CSC_LINK: 'cert.p12' })).toEqual([]);
    expect(macSigningArgs('darwin', { CSC_NAME: 'Developer ID Application: X' })).toEqual([]);
  });

  it('adds nothing on other systems', () => {
    expect(macSigningArgs('linux', {})).toEqual([]);
    expect(macSigningArgs('win32', {})).toEqual([]);
  });
});

describe('macOS entitlements', () => {
  const plist = readFileSync('build/entitlements.mac.plist', 'utf8');
  const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);

  it('grant only JIT (V8 under the hardened runtime)', () => {
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });
});
