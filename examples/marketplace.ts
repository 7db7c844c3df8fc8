/**
 * Marketplace: services, products filtered by category, and an order placed with a
 * `reference` (placing it again with the same reference returns the same order).
 *
 *   npx tsx examples/marketplace.ts
 */
import { VistarkriyaClient } from 'vistarkriya';
import { type Log, expect, inr, runIfMain } from './_harness.js';

export default async function marketplace(log: Log): Promise<string> {
  const vk = new VistarkriyaClient();
  try {
    const { services } = (await vk.marketplace.services()) as { services: { name: string }[] };
    log(`services: ${services.map((s) => s.name).join(', ')}`);

    const products = await vk.marketplace.products({ category: 'financial', per_page: 5 });
    log(`financial products: ${products.items.map((p) => `${p.name} ${inr(p.price)}`).join('; ')}`);
    const product = products.items[0];
    expect(product, 'at least one financial product');

    const reference = `demo-${Date.now()}`;
    const order = await vk.marketplace.order({
      product_id: String(product.product_id),
      quantity: 2,
      reference,
    });
    log(
      `order ${order.order_id}: ${order.status}, ${order.quantity} × ${inr(order.unit_price)} = ${inr(order.amount)}`,
    );
    const again = await vk.marketplace.order({
      product_id: String(product.product_id),
      quantity: 2,
      reference,
    });
    expect(again.order_id === order.order_id, 'the same reference returns the same order');
    log(`same reference again → same order ${again.order_id} (no double order)`);
    return `${services.length} services, order ${order.order_id} for ${inr(order.amount)}`;
  } finally {
    await vk.close();
  }
}

await runIfMain(import.meta, marketplace);
