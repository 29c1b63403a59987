import type { MetadataStore } from '../vault/metadata-store';
import {
  compactFileParts,
  KEYS_FILE_MAX_BYTES,
  keysFileSchema,
  type KeysFileContent,
  type ReplacedRecord,
} from './key-cache-format';
import { emptyServerKeysDoc, serverKeysDocName, type ServerKeysDoc } from './key-records';

/**
 * Reads a server's key document in either format, bounded in size; a missing file is an empty
 * document, a damaged or oversized one is set aside and reported by the metadata store.
 */
export async function readKeysFile(
  metadata: MetadataStore,
  serverId: string,
): Promise<KeysFileContent> {
  return metadata.read(
    serverKeysDocName(serverId),
    keysFileSchema,
    { doc: emptyServerKeysDoc(), format: 2 },
    { maxBytes: KEYS_FILE_MAX_BYTES },
  );
}

/**
 * Writes a server's key document in the compact format (atomically and durably, as every file),
 * with `replaced` in place of the record its table holds under that id.
 */
export async function writeKeysFile(
  metadata: MetadataStore,
  serverId: string,
  doc: ServerKeysDoc,
  replaced?: ReplacedRecord,
): Promise<void> {
  await metadata.writeText(serverKeysDocName(serverId), compactFileParts(doc, replaced));
}
