// One table of inputs and what the operation rows make of them: run against the client (Node), the
// web build's client (zod-free) and `vistarkriya/zod`'s schemas (test/model-agreement.test.ts). Each
// expectation is written once; every implementation must give it, message for message.

export type ExpectedIssue = { field: string; rule: string; message?: string | RegExp };
export interface InputCase {
  name: string;
  op: string;
  input: unknown;
  /** The normalised input (what is sent), or the issues in order. */
  expect: { value: Record<string, unknown> } | { issues: ExpectedIssue[] };
}

const PAN = 'ABCPE1234F';
const AADHAAR = '234567890124';
const GSTIN = '27AAPFU0939F1ZV';
const ok = (value: Record<string, unknown>) => ({ value });
const fails = (...issues: ExpectedIssue[]) => ({ issues });

export const INPUT_CASES: InputCase[] = [
  {
    name: 'PAN trimmed and upper-cased',
    op: 'verify.pan',
    input: { pan: ' abcpe1234f ' },
    expect: ok({ pan: PAN }),
  },
  {
    name: 'a misspelt optional field is refused, with the field it meant',
    op: 'verify.pan',
    input: { pan: PAN, nmae: 'Ravi Kumar' },
    expect: fails({
      field: 'nmae',
      rule: 'unknown_field',
      message: 'is not a field of verify.pan: did you mean `name`?',
    }),
  },
  {
    name: 'a misspelt required field: the unknown one first, then the missing one',
    op: 'verify.pan',
    input: { pna: PAN },
    expect: fails(
      { field: 'pna', rule: 'unknown_field', message: /did you mean `pan`\?/ },
      { field: 'pan', rule: 'required', message: 'is required.' },
    ),
  },
  {
    name: 'an unknown field far from every declared one lists them',
    op: 'verify.pan',
    input: { pan: PAN, admin_code: '999999' },
    expect: fails({
      field: 'admin_code',
      rule: 'unknown_field',
      message: 'is not a field of verify.pan (pan, name, dob, extra).',
    }),
  },
  {
    name: 'the seed PAN (holder type D) passes: the format is the rule',
    op: 'verify.pan',
    input: { pan: 'ABCDE1234F', name: 'Asha Verma', dob: '29/02/1992' },
    expect: ok({ pan: 'ABCDE1234F', name: 'Asha Verma', dob: '29/02/1992' }),
  },
  {
    name: 'bad PAN',
    op: 'verify.pan',
    input: { pan: 'ABCDE12345' },
    expect: fails({ field: 'pan', rule: 'format' }),
  },
  {
    name: 'impossible date of birth',
    op: 'verify.pan',
    input: { pan: PAN, dob: '31/02/1990' },
    expect: fails({ field: 'dob', rule: 'date', message: 'must be a date that exists (dd/mm/yyyy).' }),
  },
  {
    name: 'blank name',
    op: 'verify.pan',
    input: { pan: PAN, name: '  ' },
    expect: fails({ field: 'name', rule: 'required', message: 'must not be empty.' }),
  },
  {
    name: 'extra is sent as it is',
    op: 'verify.pan',
    input: { pan: PAN, extra: { purpose: 'KYC', ref: 7 } },
    expect: ok({ pan: PAN, extra: { purpose: 'KYC', ref: 7 } }),
  },
  {
    name: 'extra may not repeat a declared field',
    op: 'verify.pan',
    input: { pan: PAN, extra: { pan: 'XXXXX' } },
    expect: fails({ field: 'extra', rule: 'declared_field' }),
  },
  {
    name: 'extra must be an object',
    op: 'verify.pan',
    input: { pan: PAN, extra: 'x' },
    expect: fails({ field: 'extra', rule: 'type', message: 'must be an object.' }),
  },
  {
    name: 'the input must be an object',
    op: 'verify.pan',
    input: 'ABCPE1234F',
    expect: fails({ field: '(input)', rule: 'type', message: 'must be an object.' }),
  },
  {
    name: 'Aadhaar spaces removed',
    op: 'verify.aadhaar',
    input: { aadhaar: '2345 6789 0124', consent: true },
    expect: ok({ aadhaar: AADHAAR, consent: true }),
  },
  {
    name: 'Aadhaar typo (Verhoeff)',
    op: 'verify.aadhaar',
    input: { aadhaar: '234567890123', consent: true },
    expect: fails({ field: 'aadhaar', rule: 'verhoeff' }),
  },
  {
    name: 'missing consent is the consent rule',
    op: 'verify.aadhaar',
    input: { aadhaar: AADHAAR },
    expect: fails({ field: 'consent', rule: 'consent', message: /^must be literally true/ }),
  },
  {
    name: "consent 'true' is not true",
    op: 'verify.aadhaar',
    input: { aadhaar: AADHAAR, consent: 'true' },
    expect: fails({ field: 'consent', rule: 'consent' }),
  },
  {
    name: 'account number and IFSC normalised',
    op: 'verify.bank',
    input: { account_number: '5010-0012 345678', ifsc: 'hdfc0001234' },
    expect: ok({ account_number: '50100012345678', ifsc: 'HDFC0001234' }),
  },
  {
    name: 'an account number as a JS number',
    op: 'verify.bank',
    input: { account_number: 50100012345678, ifsc: 'HDFC0001234' },
    expect: fails({ field: 'account_number', rule: 'type', message: 'must be a string.' }),
  },
  {
    name: "Veri5's camelCase name on the platform: suggested",
    op: 'verify.bank',
    input: { accountNumber: '50100012345678', ifsc: 'HDFC0001234' },
    expect: fails(
      { field: 'accountNumber', rule: 'unknown_field', message: /did you mean `account_number`\?/ },
      { field: 'account_number', rule: 'required' },
    ),
  },
  {
    name: 'GSTIN upper-cased',
    op: 'verify.gst',
    input: { gstin: '27aapfu0939f1zv' },
    expect: ok({ gstin: GSTIN }),
  },
  {
    name: 'GSTIN check character',
    op: 'verify.gst',
    input: { gstin: '27AAPFU0939F1ZX' },
    expect: fails({ field: 'gstin', rule: 'check_character' }),
  },
  {
    name: 'mobile reduced to 10 digits',
    op: 'cibil.fetch',
    input: { pan: PAN, name: 'Asha', mobile: '+91 98765 43210', consent: true },
    expect: ok({ pan: PAN, name: 'Asha', mobile: '9876543210', consent: true }),
  },
  {
    name: 'bad e-mail',
    op: 'b2c.createCustomer',
    input: { name: 'A', mobile: '9876543210', email: 'bad@' },
    expect: fails({ field: 'email', rule: 'format' }),
  },
  {
    name: 'good e-mail',
    op: 'b2c.createCustomer',
    input: { name: 'A', mobile: '09876543210', email: 'first.last+tag@example.co.in' },
    expect: ok({ name: 'A', mobile: '9876543210', email: 'first.last+tag@example.co.in' }),
  },
  {
    name: 'a platform id of 0',
    op: 'marketplace.order',
    input: { product_id: 0 },
    expect: fails({
      field: 'product_id',
      rule: 'type',
      message: 'must be a non-empty string or a positive integer.',
    }),
  },
  {
    name: 'a fractional quantity',
    op: 'marketplace.order',
    input: { product_id: 'PRD-1001', quantity: 1.5 },
    expect: fails({ field: 'quantity', rule: 'type', message: 'must be an integer.' }),
  },
  {
    name: 'page 0',
    op: 'wallet.core.transactions',
    input: { page: 0 },
    expect: fails({ field: 'page', rule: 'min', message: 'must be greater than 0.' }),
  },
  {
    name: 'an impossible filter date',
    op: 'wallet.core.transactions',
    input: { from: '2024-13-01', per_page: 50 },
    expect: fails({ field: 'from', rule: 'date' }),
  },
  {
    name: 'a list query',
    op: 'wallet.core.transactions',
    input: { per_page: 50, from: '2024-04-01', type: 'DEBIT' },
    expect: ok({ per_page: 50, from: '2024-04-01', type: 'DEBIT' }),
  },
  {
    name: 'an operation without input refuses any field',
    op: 'wallet.core.balance',
    input: { currency: 'INR' },
    expect: fails({
      field: 'currency',
      rule: 'unknown_field',
      message: 'is not a field of wallet.core.balance, which takes no input.',
    }),
  },
  {
    name: 'Veri5 PAN normalised',
    op: 'veri5.verifyPan',
    input: { panNumber: 'abcpe1234f', consent: true },
    expect: ok({ panNumber: PAN, consent: true }),
  },
  {
    name: 'Veri5 DATA needs dob',
    op: 'veri5.verifyPan',
    input: { panNumber: PAN, name: 'Asha', consent: true, subCode: 'DATA' },
    expect: fails({ field: 'dob', rule: 'required', message: 'is required for DATA.' }),
  },
  {
    name: 'Veri5 unknown PAN type',
    op: 'veri5.verifyPan',
    input: { panNumber: PAN, consent: true, panType: 'XYZ' },
    expect: fails({ field: 'panType', rule: 'enum' }),
  },
  {
    name: "the platform's snake_case name on Veri5: suggested, and NUMBER still needs the number",
    op: 'veri5.verifyPan',
    input: { pan_number: PAN, consent: true },
    expect: fails(
      { field: 'pan_number', rule: 'unknown_field', message: /did you mean `panNumber`\?/ },
      { field: 'panNumber', rule: 'required', message: 'is required for NUMBER.' },
    ),
  },
  {
    name: 'Veri5 account number: the same rule as the platform',
    op: 'veri5.verifyBankAccount',
    input: { beneficiaryName: 'A', accountNumber: '12', ifsc: 'SBIN0001234' },
    expect: fails({
      field: 'accountNumber',
      rule: 'format',
      message: 'must be a bank account number: 6 to 20 letters or digits.',
    }),
  },
  {
    name: 'Veri5 amount with 3 decimals',
    op: 'veri5.verifyBankAccount',
    input: { beneficiaryName: 'A', accountNumber: '001234567890', ifsc: 'SBIN0001234', amount: 1.005 },
    expect: fails({ field: 'amount', rule: 'format' }),
  },
  {
    name: 'Veri5 GSTIN with the wire name of its id',
    op: 'veri5.verifyGstin',
    input: { gstin: '29AAECK9415C1ZJ', request_id: 'r1' },
    expect: fails({ field: 'request_id', rule: 'unknown_field', message: /did you mean `requestId`\?/ }),
  },
  {
    name: 'Veri5 blank txnId',
    op: 'veri5.fetchPanDetails',
    input: { txnId: ' ' },
    expect: fails({ field: 'txnId', rule: 'required' }),
  },
  {
    name: 'Veri5 Aadhaar hyphens removed',
    op: 'veri5.verifyAadhaar',
    input: { aadhaarNumber: '2345-6789-0124', consent: true },
    expect: ok({ aadhaarNumber: AADHAAR, consent: true }),
  },
];
