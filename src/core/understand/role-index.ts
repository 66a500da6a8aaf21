import type { Role } from '../content/types.js';
import type { Block } from '../reply.js';
import type { SectionId } from '../sections.js';
import { normalizeText } from '../text/normalize.js';
import { canonicalWords, GENERIC_ROLE_STEMS, STOP_STEMS } from './canonical.js';

export interface NamePhrase {
  role: Role;
  words: string[];
  weight: number;
}

/** Weight of a generic job noun ("engineer"): it confirms a title but cannot carry one. */
export const GENERIC_WORD_WEIGHT = 0.25;

/**
 * Everything the matcher looks up, built once per content load: title and
 * alias words to phrases (an inverted index, so a question touches only the
 * phrases sharing a word with it), and content words to the roles and
 * sections using them.
 */
export class RoleIndex {
  readonly phrasesByWord = new Map<string, NamePhrase[]>();
  /** word -> role id -> section -> occurrences */
  readonly contentByWord = new Map<string, Map<string, Map<SectionId, number>>>();
  /** Surface words of titles and aliases: what typos are corrected towards. */
  readonly nameWords = new Set<string>();
  /** Every word the content uses: never "corrected" into something else. */
  readonly contentWords = new Set<string>();
  /** Every title and alias as typed words, titles first: what autocomplete scans. */
  readonly names: Array<{ role: Role; text: string; words: string[] }> = [];
  private readonly roleFrequency = new Map<string, number>();
  private readonly byId: ReadonlyMap<string, Role>;

  constructor(readonly roles: readonly Role[]) {
    this.byId = new Map(roles.map((r) => [r.id, r]));
    for (const role of roles) {
      const seen = new Set<string>();
      for (const name of [role.title, role.id.replace(/-/g, ' '), ...role.aliases]) {
        const surface = normalizeText(name);
        surface.split(' ').forEach((w) => w && this.nameWords.add(w));
        const words = [...new Set(canonicalWords(surface))];
        const key = words.join(' ');
        if (!words.some((w) => !GENERIC_ROLE_STEMS.has(w)) || seen.has(key)) continue;
        seen.add(key);
        const phrase: NamePhrase = { role, words, weight: 0 };
        for (const w of words) {
          const list = this.phrasesByWord.get(w);
          if (list) list.push(phrase);
          else this.phrasesByWord.set(w, [phrase]);
        }
      }
      for (const [section, blocks] of role.sections) this.indexText(role.id, section, blocks);
    }
    for (const key of ['title', 'aliases'] as const) {
      for (const role of roles) {
        for (const name of key === 'title' ? [role.title] : role.aliases) {
          const text = normalizeText(name);
          this.names.push({ role, text, words: text.split(' ') });
        }
      }
    }
    for (const [word, phrases] of this.phrasesByWord) {
      this.roleFrequency.set(word, new Set(phrases.map((p) => p.role.id)).size);
    }
    for (const phrases of this.phrasesByWord.values()) {
      for (const p of phrases) if (p.weight === 0) p.weight = p.words.reduce((s, w) => s + this.weightOf(w), 0);
    }
  }

  roleById(id: string): Role {
    const role = this.byId.get(id);
    if (!role) throw new Error(`role index has no role "${id}"`);
    return role;
  }

  /** Rarer words say more about which role is meant. */
  weightOf(word: string): number {
    if (GENERIC_ROLE_STEMS.has(word)) return GENERIC_WORD_WEIGHT;
    const df = this.roleFrequency.get(word) ?? 1;
    return 1 / (1 + Math.log(df));
  }

  /** The two title words of a word typed without its space ("bankingprocess"), or null. */
  splitGlued(word: string): [string, string] | null {
    for (let i = 3; i <= word.length - 3; i += 1) {
      const a = word.slice(0, i);
      const b = word.slice(i);
      if (this.nameWords.has(a) && this.nameWords.has(b)) return [a, b];
    }
    return null;
  }

  /** How many roles' content uses a word. */
  contentFrequency(word: string): number {
    return this.contentByWord.get(word)?.size ?? 0;
  }

  private indexText(roleId: string, section: SectionId, blocks: Block[]): void {
    for (const block of blocks) {
      const texts =
        block.type === 'list' ? block.items : block.type === 'fields' ? block.fields.map((f) => f.value) : [block.text];
      for (const text of texts) {
        const surface = normalizeText(text, Infinity);
        surface.split(' ').forEach((w) => w && this.contentWords.add(w));
        for (const word of canonicalWords(surface)) {
          if (STOP_STEMS.has(word) || GENERIC_ROLE_STEMS.has(word) || word.length < 2) continue;
          let roles = this.contentByWord.get(word);
          if (!roles) this.contentByWord.set(word, (roles = new Map<string, Map<SectionId, number>>()));
          let sections = roles.get(roleId);
          if (!sections) roles.set(roleId, (sections = new Map<SectionId, number>()));
          sections.set(section, (sections.get(section) ?? 0) + 1);
        }
      }
    }
  }
}
