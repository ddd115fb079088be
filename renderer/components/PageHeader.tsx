/** The title row of a page, with optional actions on the right. */
import type { ReactNode } from 'react';

/** Props of {@link PageHeader}. */
export interface PageHeaderProps {
  readonly title: string;
  readonly subtitle?: string;
  readonly actions?: ReactNode;
}

/** Renders the page's `<h1>` and actions. */
export function PageHeader({ title, subtitle, actions }: Readonly<PageHeaderProps>) {
  return (
    <div className="page-header">
      <div>
        <h1 id="page-title">{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
