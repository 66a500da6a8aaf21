import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/render-text.js';
import { shippedBot } from '../helpers/content.js';

const bot = shippedBot();

const HOSTILE = [
  '',
  '   ',
  'x'.repeat(20_000),
  'ml systems engineer '.repeat(1_000),
  '\u0000\u0007\u001b[31m red \u001b[0m',
  '\u200b\u200c\u200d\ufeff',
  '🚀🔥💯',
  'مهندس تعلم الآلة',
  'שלום עולם',
  '机器学习工程师的薪水是多少',
  '{{7*7}} ${process.env.HOME} <%= 7*7 %>',
  "'; DROP TABLE subscriptions; --",
  '" OR 1=1 --',
  '<!channel> <!here> <!everyone>',
  '@everyone @here please',
  '<@U123ABC> <@!123456> <@&987> <#C123>',
  '<script>alert(1)</script>',
  '\\'.repeat(500),
  '%s %n %x',
  '../../etc/passwd',
];

describe('bad input', () => {
  it.each(HOSTILE.map((h) => [JSON.stringify(h).slice(0, 60), h]))(
    '%s: answers without crashing or pinging',
    (_, input) => {
      const a = bot.answer(input);
      const text = renderText(a.reply);
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/<[!@#]/);
      expect(text).not.toMatch(/@(everyone|here)\b/);
      // eslint-disable-next-line no-control-regex -- the point of the check: no control characters survive
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      expect(text.length).toBeLessThan(6_000);
    },
  );

  it('echoes at most a short, neutralised excerpt of an unknown question', () => {
    const text = renderText(bot.answer(`astronaut <!channel> ${'y'.repeat(5000)}`).reply);
    expect(text).toContain('astronaut !channel');
    expect(text.length).toBeLessThan(400);
  });
});
