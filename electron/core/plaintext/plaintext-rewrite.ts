import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import type { PlaintextChange, PlaintextRewritePreview } from '../../contract/plaintext';
import { AppFailure } from '../app-failure';
import { nonDefaultLocations, type CommandLineDeps } from '../kubeconfig/command-line';
import { backupPathFor, buildExecUser, writePrivateFile } from '../kubeconfig/kubeconfig-file';
import type { KeyService } from '../keys/key-service';
import type { ServerService } from '../servers/server-service';
import {
  rewriteCli2,
  rewriteKubeconfig,
  type Cli2Edit,
  type KubeconfigEdit,
} from './file-rewrites';
import type { HeldSecrets } from './held-secrets';
import { displayPath } from './plaintext-places';
import { readKnownFile } from './plaintext-read';
import type { KeptScan, ScannedFile } from './plaintext-scan';

export interface RewriteDeps {
  servers: ServerService;
  keys: KeyService;
  held: HeldSecrets;
  commandLine: CommandLineDeps;
  now(): number;
}

/** Rewrite only the places holding this key (the rest of the file stays as it is). */
export interface OnlyKey {
  serverId: string;
  keyId: string;
}

/** What a rewrite of one file would do. */
interface Plan {
  file: ScannedFile;
  preview: PlaintextRewritePreview;
  kubeconfig: KubeconfigEdit[];
  cli2: Cli2Edit[];
}

/** A rewrite done this session, for undo. */
export interface DoneRewrite {
  rewriteId: string;
  absolute: string;
  backupPath: string;
  /** SHA-256 of what the rewrite wrote: undo refuses if the file changed since. */
  writtenDigest: string;
  mode: number;
  kind: 'cli2' | 'kubeconfig';
  changed: number;
}

const cli2Consequence =
  'The Rancher CLI will ask you to run "rancher login" again for the entries changed (and "rancher token" will fetch a new kubeconfig token); the keys stay usable from Rancher Keys.';

function fileOf(scan: KeptScan, fileId: string): ScannedFile {
  const file = scan.files.find((f) => f.info.fileId === fileId);
  if (!file) throw new AppFailure('not_found', 'That file is not in this check; run it again.');
  return file;
}

/** Why a file cannot be rewritten as scanned, or null. */
async function refusalFor(file: ScannedFile): Promise<string | null> {
  if (file.info.status !== 'ok' || file.digest === null) {
    return 'This file could not be read, so it is not rewritten.';
  }
  if (!file.info.rewritable) {
    return 'This file is reached through a symbolic link; rewrite the file it points to instead.';
  }
  const now = await readKnownFile(file.absolute);
  if (now.status !== 'ok' || now.digest !== file.digest) {
    return 'The file changed since the check. Run the check again before rewriting it.';
  }
  return null;
}

/**
 * Plans the rewrite of one scanned file: each token the app now holds (the same secret, matched by
 * keyed hash) changes; every other token stays and says why.
 */
