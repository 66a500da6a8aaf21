import type { Content, Role, Tip } from '../content/types.js';
import type { Reply } from '../reply.js';
import type { Surface } from '../surface.js';
import { SECTION_TITLES } from '../sections.js';
import { neutralize } from '../text/neutralize.js';
import { normalizeText } from '../text/normalize.js';
import { roleChoices } from './choices.js';

/** Every role the bot covers. */
export function listReply(content: Content, surface: Surface): Reply {
  return {
    intent: 'list',
    title: `Roles I cover (${content.roles.length})`,
    blocks: [
      { type: 'list', items: content.roles.map((r) => r.title), ordered: false },
      {
        type: 'paragraph',
        text: `Ask about any of them, e.g. "${surface.ask('knowledge graph engineer', 'skills')}".`,
      },
    ],
    choices: roleChoices(content.roles, 'role'),
    private: false,
    shareable: true,
  };
}

export function helpReply(content: Content, surface: Surface): Reply {
  const example = content.roles[0]?.title.toLowerCase() ?? 'ml systems engineer';
  // The pay example names a role that has figures, so trying it shows some.
  const payExample = (content.roles.find((r) => r.salary) ?? content.roles[0])?.title.toLowerCase() ?? example;
  return {
    intent: 'help',
    title: 'How to ask career-bot',
    blocks: [
      { type: 'paragraph', text: 'I answer questions about tech careers from curated role profiles.' },
      {
        type: 'list',
        ordered: false,
        items: [
          `${surface.ask(example)}: an overview of the role`,
          `${surface.ask(example, 'skills')}: one topic (${Object.values(SECTION_TITLES)
            .map((t) => t.toLowerCase())
            .join(', ')})`,
          `"how much does a senior ${payExample} make in Seattle?": pay by level and city, sent privately`,
          '"which role works with RDF and OWL?": find a role from what it involves',
          `${surface.ask()}: the list of roles; "send me a tip": this week's skill tip`,
        ],
      },
    ],
    choices: [{ label: 'List roles', action: { type: 'list' }, group: 'role' }],
    private: true,
  };
}

export function tipReply(content: Content, tip: Tip | undefined, role: Role | null, surface: Surface): Reply {
  if (!tip) {
    return {
      intent: 'tip',
      title: 'Skill tip',
      blocks: [
        { type: 'paragraph', text: role ? `I have no skill tips for ${role.title} yet.` : 'I have no skill tips yet.' },
      ],
      choices: [],
      private: false,
      ...(role ? { role: role.id } : {}),
    };
  }
  const roles = tip.roles.map((id) => content.roleById.get(id)).filter((r): r is Role => r !== undefined);
  const first = roles[0];
  const readMore =
    first && tip.section
      ? `Read more: ${surface.ask(first.title.toLowerCase(), tip.section.replace(/-/g, ' '))}`
      : null;
  return {
    intent: 'tip',
    title: `Skill tip: ${tip.skill}`,
    blocks: [
      { type: 'paragraph', text: tip.text },
      { type: 'paragraph', text: `For: ${roles.map((r) => r.title).join(', ')}${readMore ? `. ${readMore}` : ''}` },
    ],
    choices:
      first && tip.section
        ? [
            {
              label: `${first.title}: ${SECTION_TITLES[tip.section]}`,
              action: { type: 'section', role: first.id, section: tip.section },
              group: 'related',
            },
          ]
        : [],
    private: false,
    shareable: true,
    role: first?.id ?? '',
  };
}

/** A role we don't cover, or off-topic text: say so plainly, offer close roles. */
export function unknownReply(
  content: Content,
  question: string,
  suggestions: readonly Role[],
  surface: Surface,
): Reply {
  const echoed = neutralize(question, 80);
  const blocks: Reply['blocks'] = [
    {
      type: 'paragraph',
      // Emoji or symbols alone hold no words to look up: say that rather than echo them.
      text: normalizeText(question)
        ? `I don't have a career profile for "${echoed}". ` +
          `I cover ${rolesCount(content)}; type ${surface.ask()} for the list.`
        : `I couldn't find a question in that. Type help to see what I can answer, or ${surface.ask()} for the roles.`,
    },
  ];
  if (suggestions.length)
    blocks.push({ type: 'paragraph', text: `Did you mean: ${suggestions.map((r) => r.title).join(', ')}?` });
  return {
    intent: 'unknown',
    title: 'No profile for that',
    blocks,
    choices: roleChoices(suggestions, 'suggestion'),
    private: true,
  };
}

function rolesCount(content: Content): string {
  return content.roles.length === 1 ? '1 role' : `${content.roles.length} roles`;
}
