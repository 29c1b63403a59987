import type { Logger } from '../log';
import { darwinCertificates } from './trust-store-darwin';
import { linuxCertificates, type FileReader } from './trust-store-linux';
import { windowsCertificates } from './trust-store-windows';
import { uniqueCertificates } from './pem-bundle';

/** The operating system's trusted CA certificates, as PEM. */
export interface TrustStore {
  /** Read once (the first call), then cached; an unreadable store is logged and empty. */
  certificates(): Promise<readonly string[]>;
}

/** Runs a program (no shell) and returns its standard output. */
export type RunProgram = (file: string, args: readonly string[]) => Promise<string>;

/** What the per-OS readers need; injected so tests read a test bundle, never the machine's store. */
export interface TrustStoreDeps {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  files: FileReader;
  run: RunProgram;
  /**
   * Node's `tls.getCACertificates`, where the runtime has it (Node 22.15+, so Electron's main
   * process, not Node 20): its `'system'` set reads macOS keychains and Windows' root store.
   */
  getCACertificates?: ((type: 'system') => string[]) | undefined;
  log: Logger;
}

/**
 * The OS trust store: Linux's system bundle (`SSL_CERT_FILE` / `SSL_CERT_DIR`, else the
 * distribution's bundle file or `/etc/ssl/certs`); on macOS and Windows Node's own system-store
 * reader where the runtime has one, else the System keychains (`security`) or the root stores
 * (PowerShell). Other platforms have none here.
 */
export function createTrustStore(deps: TrustStoreDeps): TrustStore {
  let loaded: Promise<readonly string[]> | null = null;
  async function read(): Promise<string[]> {
    if (deps.platform === 'linux') return linuxCertificates(deps.env, deps.files);
    if (deps.platform !== 'darwin' && deps.platform !== 'win32') return [];
    if (deps.getCACertificates) return uniqueCertificates(deps.getCACertificates('system'));
    return deps.platform === 'darwin'
      ? darwinCertificates(deps.run)
      : windowsCertificates(deps.run);
  }
  return {
    certificates() {
      loaded ??= read().catch((error: unknown) => {
        deps.log.warn(
          'trust store: the system certificates could not be read; using built-in roots',
          {
            error: error instanceof Error ? error.message : String(error),
          },
        );
        return [];
      });
      return loaded;
    },
  };
}
