/**
 * Direct look-up of word forms in the OpenCorpora dictionary that the `az` package ships (its
 * `dicts` folder: a DAWG of word forms with their paradigm numbers, the paradigms, the suffixes and
 * the tag table). It answers what Az's `Dictionary` parser answers, in Az's order, for the common
 * case of a known word, without the generic machinery Az runs for typos, stutter and guessing;
 * every other word is left to Az.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

// ---------------------------------------------------------------------------------------------
// The DAWG (dawgdic's double-array layout, which Az reads too).

const MISSING = -1;
const HAS_LEAF = 1 << 8;
const EXTENSION = 1 << 9;
const LABEL_MASK = 0x800000ff;
const VALUE_MASK = 0x7fffffff;
/** Byte that separates a word from its payload in the words DAWG. */
const SEPARATOR = 1;

/**
 * Byte of each character in Windows-1251, the DAWGs' key encoding, for the characters Russian
 * words and tags are written with (ASCII and the Russian alphabet); -1 for any other. A word
 * with another character is simply left to Az, which knows the whole code page.
 */
const CP1251 = new Int16Array(0x10000).fill(-1);
for (let c = 0; c < 0x80; c++) CP1251[c] = c;
for (let c = 0x410; c <= 0x44f; c++) CP1251[c] = c - 0x410 + 0xc0;
CP1251[0x401] = 0xa8; // Ё
CP1251[0x451] = 0xb8; // ё

class Dawg {
  private constructor(
    private readonly units: Uint32Array,
    private readonly guide: Uint8Array,
  ) {}

  /** Reads the file layout: unit count, units (uint32 LE), guide length, guide (two bytes per unit). */
  static from(bytes: Uint8Array): Dawg {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const unitCount = view.getUint32(0, true);
    const guideCount = view.getUint32(4 + unitCount * 4, true);
    // Views of the file's own memory (little-endian, as Az assumes); a copy only when the file
    // came at an offset a Uint32Array cannot start at.
    const start = bytes.byteOffset + 4;
    const units =
      start % 4 === 0
        ? new Uint32Array(bytes.buffer, start, unitCount)
        : new Uint32Array(bytes.buffer.slice(start, start + unitCount * 4));
    const guideStart = 8 + unitCount * 4;
    const guide = bytes.subarray(guideStart, guideStart + guideCount * 2);
    return new Dawg(units, guide);
  }

  /** Index reached from `index` by the byte `label`, or MISSING. */
  follow(label: number, index: number): number {
    const base = this.units[index]!;
    const next = index ^ ((base >> 10) << ((base & EXTENSION) >> 6)) ^ label;
    return (this.units[next]! & LABEL_MASK) === label ? next : MISSING;
  }

  hasValue(index: number): boolean {
    return (this.units[index]! & HAS_LEAF) !== 0;
  }

  value(index: number): number {
    const base = this.units[index]!;
    return this.units[index ^ ((base >> 10) << ((base & EXTENSION) >> 6))]! & VALUE_MASK;
  }

  /** Value stored under the whole string `key`, or MISSING. */
  find(key: string): number {
    let index = 0;
    for (let i = 0; i < key.length && index !== MISSING; i++) {
      const b = CP1251[key.charCodeAt(i)]!;
      if (b < 0) return MISSING;
      index = this.follow(b, index);
    }
    return index !== MISSING && this.hasValue(index) ? this.value(index) : MISSING;
  }

  /**
   * Appends the (paradigm, form) pairs stored after the separator at `index`, in the DAWG's own
   * order: each pair is four key bytes, two per number.
   */
  payloads(index: number, out: number[]): void {
    this.walk(index, 0, 0, 0, 0, out);
  }

  private walk(index: number, depth: number, b0: number, b1: number, b2: number, out: number[]): void {
    let label = this.guide[index << 1]!;
    while (label !== 0) {
      const child = this.follow(label, index);
      if (child === MISSING) return;
      if (depth === 3) out.push(((b0 ^ 1) << 6) + (b1 >> 1), ((b2 ^ 1) << 6) + (label >> 1));
      else if (depth === 0) this.walk(child, 1, label, 0, 0, out);
      else if (depth === 1) this.walk(child, 2, b0, label, 0, out);
      else this.walk(child, 3, b0, b1, label, out);
      label = this.guide[(child << 1) + 1]!;
    }
  }

  /**
   * Calls `found(form, index)` for every dictionary spelling of `word` where any "е" may stand for
   * "ё", plain "е" first at each position (the order Az finds them in); `index` is the node after
   * the separator.
   */
  spellings(word: string, found: (form: string, index: number) => void): void {
    this.spell(word, word, 0, 0, found);
  }

