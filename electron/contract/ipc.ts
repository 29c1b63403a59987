import { z } from 'zod';
import type { activityChannels, activityEvents } from './activity-channels';
import { appInfoSchema, expirySummarySchema, expiryWarningSchema } from './app';
import { builtOnFirstUse } from './built-on-first-use';
import { appErrorSchema, type Result } from './errors';
import type { hygieneChannels, hygieneEvents } from './hygiene-channels';
import type { plaintextChannels, plaintextEvents } from './plaintext-channels';
import type { eagerChannelNames } from './names';
import {
  activityChannelNames,
  channelNameList,
  commandLineChannelNames,
  eventNameList,
  hygieneChannelNames,
  plaintextChannelNames,
  signInChannelNames,
  type Channel,
  type EventName,
} from './names';
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
import type { signInChannels, signInEvents } from './sign-in-channels';
import type { commandLineChannels } from './command-line';

const empty = z.object({}).strict();
// The inputs and outputs of actions a user starts are built on their first use (see
// built-on-first-use.ts); those the first screen asks for are built at load.
const serverIdInput = builtOnFirstUse(() => z.object({ serverId: z.string().min(1) }));
const idInput = builtOnFirstUse(() => z.object({ id: z.string().min(1) }));
const serverOutput = builtOnFirstUse(() => z.object({ server: serverSchema }));
const keyOutput = builtOnFirstUse(() => z.object({ key: keyViewSchema }));

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

/** One channel's schemas: what the dispatcher parses its input and its output with. */
export interface ChannelSchema {
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * The invoke channels whose schemas are built when main loads: `domain:verb` → one object in, one
 * object out. With the lazily built groups below ({@link channelGroups}) they are the single
 * source of truth for main's registration, the preload's allowlist, the test bridge and the
 * renderer's types.
 */
export const channels = {
  'app:info': { input: empty, output: appInfoSchema },
  /** Shows the log file in the OS file manager (a main-process action); false when there is none. */
  'app:showLogFile': {
    input: empty,
    output: builtOnFirstUse(() => z.object({ shown: z.boolean() })),
  },
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
  'settings:set': {
    input: settingsPatchSchema,
    output: builtOnFirstUse(() => z.object({ settings: settingsSchema })),
  },

  'servers:list': {
    input: empty,
    output: z.object({ servers: z.array(serverSchema), activeId: z.string().nullable() }),
  },
  'servers:add': { input: serverAddInputSchema, output: serverOutput },
  'servers:update': { input: serverUpdateInputSchema, output: serverOutput },
  'servers:remove': { input: idInput, output: empty },
  'servers:switch': { input: idInput, output: serverOutput },
  'servers:providers': {
    input: serverIdInput,
    output: builtOnFirstUse(() => z.object({ providers: z.array(authProviderSchema) })),
  },
  'servers:clusters': {
    input: serverIdInput,
    output: builtOnFirstUse(() => z.object({ clusters: z.array(clusterSchema) })),
  },

  'auth:signIn': { input: signInInputSchema, output: serverOutput },
  'auth:signOut': { input: serverIdInput, output: serverOutput },

  'keys:list': { input: keysListInputSchema, output: keysListOutputSchema },
  'keys:refresh': {
    input: builtOnFirstUse(() => z.object({ serverId: z.string().min(1).optional() })),
    output: builtOnFirstUse(() =>
      z.object({
        results: z.array(
          z.object({ serverId: z.string(), ok: z.boolean(), message: z.string().nullable() }),
        ),
      }),
    ),
  },
  'keys:expiring': { input: empty, output: z.object({ items: z.array(expiringItemSchema) }) },
  'keys:create': { input: keysCreateInputSchema, output: keysCreateOutputSchema },
  'keys:import': { input: keysImportInputSchema, output: keyOutput },
  'keys:setLabels': { input: keysSetLabelsInputSchema, output: keyOutput },
  'labels:rename': {
    input: labelsRenameInputSchema,
    output: builtOnFirstUse(() => z.object({ renamed: z.number() })),
  },
  'keys:renew': { input: keysRenewInputSchema, output: keysRenewOutputSchema },
  'keys:update': { input: keysUpdateInputSchema, output: keyOutput },
  'keys:delete': { input: keysDeleteInputSchema, output: keysDeleteOutputSchema },
  'keys:copy': { input: keysCopyInputSchema, output: keysCopyOutputSchema },
  'keys:snooze': { input: keysSnoozeInputSchema, output: keyOutput },
  'keys:setDefault': { input: keysSetDefaultInputSchema, output: keyOutput },

  'expiry:summary': { input: empty, output: expirySummarySchema },
} as const satisfies Record<(typeof eagerChannelNames)[number], ChannelSchema>;

/** Main → renderer events of the eagerly built channels, and their payloads. */
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
} as const;

/** One group of channels (and its events) whose schemas are built on first use. */
interface ChannelGroup {
  names: readonly Channel[];
  load: () => Promise<{
    channels: Record<string, ChannelSchema>;
    events: Record<string, z.ZodType>;
  }>;
}

