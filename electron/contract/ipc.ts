import { z } from 'zod';
import { activityChannels, activityEvents } from './activity-channels';
import { appInfoSchema, expirySummarySchema, expiryWarningSchema } from './app';
import { appErrorSchema, type Result } from './errors';
import { hygieneChannels, hygieneEvents } from './hygiene-channels';
import { plaintextChannels, plaintextEvents } from './plaintext-channels';
import { channelNameList, eventNameList, type Channel, type EventName } from './names';
import {
  expiringItemSchema,
  keysCopyInputSchema,
  keysCopyOutputSchema,
  keysCreateInputSchema,
  keysCreateOutputSchema,
  keysDeleteInputSchema,
  keysDeleteOutputSchema,
  keysImportInputSchema,
  keysListInputSchema,
  keysListOutputSchema,
  keysRenewInputSchema,
  keysRenewOutputSchema,
  keysSetDefaultInputSchema,
  keysSetLabelsInputSchema,
  keysSnoozeInputSchema,
  keysUpdateInputSchema,
  keyViewSchema,
  labelsRenameInputSchema,
} from './keys';
import {
  authProviderSchema,
  clusterSchema,
  serverAddInputSchema,
  serverSchema,
  serverUpdateInputSchema,
  signInInputSchema,
} from './servers';
import { settingsPatchSchema, settingsSchema } from './settings';
import { signInChannels, signInEvents } from './sign-in-channels';
import { commandLineChannels } from './command-line';

const empty = z.object({}).strict();
const serverIdInput = z.object({ serverId: z.string().min(1) });
const serverOutput = z.object({ server: serverSchema });
const keyOutput = z.object({ key: keyViewSchema });

/**
 * What the window's first screen needs, in one answer (`app:start`): settings, servers, the
 * expiry counts and the first window of the active server's keys. The keys part carries its own
 * outcome, so a server whose list cannot be read still lets the window start; null when no server
 * is active.
 */
export const appStartOutputSchema = z.object({
  settings: settingsSchema,
  servers: z.array(serverSchema),
  activeId: z.string().nullable(),
  keys: z
    .discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: keysListOutputSchema }),
      z.object({ ok: z.literal(false), error: appErrorSchema }),
    ])
    .nullable(),
  expiry: expirySummarySchema,
});

/**
 * Every invoke channel: `domain:verb` → one object in, one object out. The single source of truth
 * for main's registration, the preload's allowlist, the test bridge and the renderer's types.
 */
export const channels = {
  'app:info': { input: empty, output: appInfoSchema },
  /** Shows the log file in the OS file manager (a main-process action); false when there is none. */
  'app:showLogFile': { input: empty, output: z.object({ shown: z.boolean() }) },
  /**
   * The window has subscribed to every event: main delivers the events it held while the page
   * loaded (the shell's and the bridge's renderer gate act on it; the core only answers).
   */
  'app:ready': { input: empty, output: empty },
  /**
   * Everything the first screen shows but the keychain's status (`app:info`, asked alongside: its
   * probe writes to the keychain, and the rows need not wait for it). See
   * {@link appStartOutputSchema}.
   */
  'app:start': { input: empty, output: appStartOutputSchema },

  'settings:get': { input: empty, output: z.object({ settings: settingsSchema }) },
  'settings:set': { input: settingsPatchSchema, output: z.object({ settings: settingsSchema }) },

  'servers:list': {
    input: empty,
    output: z.object({ servers: z.array(serverSchema), activeId: z.string().nullable() }),
  },
  'servers:add': { input: serverAddInputSchema, output: serverOutput },
  'servers:update': { input: serverUpdateInputSchema, output: serverOutput },
  'servers:remove': { input: z.object({ id: z.string().min(1) }), output: empty },
  'servers:switch': { input: z.object({ id: z.string().min(1) }), output: serverOutput },
  'servers:providers': {
    input: serverIdInput,
    output: z.object({ providers: z.array(authProviderSchema) }),
  },
  'servers:clusters': {
    input: serverIdInput,
    output: z.object({ clusters: z.array(clusterSchema) }),
  },

  'auth:signIn': { input: signInInputSchema, output: serverOutput },
  'auth:signOut': { input: serverIdInput, output: serverOutput },

  'keys:list': { input: keysListInputSchema, output: keysListOutputSchema },
  'keys:refresh': {
    input: z.object({ serverId: z.string().min(1).optional() }),
    output: z.object({
      results: z.array(
        z.object({ serverId: z.string(), ok: z.boolean(), message: z.string().nullable() }),
      ),
    }),
  },
  'keys:expiring': { input: empty, output: z.object({ items: z.array(expiringItemSchema) }) },
  'keys:create': { input: keysCreateInputSchema, output: keysCreateOutputSchema },
  'keys:import': { input: keysImportInputSchema, output: keyOutput },
  'keys:setLabels': { input: keysSetLabelsInputSchema, output: keyOutput },
  'labels:rename': { input: labelsRenameInputSchema, output: z.object({ renamed: z.number() }) },
  'keys:renew': { input: keysRenewInputSchema, output: keysRenewOutputSchema },
  'keys:update': { input: keysUpdateInputSchema, output: keyOutput },
  'keys:delete': { input: keysDeleteInputSchema, output: keysDeleteOutputSchema },
  'keys:copy': { input: keysCopyInputSchema, output: keysCopyOutputSchema },
  'keys:snooze': { input: keysSnoozeInputSchema, output: keyOutput },
  'keys:setDefault': { input: keysSetDefaultInputSchema, output: keyOutput },

  'expiry:summary': { input: empty, output: expirySummarySchema },

  ...signInChannels,
  ...hygieneChannels,
  ...activityChannels,
  ...commandLineChannels,
  ...plaintextChannels,
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

/** Main → renderer events and their payloads. */
export const events = {
  'servers:changed': z.object({}),
  'keys:changed': z.object({ serverId: z.string() }),
  'settings:changed': z.object({ settings: settingsSchema }),
  'expiry:warning': expiryWarningSchema,
  'expiry:summary': expirySummarySchema,
  /** Ask the window to show a key, e.g. after a notification was clicked. */
  'app:navigate': z.object({ serverId: z.string(), keyId: z.string().nullable() }),
  /** A menu shortcut for the window: open the new-key form, focus search, open settings. */
  'app:command': z.object({ command: z.enum(['newKey', 'search', 'settings', 'quickCopy']) }),
  ...signInEvents,
  ...hygieneEvents,
  ...activityEvents,
  ...plaintextEvents,
} as const satisfies Record<EventName, z.ZodType>;

export type { Channel, EventName };
export { isChannel, isEventName } from './names';
/** What a caller passes (defaults optional). */
export type Input<C extends Channel> = z.input<(typeof channels)[C]['input']>;
/** What a handler receives (after parsing, defaults applied). */
export type ParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type Output<C extends Channel> = z.infer<(typeof channels)[C]['output']>;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

export const channelNames: readonly Channel[] = channelNameList;
export const eventNames: readonly EventName[] = eventNameList;

/** The API the preload (or the test bridge's shim) puts on `window.rancherKeys`. */
export interface RancherKeysApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
