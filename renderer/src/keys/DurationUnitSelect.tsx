import { durationUnits, type DurationUnit } from '../format/time';

/** The unit half of a "number + unit" duration input. */
export function DurationUnitSelect({
  value,
  onChange,
  label,
}: {
  value: DurationUnit;
  onChange: (unit: DurationUnit) => void;
  label: string;
}) {
  return (
    <select
      value={value}
      onChange={(e) => onChange(e.target.value as DurationUnit)}
      aria-label={label}
    >
      {durationUnits.map((u) => (
        <option key={u.id} value={u.id}>
          {u.label}
        </option>
      ))}
    </select>
  );
}
