import type { ActivityAction, ActivityOutcome } from '../../../electron/contract/activity';

/** How each action reads in the activity view. */
export const actionText: Record<ActivityAction, string> = {
  create: 'Created',
  import: 'Imported',
  copy: 'Copied',
  renew: 'Renewed',
  revoke: 'Revoked',
  update: 'Changed',
  set_labels: 'Labels changed',
  rename_label: 'Label renamed',
  sign_in: 'Signed in',
  sign_out: 'Signed out',
  add_server: 'Server added',
  remove_server: 'Server removed',
  trust_certificate: 'Certificate trusted',
  change_certificate: 'Certificate changed',
  rewrite_file: 'Plaintext file rewritten',
  undo_rewrite: 'Plaintext rewrite undone',
};

export const outcomeText: Record<ActivityOutcome, string> = {
  ok: 'Done',
  failed: 'Failed',
  pending: 'Pending',
};
