/**
 * Kamao (commissions): earnings in a date range, payouts, and a monthly report.
 *
 *   npx tsx examples/kamao.ts
 */
import { VistarkriyaClient } from 'vistarkriya';
import { type Log, expect, inr, runIfMain } from './_harness.js';

export default async function kamao(log: Log): Promise<string> {
  const vk = new VistarkriyaClient();
  try {
    const earnings = await vk.kamao.earnings({ from: '2026-11-01', to: '2026-11-30', per_page: 5 });
    log(
      `November earnings: ${earnings.pagination.total}; latest ${earnings.items.map((e) => inr(e.amount)).join(', ')}`,
    );
    expect(
      earnings.items.every((e) => String(e.earned_at) >= '2026-11-01'),
      'the date filter is applied',
    );

    const payouts = await vk.kamao.payouts({ per_page: 3 });
    log(`payouts: ${payouts.items.map((p) => `${p.payout_id} ${inr(p.amount)} ${p.status}`).join('; ')}`);

    const report = await vk.kamao.reports({ month: '2026-11' });
    log(`report ${report.month}: ${inr(report.total_earnings)} from ${report.transactions} transactions`);
    expect(report.month === '2026-11', 'the report is for the month asked');
    return `${earnings.pagination.total} earnings in November, ${inr(report.total_earnings)} total`;
  } finally {
    await vk.close();
  }
}

await runIfMain(import.meta, kamao);
