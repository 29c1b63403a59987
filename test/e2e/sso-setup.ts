import { expect, type Page } from '@playwright/test';
import type { RancherSim } from '../rancher-sim';
import { connectAzureProvider, connectSamlProvider, type FakeIdp } from '../rancher-sim/fake-idp';
import {
  connectOAuthProvider,
  type FakeOAuthIdp,
  type OAuthProviderType,
} from '../rancher-sim/fake-oauth-idp';
import type { AppPage } from './pages/app-page';
import { ServerDialogs } from './pages/server-dialogs';
import { SignInPage } from './pages/sign-in-page';

/** The simulated user `alice`: SAML NameID `alice`, Entra `oid-alice`. Returns her user id. */
function addAlice(sim: RancherSim): string {
  return sim.state.addUser({ username: 'alice', password: 'not-used-here', displayName: 'Alice' })
    .id;
}

/** Okta over SAML on the simulator, its IdP the fake one, NameID `alice` linked to alice. */
export function connectOkta(sim: RancherSim, idp: FakeIdp): string {
  const alice = addAlice(sim);
  connectSamlProvider(sim.state, idp, { id: 'okta', type: 'oktaProvider' }, { alice });
  return alice;
}

/** Azure AD on the simulator with the fake Entra (device code and authorize), `oid-alice` → alice. */
export function connectAzure(sim: RancherSim, idp: FakeIdp): string {
  const alice = addAlice(sim);
  connectAzureProvider(sim.state, idp, { 'oid-alice': alice });
  return alice;
}

/** An OAuth provider (GitHub, Google…) on the simulator with a fake OAuth IdP, `alice` → alice. */
export function connectOAuth(
  sim: RancherSim,
  idp: FakeOAuthIdp,
  provider: { id: string; type: OAuthProviderType },
): string {
  const alice = addAlice(sim);
  connectOAuthProvider(sim, idp, provider, { alice });
  return alice;
}

/** Adds the simulator through the window (trusting its certificate): the sign-in dialog follows. */
export async function addServerForSignIn(
  app: AppPage,
  page: Page,
  sim: RancherSim,
): Promise<SignInPage> {
  const dialogs = new ServerDialogs(page);
  await app.open();
  await page.getByRole('button', { name: 'Add a Rancher server' }).click();
  await dialogs.addServer(sim.url, 'Sim');
  await dialogs.trust.getByRole('button', { name: 'Trust and add server' }).click();
  const signIn = new SignInPage(page);
  await expect(signIn.dialog).toBeVisible();
  return signIn;
}
