import { describe, expect, it } from 'vitest';
import {
  ignoreRepeatedEvents,
  REMEMBER_EVENT_MS,
  REMEMBER_EVENTS_MAX,
} from '../../src/adapters/slack/repeat-deliveries.js';
import { createLogger } from '../../src/create-logger.js';
import { LogCapture } from './harness.js';

function setUp() {
  let clock = 1_700_000_000_000;
  const logs = new LogCapture();
  const middleware = ignoreRepeatedEvents({ logger: createLogger('info', logs.stream), now: () => clock });
  const passed: string[] = [];
  const deliver = async (body: Record<string, unknown>) => {
    // Only the fields the middleware reads; Bolt passes many more.
    await (middleware as (args: unknown) => Promise<void>)({
      body,
      next: async () => void passed.push(String(body.event_id ?? body.command)),
    });
  };
  return { deliver, passed, logs, advance: (ms: number) => (clock += ms) };
}

const event = (id: string) => ({ type: 'event_callback', event_id: id, event: { type: 'message' } });

describe('ignoreRepeatedEvents', () => {
  it('lets an event through once, however often Slack delivers it, and says so in the log', async () => {
    const t = setUp();
    await t.deliver(event('Ev1'));
    await t.deliver(event('Ev1'));
    await t.deliver(event('Ev2'));
    t.advance(5 * 60_000); // Slack's last retry comes about five minutes later
    await t.deliver(event('Ev1'));
    expect(t.passed).toEqual(['Ev1', 'Ev2']);
    expect(
      t.logs.lines.filter((l) => l.msg === 'slack: repeated delivery of an event ignored').map((l) => l.eventId),
    ).toEqual(['Ev1', 'Ev1']);
  });

  it('never holds back what is not an Events API event (commands, button presses)', async () => {
    const t = setUp();
    await t.deliver({ command: '/career', text: 'a' });
    await t.deliver({ command: '/career', text: 'a' });
    await t.deliver({ type: 'block_actions' });
    expect(t.passed).toEqual(['/career', '/career', 'undefined']);
  });

  it('forgets an id after REMEMBER_EVENT_MS', async () => {
    const t = setUp();
    await t.deliver(event('Ev1'));
    t.advance(REMEMBER_EVENT_MS);
    await t.deliver(event('Ev2')); // the next event evicts what has expired
    await t.deliver(event('Ev1'));
    expect(t.passed).toEqual(['Ev1', 'Ev2', 'Ev1']);
  });

  it(`remembers at most ${REMEMBER_EVENTS_MAX} ids, dropping the oldest`, async () => {
    const t = setUp();
    for (let i = 0; i <= REMEMBER_EVENTS_MAX; i += 1) await t.deliver(event(`Ev${i}`));
    await t.deliver(event('Ev0')); // the oldest was dropped to make room: taken again
    await t.deliver(event(`Ev${REMEMBER_EVENTS_MAX}`)); // the newest is remembered
    expect(t.passed).toHaveLength(REMEMBER_EVENTS_MAX + 2);
    expect(t.passed.at(-1)).toBe('Ev0');
  });
});
