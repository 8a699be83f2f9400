#!/usr/bin/env node
// The published entry: the compiled CLI. `npm install` builds dist/ through the prepare script.
import { runCli } from '../dist/cli/main.js';

process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 3;
  },
);
