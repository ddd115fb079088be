/** An accessible progress bar; indeterminate when the total is not known yet. */

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  /** 0..1, or null when unknown. */
  readonly fraction: number | null;
  readonly label: string;
  /** Text for assistive technology, e.g. "12 of 40". */
  readonly valueText?: string;
}

/** Renders `role="progressbar"` with aria values in percent. */
export function ProgressBar({ fraction, label, valueText }: Readonly<ProgressBarProps>) {
  const percent = fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div
      className={percent === null ? 'progress progress-indeterminate' : 'progress'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={valueText}
    >
      {/* Set through the DOM style API, which a CSP without 'unsafe-inline' still permits. */}
      <div className="progress-fill" style={{ width: percent === null ? undefined : `${percent}%` }} />
    </div>
  );
}
