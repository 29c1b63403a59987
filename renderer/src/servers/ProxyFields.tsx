import type { ProxyMode, ServerProxy } from '../../../electron/contract/proxy';
import { Field } from '../ui/Field';
import type { ProxyFormState } from './proxy-form';
import './proxy-fields.css';

const modes: Array<{ mode: ProxyMode; label: string; hint: string }> = [
  { mode: 'system', label: 'System proxy', hint: "the operating system's settings (PAC included)" },
  { mode: 'none', label: 'No proxy', hint: 'connect to the server directly' },
  { mode: 'url', label: 'This proxy', hint: 'an http:// or https:// proxy' },
];

/**
 * How a server is reached: the system's proxy, none, or a given proxy with optional credentials
 * (the password goes to the keychain; it is never shown again). For a plain http:// server, using
 * any proxy needs an explicit yes, since the proxy would see every credential.
 */
export function ProxyFields({
  value,
  onChange,
  stored,
  plainHttp,
}: {
  value: ProxyFormState;
  onChange: (next: ProxyFormState) => void;
  /** The server's current setting (null while adding). */
  stored: ServerProxy | null;
  /** The server's address is http://. */
  plainHttp: boolean;
}) {
  const set = (patch: Partial<ProxyFormState>) => onChange({ ...value, ...patch });
  const keepsPassword =
    Boolean(stored?.hasPassword) && value.username.trim() === (stored?.username ?? '');
  return (
    <fieldset className="field proxy-fields" data-testid="proxy-fields">
      <legend>Proxy</legend>
      <div className="proxy-modes">
        {modes.map(({ mode, label, hint }) => (
          <label key={mode} className="check proxy-mode">
            <input
              type="radio"
              name="proxy-mode"
              value={mode}
              checked={value.mode === mode}
              onChange={() => set({ mode })}
            />
            {label} <span className="hint">{hint}</span>
          </label>
        ))}
      </div>
      {value.mode === 'url' && (
        <div className="proxy-given">
          <Field label="Proxy address" hint="e.g. http://proxy.example.com:3128">
            <input
              type="text"
              inputMode="url"
              value={value.url}
              onChange={(e) => set({ url: e.target.value })}
              placeholder="http://proxy.example.com:3128"
              spellCheck={false}
              autoComplete="off"
              required
            />
          </Field>
          <div className="proxy-credentials">
            <Field label="Proxy user name" hint="optional">
              <input
                type="text"
                value={value.username}
                onChange={(e) => set({ username: e.target.value })}
                autoComplete="off"
                spellCheck={false}
              />
            </Field>
            <Field label="Proxy password" hint={keepsPassword ? 'leave empty to keep' : 'optional'}>
              <input
                type="password"
                value={value.password}
                onChange={(e) => set({ password: e.target.value })}
                placeholder={keepsPassword ? '••••••••' : ''}
                autoComplete="new-password"
                disabled={!value.username.trim()}
              />
            </Field>
          </div>
        </div>
      )}
      {plainHttp && value.mode !== 'none' && (
        <div className="proxy-plain-http">
          <p className="notice notice-warning" role="note">
            This server uses plain http://. A proxy in between would see every credential Rancher
            Keys sends to it, in clear. Prefer the server&apos;s https:// address.
          </p>
          <label className="check">
            <input
              type="checkbox"
              checked={value.allowPlainHttp}
              onChange={(e) => set({ allowPlainHttp: e.target.checked })}
            />
            Allow plain HTTP through a proxy for this server
          </label>
        </div>
      )}
    </fieldset>
  );
}
