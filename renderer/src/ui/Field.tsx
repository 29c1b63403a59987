import type { ReactNode } from 'react';

/**
 * A labelled control: the label text (with an optional hint after it) and the control inside one
 * `<label>`, so the label names the control without ids. Extra children (a note under a select)
 * follow the control.
 */
export function Field({
  label,
  hint,
  inline = false,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  inline?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={inline ? 'field field-inline' : 'field'}>
      <span>
        {label}
        {hint !== undefined && (
          <>
            {' '}
            <span className="hint">{hint}</span>
          </>
        )}
      </span>
      {children}
    </label>
  );
}
