/**
 * Wallet: balances of the three wallets and the core wallet's transactions, one page and
 * then every page with `for await`.
 *
 *   npx tsx examples/wallet.ts
 */
import { VistarkriyaClient } from 'vistarkriya';
import { type Log, expect, inr, runIfMain } from './_harness.js';

export default async function wallet(log: Log): Promise<string> {
  // Credentials come from VISTARKRIYA_API_KEY / _API_SECRET / _ADMIN_CODE / _BASE_URL.
  const vk = new VistarkriyaClient();
  try {
    const core = await vk.wallet.core.balance();
    log(`core wallet: ${inr(core.balance)} ${core.currency} (updated ${core.last_updated})`);
    const pipeline = await vk.wallet.pipeline.balance();
    const license = await vk.wallet.license.balance();
    log(`pipeline wallet: ${inr(pipeline.balance)}, license wallet: ${inr(license.balance)}`);

    const page = await vk.wallet.core.transactions({ per_page: 25 });
    log(
      `transactions page ${page.pagination.page}/${page.pagination.total_pages}: ${page.items.length} of ${page.pagination.total}`,
    );
    const debits = await vk.wallet.core.transactions({ type: 'DEBIT', per_page: 5 });
    expect(
      debits.items.every((t) => t.type === 'DEBIT'),
      'the type filter returns only debits',
    );

    let count = 0;
    for await (const _transaction of vk.wallet.core.transactions({ per_page: 20 })) count++;
    expect(
      count === page.pagination.total,
      `for await walks every page (${count} of ${page.pagination.total})`,
    );
    log(`for await walked all ${count} transactions across ${page.pagination.total_pages} pages`);
    return `balance ${inr(core.balance)}, ${count} transactions over ${Math.ceil(count / 20)} pages`;
  } finally {
    await vk.close();
  }
}

await runIfMain(import.meta, wallet);
