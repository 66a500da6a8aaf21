import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { normalizeText } from '../text/normalize.js';
import { readContentFile } from './read-content-file.js';
import { parseRole } from './parse-role.js';
import { tipsFileSchema } from './schema.js';
import type { Content, ContentProblem, Role, Tip } from './types.js';
import { parseYaml, validate } from './yaml-source.js';

export type LoadResult = { ok: true; content: Content } | { ok: false; problems: ContentProblem[] };

/**
 * Reads and validates a content folder: `roles/*.md` and, if present,
 * `tips/*.yaml`. Every problem is collected (not just the first) so one run of
 * `career-bot check` lists everything to fix.
 */
export function loadContent(dir: string): LoadResult {
  const rolesDir = path.join(dir, 'roles');
  if (!isDir(rolesDir)) {
    return {
      ok: false,
      problems: [{ file: rolesDir, line: 1, message: 'no roles folder: expected content/roles/<id>.md files' }],
    };
  }
  const problems: ContentProblem[] = [];
  const roles: Role[] = [];
  const lines: Lines = new Map();
  const roleFiles = listFiles(rolesDir, ['.md']);
  for (const name of roleFiles) {
    const file = path.join(rolesDir, name);
    const read = readContentFile(dir, file);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const parsed = parseRole(file, path.basename(name, '.md'), read.text);
    if (parsed.ok) {
      roles.push(parsed.value);
      lines.set(parsed.value, parsed.lineOf);
    } else problems.push(...parsed.problems);
  }
  if (roles.length === 0 && problems.length === 0) {
    problems.push({ file: rolesDir, line: 1, message: 'no role files (*.md)' });
  }

  const tips: Tip[] = [];
  const tipsDir = path.join(dir, 'tips');
  if (isDir(tipsDir)) {
    for (const name of listFiles(tipsDir, ['.yaml', '.yml'])) {
      const file = path.join(tipsDir, name);
      const read = readContentFile(dir, file);
      if (!read.ok) {
        problems.push(read.problem);
        continue;
      }
      const source = parseYaml(file, read.text);
      const result = validate(file, source, tipsFileSchema);
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      result.value.forEach((t, i) => {
        const tip: Tip = { ...t, file };
        tips.push(tip);
        lines.set(tip, (p) => source.lineOf([i, ...p]));
      });
    }
  }

  // A role file that failed to parse is still a known id: no cascade of "unknown role" errors.
  const knownIds = new Set([...roles.map((r) => r.id), ...roleFiles.map((n) => path.basename(n, '.md'))]);
  problems.push(...crossCheck(roles, tips, lines, knownIds));
  if (problems.length) return { ok: false, problems };
  return { ok: true, content: { dir, roles, roleById: new Map(roles.map((r) => [r.id, r])), tips } };
}

/** Checks that need every file: uniqueness and references between files. */
type Lines = Map<Role | Tip, (path: readonly PropertyKey[]) => number>;

function crossCheck(roles: Role[], tips: Tip[], lines: Lines, knownIds: ReadonlySet<string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = new Map<string, Role>();
  const names = new Map<string, Role>();
  for (const role of roles) {
    const prior = ids.get(role.id);
    if (prior)
      problems.push({
        file: role.file,
        line: 1,
        field: 'id',
        message: `duplicate id "${role.id}" (also ${prior.file})`,
      });
    ids.set(role.id, role);
  }
  for (const role of roles) {
    const lineOf = lines.get(role)!;
    const named: Array<[string, readonly PropertyKey[]]> = [
      [role.title, ['title']],
      ...role.aliases.map((a, i): [string, PropertyKey[]] => [a, ['aliases', i]]),
    ];
    for (const [name, at] of named) {
      const key = normalizeText(name);
      const owner = names.get(key);
      if (owner && owner !== role) {
        problems.push({
          file: role.file,
          line: lineOf(at),
          field: at.join('.'),
          message: `"${name}" is claimed by two roles: ${owner.id} and ${role.id}`,
        });
      }
      names.set(key, role);
    }
    // A folder may hold a subset of roles: a related role that is not here is
    // simply not offered (the contract: a folder of role files must load).
    role.related = role.related.filter((id) => knownIds.has(id));
  }
  const tipIds = new Set<string>();
  for (const tip of tips) {
    const lineOf = lines.get(tip)!;
    if (tipIds.has(tip.id))
      problems.push({ file: tip.file, line: lineOf(['id']), field: 'id', message: `duplicate tip id "${tip.id}"` });
    tipIds.add(tip.id);
    tip.roles.forEach((id, i) => {
      if (!knownIds.has(id))
        problems.push({
          file: tip.file,
          line: lineOf(['roles', i]),
          field: `roles.${i}`,
          message: `tip "${tip.id}" names unknown role "${id}"`,
        });
    });
  }
  return problems;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function listFiles(dir: string, exts: string[]): string[] {
  return readdirSync(dir)
    .filter((n) => exts.some((e) => n.endsWith(e)))
    .sort();
}
