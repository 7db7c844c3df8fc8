import { fail, ok, validationError } from '../envelope.js';
import { amount, cityFor, idOf, isoAt, mobile, optionalText, personName, rng } from '../data.js';
import { MAGIC_MOBILE_DUPLICATE } from '../magic.js';
import type { RouteResult } from '../types.js';
import { type PlatformContext, type PlatformHandler, isResult, nextId, paginate } from './common.js';

const HOUR = 3_600_000;

/** 48 customers, newest first. */
const CUSTOMERS = Array.from({ length: 48 }, (_, i) => {
  const r = rng(`b2c.customer:${i}`);
  const name = personName(r);
  return {
    customer_id: idOf('CUST', 4800 - i),
    name,
    mobile: mobile(r),
    email: `${name.toLowerCase().replace(' ', '.')}${i}@example.in`,
    city: cityFor(r).city,
    created_at: isoAt(i * 31 * HOUR),
  };
});

/** 75 orders spread over the customers. */
const ORDERS = Array.from({ length: 75 }, (_, i) => {
  const r = rng(`b2c.order:${i}`);
  const customer = CUSTOMERS[Math.floor(r() * CUSTOMERS.length)]!;
  return {
    order_id: idOf('BORD', 12000 - i),
    customer_id: customer.customer_id,
    customer_name: customer.name,
    amount: amount(r, 99, 9999),
    currency: 'INR',
    status: r() < 0.85 ? 'COMPLETED' : 'REFUNDED',
    created_at: isoAt(i * 9 * HOUR),
  };
});

function createCustomer(ctx: PlatformContext): RouteResult {
  // name, mobile (its 10 digits) and email passed the row's rules (the client's).
  const name = ctx.input.name as string;
  if (name.trim().length < 2) return validationError('name must have at least 2 characters.');
  const email = ctx.input.email as string | undefined;
  const last10 = ctx.input.mobile as string;
  if (last10 === MAGIC_MOBILE_DUPLICATE || ctx.state.customers.some((c) => c.mobile === last10)) {
    return fail(409, 'DUPLICATE_CUSTOMER', 'A customer with this mobile number already exists.');
  }
  const customer = {
    customer_id: nextId(ctx.state, 'CUST'),
    name: name.trim(),
    mobile: last10,
    email: email ?? null,
    city: null,
    created_at: isoAt(-1000),
  };
  ctx.state.customers.push(customer);
  return ok(customer, 201);
}

/** b2c.customers, b2c.createCustomer, b2c.orders */
export const B2C_HANDLERS: Record<string, PlatformHandler> = {
  'b2c.customers': ({ state, input }) => {
    const search = optionalText(input.search)?.toLowerCase();
    const all = [...[...state.customers].reverse(), ...CUSTOMERS] as Record<string, unknown>[];
    const list = search
      ? all.filter((c) => `${c.name} ${c.mobile} ${c.email ?? ''}`.toLowerCase().includes(search))
      : all;
    const page = paginate(list, input);
    return isResult(page) ? page : ok(page);
  },
  'b2c.createCustomer': createCustomer,
  'b2c.orders': ({ input }) => {
    const customer = optionalText(input.customer_id);
    const page = paginate(
      ORDERS.filter((o) => customer === undefined || o.customer_id === customer),
      input,
    );
    return isResult(page) ? page : ok(page);
  },
};
