import { test, expect } from 'vitest';
import { BACKENDS } from './backends.js';
for (const b of BACKENDS) {
  test(`smoke ${b.name}`, async () => {
    const d = await b.create();
    const s = await d.open();
    const ch = { platform: 'slack' as const, channelId: 'C1' };
    const sub = await s.subscribe(ch, { day: 'mon', time: '09:00', timeZone: 'Europe/Berlin' }, { at: new Date('2025-03-05T10:00:00Z'), by: 'U1' });
    console.log(sub);
    const c1 = await s.claimDelivery({ ...ch, slot: sub.pending, tipId: 't1', cycle: 0, at: new Date(), by: 'x' });
    const c2 = await s.claimDelivery({ ...ch, slot: sub.pending, tipId: 't1', cycle: 0, at: new Date(), by: 'x' });
    console.log(c1, c2);
    if (c1.claimed) await s.markFailed(c1.id, { at: new Date(), reason: 'x', permanent: false });
    console.log(await s.claimDelivery({ ...ch, slot: sub.pending, tipId: 't2', cycle: 0, at: new Date(), by: 'y' }));
    console.log(await s.rotation(ch), await s.dueSubscriptions(new Date('2026-01-01')));
    await s.close(); await s.close();
    const s2 = await d.open(); await s2.close();
    await d.drop();
  });
}
