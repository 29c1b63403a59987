import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../electron/core/app-failure';
import {
  defaultServerName,
  normaliseServerUrl,
} from '../../../../electron/core/servers/normalise-url';

describe('normaliseServerUrl', () => {
  it.each([
    ['rancher.example.com', 'https://rancher.example.com'],
    ['  rancher.example.com/  ', 'https://rancher.example.com'],
    ['https://rancher.example.com/dashboard/', 'https://rancher.example.com'],
    ['HTTPS://Rancher.Example.com:443/v3?x=1#y', 'https://rancher.example.com'],
    ['http://10.0.0.5:8080/dashboard/home', 'http://10.0.0.5:8080'],
    ['rancher.example.com:8443', 'https://rancher.example.com:8443'],
    ['https://[::1]:9443/', 'https://[::1]:9443'],
  ])('normalises %s to %s when it is an http(s) address', (input, origin) => {
    expect(normaliseServerUrl(input)).toBe(origin);
  });

  it.each([
    'ftp://rancher.example.com',
    'file:///etc/passwd',
    'javascript://alert(1)',
    '',
    '   ',
    'https://',
    'http://exa mple.com',
  ])('refuses %j with invalid_input when it is not an http(s) address', (input) => {
    let error: unknown;
    try {
      normaliseServerUrl(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe('invalid_input');
  });

  it('refuses credentials in the address when the user pasted them', () => {
    expect(() => normaliseServerUrl('https://admin:pw@rancher.example.com')).toThrow(
      /Leave the user name/,
    );
  });

  it('names a server after its host when no name is given', () => {
    expect(defaultServerName('https://rancher.example.com')).toBe('rancher.example.com');
    expect(defaultServerName('http://127.0.0.1:8080')).toBe('127.0.0.1:8080');
  });
});
