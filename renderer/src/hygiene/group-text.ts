import type { HygieneGroupId } from '../../../electron/contract/hygiene';

/** A group's name and what it holds, as the clean-up view shows them. */
export function groupText(id: HygieneGroupId, unusedDays: number): { name: string; hint: string } {
  switch (id) {
    case 'expired':
      return { name: 'Expired', hint: 'Past their expiry but still on the server.' };
    case 'never_used':
      return { name: 'Never used', hint: 'No request was ever made with them.' };
    case 'unused':
      return {
        name: `Not used for ${unusedDays} days`,
        hint: 'Last used before that; the number of days is a setting.',
      };
    case 'never_expires':
      return { name: 'Never expiring', hint: 'Valid until someone revokes them.' };
    case 'kubeconfig':
      return { name: 'Kubeconfig tokens', hint: 'Minted by each kubeconfig download or login.' };
    case 'orphaned':
      return { name: 'Scoped to deleted clusters', hint: 'Their cluster no longer exists.' };
    case 'disabled':
      return { name: 'Disabled ext tokens', hint: 'Turned off, but still present.' };
    case 'held':
      return { name: 'Held by Rancher Keys', hint: 'Their secret is in your keychain.' };
    case 'elsewhere':
      return { name: 'Created elsewhere', hint: 'Rancher Keys does not hold their secret.' };
  }
}
