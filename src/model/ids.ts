// Operation ids and their input types, at the type level only (for `vistarkriya/zod`'s `schemas`).
import type { PlatformInputOf } from './operation.js';
import type { PlatformTree } from './platform.js';
import type { VERI5 } from './veri5.js';

/** `[id, row]` for every row of a namespace tree: `['verify.pan', …]`. */
type Entries<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends { readonly method: string }
    ? [`${P}${K}`, T[K]]
    : Entries<T[K], `${P}${K}.`>;
}[keyof T & string];
type PlatformEntries = Entries<PlatformTree>;

/** Every operation id: `wallet.core.balance`, `verify.pan`, …, `veri5.verifyPan`, …. */
export type OperationId = PlatformEntries[0] | `veri5.${keyof typeof VERI5}`;

/** The input an operation takes (for one without input, an empty object). */
export type OperationInput<Id extends OperationId> = Id extends `veri5.${infer M extends keyof typeof VERI5}`
  ? NonNullable<(typeof VERI5)[M]['__types']>['input']
  : Extract<PlatformEntries, [Id, unknown]>[1] extends { readonly input: infer F }
    ? PlatformInputOf<F>
    : Record<string, never>;
