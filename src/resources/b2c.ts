import type { RequestOptions } from '../core/request.js';
import { PAGING_QUERY, defineOperation } from './operation.js';
import type { Page, PagePromise } from './paging.js';
import { APIResource, runList } from './runner.js';
import type { B2CCreateCustomerParams, B2CCustomerListParams, B2COrderListParams } from './schemas.js';

/** One B2C customer. Field names inferred: the platform's documents show none of them. */
export interface B2CCustomer {
  name?: string;
  mobile?: string;
  email?: string;
  [key: string]: unknown;
}

/** One B2C order. The platform's public pages do not document its fields. */
export interface B2COrder {
  [key: string]: unknown;
}

/** Operation rows of `vk.b2c.*`. */
export const b2cOperations = {
  customers: defineOperation<B2CCustomerListParams, Page<B2CCustomer>>({
    id: 'b2c.customers',
    method: 'GET',
    path: '/api/v1/b2c/customers',
    retry: 'read',
    schema: 'b2c.customers',
    paged: true,
    query: PAGING_QUERY,
  }),
  createCustomer: defineOperation<B2CCreateCustomerParams, B2CCustomer>({
    id: 'b2c.createCustomer',
    method: 'POST',
    path: '/api/v1/b2c/customer',
    retry: 'billable',
    schema: 'b2c.createCustomer',
  }),
  orders: defineOperation<B2COrderListParams, Page<B2COrder>>({
    id: 'b2c.orders',
    method: 'GET',
    path: '/api/v1/b2c/orders',
    retry: 'read',
    schema: 'b2c.orders',
    paged: true,
    query: PAGING_QUERY,
  }),
} as const;

/** `vk.b2c`: your customers and their orders. */
export class B2C extends APIResource {
  /**
   * `GET /api/v1/b2c/customers`. Await for one page, or `for await` every customer.
   * @example for await (const c of vk.b2c.customers({ search: 'Asha' })) console.log(c.name);
   */
  customers(params?: B2CCustomerListParams, options?: RequestOptions): PagePromise<B2CCustomer> {
    return runList(this._client, b2cOperations.customers, params, options);
  }

  /** `POST /api/v1/b2c/customer` (billable). The mobile number is sent as its 10 digits. */
  createCustomer(params: B2CCreateCustomerParams, options?: RequestOptions): Promise<B2CCustomer> {
    return this._client._run(b2cOperations.createCustomer, params, options);
  }

  /** `GET /api/v1/b2c/orders`. Await for one page, or `for await` every order. */
  orders(params?: B2COrderListParams, options?: RequestOptions): PagePromise<B2COrder> {
    return runList(this._client, b2cOperations.orders, params, options);
  }
}
