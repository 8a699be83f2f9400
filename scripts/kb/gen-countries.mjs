#!/usr/bin/env node
/**
 * First-draft generator for data/kb/countries.jsonl.
 *
 * data/kb/countries.jsonl is the source of truth and is edited by hand; this script only
 * produced the first draft of it (codes plus en/ru/kk names), so re-running it would throw
 * away hand edits. It is kept so the draft can be reproduced and diffed when ISO 3166-1 changes.
 *
 * `i18n-iso-countries` is deliberately not a project dependency: install it in a scratch folder.
 *
 * Example:
 *   mkdir -p /tmp/geo && (cd /tmp/geo && npm i i18n-iso-countries)
 *   node scripts/kb/gen-countries.mjs --lib /tmp/geo/node_modules/i18n-iso-countries \
 *     [--overlay overlay.json] > /tmp/countries.draft.jsonl
 *
 * The optional overlay is a JSON object keyed by ISO3 whose fields (id, name, en, ru, kk,
 * capital, adj, demonym, source, iso3) are merged over the draft: overlay arrays go first (so the
 * hand-chosen canonical name leads) and are de-duplicated with the draft's, scalars replace.
 * An overlay key `drop` lists names to remove from the draft.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const libDir = arg('--lib');
if (!libDir) {
  process.stderr.write('usage: gen-countries.mjs --lib <path to i18n-iso-countries> [--overlay file.json]\n');
  process.exit(2);
}
const require = createRequire(path.resolve(libDir, 'package.json'));
const lib = require(path.resolve(libDir));
for (const lang of ['en', 'ru', 'kk'])
  lib.registerLocale(require(path.resolve(libDir, 'langs', `${lang}.json`)));

const overlayPath = arg('--overlay');
const overlay = overlayPath ? JSON.parse(readFileSync(overlayPath, 'utf8')) : {};

const display = Object.fromEntries(
  ['en', 'ru', 'kk'].map((l) => [l, new Intl.DisplayNames([l], { type: 'region' })]),
);

/**
 * News text often drops the dots of ё, so every ё-name also gets its е-spelling.
 * Example: withYo(["Соединённые Штаты"]) -> ["Соединённые Штаты", "Соединенные Штаты"]
 */
export function withYo(names) {
  const out = [];
  for (const n of names) {
    out.push(n);
    if (/[ёЁ]/.test(n)) out.push(n.replace(/ё/g, 'е').replace(/Ё/g, 'Е'));
  }
  return out;
}

/**
 * Catalogue-style labels ("Korea, Republic of", "Конго - Киншаса", "о-ва Кука") never occur in
 * running text, so they are dropped; "КНДР (Корейская ...)" is split into its two names.
 * Example: cleanNames(["КНДР (Корейская Народно-Демократическая Республика)"])
 *   -> ["КНДР", "Корейская Народно-Демократическая Республика"]
 */
export function cleanNames(names) {
  const out = [];
  for (const raw of names) {
    if (!raw) continue;
    const m = /^(.*?)\s*\((.+)\)$/.exec(raw);
    // "(Burma)" or "(Kingdom of the)" qualify rather than name, so only a full inner name survives.
    const inner = m && m[2].split(/\s+/).length >= 2 && !/\b(the|of|part)$/i.test(m[2]) ? m[2] : '';
    const parts = m ? [m[1], inner] : [raw];
    for (const p of parts) {
      const n = p.trim().replace(/’/g, "'");
      if (!n || n.includes(',') || / - /.test(n) || /(^|\s)о-в/.test(n) || /(^|\s)(SAR|САР)(\s|$)/.test(n))
        continue;
      out.push(n);
    }
  }
  return out;
}

function uniq(xs) {
  const seen = new Set();
  return xs.filter((x) => (seen.has(x) ? false : (seen.add(x), true)));
}

function slug(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function merge(rec, extra) {
  const drop = new Set(extra.drop ?? []);
  for (const [k, v] of Object.entries(extra)) {
    if (k === 'drop') continue;
    if (Array.isArray(v)) rec[k] = uniq([...v, ...(rec[k] ?? [])]);
    else if (v && typeof v === 'object' && !Array.isArray(v)) rec[k] = { ...(rec[k] ?? {}), ...v };
    else rec[k] = v;
  }
  for (const k of ['en', 'ru', 'kk']) if (rec[k]) rec[k] = rec[k].filter((n) => !drop.has(n));
  return rec;
}

const lines = [];
for (const a2 of Object.keys(lib.getAlpha2Codes()).sort()) {
  const a3 = lib.alpha2ToAlpha3(a2);
  const names = (lang) =>
    cleanNames([...(lib.getName(a2, lang, { select: 'all' }) ?? []), display[lang].of(a2)]);
  const en = names('en');
  const name = en.find((n) => n === display.en.of(a2)) ?? en[0];
  const ruNames = uniq(withYo(names('ru')));
  let rec = {
    id: `kb:country/${slug(name)}`,
    type: 'COUNTRY',
    name,
    en: uniq(en.filter((n) => n !== name)),
    ru: ruNames,
    kk: uniq(names('kk')),
    iso2: a2,
    iso3: a3,
    country: a3,
    sector: ['GOV'],
    source: `ISO 3166-1 ${a2}/${a3}; names from i18n-iso-countries and CLDR`,
  };
  const extra = overlay[a3];
  if (extra) {
    rec = merge(rec, extra);
    rec.country = rec.iso3;
    rec.ru = uniq(withYo(rec.ru));
    rec.en = rec.en.filter((n) => n !== rec.name);
  }
  lines.push(JSON.stringify(rec));
}
process.stdout.write(lines.join('\n') + '\n');