/**
 * The channel groups start does not use (single sign-on, the clean-up view, the activity log,
 * kubectl and the command, the Plaintext check): their modules are imported, and their schemas
 * built, when one of their channels is first dispatched (bench/RESULTS.md, issue 14: building
 * every schema at load cost each start several ms). The same schemas parse every input and
 * output of them as before; only the moment they are built changes.
 */
export const channelGroups: readonly ChannelGroup[] = [
  {
    names: signInChannelNames,
    load: () =>
      import('./sign-in-channels').then((m) => ({
        channels: m.signInChannels,
        events: m.signInEvents,
      })),
  },
  {
    names: hygieneChannelNames,
    load: () =>
      import('./hygiene-channels').then((m) => ({
        channels: m.hygieneChannels,
        events: m.hygieneEvents,
      })),
  },
  {
    names: activityChannelNames,
    load: () =>
      import('./activity-channels').then((m) => ({
        channels: m.activityChannels,
        events: m.activityEvents,
      })),
  },
  {
    names: commandLineChannelNames,
    load: () =>
      import('./command-line').then((m) => ({ channels: m.commandLineChannels, events: {} })),
  },
  {
    names: plaintextChannelNames,
    load: () =>
      import('./plaintext-channels').then((m) => ({
        channels: m.plaintextChannels,
        events: m.plaintextEvents,
      })),
  },
];

/** Every channel's schemas, as types: the eager ones and each lazily built group's. */
type ChannelSchemas = typeof channels &
  typeof signInChannels &
  typeof hygieneChannels &
  typeof activityChannels &
  typeof commandLineChannels &
  typeof plaintextChannels;
/** Every event's payload schema, as types. */
type EventSchemas = typeof events &
  typeof signInEvents &
  typeof hygieneEvents &
  typeof activityEvents &
  typeof plaintextEvents;

// Compile-time: the maps have exactly the names of names.ts, each with its schemas.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mapsMatchTheirNames: [
  Same<keyof ChannelSchemas, Channel>,
  Same<keyof EventSchemas, EventName>,
  ChannelSchemas extends Record<Channel, ChannelSchema> ? true : false,
  EventSchemas extends Record<EventName, z.ZodType> ? true : false,
] = [true, true, true, true];
void mapsMatchTheirNames;

const groupOf = new Map<Channel, ChannelGroup>(
  channelGroups.flatMap((group) => group.names.map((name) => [name, group] as const)),
);
const loadedGroups = new Map<ChannelGroup, ReturnType<ChannelGroup['load']>>();

/** Loads a group once; a failed load is tried again at the next use. */
function loadGroup(group: ChannelGroup): ReturnType<ChannelGroup['load']> {
  let loading = loadedGroups.get(group);
  if (!loading) {
    loading = group.load();
    loadedGroups.set(group, loading);
    loading.catch(() => loadedGroups.delete(group));
  }
  return loading;
}

/**
 * A channel's schemas: at once for the eagerly built channels, else once its group is loaded.
 */
export function channelSchema<C extends Channel>(
  channel: C,
): ChannelSchemas[C] | Promise<ChannelSchemas[C]> {
  if (Object.hasOwn(channels, channel))
    return channels[channel as keyof typeof channels] as ChannelSchemas[C];
  const group = groupOf.get(channel);
  if (!group) throw new Error(`no schemas for ${channel}`);
  return loadGroup(group).then((loaded) => loaded.channels[channel] as ChannelSchemas[C]);
}

/** Every channel's schemas, every group loaded (tests and tools; main uses {@link channelSchema}). */
export async function allChannels(): Promise<ChannelSchemas> {
  const groups = await Promise.all(channelGroups.map(loadGroup));
  return Object.assign({}, channels, ...groups.map((g) => g.channels)) as ChannelSchemas;
}

/** Every event's payload schema, every group loaded (tests and tools). */
export async function allEvents(): Promise<EventSchemas> {
  const groups = await Promise.all(channelGroups.map(loadGroup));
  return Object.assign({}, events, ...groups.map((g) => g.events)) as EventSchemas;
}

export type { Channel, EventName };
export { isChannel, isEventName } from './names';
/** What a caller passes (defaults optional). */
export type Input<C extends Channel> = z.input<ChannelSchemas[C]['input']>;
/** What a handler receives (after parsing, defaults applied). */
export type ParsedInput<C extends Channel> = z.output<ChannelSchemas[C]['input']>;
export type Output<C extends Channel> = z.infer<ChannelSchemas[C]['output']>;
export type EventPayload<E extends EventName> = z.infer<EventSchemas[E]>;

export const channelNames: readonly Channel[] = channelNameList;
export const eventNames: readonly EventName[] = eventNameList;

/** The API the preload (or the test bridge's shim) puts on `window.rancherKeys`. */
export interface RancherKeysApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
