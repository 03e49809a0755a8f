/** One headline number with its label; `data-value` keeps the raw figure for tests and exports. */
export function Figure(
  { metric, label, value, text }: { metric: string; label: string; value: number | null; text: string },
) {
  return (
    <div class="figure" data-metric={metric} data-value={value ?? ""}>
      <div class="figure-value">{text}</div>
      <div class="figure-label">{label}</div>
    </div>
  );
}
