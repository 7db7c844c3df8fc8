// Identifier checks the sandbox's Veri5 routes apply to raw requests, answered with Veri5's own
// codes (the platform routes check their input with the operation rows: dispatch.ts). They are the
// SDK's own validators (one implementation, tested against an independent Verhoeff and public
// GSTINs in test/validators.test.ts); the sandbox's independence from the SDK lies in its signature
// checks, which is what it is an oracle for.
import { isValidAadhaar } from '../validators/aadhaar.js';
import { isValidAccountNumber } from '../validators/account.js';
import { isValidDate } from '../validators/date.js';
import { isValidGstin } from '../validators/gstin.js';
import { isValidIfsc } from '../validators/ifsc.js';
import { isValidPan } from '../validators/pan.js';

export {
  isValidAadhaar as isAadhaar,
  isValidAccountNumber as isAccountNumber,
  isValidPan as isPan,
  isValidGstin as isGstin,
  isValidIfsc as isIfsc,
  isValidDate as isDdMmYyyy,
};
