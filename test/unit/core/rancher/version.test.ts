import { describe, expect, it } from 'vitest';
import { maxTtlFromSetting, tokenApisOf } from '../../../../electron/core/rancher/probe';
import { featuresOf, parseRancherVersion } from '../../../../electron/core/rancher/version';
import { normaliseFingerprint } from '../../../../electron/core/rancher/tls';

describe('featuresOf', () => {
  it.each([
    ['v2.8.5', { ext: false, v1Public: false, extCallerOnV3: false }],
    ['v2.12.3', { ext: true, v1Public: false, extCallerOnV3: false }],
    ['v2.13.1', { ext: true, v1Public: true, extCallerOnV3: false }],
    ['v2.14.0', { ext: true, v1Public: true, extCallerOnV3: false }],
    ['v2.15.0', { ext: true, v1Public: true, extCallerOnV3: true }],
    ['2.16.0-rc1', { ext: true, v1Public: true, extCallerOnV3: true }],
    ['master-head', { ext: true, v1Public: true, extCallerOnV3: true }],
  ])('gives %s its features', (version, features) => {
    expect(featuresOf(version)).toEqual(features);
  });

  it('assumes the newest release when the version is unknown', () => {
    expect(featuresOf(null)).toEqual({ ext: true, v1Public: true, extCallerOnV3: true });
    expect(parseRancherVersion('dev')).toBeNull();
  });

  it('offers ext tokens from 2.12 only', () => {
    expect(tokenApisOf('v2.8.5')).toEqual({ v3: true, ext: false });
    expect(tokenApisOf('v2.12.0')).toEqual({ v3: true, ext: true });
  });
});

describe('maxTtlFromSetting', () => {
  it('uses value, else default, in minutes', () => {
    expect(maxTtlFromSetting({ value: '', default: '129600' })).toBe(129_600 * 60_000);
    expect(maxTtlFromSetting({ value: '60', default: '129600' })).toBe(3_600_000);
  });
  it('means no maximum when the setting is 0 or missing', () => {
    expect(maxTtlFromSetting({ value: '0', default: '129600' })).toBeNull();
    expect(maxTtlFromSetting({ value: '', default: '0' })).toBeNull();
    expect(maxTtlFromSetting({})).toBeNull();
    expect(maxTtlFromSetting({ value: 'abc' })).toBeNull();
  });
});

describe('normaliseFingerprint', () => {
  it('accepts lower case and missing colons when the user pastes a fingerprint', () => {
    expect(normaliseFingerprint('ab:cd:ef')).toBe('AB:CD:EF');
    expect(normaliseFingerprint('abcdef')).toBe('AB:CD:EF');
  });
});
