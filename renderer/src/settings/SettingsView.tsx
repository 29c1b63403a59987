import { useState } from 'react';
import { useStore } from '../ui/use-store';
import {
  isQuickCopyShortcut,
  quickCopyShortcuts,
  themes,
} from '../../../electron/contract/constants';
import type { SettingsPatch } from '../../../electron/contract/settings';
import { durationUnits, formatDuration, time, unitMs, type DurationUnit } from '../format/time';
import { DataProblemList } from '../ui/DataProblems';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useStores } from '../ui/stores-context';
import { PlaintextSection } from '../plaintext/PlaintextSection';
import { CommandLineSection } from './CommandLineSection';
import './settings.css';

/** Splits a threshold into the largest whole unit, for editing. */
function split(ms: number): { value: string; unit: DurationUnit } {
  if (ms % time.DAY === 0) return { value: String(ms / time.DAY), unit: 'days' };
  if (ms % time.HOUR === 0) return { value: String(ms / time.HOUR), unit: 'hours' };
  return { value: String(Math.round(ms / time.MINUTE)), unit: 'minutes' };
}

function Toggle({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="setting-row">
      <span className="setting-text">
        <span>{label}</span>
        {hint && <span className="hint">{hint}</span>}
      </span>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
    </label>
  );
}

/** Warning thresholds: up to five "N unit before expiry" rows. */
function Thresholds({ values, onSave }: { values: number[]; onSave: (ms: number[]) => void }) {
  const [rows, setRows] = useState(() => values.map(split));
  const [dirty, setDirty] = useState(false);
  const parsed = rows.map((r) => Math.round(Number(r.value) * unitMs(r.unit)));
  const valid = parsed.every(
    (ms) => Number.isFinite(ms) && ms >= time.MINUTE && ms <= 366 * time.DAY,
  );
  function change(next: typeof rows) {
    setRows(next);
    setDirty(true);
  }
  return (
    <fieldset className="setting-group">
      <legend>Warn before a key expires</legend>
      {rows.map((row, i) => (
        <div key={i} className="threshold-row">
          <input
            type="number"
            min={1}
            value={row.value}
            aria-label={`Threshold ${i + 1} value`}
            onChange={(e) =>
              change(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))
            }
          />
          <select
            value={row.unit}
            aria-label={`Threshold ${i + 1} unit`}
            onChange={(e) =>
              change(
                rows.map((r, j) => (j === i ? { ...r, unit: e.target.value as DurationUnit } : r)),
              )
            }
          >
            {durationUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
          <span className="muted">before</span>
          <button
            type="button"
            className="button button-small"
            onClick={() => change(rows.filter((_, j) => j !== i))}
            aria-label={`Remove threshold ${i + 1}`}
          >
            Remove
          </button>
        </div>
      ))}
      <div className="threshold-actions">
        {rows.length < 5 && (
          <button
            type="button"
            className="button button-small"
            onClick={() => change([...rows, { value: '3', unit: 'days' }])}
          >
            Add threshold
          </button>
        )}
        <button
          type="button"
          className="button button-small button-primary"
          disabled={!dirty || !valid}
          onClick={() => {
            onSave([...new Set(parsed)].sort((a, b) => b - a));
            setDirty(false);
          }}
        >
          Save thresholds
        </button>
        {!valid && (
          <span className="field-error">Each threshold is between 1 minute and 366 days.</span>
        )}
      </div>
    </fieldset>
  );
}

/**
 * Every user setting, and an About section (version, platform, keychain status and fix, damaged
 * data files set aside).
 */
/** Why closing the window quits on a desktop without a tray (stock GNOME has none). */
const noTrayHint =
  'This desktop shows no tray icons, so closing the window quits Rancher Keys. On GNOME, ' +
  'the AppIndicator extension adds a tray.';

