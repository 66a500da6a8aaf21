import type { DiscordMessage } from '../../src/adapters/discord/render-embed.js';

/** Every Discord limit a message body breaks (empty when it is within all of them). */
export function limitProblems(message: Pick<DiscordMessage, 'embeds' | 'components'> & { content?: string }): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check((message.content ?? '').length <= 2000, 'content > 2000');
  check(message.embeds.length <= 10, 'more than 10 embeds');
  let total = 0;
  for (const e of message.embeds) {
    check((e.title ?? '').length <= 256, `title ${e.title?.length} > 256`);
    check((e.description ?? '').length <= 4096, `description ${e.description?.length} > 4096`);
    check((e.fields ?? []).length <= 25, `${e.fields?.length} fields > 25`);
    for (const f of e.fields ?? []) {
      check(f.name.length > 0 && f.name.length <= 256, `field name length ${f.name.length}`);
      check(f.value.length > 0 && f.value.length <= 1024, `field value length ${f.value.length}`);
    }
    check((e.footer?.text ?? '').length <= 2048, 'footer > 2048');
    total +=
      (e.title ?? '').length +
      (e.description ?? '').length +
      (e.footer?.text ?? '').length +
      (e.author?.name ?? '').length;
    total += (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  check(total <= 6000, `embed text ${total} > 6000`);
  check(message.components.length <= 5, `${message.components.length} rows > 5`);
  const ids = new Set<string>();
  for (const row of message.components) {
    check(row.components.length >= 1 && row.components.length <= 5, `row of ${row.components.length} buttons`);
    for (const b of row.components) {
      const label = 'label' in b ? (b.label ?? '') : '';
      check(label.length <= 80, `label ${label.length} > 80`);
      if ('custom_id' in b) {
        check(b.custom_id.length <= 100, `custom_id ${b.custom_id.length} > 100`);
        check(!ids.has(b.custom_id), `duplicate custom_id ${b.custom_id}`);
        ids.add(b.custom_id);
      }
    }
  }
  return problems;
}

/** All visible text of a message's embeds, for asserting on what a user reads. */
export function embedText(message: Pick<DiscordMessage, 'embeds'>): string {
  return message.embeds
    .map((e) =>
      [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
}
