/** A quiet loading line, announced politely to screen readers. */

/** Shows "Loading <what>…". */
export function Loading({ what }: Readonly<{ what: string }>) {
  return (
    <p className="muted" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}
