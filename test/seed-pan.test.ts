// Seed 000's signed example is `POST /api/v1/verify/pan {"pan":"ABCDE1234F"}`. Its 4th letter, D,
// is in no holder-type table: the SDK must still send it (the format is the only hard rule).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InputValidationError, Veri5Client, VistarkriyaClient } from '../src/index.js';
import { panHolderType } from '../src/validators/index.js';
import { startSigningServer } from './helpers/signing-server.js';
import { type Veri5TestServer, startVeri5Server } from './helpers/veri5-server.js';

const SEED_PAN = 'ABCDE1234F';

describe('the platform sends seed 000’s example PAN', () => {
  let server: Awaited<ReturnType<typeof startSigningServer>>;
  let vk: VistarkriyaClient;
  beforeAll(async () => {
    server = await startSigningServer({ secret: 'secret' });
    vk = new VistarkriyaClient({
      apiKey: 'k',
      apiSecret: 'secret',
      adminCode: '123456',
      baseURL: server.url,
    });
  });
  afterAll(async () => {
    await vk.close();
    await server.close();
  });

  it('vk.verify.pan({ pan: "ABCDE1234F" }) is signed and sent as the seed shows it', async () => {
    await vk.verify.pan({ pan: SEED_PAN });
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]!.body).toBe('{"pan":"ABCDE1234F"}');
    expect(panHolderType(SEED_PAN)).toBeUndefined();
  });

  it('a malformed PAN is still refused before sending', async () => {
    server.seen.length = 0;
    for (const pan of ['ABCDE12345', 'ABCD1234F', 'ABCDE1234']) {
      await expect(vk.verify.pan({ pan })).rejects.toBeInstanceOf(InputValidationError);
    }
    expect(server.seen).toHaveLength(0);
  });
});

describe('Veri5Client.verifyPan', () => {
  let server: Veri5TestServer;
  let veri5: Veri5Client;
  beforeAll(async () => {
    server = await startVeri5Server();
    veri5 = new Veri5Client({ ...server.credentials, baseURL: server.url, logLevel: 'off' });
  });
  beforeEach(() => {
    server.seen.length = 0;
  });
  afterAll(async () => {
    await veri5.close();
    await server.close();
  });

  it('sends a PAN whatever its 4th letter', async () => {
    const r = await veri5.verifyPan({ panNumber: 'abcde1234f', consent: true });
    expect(r.status).toBe('SUCCESS');
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]!.json.request.pan_details.pan_number).toBe(SEED_PAN);
  });

  it('asks for consent explicitly, as verifyAadhaar does, and sends it as consent "Y"', async () => {
    for (const consent of [undefined, 'Y', 1, 'true']) {
      const err = await veri5
        // @ts-expect-error consent must be literally true
        .verifyPan({ panNumber: SEED_PAN, consent })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputValidationError);
      expect((err as InputValidationError).issues).toContainEqual(
        expect.objectContaining({ field: 'consent', rule: 'consent' }),
      );
    }
    expect(server.seen).toHaveLength(0);
    await veri5.verifyPan({ panNumber: SEED_PAN, consent: true, consentMessage: 'Asked on screen 4' });
    expect(server.seen[0]!.json.request).toMatchObject({
      consent: 'Y',
      consent_message: 'Asked on screen 4',
    });
  });
});
