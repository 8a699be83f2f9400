/**
 * Ingest progress on stderr: a redrawn bar on a terminal (count, rate, ETA), plain lines every few
 * seconds otherwise (logs, CI).
 */
import type { IngestProgress, IngestSummary } from './ingest.js';

function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`
    : `${m}:${String(sec).padStart(2, '0')}`;
}

function processed(p: IngestProgress): number {
  return p.inserted + p.replaced + p.skipped + p.failed;
}

/**
 * Documents per second so far.
 *
 * @example rate(summary) // 512.3
 */
export function rate(p: IngestProgress): number {
  return p.elapsedMs > 0 ? (processed(p) * 1000) / p.elapsedMs : 0;
}

function fraction(p: IngestProgress): number | null {
  if (!p.bytesTotal) return null;
  return Math.min(1, p.bytesDone / p.bytesTotal);
}

/**
 * One status line: count, rate, share done and time left.
 *
 * @example progressLine(p) // '12,345 docs · 530/s · 45% · ETA 0:23'
 */
export function progressLine(p: IngestProgress): string {
  const f = fraction(p);
  const eta = f && f > 0 ? (p.elapsedMs * (1 - f)) / f : NaN;
  const parts = [
    `${processed(p).toLocaleString('en')} docs`,
    `${Math.round(rate(p))}/s`,
    f !== null ? `${Math.floor(f * 100)}%` : null,
    f !== null && f < 1 ? `ETA ${duration(eta)}` : null,
    p.failed ? `${p.failed} failed` : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

export interface ProgressReporter {
  update(p: IngestProgress): void;
  /** Clears the bar (a terminal) before the summary is printed. */
  finish(): void;
}

/**
 * A reporter writing to `stream`: a bar when `tty`, else a line every `intervalMs`.
 *
 * @example const r = progressReporter(process.stderr, process.stderr.isTTY === true); ingest(paths, { onProgress: r.update });
 */
export function progressReporter(
  stream: NodeJS.WritableStream,
  tty: boolean,
  intervalMs = 5000,
): ProgressReporter {
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      const now = Date.now();
      if (tty) {
        if (now - last < 100) return;
        last = now;
        const f = fraction(p);
        const width = 24;
        const bar = f !== null ? `[${'█'.repeat(Math.round(f * width)).padEnd(width, '░')}] ` : '';
        stream.write(`\r\x1b[K${bar}${progressLine(p)}`);
        drawn = true;
      } else if (now - last >= intervalMs) {
        if (last === 0) {
          last = now;
          return;
        }
        last = now;
        stream.write(`annalist ingest: ${progressLine(p)}\n`);
      }
    },
    finish() {
      if (tty && drawn) stream.write('\r\x1b[K');
    },
  };
}

/**
 * The closing summary of an ingest, several lines.
 *
 * @example println(stderr, summaryText(await ingest(paths, { db })))
 */
export function summaryText(s: IngestSummary): string {
  const lines = [
    `annalist ingest: ${s.inserted} new, ${s.replaced} re-extracted, ${s.skipped} already stored, ` +
      `${s.failed} failed; ${s.duplicates} near-duplicate(s) linked to their original ` +
      `(${(s.elapsedMs / 1000).toFixed(1)} s, ${Math.round(rate(s))} docs/s) → ${s.db}`,
  ];
  if (s.errorCodes.length) {
    lines.push(`  failures by code: ${s.errorCodes.map((c) => `${c.code} ×${c.count}`).join(', ')}`);
    lines.push(`  every failure is listed by "annalist stats --errors --db ${s.db}"`);
  }
  if (s.interrupted)
    lines.push('  interrupted: run the same command again to finish (stored documents are skipped)');
  if (s.fatal) lines.push(`  stopped: ${s.fatal.code}: ${s.fatal.message}`);
  return lines.join('\n');
}
