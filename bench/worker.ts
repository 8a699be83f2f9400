/**
 * Child-process entry of the benchmark: receives one job over IPC, runs it, sends the result back and
 * exits, so that each job's peak memory is measured on its own.
 */
import { tuneRuntime } from '../src/runtime.js';
import { runJob, type Job } from './jobs.js';

// The CLI runs with this setting; the benchmark measures what the CLI runs.
tuneRuntime();

if (process.send) {
  process.once('message', (job: Job) => {
    runJob(job).then(
      (result) => process.send!({ ok: true, result }, () => process.exit(0)),
      (err: unknown) =>
        process.send!(
          { ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) },
          () => process.exit(1),
        ),
    );
  });
}
