import type { EntityManager } from '@mikro-orm/postgresql';
import { cyrillicToLatin, hasCyrillic } from '../../search/transliterate';
import { organisationNameKey } from '../../shared/names';

export type MentionType = 'Project' | 'Programme' | 'Organisation';

export interface Mention {
  type: MentionType;
  id: number;
  /** The name or acronym that matched. */
  name: string;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  quote: string;
}

interface Pattern {
  type: MentionType;
  id: number;
  name: string;
  tokens: string[];
  /** A one-word pattern's word as the name writes it. */
  exact?: string;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** A word as matched: lower case, no diacritics, Latin script (so "Клъстер" meets "Klaster"). */
function normalise(word: string): string {
  const plain = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return hasCyrillic(plain) ? cyrillicToLatin(plain).toLowerCase() : plain;
}

/**
 * Finds the projects, programmes and organisations a text names: acronyms and name variants in
 * any script, word-aligned. A one-word name (an acronym such as CLOUD) must appear exactly as
 * written or in capitals, so the common word "cloud" is not a mention.
 */
export class MentionFinder {
  private readonly byFirstToken = new Map<string, Pattern[]>();

  static async load(em: EntityManager): Promise<MentionFinder> {
    const finder = new MentionFinder();
    const projects = await em.execute<{ id: number; acronym: string; name_variants: string[] }[]>(`select id, acronym, name_variants from project`);
    for (const p of projects) for (const name of [p.acronym, ...p.name_variants]) finder.add('Project', p.id, name, name);
    const programmes = await em.execute<{ id: number; name: string; names: { text: string }[] }[]>(`select id, name, names from programme`);
    for (const p of programmes) for (const name of [p.name, ...p.names.map((n) => n.text)]) finder.add('Programme', p.id, name, name);
    const organisations = await em.execute<{ id: number; name: string; name_en: string | null; transliteration: string | null; acronyms: string[] }[]>(
      `select id, name, name_en, transliteration, acronyms from organisation`,
    );
    for (const o of organisations) {
      // Legal forms are dropped from full names: a text says "Foo" for "Foo OOD".
      for (const name of [o.name, o.name_en, o.transliteration]) if (name) finder.add('Organisation', o.id, name, organisationNameKey(name));
      for (const acronym of o.acronyms) finder.add('Organisation', o.id, acronym, acronym);
    }
    return finder;
  }

  private add(type: MentionType, id: number, name: string, matchOn: string): void {
    const tokens = (matchOn.match(TOKEN) ?? []).map(normalise).filter(Boolean);
    if (!tokens.length || (tokens.length === 1 && tokens[0].length < 3)) return;
    const exact = tokens.length === 1 ? name.match(TOKEN)?.find((w) => normalise(w) === tokens[0]) : undefined;
    const list = this.byFirstToken.get(tokens[0]) ?? [];
    if (!list.some((p) => p.type === type && p.id === id && p.tokens.join(' ') === tokens.join(' '))) list.push({ type, id, name, tokens, exact });
    this.byFirstToken.set(tokens[0], list);
  }

  /** Longest match first at each word; matches do not overlap. */
  find(text: string): Mention[] {
    const words = [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, raw: m[0], key: normalise(m[0]) }));
    const mentions: Mention[] = [];
    for (let i = 0; i < words.length; ) {
      const candidates = (this.byFirstToken.get(words[i].key) ?? [])
        .filter((p) => p.tokens.every((t, k) => words[i + k]?.key === t))
        .filter((p) => p.tokens.length > 1 || words[i].raw === p.exact || isCapitals(words[i].raw))
        .sort((a, b) => b.tokens.length - a.tokens.length);
      if (!candidates.length) {
        i++;
        continue;
      }
      const length = candidates[0].tokens.length;
      const start = words[i].start;
      const end = words[i + length - 1].end;
      const seen = new Set<string>();
      for (const p of candidates.filter((c) => c.tokens.length === length)) {
        if (seen.has(`${p.type}|${p.id}`)) continue;
        seen.add(`${p.type}|${p.id}`);
        mentions.push({ type: p.type, id: p.id, name: p.name, start, end, quote: text.slice(start, end) });
      }
      i += length;
    }
    return mentions;
  }
}

function isCapitals(word: string): boolean {
  return word.length >= 3 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Claims count offsets in Unicode code points, JavaScript strings in UTF-16 units. */
export function codePointOffset(text: string, utf16Offset: number): number {
  return [...text.slice(0, utf16Offset)].length;
}
