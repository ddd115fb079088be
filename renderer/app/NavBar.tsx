/** The left navigation. */
import { hashOf, PAGES, type PageId } from './routes.js';

/** One link per page; the current one is marked with `aria-current`. */
export function NavBar({ current }: Readonly<{ current: PageId }>) {
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {PAGES.map((page) => (
          <li key={page.id}>
            <a
              href={hashOf(page.id)}
              aria-current={page.id === current ? 'page' : undefined}
              data-testid={`nav-${page.id}`}
            >
              {page.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
