import { notFound, ok, validationError } from '../envelope.js';
import { amount, isoAt, optionalText, rng } from '../data.js';
import { MAGIC_PRODUCT_NO_FUNDS } from '../magic.js';
import type { RouteResult } from '../types.js';
import {
  type PlatformContext,
  type PlatformHandler,
  insufficientBalance,
  isResult,
  nextId,
  paginate,
} from './common.js';

const SERVICES = [
  { service_id: 'recharge', name: 'Mobile & DTH recharge', category: 'utilities' },
  { service_id: 'bbps', name: 'Bill payments (BBPS)', category: 'utilities' },
  { service_id: 'insurance', name: 'Insurance', category: 'financial' },
  { service_id: 'loans', name: 'Loan leads', category: 'financial' },
  { service_id: 'travel', name: 'Bus & rail tickets', category: 'travel' },
  { service_id: 'software', name: 'Business software licences', category: 'software' },
].map((s) => ({ ...s, status: 'ACTIVE' }));

const PRODUCT_NAMES: Record<string, string[]> = {
  recharge: ['Jio prepaid ₹299', 'Airtel prepaid ₹349', 'Vi prepaid ₹199', 'Tata Play DTH ₹250'],
  bbps: ['Electricity bill payment', 'Water bill payment', 'Piped gas bill payment', 'FASTag recharge'],
  insurance: ['Two-wheeler insurance', 'Term life cover ₹50 lakh', 'Health insurance family floater'],
  loans: ['Personal loan lead', 'Gold loan lead', 'MSME loan lead'],
  travel: ['IRCTC e-ticket booking', 'Intercity bus ticket', 'Domestic flight booking'],
  software: ['GST billing software (1 year)', 'Retail POS licence', 'Tally integration add-on'],
};

/** 34 products: every name above, then a second "plus" edition of the first few. */
export const PRODUCTS = (() => {
  const all: Record<string, unknown>[] = [];
  const entries = Object.entries(PRODUCT_NAMES).flatMap(([service, names]) =>
    names.map((n) => [service, n] as const),
  );
  const twice = [
    ...entries,
    ...entries.slice(0, 34 - entries.length).map(([s, n]) => [s, `${n} (plus)`] as const),
  ];
  twice.forEach(([service, name], i) => {
    const r = rng(`product:${i}`);
    all.push({
      product_id: `PRD-${1001 + i}`,
      name,
      service,
      category: SERVICES.find((s) => s.service_id === service)!.category,
      price: amount(r, 49, 4999),
      currency: 'INR',
      commission_rate: Math.round((1 + r() * 6) * 10) / 10,
      available: true,
    });
  });
  return all;
})();

function order(ctx: PlatformContext): RouteResult {
  // product_id, quantity, customer_id and reference passed the row's rules (the client's).
  const productId = String(ctx.input.product_id);
  const quantity = (ctx.input.quantity as number | undefined) ?? 1;
  if (quantity > 100) return validationError('quantity must be an integer from 1 to 100.');
  if (productId === MAGIC_PRODUCT_NO_FUNDS) return insufficientBalance();
  const product = PRODUCTS.find((p) => p.product_id === productId);
  if (!product) return notFound(`No product with product_id ${productId}.`);
  const reference = ctx.input.reference as string | undefined;
  // Same reference, same order: a retried order is never placed twice.
  const previous = reference ? ctx.state.ordersByReference.get(reference) : undefined;
  if (previous) return ok(previous);
  const unit = product.price as number;
  const placed = {
    order_id: nextId(ctx.state, 'ORD'),
    status: 'CONFIRMED',
    product_id: productId,
    product_name: product.name,
    quantity,
    unit_price: unit,
    amount: Math.round(unit * quantity * 100) / 100,
    currency: 'INR',
    customer_id: ctx.input.customer_id ?? null,
    reference: reference ?? null,
    created_at: isoAt(-1000),
  };
  if (reference) ctx.state.ordersByReference.set(reference, placed);
  return ok(placed, 201);
}

/** marketplace.services, marketplace.products, marketplace.order */
export const MARKETPLACE_HANDLERS: Record<string, PlatformHandler> = {
  'marketplace.services': () => ok({ services: SERVICES }),
  'marketplace.products': ({ input }) => {
    const category = optionalText(input.category);
    const service = optionalText(input.service);
    const list = PRODUCTS.filter(
      (p) =>
        (category === undefined || p.category === category) &&
        (service === undefined || p.service === service),
    );
    const page = paginate(list, input);
    return isResult(page) ? page : ok(page);
  },
  'marketplace.order': order,
};
