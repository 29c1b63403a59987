import type { Locator, Page } from '@playwright/test';

/** A key's "Use with kubectl…" dialog: pick a cluster, merge a context into the kubeconfig. */
export class KubectlDialog {
  readonly root: Locator;
  readonly cluster: Locator;
  readonly makeCurrent: Locator;
  readonly command: Locator;
  readonly add: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('kubectl-dialog');
    this.cluster = this.root.getByLabel('Cluster');
    this.makeCurrent = this.root.getByLabel("Make it kubectl's current context");
    this.command = this.root.getByTestId('kubectl-command');
    this.add = this.root.getByRole('button', { name: 'Add to kubeconfig' });
  }
}
