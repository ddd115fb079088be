/** The honest placeholder of a page whose capability has not been built yet. */
import { PageHeader } from '../../components/PageHeader.js';
import { PLANNED, type PlannedPageId } from './planned-text.js';

/** Says what will land on this page; shows no made-up data. */
export function PlannedPage({ page }: Readonly<{ page: PlannedPageId }>) {
  const { title, capability } = PLANNED[page];
  return (
    <section aria-labelledby="page-title">
      <PageHeader title={title} />
      <div className="notice" data-testid="planned-page">
        <p>
          <strong>Not built yet.</strong> {capability}
        </p>
      </div>
    </section>
  );
}
