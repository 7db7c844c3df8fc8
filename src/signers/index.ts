export type { SignInput, SignResult, Signer } from './types.js';
export { vistarkriyaSigner, vistarkriyaStringToSign, type VistarkriyaSignerOptions } from './vistarkriya.js';
export {
  openLegacySigner,
  openLegacyStringToSign,
  stripPhpWhitespace,
  type OpenLegacySignerOptions,
} from './open-legacy.js';
export { veri5Signer, veri5Hash, verifyVeri5Hash, type Veri5SignerOptions } from './veri5.js';
export { proxySigner, type ProxySignerOptions, type ProxyHeaders } from './proxy.js';
