/** Horizontal bars of counts: how a dataset splits by category or by one attribute's values. */

/** Props of {@link CountBars}. */
export interface CountBarsProps {
  readonly title: string;
  readonly counts: Readonly<Record<string, number>>;
  /** Bars shown before the rest is summarised (largest first). */
  readonly max?: number;
}

/** A labelled bar per value, widths relative to the largest. */
export function CountBars({ title, counts, max = 12 }: Readonly<CountBarsProps>) {
  const entries = Object.entries(counts).sort(([, a], [, b]) => b - a);
  const top = entries.slice(0, max);
  const largest = top[0]?.[1] ?? 1;
  return (
    <figure className="count-bars" aria-label={title}>
      <figcaption>{title}</figcaption>
      {top.map(([value, n]) => (
        <div key={value} className="count-bar">
          <span className="count-label">{value}</span>
          <span className="count-track" aria-hidden="true">
            <span className="count-fill" style={{ width: `${(100 * n) / largest}%` }} />
          </span>
          <span className="count-value">{n.toLocaleString('en')}</span>
        </div>
      ))}
      {entries.length > top.length && <p className="muted">and {entries.length - top.length} more values</p>}
    </figure>
  );
}
