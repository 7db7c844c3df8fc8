import type { RequestOptions } from '../core/request.js';
import { PAGING_QUERY, defineOperation } from './operation.js';
import type { Page, PagePromise } from './paging.js';
import { APIResource, runList } from './runner.js';
import type { WalletTransactionListParams } from './schemas.js';

/** A wallet balance, as the platform's API overview shows it: `{ balance, currency, last_updated }`. */
export interface WalletBalance {
  /** Amount in `currency` (rupees, not paise), e.g. `15420.5`. */
  balance: number;
  /** `INR` */
  currency: string;
  /** ISO 8601 time of the last change, e.g. `2024-02-20T10:30:00Z`. */
  last_updated: string;
  [key: string]: unknown;
}

/** One wallet transaction. The platform's public pages do not document its fields. */
export interface WalletTransaction {
  [key: string]: unknown;
}

/** Operation rows of `vk.wallet.*`. */
export const walletOperations = {
  coreBalance: defineOperation<undefined, WalletBalance>({
    id: 'wallet.core.balance',
    method: 'GET',
    path: '/api/v1/wallet/core/balance',
    retry: 'read',
  }),
  coreTransactions: defineOperation<WalletTransactionListParams, Page<WalletTransaction>>({
    id: 'wallet.core.transactions',
    method: 'GET',
    path: '/api/v1/wallet/core/transactions',
    retry: 'read',
    schema: 'wallet.core.transactions',
    paged: true,
    query: PAGING_QUERY,
  }),
  pipelineBalance: defineOperation<undefined, WalletBalance>({
    id: 'wallet.pipeline.balance',
    method: 'GET',
    path: '/api/v1/wallet/pipeline/balance',
    retry: 'read',
  }),
  licenseBalance: defineOperation<undefined, WalletBalance>({
    id: 'wallet.license.balance',
    method: 'GET',
    path: '/api/v1/wallet/license/balance',
    retry: 'read',
  }),
} as const;

/** `vk.wallet.core`: the main wallet. */
export class CoreWallet extends APIResource {
  /** `GET /api/v1/wallet/core/balance` */
  balance(options?: RequestOptions): Promise<WalletBalance> {
    return this._client._run(walletOperations.coreBalance, undefined, options);
  }

  /**
   * `GET /api/v1/wallet/core/transactions`. Await for one page, or `for await` every transaction.
   * @example for await (const tx of vk.wallet.core.transactions({ from: '2024-04-01' })) console.log(tx);
   */
  transactions(
    params?: WalletTransactionListParams,
    options?: RequestOptions,
  ): PagePromise<WalletTransaction> {
    return runList(this._client, walletOperations.coreTransactions, params, options);
  }
}

/** `vk.wallet.pipeline`: funds in the pipeline. */
export class PipelineWallet extends APIResource {
  /** `GET /api/v1/wallet/pipeline/balance` */
  balance(options?: RequestOptions): Promise<WalletBalance> {
    return this._client._run(walletOperations.pipelineBalance, undefined, options);
  }
}

/** `vk.wallet.license`: the license wallet. */
export class LicenseWallet extends APIResource {
  /** `GET /api/v1/wallet/license/balance` */
  balance(options?: RequestOptions): Promise<WalletBalance> {
    return this._client._run(walletOperations.licenseBalance, undefined, options);
  }
}

/** `vk.wallet`: the core, pipeline and license wallets. */
export class Wallet extends APIResource {
  /** The main wallet: balance and transactions. */
  readonly core: CoreWallet = new CoreWallet(this._client);
  /** The pipeline wallet. */
  readonly pipeline: PipelineWallet = new PipelineWallet(this._client);
  /** The license wallet. */
  readonly license: LicenseWallet = new LicenseWallet(this._client);
}
