import { typedCommandSurface } from '../shared/typed-command-surface.js';

/** The console reads `/career ...` the way Slack does, and has no channels to post tips into. */
export const consoleSurface = typedCommandSurface({
  command: '/career',
  workspace: 'workspace',
  tipsAdmins: 'channel admins',
  tipsElsewhere:
    'Weekly tips post into a Slack or Discord channel; run this command there. ' +
    'Operators can use `career-bot tips ...` from the command line.',
});
