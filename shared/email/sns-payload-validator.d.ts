/** The canonical field lists of SNS message signatures, from sns-payload-validator (untyped). */
declare module 'sns-payload-validator/lib/keys.js' {
  export function getKeys(type: string): string[];
}
