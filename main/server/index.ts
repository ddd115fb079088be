/** Web mode's public surface, for the faces that compose it (the `vcheck serve` command). */
export { startWebServer, type WebServer, type WebServerOptions } from './server.js';
export { defaultStaticDir } from './static-files.js';
