import { sectionsOf, type Content, type Role } from '../content/types.js';
import type { Reply } from '../reply.js';
import { SECTION_TITLES, type SectionId } from '../sections.js';
import { navigationChoices } from './choices.js';
import { salaryReply } from './salary-answer.js';

/** One section of one role, with the way to every other section. */
export function roleReply(content: Content, role: Role, section: SectionId): Reply {
  if (section === 'salary') return salaryReply(content, role, null, null);
  const blocks = role.sections.get(section);
  if (!blocks) {
    const available = sectionsOf(role).map((s) => SECTION_TITLES[s]);
    return {
      intent: 'role',
      title: `${role.title} · ${SECTION_TITLES[section]}`,
      blocks: [
        {
          type: 'paragraph',
          text:
            `The ${role.title} profile has no ${SECTION_TITLES[section].toLowerCase()} section: ` +
            'the material it is written from does not cover it.',
        },
        { type: 'paragraph', text: `It covers: ${available.join(', ')}.` },
      ],
      choices: navigationChoices(content, role, null),
      private: false,
      role: role.id,
      section,
    };
  }
  return {
    intent: 'role',
    title: `${role.title} · ${SECTION_TITLES[section]}`,
    blocks,
    choices: navigationChoices(content, role, section),
    private: false,
    shareable: true,
    role: role.id,
    section,
  };
}
