/**
 * One way to compose Cypher.
 *
 * - Query text lives in `.cypher` files beside the module that runs it, read with `cypherFile`.
 * - Rules several queries share (the as-of rule, the withheld-reports rule, …) are fragments:
 *   `server/db/fragments/<name>.cypher`, each a Cypher expression or clause written over the
 *   variables its header declares (`// params: x`), used as `{{x}}` in its body.
 * - A query (or a fragment) names a fragment in a slot, `{{name var …}}`, binding the fragment's
 *   parameters to the query's variables: `WHERE {{asOf r}} AND NOT {{held r}}`. Slot arguments are
 *   identifiers only (checked against a pattern), never values: values always travel as `$params`.
 * - Whole numbers Cypher takes no parameter for (a quantifier's bounds) are `{{#name}}` slots,
 *   filled from `numbers` and checked to be whole numbers.
 * - Labels and link types a pattern needs are `{{:name}}` slots, filled from `names` and checked
 *   against the graph vocabulary.
 * - A caller may replace a slot's fragment by another of the same variables (`instead: { asOf:
 *   'dated' }`: a history instead of a state), or switch named slots off (`off: ['idIn']`): such a
 *   slot renders as `true` (or as
 *   nothing, for a fragment that is a clause and says so: `// off:`), so a query keeps one text with
 *   its optional conditions written where they apply.
 * - Builders that need structure the text cannot hold (a quantifier's bounds, a pattern written only
 *   when its condition can fail) assemble text in TypeScript from the same fragments, with `fragment`.
 *
 * Rendering is pure (no database): test/unit/cypherRender.test.ts renders composed queries and
 * compares them with expected text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { datedOnCypher, linkDatedOnCypher } from '../domain/asOf.js';
import { isLabel, isLinkType } from '../domain/vocabulary.js';

const FRAGMENTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fragments');
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SLOT = /\{\{\s*([^{}]*?)\s*\}\}/g;

export interface RenderOptions {
  /** Slot names rendered as `true` (conditions the caller does not need). */
  off?: readonly string[];
  /**
   * Whole numbers written into the text where Cypher takes no parameter (a quantifier's bounds,
   * `{1,{{#hops}}}`): each checked to be a safe non-negative integer.
   */
  numbers?: Readonly<Record<string, number>>;
  /**
   * Labels and link types written into the text where a pattern needs them (`(n:Entity:{{:kind}})`,
   * `-[r:{{:type}}]->`): each checked against the graph vocabulary (domain/vocabulary.ts).
   */
  names?: Readonly<Record<string, string>>;
  /**
   * A slot's fragment replaced by another taking the same variables, wherever it stands (in the
   * query or in a fragment it uses): `{ asOf: 'dated' }` asks a history of what had begun by $asOf
   * instead of what was in force then (server/domain/asOf.ts).
   */
  instead?: Readonly<Record<string, string>>;
  /**
   * Opt-in slots asked for: a fragment whose header says `// opt-in:` renders as nothing unless its
   * name is here, and then as its text after a space (`on: ['known']`: the as-of rule asked "what
   * we knew then", server/domain/asOf.ts). Queries that never ask keep their text unchanged.
   */
  on?: readonly string[];
}

interface Fragment {
  params: string[];
  /** The last parameter takes every remaining variable (`// params: xs...`). */
  rest?: boolean;
  /** What the slot renders when switched off: `true` (a condition), unless the header says (`// off:` nothing, for a clause). */
  off?: string;
  /** Rendered only when the caller names it in `on` (`// opt-in:` header); nothing otherwise. */
  optIn?: boolean;
  body: string | ((vars: readonly string[]) => string);
}

/**
 * Fragments written in TypeScript because the rule they state is defined there: the expression a
 * writer stores as `datedOn` (server/domain/asOf.ts), for a node and for a link.
 */
const PLACEHOLDER = 'fragment_param_x';
const FROM_CODE: Record<string, Fragment> = {
  nodeDatedOn: { params: ['x'], body: datedOnCypher(PLACEHOLDER).replaceAll(PLACEHOLDER, '{{x}}') },
  linkDatedOn: { params: ['x'], body: linkDatedOnCypher(PLACEHOLDER).replaceAll(PLACEHOLDER, '{{x}}') },
  /** The reports behind records `xs` together: `coalesce(a.sources, []) + coalesce(b.sources, [])`. */
  sourcesOf: { params: ['xs'], rest: true, body: (xs) => xs.map((x) => `coalesce(${x}.sources, [])`).join(' + ') },
};

const fragments = new Map<string, Fragment>(Object.entries(FROM_CODE));
const files = new Map<string, string>();

function identifier(s: string, what: string): string {
  if (!IDENT.test(s)) throw new Error(`${what} must be an identifier, not ${JSON.stringify(s)}`);
  return s;
}

/** `//` comment lines out; what is left trimmed (a fragment is spliced into a line). */
function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .trim();
}

