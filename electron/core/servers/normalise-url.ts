import { AppFailure } from '../app-failure';

/**
 * Turns what a user types into a server origin: `rancher.example.com`, `https://rancher.example.com/dashboard/`
 * and `HTTPS://Rancher.Example.com:443/` all become `https://rancher.example.com`. HTTPS is the
 * default; only http and https are accepted; credentials in the URL are refused.
 */
export function normaliseServerUrl(input: string): string {
  const text = input.trim();
  if (!text) throw new AppFailure('invalid_input', 'Enter the address of your Rancher server.');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1];
  if (scheme && !/^https?$/i.test(scheme)) {
    throw new AppFailure(
      'invalid_input',
      `"${scheme}://" addresses are not supported. Enter the Rancher server's https:// address.`,
    );
  }
  let url: URL;
  try {
    url = new URL(scheme ? text : `https://${text}`);
  } catch {
    throw new AppFailure(
      'invalid_input',
      'This is not a valid address. Enter it as rancher.example.com or https://rancher.example.com.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppFailure('invalid_input', "Enter the Rancher server's https:// address.");
  }
  if (url.username || url.password) {
    throw new AppFailure(
      'invalid_input',
      'Leave the user name and password out of the address; sign in after adding the server.',
    );
  }
  if (!url.hostname) {
    throw new AppFailure(
      'invalid_input',
      'The address has no host name. Enter it as rancher.example.com.',
    );
  }
  return url.origin;
}

/** The default display name of a server: its host (with the port when not the default). */
export function defaultServerName(origin: string): string {
  return new URL(origin).host;
}