  private spell(
    word: string,
    form: string,
    pos: number,
    index: number,
    found: (form: string, index: number) => void,
  ): void {
    for (let i = pos; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c === 0x435) {
        const yo = this.follow(0xb8, index);
        if (yo !== MISSING) {
          // The "ё" branch is explored after the whole "е" branch, as Az's stack does.
          const plain = this.follow(0xe5, index);
          if (plain !== MISSING) this.spell(word, form, i + 1, plain, found);
          this.spell(word, `${form.slice(0, i)}ё${form.slice(i + 1)}`, i + 1, yo, found);
          return;
        }
      }
      const b = CP1251[c]!;
      if (b < 0) return;
      index = this.follow(b, index);
      if (index === MISSING) return;
    }
    const payload = this.follow(SEPARATOR, index);
    if (payload !== MISSING) found(form, payload);
  }
}

// ---------------------------------------------------------------------------------------------
// Tags and parses, shaped like Az's so that the same code reads both.

/**
 * A tag of the OpenCorpora tag table: its grammemes, each also set as a property (`tag.gent` is
 * true), and each grammeme's ancestors set to the child on the way (`tag.CAse === 'gent'`).
 */
export class DictionaryTag {
  readonly stat: string[];
  readonly flex: string[];
  readonly POST?: string;
  /** The tag of a proper name or an initial, which Az keeps for capitalised words only. */
  readonly capital: boolean;
  private readonly text: string;
  readonly [grammeme: string]: unknown;

  constructor(text: string, parents: ReadonlyMap<string, string>) {
    const [stat, flex] = text.split(' ');
    this.stat = stat!.split(',');
    this.flex = flex ? flex.split(',') : [];
    const self = this as unknown as Record<string, unknown>;
    for (const list of [this.stat, this.flex]) {
      for (let g of list) {
        self[g] = true;
        let parent = parents.get(g);
        while (parent) {
          self[parent] = g;
          g = parent;
          parent = parents.get(g);
        }
      }
    }
    if ('POST' in this) self.POS = this.POST;
    this.capital = !!(self.Name || self.Surn || self.Patr || self.Geox || self.Init);
    this.text = `${this.stat.join(',')} ${this.flex.join(',')}`.trim();
  }

  /** Fixed grammemes, a space, changing ones: the table's own spelling. */
  toString(): string {
    return this.text;
  }

  /** True when every grammeme given has the value given ("GNdr: 'femn'"). */
  matches(want: Readonly<Record<string, string>>): boolean {
    for (const k in want) if (want[k] !== (this as Record<string, unknown>)[k]) return false;
    return true;
  }
}

/** One dictionary reading of a form: the form's paradigm and its place in it. */
export class DictionaryParse {
  readonly parser = 'Dictionary';
  score = 1;

  constructor(
    private readonly dict: OpenCorporaDictionary,
    /** The dictionary's spelling of the form (lower case, with "ё" where the dictionary has it). */
    readonly word: string,
    private readonly paradigm: Uint16Array,
    private readonly formIdx: number,
    readonly tag: DictionaryTag,
  ) {}

  /** The dictionary form of the lexeme, as a parse. */
  normalize(): DictionaryParse {
    return this.at(0);
  }

  /** The first form of the lexeme whose tag has the grammemes given, or false. */
  inflect(want: Readonly<Record<string, string>>): DictionaryParse | false {
    const count = this.paradigm.length / 3;
    for (let i = 0; i < count; i++) {
      if (this.dict.tag(this.paradigm[count + i]!).matches(want)) return this.at(i);
    }
    return false;
  }

  toString(): string {
    return this.word;
  }

  private at(i: number): DictionaryParse {
    const p = this.paradigm;
    const count = p.length / 3;
    const d = this.dict;
    const stem = this.word.substring(
      d.prefix(p[2 * count + this.formIdx]!).length,
      this.word.length - d.suffix(p[this.formIdx]!).length,
    );
    const form = d.prefix(p[2 * count + i]!) + stem + d.suffix(p[i]!);
    return new DictionaryParse(d, form, p, i, d.tag(p[count + i]!));
  }
}

// ---------------------------------------------------------------------------------------------
// The dictionary.

/** Prefixes of the paradigms, as the dictionary was compiled (its meta.json says so). */
const PARADIGM_PREFIXES = ['', 'по', 'наи'];

/**
 * The words of Az's OpenCorpora dictionary, read directly.
 *
 * @example
 * const dict = await OpenCorporaDictionary.load(azDictsPath());
 * dict.parse('стали')?.map(String); // ['стали', 'стали', …] (the verb and the noun forms, by frequency)
 */