function loadFragment(name: string): Fragment {
  identifier(name, 'A fragment name');
  let f = fragments.get(name);
  if (!f) {
    const text = fs.readFileSync(path.join(FRAGMENTS, `${name}.cypher`), 'utf8');
    const header = /^\/\/\s*params:(.*)$/m.exec(text);
    const declared = header ? header[1]!.split(/[\s,]+/).filter(Boolean) : [];
    const rest = declared.at(-1)?.endsWith('...') ?? false;
    const params = declared.map((p) => identifier(p.replace(/\.\.\.$/, ''), 'A fragment parameter'));
    const off = /^\/\/\s*off:(.*)$/m.exec(text)?.[1]?.trim();
    const optIn = /^\/\/\s*opt-in:/m.test(text);
    f = { params, rest, optIn, body: withoutComments(text), ...(off !== undefined ? { off } : {}) };
    fragments.set(name, f);
  }
  return f;
}

/** Expands every slot of `text` (fragments may use slots too). */
export function render(text: string, opts: RenderOptions = {}, depth = 0): string {
  if (depth > 8) throw new Error('fragments nest too deep');
  return text.replace(SLOT, (_, slot: string) => {
    if (slot.startsWith(':')) {
      // A label, labels joined by ':' (`Crime:Incident`), or a link type: each of the vocabulary.
      const n = opts.names?.[identifier(slot.slice(1), 'A name slot')];
      if (n === undefined || !(n.split(':').every(isLabel) || isLinkType(n))) throw new Error(`name slot ${slot} needs labels or a link type of the vocabulary, given ${JSON.stringify(n)}`);
      return n;
    }
    if (slot.startsWith('#')) {
      const n = opts.numbers?.[identifier(slot.slice(1), 'A number slot')];
      if (n === undefined || !Number.isSafeInteger(n) || n < 0) throw new Error(`number slot ${slot} needs a whole number, given ${n}`);
      return String(n);
    }
    const [name, ...args] = slot.split(/\s+/);
    identifier(name!, 'A slot name');
    for (const a of args) identifier(a, 'A slot argument');
    if (opts.off?.includes(name!)) return loadFragment(name!).off ?? 'true';
    if (loadFragment(name!).optIn) return opts.on?.includes(name!) ? ` ${fragment(name!, args, opts, depth + 1)}` : '';
    return fragment(opts.instead?.[name!] ?? name!, args, opts, depth + 1);
  });
}

/**
 * The text of fragment `name` with its parameters bound to `vars` (identifiers): what a slot
 * `{{name var …}}` renders. For builders that assemble query text in TypeScript.
 */
export function fragment(name: string, vars: readonly string[], opts: RenderOptions = {}, depth = 0): string {
  const f = loadFragment(name);
  const fits = f.rest ? vars.length >= f.params.length : vars.length === f.params.length;
  if (!fits) throw new Error(`fragment ${name} takes ${f.rest ? 'at least ' : ''}${f.params.length} variable(s) (${f.params.join(', ')}), given ${vars.length}`);
  vars.forEach((v) => identifier(v, 'A fragment argument'));
  if (typeof f.body === 'function') return f.body(vars);
  // `{{x}}` is the variable bound to parameter x; in a nested slot (`{{inView x}}`) x is bound too;
  // a rest parameter (`xs...`) stands for every variable it took.
  const bind = (token: string): string => {
    const rest = token.endsWith('...') ? token.slice(0, -3) : null;
    const i = f.params.indexOf(rest ?? token);
    if (i < 0) return token;
    return f.rest && i === f.params.length - 1 ? vars.slice(i).join(' ') : vars[i]!;
  };
  const bound = f.body.replace(SLOT, (_, slot: string) => {
    const [head, ...args] = slot.split(/\s+/);
    return args.length ? `{{${[head, ...args.map(bind)].join(' ')}}}` : f.params.includes(head!) ? bind(head!) : `{{${head}}}`;
  });
  return render(bound, opts, depth);
}

/**
 * Reads a `.cypher` file kept beside the module that uses it (`import.meta.url`), once, and renders
 * its slots. The file as written can be read, reviewed and (slots filled) run in a Neo4j browser.
 */
export function cypherFile(moduleUrl: string, name: string, opts: RenderOptions = {}): string {
  const file = path.join(path.dirname(fileURLToPath(moduleUrl)), name);
  let text = files.get(file);
  if (text === undefined) {
    text = fs.readFileSync(file, 'utf8');
    files.set(file, text);
  }
  const key = `${file}|${[...(opts.off ?? [])].sort().join(',')}|${Object.entries(opts.numbers ?? {}).sort().join(',')}|${Object.entries(opts.names ?? {}).sort().join(',')}|${Object.entries(opts.instead ?? {}).sort().join(',')}|${[...(opts.on ?? [])].sort().join(',')}`;
  let out = renderedFiles.get(key);
  if (out === undefined) renderedFiles.set(key, (out = render(text, opts)));
  return out;
}
const renderedFiles = new Map<string, string>();

/** Whitespace collapsed and `//` comment lines dropped: how render tests compare query text. */
export function normalise(text: string): string {
  return withoutComments(text).replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
}
