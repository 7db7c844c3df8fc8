// SDK_VERSION is package.json's version: replaced at build time (tsup `define`), read from
// package.json when running from source (this test, tsx). scripts/check-package.mjs checks dist/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SDK_VERSION } from '../src/core/version.js';
import { jsonAnswer } from './faults/fake-transport.js';
import { scriptedClient } from './faults/helpers.js';

const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('SDK_VERSION from source', () => {
  it('is package.json’s version, and the Node User-Agent carries it', async () => {
    expect(SDK_VERSION).toBe(PACKAGE.version);
    const { client, transport } = scriptedClient([jsonAnswer(200, { success: true, data: {} })]);
    await client.wallet.core.balance();
    expect(transport.requests[0]!.headers['User-Agent']).toBe(`vistarkriya-node/${PACKAGE.version}`);
  });
});
