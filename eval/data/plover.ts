/**
 * PLOVER gold-standard records (openeventdata/PLOVER `PLOVER_GSR_CAMEO.txt`): a "JSON-like" list of
 * objects with trailing commas. The records use the 2016 category names; `PLOVER_2021` maps them to the
 * 2021 names that our OUTPUT.md table uses.
 */
import { readFileSync } from 'node:fs';
import { requirePath } from '../paths.js';

export interface PloverActor {
  actorText: string;
  code: string;
  sector?: string;
}

export interface PloverRecord {
  id: string;
  /** The category as written in the file (2016 names: DEMAND, DISAPPROVE, FIGHT, INVESTIGATE…). */
  event: string;
  /** The category under PLOVER 2021 names. */
  plover: string;
  source: PloverActor[];
  target: PloverActor[];
  text: string;
  eventText: string;
  mode: string;
  /** Inline markup of the text: `(SRC: …)`, `(TAR: …)`, `(SRC/TAR: …)` for mutual actors, `(EVT: …)`. */
  markup: string;
}

/**
 * 2016 GSR category → PLOVER 2021 category, following CAMEO2PLOVER-2021.txt: demands became REQUEST,
 * disapproval and investigation became ACCUSE, FIGHT (CAMEO 19x–20x) became ASSAULT.
 */
export const PLOVER_2021: Readonly<Record<string, string>> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

function actors(v: unknown): PloverActor[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null)
    .map((a) => ({
      actorText: String(a.actorText ?? ''),
      code: String(a.code ?? ''),
      ...(a.sector ? { sector: String(a.sector) } : {}),
    }));
}

/**
 * Parses the file: trailing commas before `}` or `]` are removed, then strict JSON. The documentation
 * record (`DOCUMENT`) is skipped.
 *
 * @example parsePlover('[{"id":"X","event":"AGREE","text":"t",},]')[0].plover // 'AGREE'
 */
export function parsePlover(raw: string): PloverRecord[] {
  let s = raw.replace(/^\uFEFF/, '').trim();
  if (!s.startsWith('[')) s = `[${s}]`;
  s = s.replace(/,(\s*[}\]])/g, '$1');
  const list = JSON.parse(s) as unknown[];
  const out: PloverRecord[] = [];
  for (const r of list) {
    if (typeof r !== 'object' || r === null) continue;
    const o = r as Record<string, unknown>;
    const event = String(o.event ?? '');
    if (!event || event === 'DOCUMENT' || typeof o.text !== 'string') continue;
    out.push({
      id: String(o.id ?? ''),
      event,
      plover: PLOVER_2021[event] ?? event,
      source: actors(o.source),
      target: actors(o.target),
      text: o.text,
      eventText: String(o.eventText ?? ''),
      mode: String(o.mode ?? ''),
      markup: String((o.textInfo as { markup?: unknown } | undefined)?.markup ?? ''),
    });
  }
  return out;
}

/** Loads every coded record (the GSR has no dev/test split; it is used for reporting only). */
export function loadPlover(data: string, limit?: number): PloverRecord[] {
  const p = requirePath(data, 'plover-gsr', 'PLOVER_GSR_CAMEO.txt');
  const recs = parsePlover(readFileSync(p, 'utf8'));
  return limit !== undefined ? recs.slice(0, limit) : recs;
}
