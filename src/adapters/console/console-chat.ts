import { createInterface } from 'node:readline';
import type { Bot } from '../../core/bot.js';
import type { Envelope, IncomingMessage } from '../../core/message.js';
import type { Reply } from '../../core/reply.js';
import { renderText } from '../../core/render-text.js';
import { commandMessage } from '../shared/typed-command.js';
import { consoleSurface } from './console-surface.js';
import { writeChartFile } from '../../charts/chart-file.js';

export interface ConsoleChat {
  /** Resolves when the user quits or input ends. */
  readonly closed: Promise<void>;
  stop(): void;
}

const BANNER =
  'career-bot console. Ask a question, type /career ROLE [TOPIC], a number to follow a choice, ' +
  '+ or - to rate an answer, "help", or "quit".';

/**
 * The console adapter: a person types what they would type in Slack or
 * Discord. `/career ...` is a slash command, anything else a DM; a number
 * presses the numbered choice of the last answer, like a button.
 */
export function startConsoleChat(bot: Bot, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): ConsoleChat {
  const rl = createInterface({ input, output, terminal: false, crlfDelay: Infinity });
  let last: Reply | null = null;
  /** The last answer that takes votes: `+` and `-` rate it (a thanks in between does not). */
  let rated: Reply | null = null;
  const user = { id: 'console-user', name: process.env.USER ?? 'you' };
  const write = (s: string) => output.write(`${s}\n`);

  write(BANNER);
  const prompt = () => output.write('\n> ');
  prompt();
  // Lines are answered one at a time, in order, even though handling is async.
  let queue = Promise.resolve();
  let quitting = false;
  rl.on('line', (raw) => {
    queue = queue.then(() => onLine(raw));
  });
  const onLine = async (raw: string): Promise<void> => {
    // Lines typed (or piped) after "quit" are not answered.
    if (quitting) return;
    const line = raw.trim();
    if (/^(quit|exit|:q)$/i.test(line)) {
      quitting = true;
      rl.close();
      return;
    }
    const message = toMessage(line, last, rated, user);
    if (message) {
      try {
        last = await bot.handle(message);
        write(renderText(last));
        if (last.chart) write(`Chart: ${await writeChartFile(last.chart)}`);
        if (last.feedback) {
          rated = last;
          write('Was this helpful? Type + or -.');
        }
      } catch (err) {
        // A fault answering one line must not end the session.
        write(`Sorry, something went wrong answering that (${(err as Error).message}).`);
      }
    } else {
      write(`There is no choice ${line} in the last answer.`);
    }
    prompt();
  };
  const closed = new Promise<void>((resolve) => rl.once('close', () => void queue.then(() => resolve())));
  return {
    closed,
    stop: () => rl.close(),
  };
}

function toMessage(
  line: string,
  last: Reply | null,
  rated: Reply | null,
  user: IncomingMessage['user'],
): IncomingMessage | null {
  const base: Envelope = {
    platform: 'console',
    surface: consoleSurface,
    conversation: { platform: 'console', workspace: null, channel: 'console', thread: null, user: user.id },
    user,
    channel: { id: 'console', kind: 'dm' },
  };
  if ((line === '+' || line === '-') && rated?.feedback)
    return { ...base, kind: 'button', action: { type: 'feedback', helpful: line === '+', ...rated.feedback } };
  if (/^\d{1,3}$/.test(line) && last?.choices.length) {
    const choice = last.choices[Number(line) - 1];
    return choice ? { ...base, kind: 'button', action: choice.action } : null;
  }
  const command = /^\/career\b\s*(.*)$/i.exec(line);
  if (!command) return { ...base, kind: 'question', via: 'dm', text: line };
  return commandMessage(base, command[1] ?? '');
}
