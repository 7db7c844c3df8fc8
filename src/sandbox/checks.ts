// Identifier checks the sandbox applies to raw requests, so a caller that is not the SDK gets
// the same VALIDATION_ERROR a real platform would give. They are the SDK's own validators
// (one implementation, tested against an independent Verhoeff and public GSTINs in
// test/validators.test.ts); the sandbox's independence from the SDK lies in its signature
// checks, which is what it is an oracle for.
import { isValidAadhaar } from '../validators/aadhaar.js';
import { isValidDate, isValidIsoDate } from '../validators/date.js';
import { isValidGstin } from '../validators/gstin.js';
import { isValidIfsc } from '../validators/ifsc.js';
import { isValidIndianMobile } from '../validators/mobile.js';
import { isValidPan } from '../validators/pan.js';

export {
  isValidAadhaar as isAadhaar,
  isValidPan as isPan,
  isValidGstin as isGstin,
  isValidIfsc as isIfsc,
  isValidIndianMobile as isMobile,
  isValidDate as isDdMmYyyy,
  isValidIsoDate as isIsoDate,
};
