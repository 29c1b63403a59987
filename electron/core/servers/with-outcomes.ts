import { AppFailure } from '../app-failure';
import type { RancherClient } from '../rancher/rancher-client';

type Outcome = { ok: true } | { ok: false; code: string; message: string };

/** Wraps a client so that every call's outcome feeds the server's health. */
export function withOutcomes(
  client: RancherClient,
  note: (outcome: Outcome) => void,
): RancherClient {
  async function track<T>(call: () => Promise<T>): Promise<T> {
    try {
      const value = await call();
      note({ ok: true });
      return value;
    } catch (error) {
      if (error instanceof AppFailure)
        note({ ok: false, code: error.code, message: error.message });
      throw error;
    }
  }
  return {
    origin: client.origin,
    probe: () => track(() => client.probe()),
    authProviders: () => track(() => client.authProviders()),
    login: (provider, username, password) =>
      track(() => client.login(provider, username, password)),
    logout: () => track(() => client.logout()),
    // Public endpoints that say nothing about the sign-in's health (a pending poll is a 404).
    sso: client.sso,
    me: () => track(() => client.me()),
    clusters: () => track(() => client.clusters()),
    listTokens: (known) => track(() => client.listTokens(known)),
    getToken: (family, name) => track(() => client.getToken(family, name)),
    createToken: (input) => track(() => client.createToken(input)),
    deleteToken: (family, name) => track(() => client.deleteToken(family, name)),
    updateExtToken: (name, patch) => track(() => client.updateExtToken(name, patch)),
  };
}
