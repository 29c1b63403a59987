import type { ReactNode } from 'react';
import type { AppError } from '../../../electron/contract/errors';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';
import { useStores } from './stores-context';

/** Props of {@link FormDialog}. */
export interface FormDialogProps {
  title: string;
  testId: string;
  /**
   * With an id the body is a form (Enter submits it and the action button is its submit button);
   * without, the body is plain content and the action button a confirmation.
   */
  formId?: string;
  submitLabel: string;
  /** Shown on the action button while busy; without it the label stays. */
  busyLabel?: string;
  busy: boolean;
  /** False disables the action button (it is disabled while busy anyway). */
  canSubmit?: boolean;
  onSubmit: () => Promise<void>;
  error: AppError | null;
  /** The server the error's remedies (sign in, trust certificate) act on. */
  errorServerId?: string;
  children: ReactNode;
  /** Body content before the form, outside it (the sign-in method switch). */
  lead?: ReactNode;
  /** Footer content before Cancel (a secondary action pushed to the left). */
  footerStart?: ReactNode;
  cancelLabel?: string;
  /** What Cancel does; closing the dialog unless given. The close button and Escape always close. */
  onCancel?: () => void;
  /** Focus Cancel first: for destructive confirmations. */
  autoFocusCancel?: boolean;
  danger?: boolean;
  submitTestId?: string;
  wide?: boolean;
  /** No action button: the body's own buttons act (single sign-on's choices and its waiting). */
  hideSubmit?: boolean;
}

/**
 * The dialog every form and confirmation shares: Cancel and one action in the footer, the
 * action's error notice last in the body.
 */
export function FormDialog({
  title,
  testId,
  formId,
  submitLabel,
  busyLabel,
  busy,
  canSubmit = true,
  onSubmit,
  error,
  errorServerId,
  children,
  lead,
  footerStart,
  cancelLabel = 'Cancel',
  onCancel,
  autoFocusCancel = false,
  danger = false,
  submitTestId,
  wide = false,
  hideSubmit = false,
}: FormDialogProps) {
  const { ui } = useStores();
  const notice = error && <ErrorNotice error={error} serverId={errorServerId} compact />;
  return (
    <Dialog
      title={title}
      onClose={() => ui.close()}
      testId={testId}
      wide={wide}
      footer={
        <>
          {footerStart}
          <button
            type="button"
            className="button"
            onClick={onCancel ?? (() => ui.close())}
            data-autofocus={autoFocusCancel || undefined}
          >
            {cancelLabel}
          </button>
          {!hideSubmit && (
            <button
              type={formId ? 'submit' : 'button'}
              form={formId}
              className={danger ? 'button button-danger' : 'button button-primary'}
              disabled={busy || !canSubmit}
              onClick={formId ? undefined : () => void onSubmit()}
              data-testid={submitTestId}
            >
              {busy && busyLabel ? busyLabel : submitLabel}
            </button>
          )}
        </>
      }
    >
      {lead}
      {formId ? (
        <form
          id={formId}
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void onSubmit();
          }}
        >
          {children}
          {notice}
        </form>
      ) : (
        <>
          {children}
          {notice}
        </>
      )}
    </Dialog>
  );
}