export function SettingsView() {
  const { api, settings, ui } = useStores();
  const s = useStore(settings.store, (x) => x.settings);
  const info = useStore(settings.store, (x) => x.info);
  const error = useStore(settings.store, (x) => x.error);
  const showLogFile = () => {
    api.call('app:showLogFile', {}).then(
      ({ shown }) => {
        if (!shown) ui.toast('There is no log file to show.', 'error');
      },
      () => ui.toast('Could not show the log file.', 'error'),
    );
  };
  const save = (patch: SettingsPatch) => {
    settings.set(patch).then(
      () => ui.toast('Settings saved.', 'success'),
      () => undefined,
    );
  };

  return (
    <section className="view settings-view" aria-labelledby="settings-title">
      <header className="view-header">
        <div className="view-title">
          <h1 id="settings-title">Settings</h1>
        </div>
      </header>
      {error && <ErrorNotice error={error} compact />}
      <div className="settings-grid">
        <section className="settings-column" aria-labelledby="settings-expiry">
          <h2 id="settings-expiry">Expiry warnings</h2>
          <Thresholds
            key={s.warningThresholdsMs.join(',')}
            values={s.warningThresholdsMs}
            onSave={(warningThresholdsMs) => save({ warningThresholdsMs })}
          />
          <Toggle
            label="Warn when a key expires"
            checked={s.warnAtExpiry}
            onChange={(warnAtExpiry) => save({ warnAtExpiry })}
          />
          <Toggle
            label="Desktop notifications"
            hint="Shown even when the window is closed"
            checked={s.notifications}
            onChange={(notifications) => save({ notifications })}
          />
        </section>
        <section className="settings-column" aria-labelledby="settings-keys">
          <h2 id="settings-keys">Keys</h2>
          <label className="setting-row">
            <span className="setting-text">
              <span>Clear the clipboard after</span>
              <span className="hint">Only if it still holds what Rancher Keys copied</span>
            </span>
            <select
              value={s.clipboardClearMs}
              onChange={(e) => save({ clipboardClearMs: Number(e.target.value) })}
            >
              {[0, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000]
                .concat([s.clipboardClearMs])
                .filter((v, i, a) => a.indexOf(v) === i)
                .sort((a, b) => a - b)
                .map((ms) => (
                  <option key={ms} value={ms}>
                    {ms === 0 ? 'Never' : formatDuration(ms)}
                  </option>
                ))}
            </select>
          </label>
          <Toggle
            label="Show session, kubeconfig and system tokens"
            hint="Besides API keys: browser sessions, kubeconfig files' tokens, Rancher's own"
            checked={s.showSystemTokens}
            onChange={(showSystemTokens) => save({ showSystemTokens })}
          />
        </section>
        <section className="settings-column" aria-labelledby="settings-system">
          <h2 id="settings-system">Appearance and system</h2>
          <fieldset className="setting-group">
            <legend>Theme</legend>
            <div className="segmented" role="radiogroup" aria-label="Theme">
              {themes.map((t) => (
                <button
                  key={t}
                  type="button"
                  role="radio"
                  aria-checked={s.theme === t}
                  className={s.theme === t ? 'segment current' : 'segment'}
                  onClick={() => save({ theme: t })}
                >
                  {t === 'system' ? 'System' : t === 'light' ? 'Light' : 'Dark'}
                </button>
              ))}
            </div>
          </fieldset>
          <Toggle
            label="Start at login"
            checked={s.startAtLogin}
            onChange={(startAtLogin) => save({ startAtLogin })}
          />
          <label className="setting-row">
            <span className="setting-text">
              <span>Quick copy from any app</span>
              <span className="hint">A shortcut that opens quick copy over other windows</span>
            </span>
            <select
              value={s.quickCopyShortcut}
              onChange={(e) => {
                // Only the listed options can be chosen; main validates the patch again.
                if (isQuickCopyShortcut(e.target.value))
                  save({ quickCopyShortcut: e.target.value });
              }}
            >
              {quickCopyShortcuts.map((accelerator) => (
                <option key={accelerator} value={accelerator}>
                  {accelerator === 'off'
                    ? 'Off'
                    : accelerator.replace('CommandOrControl', 'Ctrl/Cmd')}
                </option>
              ))}
            </select>
          </label>
          <Toggle
            label="Keep running in the tray when the window is closed"
            hint={info?.trayAvailable === false ? noTrayHint : undefined}
            checked={s.closeToTray}
            onChange={(closeToTray) => save({ closeToTray })}
          />
        </section>
        <CommandLineSection />
        <PlaintextSection />
        <section className="settings-column" aria-labelledby="settings-about">
          <h2 id="settings-about">About</h2>
          {info ? (
            <dl className="facts" aria-label="About this app">
              <dt>Version</dt>
              <dd data-testid="app-version">{info.version}</dd>
              <dt>Platform</dt>
              <dd>{info.platform}</dd>
              <dt>Keychain</dt>
              <dd data-testid="keychain-status">
                {info.keychain.status}
                {info.keychain.reason && ` — ${info.keychain.reason}`}
              </dd>
              {info.keychain.fix && (
                <>
                  <dt>Fix</dt>
                  <dd data-testid="keychain-fix">{info.keychain.fix}</dd>
                </>
              )}
              <dt>Log file</dt>
              <dd data-testid="log-file">
                {info.logFile ?? 'None (logging to the terminal only)'}
              </dd>
            </dl>
          ) : (
            <p className="muted">Loading…</p>
          )}
          {info?.dataProblems && info.dataProblems.length > 0 && (
            <section className="notice notice-warning" aria-labelledby="data-problems-title">
              <div className="notice-text">
                <h3 id="data-problems-title">Damaged data files set aside</h3>
                <DataProblemList problems={info.dataProblems} />
              </div>
            </section>
          )}
          <button
            type="button"
            className="button button-small"
            onClick={() => void settings.reloadInfo()}
          >
            Check the keychain again
          </button>
          {info?.logFile && (
            <button type="button" className="button button-small" onClick={showLogFile}>
              Show the log file
            </button>
          )}
        </section>
      </div>
    </section>
  );
}
