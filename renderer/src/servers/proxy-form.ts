import type { ProxyInput, ProxyMode, ServerProxy } from '../../../electron/contract/proxy';

/** What the proxy fields hold while the user edits them. The password never comes from main. */
export interface ProxyFormState {
  mode: ProxyMode;
  url: string;
  username: string;
  /** Empty: keep the stored password (if any). */
  password: string;
  allowPlainHttp: boolean;
}

/** The fields for a new server: the system's proxy, as browsers do. */
export const newProxyForm: ProxyFormState = {
  mode: 'system',
  url: '',
  username: '',
  password: '',
  allowPlainHttp: false,
};

/** The fields for a server as main describes it. */
export function proxyFormOf(proxy: ServerProxy): ProxyFormState {
  return {
    mode: proxy.mode,
    url: proxy.url ?? '',
    username: proxy.username ?? '',
    password: '',
    allowPlainHttp: proxy.allowPlainHttp,
  };
}

/**
 * The proxy input to send, or undefined when nothing changed against `stored` (so saving a server
 * for another reason does not re-test its proxy). An empty password keeps the stored one.
 */
export function proxyInputOf(
  form: ProxyFormState,
  stored: ServerProxy | null,
): ProxyInput | undefined {
  const username = form.username.trim();
  const input: ProxyInput =
    form.mode === 'url'
      ? {
          mode: 'url',
          url: form.url.trim(),
          username,
          ...(form.password ? { password: form.password } : username ? {} : { password: null }),
          allowPlainHttp: form.allowPlainHttp,
        }
      : { mode: form.mode, allowPlainHttp: form.allowPlainHttp };
  if (!stored) return input;
  const same =
    stored.mode === form.mode &&
    stored.allowPlainHttp === form.allowPlainHttp &&
    (form.mode !== 'url' ||
      ((stored.url ?? '') === form.url.trim() &&
        (stored.username ?? '') === username &&
        !form.password));
  return same ? undefined : input;
}

/** Whether the form can be sent: a given proxy needs an address. */
export function proxyFormValid(form: ProxyFormState): boolean {
  return form.mode !== 'url' || form.url.trim().length > 0;
}