export async function planRewrite(
  scan: KeptScan,
  fileId: string,
  deps: RewriteDeps,
  only?: OnlyKey,
): Promise<Plan> {
  const file = fileOf(scan, fileId);
  const changes: PlaintextChange[] = [];
  const kept: PlaintextRewritePreview['kept'] = [];
  const kubeconfig: KubeconfigEdit[] = [];
  const cli2: Cli2Edit[] = [];
  const match = deps.held.matcher();
  for (const token of scan.tokens.filter((t) => t.fileId === fileId)) {
    if (only && token.accessKey !== only.keyId) continue;
    const base = { findingId: token.findingId, place: token.place, accessKey: token.accessKey };
    const serverId = deps.held.serverIdFor(token.serverUrl);
    const heldHash = serverId === null ? null : await match(serverId, token.accessKey);
    if (only && serverId !== only.serverId) continue;
    if (serverId === null || heldHash !== token.hash) {
      kept.push({ ...base, reason: 'Not in Rancher Keys: import it first.' });
      continue;
    }
    if (token.filePlace.kind === 'kubeconfig_user') {
      const self = deps.commandLine.executable;
      if (self === null) {
        kept.push({
          ...base,
          reason: 'This build of Rancher Keys has no rancher-keys command for kubectl to run.',
        });
        continue;
      }
      const server = deps.servers.get(serverId);
      const key = deps.keys
        .list({ serverId, includeSystem: true })
        .keys.find((k) => k.id === token.accessKey);
      kubeconfig.push({
        user: token.filePlace.entry,
        exec: buildExecUser({
          self,
          server: server.origin,
          key: key?.handle ?? token.accessKey,
          ...nonDefaultLocations(deps.commandLine),
        }),
      });
      changes.push({ ...base, change: 'token_to_exec' });
    } else if (token.filePlace.kind === 'cli2_login') {
      cli2.push({ kind: 'remove_secret', entry: token.filePlace.entry });
      changes.push({ ...base, change: 'remove_secret' });
    } else {
      cli2.push({
        kind: 'remove_kube_credential',
        entry: token.filePlace.entry,
        credential: token.filePlace.subEntry ?? '',
      });
      changes.push({ ...base, change: 'remove_kube_credential' });
    }
  }
  const preview: PlaintextRewritePreview = {
    fileId,
    path: file.info.path,
    kind: file.info.kind,
    changes,
    kept,
    consequence: file.info.kind === 'cli2' && changes.length > 0 ? cli2Consequence : null,
    backupPath: displayPath(backupPathFor(file.absolute, deps.now()), deps.commandLine.home),
    refusal: await refusalFor(file),
  };
  return { file, preview, kubeconfig, cli2 };
}

/**
 * Rewrites one file as planned: re-reads it and refuses if it changed since the check, writes a
 * 0600 backup of it beside it, then the new content atomically with the file's own mode.
 */
export async function rewriteFile(
  scan: KeptScan,
  fileId: string,
  deps: RewriteDeps,
  only?: OnlyKey,
): Promise<DoneRewrite> {
  const plan = await planRewrite(scan, fileId, deps, only);
  if (plan.preview.refusal !== null) throw new AppFailure('conflict', plan.preview.refusal);
  if (plan.preview.changes.length === 0) {
    throw new AppFailure(
      'invalid_input',
      'Nothing in this file can be rewritten: import its tokens into Rancher Keys first.',
    );
  }
  const before = await readKnownFile(plan.file.absolute);
  if (before.status !== 'ok' || before.digest !== plan.file.digest) {
    throw new AppFailure(
      'conflict',
      'The file changed since the check. Run the check again before rewriting it.',
    );
  }
  let text: string;
  try {
    text =
      plan.file.info.kind === 'kubeconfig'
        ? rewriteKubeconfig(before.text, plan.kubeconfig)
        : rewriteCli2(before.text, plan.cli2);
  } catch (error) {
    throw new AppFailure(
      'conflict',
      `${error instanceof Error ? error.message : 'The file could not be rewritten.'} It was left unchanged.`,
    );
  }
  const backupPath = backupPathFor(plan.file.absolute, deps.now());
  await writePrivateFile(backupPath, before.text);
  await writePrivateFile(plan.file.absolute, text, before.mode);
  const written = await readKnownFile(plan.file.absolute);
  return {
    rewriteId: `rw-${randomBytes(8).toString('hex')}`,
    absolute: plan.file.absolute,
    backupPath,
    writtenDigest: written.status === 'ok' ? written.digest : '',
    mode: before.mode,
    kind: plan.file.info.kind,
    changed: plan.preview.changes.length,
  };
}

/** Puts a rewritten file back from its backup, unless it changed since; then drops the backup. */
export async function undoRewrite(done: DoneRewrite): Promise<void> {
  const now = await readKnownFile(done.absolute);
  if (now.status !== 'ok' || now.digest !== done.writtenDigest) {
    throw new AppFailure(
      'conflict',
      `The file changed since the rewrite, so it was not restored. Its backup is at ${done.backupPath}.`,
    );
  }
  let backup: string;
  try {
    backup = await readFile(done.backupPath, 'utf8');
  } catch {
    throw new AppFailure(
      'not_found',
      `The backup ${done.backupPath} is gone; nothing was restored.`,
    );
  }
  await writePrivateFile(done.absolute, backup, done.mode);
  // The backup holds the tokens the file holds again: one plaintext copy is enough.
  await rm(done.backupPath, { force: true });
}
