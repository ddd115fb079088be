/** Entry point: creates the API client for this page and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/create-client.js';
import { App } from './app/App.js';
import './styles/base.css';
import './styles/frame.css';
import './styles/components.css';
import './features/jobs/jobs.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const client = createApiClient(window);

createRoot(container).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
