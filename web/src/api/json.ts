/** JSON values as the server's `JSON` scalar delivers them (properties, counts, evidence). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** What every `JSON` field of the schema carries: an object (a property map, counts, evidence, view state). */
export type JsonObject = { [key: string]: Json };
