import { settingsSchema, type Settings, type SettingsPatch } from '../../contract/settings';
import type { EventSink } from '../events';
import { oneOffParse } from '../one-off-parse';
import type { MetadataStore } from '../vault/metadata-store';

/** The metadata document that holds the user's settings. */
export const settingsDocument = 'settings';

/** User settings: read at start, changed through `settings:set`, persisted in metadata. */
export interface SettingsService {
  load(): Promise<void>;
  get(): Settings;
  set(patch: SettingsPatch): Promise<Settings>;
  /** Called after every change (the scheduler re-arms, the key list re-filters). */
  onChange(listener: (settings: Settings) => void): () => void;
}

export function createSettingsService(deps: {
  metadata: MetadataStore;
  emit: EventSink;
}): SettingsService {
  let current: Settings = settingsSchema.parse({}, oneOffParse);
  const listeners = new Set<(settings: Settings) => void>();
  // Patches apply one after another, each to the result of the one before: two in flight would
  // otherwise both start from the same settings and the later write would undo the earlier change.
  let queue: Promise<unknown> = Promise.resolve();

  async function apply(patch: SettingsPatch): Promise<Settings> {
    const named = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    );
    const next = settingsSchema.parse({ ...current, ...named }, oneOffParse);
    await deps.metadata.write(settingsDocument, settingsSchema, next);
    current = next;
    deps.emit('settings:changed', { settings: next });
    for (const listener of listeners) listener(next);
    return next;
  }

  return {
    async load() {
      current = await deps.metadata.read(settingsDocument, settingsSchema, current);
    },
    get: () => current,
    set(patch) {
      const job = queue.then(() => apply(patch));
      queue = job.catch(() => undefined);
      return job;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
