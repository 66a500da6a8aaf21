import type { Level } from './content/types.js';
import type { SectionId } from './sections.js';
import type { FeedbackTarget } from './feedback.js';
import type { PayChart } from './chart/pay-chart.js';

/**
 * The neutral answer every adapter renders. It carries what a rich platform
 * message needs; `renderText` turns it into plain text for the console.
 */
export type Intent = 'role' | 'salary' | 'compare' | 'fit' | 'list' | 'help' | 'tip' | 'unknown';

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[]; ordered: boolean }
  | { type: 'fields'; fields: Field[] };

export interface Field {
  label: string;
  value: string;
}

/** What pressing a button (or picking a numbered choice in the console) asks for. */
export type Action =
  | { type: 'section'; role: string; section: SectionId }
  | { type: 'list' }
  | { type: 'help' }
  /** Re-creates a pay or comparison answer exactly as shown (Share, Continue reading). */
  | {
      type: 'answer';
      intent: 'salary' | 'compare';
      roles: string[];
      section: SectionId;
      level: Level | null;
      location: string | null;
    }
  /** Helpful / Not helpful on an answer (src/core/feedback.ts). */
  | ({ type: 'feedback'; helpful: boolean } & FeedbackTarget);

export type ChoiceGroup = 'section' | 'related' | 'suggestion' | 'role';

export interface Choice {
  label: string;
  action: Action;
  group: ChoiceGroup;
}

export interface Reply {
  intent: Intent;
  title: string;
  blocks: Block[];
  choices: Choice[];
  /** Source and year of quoted figures, or other small print. */
  footer?: string;
  /** Only the asker should see it (ephemeral on Slack/Discord). */
  private: boolean;
  /**
   * Worth offering a "Share" button for: answers about careers, not help
   * text, refusals or admin confirmations. Absent means false.
   */
  shareable?: boolean;
  /** The role the reply is about, for colours and share attribution. */
  role?: string;
  /** The section shown, when the reply is one role's section (or the topic compared). */
  section?: SectionId;
  /** Every role the reply is about, in order: those compared, or those that fit. */
  roles?: string[];
  /**
   * The button action that builds this very reply again, when the question's
   * words are not needed for it: a follow-up's text ("and in Chicago?") means
   * nothing outside its conversation, so Share and paging use this instead.
   */
  recreate?: Action;
  /** Offer Helpful / Not helpful buttons voting on this target (set by the core for career answers). */
  feedback?: FeedbackTarget;
  /** A pay chart for the adapter to attach (rendered by src/charts/, cached by its key). */
  chart?: PayChart;
}
