#!/usr/bin/env node
/** The `vcheck` binary. */
import { reportFailure } from './errors.js';
import { buildProgram } from './program.js';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => reportFailure(error));
