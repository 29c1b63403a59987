import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { labelsSchema, tokenFamilySchema } from '../../contract/keys';
import type { MetadataStore } from '../vault/metadata-store';

/** The metadata document of the create/renew journal. */
export const journalDocument = 'key-journal';

/**
 * One create or renew in flight. Written before the server call; the created token's name is added
 * right after the response. The secret is never written here.
 */
export const journalEntrySchema = z.object({
  id: z.string(),
  serverId: z.string(),
  op: z.enum(['create', 'renew']),
  startedAt: z.string(),
  family: tokenFamilySchema,
  description: z.string(),
  labels: labelsSchema,
  clusterId: z.string().nullable(),
  /** Null until the server has answered. */
  name: z.string().nullable(),
  /** Renew only: the key being replaced and when it should go. */
  oldKeyId: z.string().nullable(),
  revokeOldAfterMs: z.number().int().nonnegative(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

const journalSchema = z.object({ entries: z.array(journalEntrySchema) });

/** A small write-ahead journal that makes create and renew crash-safe (design.md §4). */
export interface KeyJournal {
  load(): Promise<void>;
  entries(): readonly JournalEntry[];
  begin(entry: Omit<JournalEntry, 'id' | 'name'>): Promise<JournalEntry>;
  recordName(id: string, name: string): Promise<void>;
  end(id: string): Promise<void>;
}

export function createKeyJournal(metadata: MetadataStore): KeyJournal {
  let entries: JournalEntry[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  // Every change rewrites the whole (small) document; changes are serialised.
  const save = (change: (current: JournalEntry[]) => JournalEntry[]) => {
    const job = queue.then(async () => {
      const next = change(entries);
      await metadata.write(journalDocument, journalSchema, { entries: next });
      entries = next;
    });
    queue = job.catch(() => undefined);
    return job;
  };
  return {
    async load() {
      entries = (await metadata.read(journalDocument, journalSchema, { entries: [] })).entries;
    },
    entries: () => entries,
    async begin(partial) {
      const entry: JournalEntry = { ...partial, id: randomUUID(), name: null };
      await save((current) => [...current, entry]);
      return entry;
    },
    recordName: (id, name) =>
      save((current) => current.map((e) => (e.id === id ? { ...e, name } : e))),
    end: (id) => save((current) => current.filter((e) => e.id !== id)),
  };
}
