/**
 * Registers our schemes as privileged. Electron accepts this only before the app is ready, and an
 * ESM entry's own body may run after 'ready'; side effects of its static imports run before. So
 * index.ts imports this module first and calls nothing: the import is the registration.
 */
import { protocol } from 'electron';
import { IMAGE_PROTOCOL } from '../../shared/transport.js';
import { APP_SCHEME } from './navigation.js';

protocol.registerSchemesAsPrivileged([
  // standard: real origins and relative URLs; secure: treated like https (no mixed-content downgrade).
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: IMAGE_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
