import { sectionsOf, type Content, type Role } from '../content/types.js';
import type { Choice } from '../reply.js';
import { SECTION_TITLES, type SectionId } from '../sections.js';

/** Buttons to the role's other sections, then to its related roles. */
export function navigationChoices(content: Content, role: Role, current: SectionId | null): Choice[] {
  const sections: Choice[] = sectionsOf(role)
    .filter((s) => s !== current)
    .map((section) => ({
      label: SECTION_TITLES[section],
      action: { type: 'section', role: role.id, section },
      group: 'section',
    }));
  return [...sections, ...relatedChoices(content, role)];
}

export function relatedChoices(content: Content, role: Role): Choice[] {
  return role.related.flatMap((id) => {
    const other = content.roleById.get(id);
    return other
      ? [
          {
            label: other.title,
            action: { type: 'section', role: other.id, section: 'overview' },
            group: 'related',
          } satisfies Choice,
        ]
      : [];
  });
}

export function roleChoices(
  roles: readonly Role[],
  group: 'role' | 'suggestion',
  section: SectionId = 'overview',
): Choice[] {
  return roles.map((r) => ({ label: r.title, action: { type: 'section', role: r.id, section }, group }));
}
