const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes echoed user text safe to show on any platform: no control characters,
 * and nothing that pings (`<!channel>`, `<@U1>`, `@everyone`, `@here`). A
 * zero-width space after `@` breaks Discord's and Slack's mention parsing
 * while reading the same; Slack-style `<...>` tokens lose their brackets.
 * Adapters still escape for their own markup (and send no-parse mention
 * settings); this is the platform-neutral part.
 */
export function neutralize(text: string, maxLength = 200): string {
  const clean = text
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/<([@#!][^>]*)>/g, '$1')
    .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...clean];
  return chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('')}…` : clean;
}
