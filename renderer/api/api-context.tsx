/** Makes the one API client available to every component. */
import { createContext, useContext, type ReactNode } from 'react';
import type { RendererApi } from './client-types.js';

const ApiContext = createContext<RendererApi | null>(null);

/** Provides the client to the tree below. */
export function ApiProvider({ client, children }: Readonly<{ client: RendererApi; children: ReactNode }>) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The API client; throws when used outside {@link ApiProvider} (a wiring bug, not a runtime state). */
export function useApi(): RendererApi {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() outside <ApiProvider>');
  return client;
}
