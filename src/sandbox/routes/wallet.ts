import { ok, validationError } from '../envelope.js';
import { amount, businessName, idOf, isoAt, optionalText, rng } from '../data.js';
import { type PlatformHandler, dateFilter, isResult, paginate } from './common.js';

const HOUR = 3_600_000;
const CORE_BALANCE = 15420.5;

/** 57 transactions, newest first, deterministic. */
const TRANSACTIONS = (() => {
  const r = rng('wallet.transactions');
  let balance = CORE_BALANCE;
  const list: Record<string, unknown>[] = [];
  for (let i = 0; i < 57; i++) {
    const credit = r() < 0.12;
    const value = credit ? amount(r, 500, 4000) : amount(r, 2, 450);
    const description = credit
      ? `Wallet top-up via ${r() < 0.5 ? 'UPI' : 'NEFT'}`
      : `${['PAN verification', 'Aadhaar verification', 'Bank account verification', 'GST verification', 'CIBIL report'][i % 5]} charge`;
    list.push({
      transaction_id: idOf('TXN', 90000 - i),
      type: credit ? 'CREDIT' : 'DEBIT',
      amount: value,
      currency: 'INR',
      balance_after: Math.round(balance * 100) / 100,
      description,
      reference: credit ? `UTR${String(Math.floor(r() * 1e12)).padStart(12, '0')}` : idOf('ORD', 5000 - i),
      counterparty: credit ? businessName(r) : 'Vistarkriya',
      created_at: isoAt(i * 7 * HOUR),
    });
    balance = credit ? balance - value : balance + value;
  }
  return list;
})();

const balance = (value: number, extra: Record<string, unknown> = {}) =>
  ok({ balance: value, currency: 'INR', last_updated: isoAt(0), ...extra });

/** wallet.core.balance, wallet.core.transactions, wallet.pipeline.balance, wallet.license.balance */
export const WALLET_HANDLERS: Record<string, PlatformHandler> = {
  'wallet.core.balance': () => balance(CORE_BALANCE),
  'wallet.core.transactions': ({ input }) => {
    const type = optionalText(input.type);
    if (type !== undefined && type !== 'CREDIT' && type !== 'DEBIT') {
      return validationError('type must be CREDIT or DEBIT.');
    }
    const inRange = dateFilter(input);
    const list = TRANSACTIONS.filter(
      (t) => (type === undefined || t.type === type) && inRange(t.created_at as string),
    );
    const page = paginate(list, input);
    return isResult(page) ? page : ok(page);
  },
  'wallet.pipeline.balance': () => balance(48250.75, { pending_transactions: 12 }),
  'wallet.license.balance': () => balance(2999, { licenses_active: 3, valid_until: '2027-03-31' }),
};
