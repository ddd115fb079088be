/** A small coloured label for a run or job status. */

/** Renders a status word; the CSS colours it by `data-status`. */
export function StatusBadge({ status }: Readonly<{ status: string }>) {
  return (
    <span className="badge" data-status={status}>
      {status}
    </span>
  );
}
