/**
 * The demo dataset's generator, in parts under seeds/demo/ (index.ts composes them in order; each part
 * says at its top what story it tells and what it needs from the parts before it).
 */
export { ageOn, DEMO_IDS, generateDemo } from './demo/index.js';
