import type { RequestOptions } from '../core/request.js';
import { PAGING_QUERY, defineOperation } from './operation.js';
import type { Page, PagePromise } from './paging.js';
import { APIResource, runList } from './runner.js';
import type { MarketplaceOrderParams, MarketplaceProductListParams } from './schemas.js';

/** Marketplace services. The platform's public pages do not document the fields. */
export interface MarketplaceServiceCatalog {
  [key: string]: unknown;
}

/** One marketplace product. The platform's public pages do not document its fields. */
export interface MarketplaceProduct {
  [key: string]: unknown;
}

/** Answer of `marketplace.order`. The platform's public pages do not document its fields. */
export interface MarketplaceOrder {
  [key: string]: unknown;
}

/** Operation rows of `vk.marketplace.*`. */
export const marketplaceOperations = {
  services: defineOperation<undefined, MarketplaceServiceCatalog>({
    id: 'marketplace.services',
    method: 'GET',
    path: '/api/v1/marketplace/services',
    retry: 'read',
  }),
  products: defineOperation<MarketplaceProductListParams, Page<MarketplaceProduct>>({
    id: 'marketplace.products',
    method: 'GET',
    path: '/api/v1/marketplace/products',
    retry: 'read',
    schema: 'marketplace.products',
    paged: true,
    query: PAGING_QUERY,
  }),
  order: defineOperation<MarketplaceOrderParams, MarketplaceOrder>({
    id: 'marketplace.order',
    method: 'POST',
    path: '/api/v1/marketplace/order',
    retry: 'billable',
    schema: 'marketplace.order',
  }),
} as const;

/** `vk.marketplace`: services, products and orders. */
export class Marketplace extends APIResource {
  /** `GET /api/v1/marketplace/services` */
  services(options?: RequestOptions): Promise<MarketplaceServiceCatalog> {
    return this._client._run(marketplaceOperations.services, undefined, options);
  }

  /** `GET /api/v1/marketplace/products`. Await for one page, or `for await` every product. */
  products(params?: MarketplaceProductListParams, options?: RequestOptions): PagePromise<MarketplaceProduct> {
    return runList(this._client, marketplaceOperations.products, params, options);
  }

  /** `POST /api/v1/marketplace/order` (billable: not retried after an ambiguous failure). */
  order(params: MarketplaceOrderParams, options?: RequestOptions): Promise<MarketplaceOrder> {
    return this._client._run(marketplaceOperations.order, params, options);
  }
}
