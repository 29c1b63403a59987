// Channel and event names without their schemas, so the preload can hold its allowlist without
// bundling zod. `ipc.ts` checks at compile time that its maps have exactly these keys.

/** The channels whose schemas are built at load: what start and the main views use. */
export const eagerChannelNames = [
  'app:info',
  'app:showLogFile',
  'app:ready',
  'app:start',
  'settings:get',
  'settings:set',
  'servers:list',
  'servers:add',
  'servers:update',
  'servers:remove',
  'servers:switch',
  'servers:providers',
  'servers:clusters',
  'auth:signIn',
  'auth:signOut',
  'keys:list',
  'keys:refresh',
  'keys:expiring',
  'keys:create',
  'keys:import',
  'keys:setLabels',
  'labels:rename',
  'keys:renew',
  'keys:update',
  'keys:delete',
  'keys:copy',
  'keys:snooze',
  'keys:setDefault',
  'expiry:summary',
] as const;

// The channel groups whose schemas (and core parts) are built on first use: start uses none.

/** Single sign-on (`sign-in-channels.ts`). */
export const signInChannelNames = [
  'auth:methods',
  'auth:ssoStart',
  'auth:ssoOpenBrowser',
  'auth:ssoCopyCode',
  'auth:ssoWait',
  'auth:ssoCancel',
] as const;

/** The clean-up view (`hygiene-channels.ts`). */
export const hygieneChannelNames = [
  'hygiene:scan',
  'hygiene:members',
  'hygiene:preview',
  'hygiene:revoke',
  'hygiene:cancel',
] as const;

/** The activity log (`activity-channels.ts`). */
export const activityChannelNames = ['activity:list', 'activity:export'] as const;

/** kubectl and the command (`command-line.ts`). */
export const commandLineChannelNames = ['kubectl:kubeconfig', 'cli:status', 'cli:install'] as const;

/** The Plaintext check and where-used (`plaintext-channels.ts`). */
export const plaintextChannelNames = [
  'plaintext:scan',
  'plaintext:addFile',
  'plaintext:import',
  'plaintext:cancel',
  'plaintext:rewritePreview',
  'plaintext:rewrite',
  'plaintext:undo',
  'plaintext:updatePlaces',
  'keys:whereUsed',
] as const;

export const channelNameList = [
  ...eagerChannelNames,
  ...signInChannelNames,
  ...hygieneChannelNames,
  ...activityChannelNames,
  ...commandLineChannelNames,
  ...plaintextChannelNames,
] as const;

export const eventNameList = [
  'servers:changed',
  'keys:changed',
  'settings:changed',
  'expiry:warning',
  'expiry:summary',
  'app:navigate',
  'app:command',
  'hygiene:progress',
  'activity:changed',
  'plaintext:progress',
  'auth:ssoProgress',
] as const;

export type Channel = (typeof channelNameList)[number];
export type EventName = (typeof eventNameList)[number];

const channelSet: ReadonlySet<string> = new Set(channelNameList);
const eventSet: ReadonlySet<string> = new Set(eventNameList);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && channelSet.has(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventSet.has(name);
}
