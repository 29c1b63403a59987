import type { Output, ParsedInput } from '../../contract/ipc';
import { AppFailure } from '../app-failure';
import { keySecretAccount } from '../vault/keychain-accounts';
import { createClipboardGuard } from './clipboard-guard';
import { formatCopy, publicFormats } from './copy-format';
import type { KeyContext } from './key-context';
import { ownEntry } from '../id-table';

/** Copies a key in one of the copy formats; secrets never leave the main process except here. */
export interface KeyCopier {
  copy(input: ParsedInput<'keys:copy'>): Promise<Output<'keys:copy'>>;
  /** Cancels the pending clipboard clear. */
  stop(): void;
}

/**
 * Builds the copier: reads the secret (a stored key's, or the sign-in credential's) from the
 * keychain when the format needs it, and writes the clipboard through a guard that clears it
 * after the configured delay.
 */
export function createKeyCopier(ctx: KeyContext): KeyCopier {
  const { deps } = ctx;
  const guard = createClipboardGuard({
    clipboard: deps.clipboard,
    clock: deps.clock,
    log: deps.log,
    clearAfterMs: () => deps.settings.get().clipboardClearMs,
  });
  return {
    async copy(input) {
      const server = deps.servers.get(input.serverId);
      const record = ownEntry(ctx.cache.get(input.serverId).keys, input.keyId);
      const isSignIn = input.keyId === server.signInKeyId;
      if (!record && !isSignIn) ctx.view(input.serverId, input.keyId);
      let bearer: string | null = null;
      if (!publicFormats.has(input.format)) {
        if (!isSignIn && !record?.hasSecret) {
          throw new AppFailure(
            'not_found',
            `Rancher Keys does not hold the secret of ${input.keyId}: it was created elsewhere, and Rancher shows a secret only once. Import it if you have it, or create a new key.`,
          );
        }
        bearer = await deps.secrets.get(
          keySecretAccount(server.origin, server.signInKeyId, input.keyId),
        );
        if (!bearer) {
          await ctx.requireKeychain();
          throw new AppFailure(
            'not_found',
            `The secret of ${input.keyId} is no longer in the keychain (was it removed outside Rancher Keys?). Import the key again or create a new one.`,
          );
        }
      }
      const text = formatCopy(input.format, { origin: server.origin, keyId: input.keyId, bearer });
      // The access key and the endpoint are not secret: they stay on the clipboard.
      const clearsInMs = await guard.write(text, { clear: !publicFormats.has(input.format) });
      return { format: input.format, clearsInMs };
    },
    stop: () => guard.stop(),
  };
}
