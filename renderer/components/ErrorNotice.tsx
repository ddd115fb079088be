/** An expected failure from the engine, shown with its code and an optional retry. */
import type { AppError } from '../../shared/result.js';

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  /** What was being done ("Loading runs"). */
  readonly action: string;
  readonly error: AppError;
  readonly onRetry?: () => void;
}

/** Renders a failed Result for people. */
export function ErrorNotice({ action, error, onRetry }: Readonly<ErrorNoticeProps>) {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{action} failed</strong> <code className="error-code">{error.code}</code>
      </p>
      <p className="notice-detail">{error.message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
