import type { ReactNode } from 'react';
import { Dialog } from '../ui/Dialog';
import { useStores } from '../ui/stores-context';

/** What follows creating or renewing a key: where its secret went, the copy buttons, and Done. */
export function KeyIssuedDialog({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const { ui } = useStores();
  return (
    <Dialog
      title={title}
      onClose={() => ui.close()}
      testId={testId}
      wide
      footer={
        <button type="button" className="button button-primary" onClick={() => ui.close()}>
          Done
        </button>
      }
    >
      {children}
    </Dialog>
  );
}
