import type { SimSetting } from './model';
import type { VersionProfile } from './profiles';

/** Settings readable without authentication (R:pkg/multiclustermanager/routes.go, §1.1). */
export function isPublicSetting(name: string): boolean {
  return name === 'cacerts' || name === 'first-login' || name.startsWith('ui-');
}

/**
 * Defaults of the settings an API-key manager reads (R:pkg/settings/setting.go, rancher-api.md §4.8).
 * All emulated versions are ≥2.8, where the 90-day maximum and 30-day kubeconfig default apply.
 */
export function defaultSettings(profile: VersionProfile): SimSetting[] {
  const list: SimSetting[] = [
    { name: 'auth-token-max-ttl-minutes', value: '', default: '129600' },
    { name: 'auth-user-session-ttl-minutes', value: '', default: '960' },
    { name: 'kubeconfig-default-token-ttl-minutes', value: '', default: '43200' },
    { name: 'kubeconfig-generate-token', value: '', default: 'true' },
    { name: 'cacerts', value: '', default: '' },
    { name: 'server-url', value: '', default: '' },
    { name: 'first-login', value: 'false', default: 'true' },
    { name: 'ui-pl', value: '', default: 'rancher' },
    { name: 'server-version', value: profile.versionString, default: 'dev' },
  ];
  if (profile.idleSessionSetting) {
    list.push({ name: 'auth-user-session-idle-ttl-minutes', value: '', default: '960' });
  }
  return list;
}
