import { Field } from '../ui/Field';

/** A server's request timeout in seconds (the contract allows 1–120). */
export function TimeoutField({
  value,
  onChange,
  placeholder,
}: {
  value: string;
  onChange: (seconds: string) => void;
  placeholder?: string;
}) {
  return (
    <Field label="Timeout (seconds)" inline>
      <input
        type="number"
        min={1}
        max={120}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
      />
    </Field>
  );
}
