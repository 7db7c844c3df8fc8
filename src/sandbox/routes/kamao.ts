import { ok, validationError } from '../envelope.js';
import { amount, idOf, isoAt, maskAllButLast4, optionalText, personName, pick, rng } from '../data.js';
import { type PlatformHandler, dateFilter, isResult, paginate } from './common.js';

const HOUR = 3_600_000;
const SOURCES = [
  'PAN verification',
  'Aadhaar verification',
  'CIBIL report',
  'Insurance',
  'Recharge',
  'Bill payment',
];

/** 64 commission earnings, newest first. */
const EARNINGS = Array.from({ length: 64 }, (_, i) => {
  const r = rng(`kamao.earning:${i}`);
  const base = amount(r, 100, 25000);
  const rate = Math.round((0.5 + r() * 4.5) * 10) / 10;
  return {
    earning_id: idOf('ERN', 30000 - i),
    source: pick(r, SOURCES),
    customer_name: personName(r),
    base_amount: base,
    commission_rate: rate,
    amount: Math.round(base * rate) / 100,
    currency: 'INR',
    status: i < 5 ? 'PENDING' : 'CREDITED',
    earned_at: isoAt(i * 11 * HOUR),
  };
});

/** 14 payouts, fortnightly, newest first. */
const PAYOUTS = Array.from({ length: 14 }, (_, i) => {
  const r = rng(`kamao.payout:${i}`);
  return {
    payout_id: idOf('PAY', 800 - i),
    amount: amount(r, 1500, 18000),
    currency: 'INR',
    status: i === 0 ? 'PROCESSING' : 'PAID',
    utr: i === 0 ? null : `HDFCN${String(Math.floor(r() * 1e11)).padStart(11, '0')}`,
    bank_account_masked: maskAllButLast4('50100012345678'),
    paid_at: isoAt(i * 14 * 24 * HOUR),
  };
});

function monthlyReport(month: string): Record<string, unknown> {
  const inMonth = EARNINGS.filter((e) => e.earned_at.startsWith(month));
  const total = Math.round(inMonth.reduce((sum, e) => sum + e.amount, 0) * 100) / 100;
  const bySource = new Map<string, number>();
  for (const e of inMonth) bySource.set(e.source, (bySource.get(e.source) ?? 0) + e.amount);
  return {
    month,
    total_earnings: total,
    currency: 'INR',
    transactions: inMonth.length,
    by_source: [...bySource].map(([source, value]) => ({ source, amount: Math.round(value * 100) / 100 })),
    payouts: PAYOUTS.filter((p) => p.paid_at.startsWith(month)).length,
  };
}

/** kamao.earnings, kamao.payouts, kamao.reports */
export const KAMAO_HANDLERS: Record<string, PlatformHandler> = {
  'kamao.earnings': ({ input }) => {
    const inRange = dateFilter(input);
    const page = paginate(
      EARNINGS.filter((e) => inRange(e.earned_at)),
      input,
    );
    return isResult(page) ? page : ok(page);
  },
  'kamao.payouts': ({ input }) => {
    const page = paginate(PAYOUTS, input);
    return isResult(page) ? page : ok(page);
  },
  'kamao.reports': ({ input }) => {
    const month = optionalText(input.month) ?? EARNINGS[0]!.earned_at.slice(0, 7);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return validationError('month must be yyyy-mm.');
    return ok(monthlyReport(month));
  },
};
