/** The composition root of the renderer: providers around the frame. Keep it short and boring. */
import type { RendererApi } from '../api/client-types.js';
import { ApiProvider } from '../api/api-context.js';
import { JobsProvider } from '../state/jobs-context.js';
import { AppFrame } from './AppFrame.js';

/** The whole UI over one API client. */
export function App({ client }: Readonly<{ client: RendererApi }>) {
  return (
    <ApiProvider client={client}>
      <JobsProvider>
        <AppFrame />
      </JobsProvider>
    </ApiProvider>
  );
}
