import { useId } from 'react';
import { currentQuarter, quarterKey, quarterLabel, quartersUpTo, type Quarter } from './quarters';

/** Chooses one of the last 12 quarters (China Standard Time), the newest first. */
export function QuarterPicker({
  value,
  onChange,
}: {
  value: Quarter;
  onChange: (quarter: Quarter) => void;
}) {
  const id = useId();
  const choices = quartersUpTo(currentQuarter(), 12).reverse();
  return (
    <span className="picker">
      <label htmlFor={id}>季度</label>
      <select
        id={id}
        value={quarterKey(value)}
        onChange={(event) => onChange(choices.find((q) => quarterKey(q) === event.target.value)!)}
      >
        {choices.map((quarter) => (
          <option key={quarterKey(quarter)} value={quarterKey(quarter)}>
            {quarterLabel(quarter)}
          </option>
        ))}
      </select>
    </span>
  );
}
