/**
 * B2C: create a customer (Hindi names are fine: the exact UTF-8 bytes are signed), search
 * customers, list that customer's orders.
 *
 *   npx tsx examples/b2c.ts
 */
import { VistarkriyaClient } from 'vistarkriya';
import { type Log, expect, runIfMain } from './_harness.js';

export default async function b2c(log: Log): Promise<string> {
  const vk = new VistarkriyaClient();
  try {
    const mobile = `98${String(Date.now()).slice(-8)}`;
    const customer = await vk.b2c.createCustomer({ name: 'अनन्या शर्मा', mobile, email: 'ananya@example.in' });
    log(`created ${customer.customer_id}: ${customer.name}, ${customer.mobile}`);
    expect(customer.name === 'अनन्या शर्मा', 'the Devanagari name round-trips');

    const found = await vk.b2c.customers({ search: 'अनन्या' });
    expect(
      found.items.some((c) => c.customer_id === customer.customer_id),
      'search finds the new customer',
    );
    log(`search "अनन्या": ${found.items.length} customer(s)`);

    const all = await vk.b2c.customers({ per_page: 10 });
    const first = all.items.find((c) => c.customer_id !== customer.customer_id)!;
    const orders = await vk.b2c.orders({ customer_id: String(first.customer_id) });
    log(`${first.name} has ${orders.pagination.total} order(s)`);
    return `customer ${customer.customer_id} created; ${all.pagination.total} customers`;
  } finally {
    await vk.close();
  }
}

await runIfMain(import.meta, b2c);
