import { randomInt } from 'node:crypto';

/**
 * Receipt codes (回执码) are read aloud over the phone and typed on a phone: 32 letters and digits
 * without 0/O and 1/I, ten of them (50 bits — unguessable, especially with the lookups rate-limited),
 * shown in two groups of five.
 */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export const newReceiptCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** K7PM4Q2XRD → K7PM4-Q2XRD */
export const formatCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
