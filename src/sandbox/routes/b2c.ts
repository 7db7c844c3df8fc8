import { fail, ok, validationError } from '../envelope.js';
import { isMobile } from '../checks.js';
import { amount, cityFor, idOf, isoAt, mobile, personName, rng } from '../data.js';
import { MAGIC_MOBILE_DUPLICATE } from '../magic.js';
import type { RouteResult } from '../types.js';
import {
  type PlatformContext,
  type PlatformRoute,
  isResult,
  nextId,
  paginate,
  requireField,
  str,
} from './common.js';

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
  const name = requireField(ctx.body, 'name', (v) => v.trim().length >= 2, 'at least 2 characters');
  if (isResult(name)) return name;
  const phone = requireField(ctx.body, 'mobile', isMobile, '10-digit Indian mobile number');
  if (isResult(phone)) return phone;
  const email = str(ctx.body, 'email');
  if (ctx.body.email !== undefined && (email === undefined || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) {
    return validationError('email is invalid.');
  }
  const last10 = phone.replace(/\D/g, '').slice(-10);
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
export const B2C_ROUTES: PlatformRoute[] = [
  {
    id: 'b2c.customers',
    method: 'GET',
    path: '/b2c/customers',
    handler: ({ query, state }) => {
      const search = query.get('search')?.toLowerCase();
      const all = [...[...state.customers].reverse(), ...CUSTOMERS] as Record<string, unknown>[];
      const list = search
        ? all.filter((c) => `${c.name} ${c.mobile} ${c.email ?? ''}`.toLowerCase().includes(search))
        : all;
      const page = paginate(list, query);
      return isResult(page) ? page : ok(page);
    },
  },
  { id: 'b2c.createCustomer', method: 'POST', path: '/b2c/customer', handler: createCustomer },
  {
    id: 'b2c.orders',
    method: 'GET',
    path: '/b2c/orders',
    handler: ({ query }) => {
      const customer = query.get('customer_id');
      const page = paginate(
        ORDERS.filter((o) => customer === null || o.customer_id === customer),
        query,
      );
      return isResult(page) ? page : ok(page);
    },
  },
];
