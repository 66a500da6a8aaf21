import { typedCommandSurface } from '../shared/typed-command-surface.js';

export const COMMAND = '/career';

/** How Slack people write commands: everything after `/career`. */
export const slackSurface = typedCommandSurface({
  command: COMMAND,
  workspace: 'workspace',
  tipsAdmins: "workspace admins and owners (and people the bot's operator lists as admins)",
});
