/** One of the import's settings as a labelled select: its options as value and text. */
export function SettingSelect({ label, name, value, options, disabled, onChange }: {
  label: string;
  name: string;
  value: string;
  options: [value: string, text: string][];
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}{" "}
      <select
        name={name}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
}