export class OpenCorporaDictionary {
  private readonly tags: (DictionaryTag | undefined)[];

  private constructor(
    private readonly words: Dawg,
    private readonly probabilities: Dawg,
    private readonly paradigms: Uint16Array[],
    private readonly suffixes: readonly string[],
    private readonly tagTexts: readonly string[],
    private readonly parents: ReadonlyMap<string, string>,
  ) {
    this.tags = new Array<DictionaryTag | undefined>(tagTexts.length);
  }

  /** Reads the dictionary files of Az's `dicts` folder. */
  static async load(dir: string): Promise<OpenCorporaDictionary> {
    const read = (name: string) => readFile(path.join(dir, name));
    const json = async <T>(name: string) => JSON.parse((await read(name)).toString('utf8')) as T;
    const [words, probabilities, paradigmBytes, suffixes, tagTexts, grammemes] = await Promise.all([
      read('words.dawg'),
      read('p_t_given_w.intdawg'),
      read('paradigms.array'),
      json<string[]>('suffixes.json'),
      json<string[]>('gramtab-opencorpora-int.json'),
      json<string[][]>('grammemes.json'),
    ]);
    const parents = new Map<string, string>();
    for (const [name, parent, external] of grammemes) {
      if (name) parents.set(name, parent ?? '');
      if (external) parents.set(external, parent ?? '');
    }
    const at = paradigmBytes.byteOffset;
    const size = paradigmBytes.byteLength >> 1;
    const list =
      at % 2 === 0
        ? new Uint16Array(paradigmBytes.buffer, at, size)
        : new Uint16Array(paradigmBytes.buffer.slice(at, at + size * 2));
    const paradigms: Uint16Array[] = [];
    let pos = 1;
    for (let i = 0; i < list[0]!; i++) {
      const size = list[pos++]!;
      paradigms.push(list.subarray(pos, pos + size));
      pos += size;
    }
    return new OpenCorporaDictionary(
      Dawg.from(words),
      Dawg.from(probabilities),
      paradigms,
      suffixes,
      tagTexts,
      parents,
    );
  }

  /** @internal */
  tag(i: number): DictionaryTag {
    let t = this.tags[i];
    if (!t) {
      t = new DictionaryTag(this.tagTexts[i]!, this.parents);
      this.tags[i] = t;
    }
    return t;
  }

  /** @internal */
  prefix(i: number): string {
    return PARADIGM_PREFIXES[i]!;
  }

  /** @internal */
  suffix(i: number): string {
    return this.suffixes[i]!;
  }

  /**
   * The dictionary readings of a word, most frequent first: what Az's analysis with the dictionary
   * parser first returns for it. Null when Az's answer would involve its other parsers: a
   * one-letter word (initials) or a word with no dictionary reading (for a lower-case word, name
   * readings do not count).
   *
   * @example dict.parse('Токаева')?.[0]?.tag.Surn // true
   */
  parse(word: string): DictionaryParse[] | null {
    if (word.length < 2) return null;
    const rest = word.substring(1);
    const first = word.charAt(0);
    const capitalised = first.toLocaleLowerCase() !== first && rest.toLocaleUpperCase() !== rest;
    const out: DictionaryParse[] = [];
    const pairs: number[] = [];
    this.words.spellings(word.toLocaleLowerCase(), (form, index) => {
      pairs.length = 0;
      this.words.payloads(index, pairs);
      for (let i = 0; i < pairs.length; i += 2) {
        const paradigm = this.paradigms[pairs[i]!]!;
        const formIdx = pairs[i + 1]!;
        const tag = this.tag(paradigm[paradigm.length / 3 + formIdx]!);
        if (capitalised || !tag.capital) out.push(new DictionaryParse(this, form, paradigm, formIdx, tag));
      }
    });
    if (out.length === 0) return null;
    if (out.length > 1) this.rank(out);
    return out;
  }

  /**
   * Orders readings by the corpus frequency of the tag given the form, P(t|w), as Az does: a
   * reading the corpus never saw keeps score 1, and the sort is stable.
   */
  private rank(parses: DictionaryParse[]): void {
    let total = 0;
    for (const p of parses) {
      const v = this.probabilities.find(`${p.word}:${p.tag.toString()}`);
      if (v !== MISSING) {
        p.score = v / 1000000;
        total += p.score;
      }
    }
    if (total > 0) for (const p of parses) p.score /= total;
    parses.sort((a, b) => b.score - a.score);
  }
}
