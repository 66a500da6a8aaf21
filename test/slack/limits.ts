/**
 * Block Kit's documented limits, checked independently of the renderer's own
 * constants, plus the undocumented ~12,000-character cumulative cap. Returns
 * what is wrong; an empty list means the message is valid as far as we know.
 */
export function blockKitProblems(message: { text?: string; blocks?: any[] }): string[] {
  const problems: string[] = [];
  const blocks = message.blocks ?? [];
  const bad = (what: string) => problems.push(what);
  if (blocks.length > 50) bad(`${blocks.length} blocks (max 50)`);
  if (!message.text) bad('no text fallback');
  if ((message.text ?? '').length > 40_000) bad('text fallback over 40,000');
  const actionIds = new Set<string>();
  let total = 0;
  const text = (t: { type: string; text: string } | undefined, max: number, where: string) => {
    if (!t) return;
    total += t.text.length;
    if (t.text.length === 0) bad(`${where}: empty text`);
    if (t.text.length > max) bad(`${where}: ${t.text.length} chars (max ${max})`);
    const rest = t.text.replace(/Shared by <@[UW][A-Z0-9]+>/g, '');
    if (/[<>]/.test(rest)) bad(`${where}: unescaped < or >`);
    if (/&(?!amp;|lt;|gt;)/.test(rest)) bad(`${where}: unescaped &`);
  };
  blocks.forEach((b, i) => {
    const where = `block ${i} (${b.type})`;
    switch (b.type) {
      case 'header':
        if (b.text.type !== 'plain_text') bad(`${where}: header must be plain_text`);
        text(b.text, 150, where);
        break;
      case 'section':
        if (!b.text && !b.fields?.length) bad(`${where}: neither text nor fields`);
        text(b.text, 3_000, where);
        if ((b.fields ?? []).length > 10) bad(`${where}: ${b.fields.length} fields (max 10)`);
        for (const f of b.fields ?? []) text(f, 2_000, `${where} field`);
        break;
      case 'context':
        if (b.elements.length > 10) bad(`${where}: ${b.elements.length} elements (max 10)`);
        for (const e of b.elements) text(e, 3_000, `${where} element`);
        break;
      case 'actions':
        if (b.elements.length > 25) bad(`${where}: ${b.elements.length} elements (max 25)`);
        for (const e of b.elements) {
          text(e.text, 75, `${where} button`);
          if ((e.value ?? '').length > 2_000) bad(`${where}: button value over 2,000`);
          if (e.action_id.length > 255) bad(`${where}: action_id over 255`);
          if (actionIds.has(e.action_id)) bad(`${where}: duplicate action_id ${e.action_id}`);
          actionIds.add(e.action_id);
        }
        break;
      default:
        bad(`${where}: unexpected block type`);
    }
  });
  if (total > 12_000) bad(`${total} characters of text in blocks (Slack rejects past ~12,000)`);
  return problems;
}
