/** Renders the three states of fetched data the same way everywhere. */
import type { ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice.js';
import { Loading } from './Loading.js';
import type { Remote } from '../state/remote.js';

/** Props of {@link RemoteView}. */
export interface RemoteViewProps<T> {
  readonly data: Remote<T>;
  /** What is loaded, e.g. "runs" (used in "Loading runs…" and "Loading runs failed"). */
  readonly what: string;
  readonly reload: () => void;
  readonly children: (value: T) => ReactNode;
}

/** Loading line, error notice with retry, or `children(value)`. */
export function RemoteView<T>({ data, what, reload, children }: Readonly<RemoteViewProps<T>>) {
  switch (data.state) {
    case 'loading':
      return <Loading what={what} />;
    case 'error':
      return <ErrorNotice action={`Loading ${what}`} error={data.error} onRetry={reload} />;
    case 'ok':
      return <>{children(data.value)}</>;
  }
}
