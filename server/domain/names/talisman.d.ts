// talisman ships no type declarations: the two encoders used here, as the library documents them.
declare module 'talisman/phonetics/double-metaphone.js' {
  /** [primary, secondary] codes, at most four letters each. */
  export default function doubleMetaphone(word: string): [string, string];
}
declare module 'talisman/phonetics/daitch-mokotoff.js' {
  /** One or more six-digit codes (a name with alternative readings has several). */
  export default function daitchMokotoff(word: string): string[];
}
