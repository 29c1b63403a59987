import { describe, expect, it } from 'vitest';
import { parseBearer } from '../../../../electron/core/servers/sign-in';

const secret = 'h6dpx2zlv5b4m8wnq7rjc9tgk4s2f6hxlqz8v7bdn5w2kctpr6m9sgj4';

describe('parseBearer', () => {
  it('splits a v3 bearer into its access key when pasted as Rancher shows it', () => {
    expect(parseBearer(`token-7kq2x:${secret}`)).toEqual({
      family: 'v3',
      name: 'token-7kq2x',
      accessKey: 'token-7kq2x',
    });
    expect(parseBearer(`  kubeconfig-user-btq9q8dl9x:${secret}\n`).name).toBe(
      'kubeconfig-user-btq9q8dl9x',
    );
  });
  it('keeps the ext/ prefix in the access key when the bearer is an ext token', () => {
    expect(parseBearer(`ext/token-chjc9:${secret}`)).toEqual({
      family: 'ext',
      name: 'token-chjc9',
      accessKey: 'ext/token-chjc9',
    });
  });
  it.each([
    'token-7kq2x',
    `Bearer token-7kq2x:${secret}`,
    `token-7kq2x:${secret}:x`,
    'a:b',
    `ext/:${secret}`,
  ])('refuses %j without echoing it when it is not a bearer', (input) => {
    expect(() => parseBearer(input)).toThrow(/Paste the whole bearer token/);
    try {
      parseBearer(input);
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });
});
