import { cleanup, fireEvent, render, screen } from './testing-library';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStores } from '../../../renderer/src/app-stores';
import { Field } from '../../../renderer/src/ui/Field';
import { FormDialog, type FormDialogProps } from '../../../renderer/src/ui/FormDialog';
import { StoresContext } from '../../../renderer/src/ui/stores-context';
import { createTick } from '../../../renderer/src/ui/tick';
import { createFakeApi } from './fake-api';

afterEach(cleanup);

function renderDialog(props: Partial<FormDialogProps> & { children?: ReactNode }) {
  const stores = createAppStores(createFakeApi().api, createTick(1_000));
  const close = vi.spyOn(stores.ui, 'close');
  const onSubmit = vi.fn(() => Promise.resolve());
  render(
    <StoresContext.Provider value={stores}>
      <FormDialog
        title="Do it"
        testId="do-dialog"
        submitLabel="Do"
        busy={false}
        onSubmit={onSubmit}
        error={null}
        {...props}
      >
        {props.children ?? <p>Body</p>}
      </FormDialog>
    </StoresContext.Provider>,
  );
  return { close, onSubmit };
}

describe('FormDialog', () => {
  it('submits its form with Enter and with the footer button when it has a form id', () => {
    const { onSubmit } = renderDialog({
      formId: 'do-form',
      children: (
        <Field label="Name" hint="optional">
          <input data-autofocus />
        </Field>
      ),
    });
    const input = screen.getByRole('textbox', { name: 'Name optional' });
    expect(document.activeElement).toBe(input);
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    const button = screen.getByRole('button', { name: 'Do' });
    expect(button.getAttribute('type')).toBe('submit');
    expect(button.getAttribute('form')).toBe('do-form');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('runs the action on click and has no form when it is a confirmation', () => {
    const { onSubmit } = renderDialog({ danger: true, submitTestId: 'confirm-do' });
    expect(screen.getByTestId('do-dialog').querySelector('form')).toBeNull();
    const button = screen.getByTestId('confirm-do');
    expect(button.className).toBe('button button-danger');
    fireEvent.click(button);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('shows the busy label and disables the action while busy or when it cannot submit', async () => {
    renderDialog({ busy: true, busyLabel: 'Doing…' });
    expect(screen.getByRole('button', { name: 'Doing…' })).toHaveProperty('disabled', true);
    await cleanup();
    renderDialog({ canSubmit: false, busyLabel: 'Doing…' });
    expect(screen.getByRole('button', { name: 'Do' })).toHaveProperty('disabled', true);
  });

  it('closes on Cancel unless given its own cancel, and focuses Cancel first when asked', async () => {
    const first = renderDialog({ autoFocusCancel: true });
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    expect(first.close).toHaveBeenCalledTimes(1);
    await cleanup();
    const onCancel = vi.fn();
    const second = renderDialog({ cancelLabel: 'Back', onCancel });
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(second.close).not.toHaveBeenCalled();
  });

  it('shows the error notice last in the body', () => {
    renderDialog({ error: { code: 'unreachable', message: 'The server did not answer.' } });
    const body = screen.getByTestId('do-dialog').querySelector('.dialog-body');
    expect(body?.lastElementChild?.getAttribute('data-testid')).toBe('error-notice');
  });
});
