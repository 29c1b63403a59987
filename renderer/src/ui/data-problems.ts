/** A data file main found damaged and moved aside (`app:info`'s `dataProblems`). */
export interface DataProblem {
  file: string;
  movedTo: string | null;
  reason: string;
}

/** What a data file holds, in the user's words, so the notice says what started fresh. */
export function describeDataFile(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  if (name === 'settings.json') return 'your settings (back to their defaults)';
  if (name === 'servers.json')
    return 'the list of servers (add them again; keys stay in the keychain)';
  if (name === 'expiry-state.json') return 'which expiry warnings were already shown';
  if (name === 'key-journal.json') return 'the record of unfinished key operations';
  if (/^keys-.*\.json$/.test(name)) {
    return "one server's key details kept on this computer (labels, snoozes)";
  }
  return 'the data in that file';
}
