/**
 * Where an error in a mapping is: its line in the YAML text and its path (entities.0.kind), from
 * what the server says (extensions `line`, `path`, `field`, or "line 4" in the words) or from the
 * YAML parser. The form shows an error beside the field of that path; the text editor beside the line.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { GraphQLErrorItem } from '../api';

export interface MappingProblem {
  message: string;
  /** 1-based line of the YAML text, when known. */
  line: number | null;
  /** Dotted path into the mapping (entities.0.kind), when known. */
  path: string | null;
}

/** The YAML's own syntax errors (before anything goes to the server). */
export function yamlProblems(text: string): MappingProblem[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  return doc.errors.map((e) => ({ message: yamlMessage(e.message), line: e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line, path: null }));
}

/** The parser's message without the code excerpt it may append. */
const yamlMessage = (m: string) => `The YAML cannot be read: ${m.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;

const pathText = (p: unknown): string | null => {
  if (Array.isArray(p)) return p.map(String).join('.');
  if (typeof p === 'string' && p.trim()) return p.trim().replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
  return null;
};

/** The line a path's value starts on in the YAML text (null when the path is not in it). */
export function lineOfPath(text: string, path: string): number | null {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) return null;
  const keys = path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  // The deepest node the path reaches: an error about a missing key points at its parent.
  let node: unknown = doc.contents;
  let at: Node | null = (doc.contents as Node | null) ?? null;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === String(key));
      if (!pair) break;
      at = ((pair.key as Node | null) ?? at);
      node = pair.value;
      if (node && (node as Node).range && !isMap(node) && !isSeq(node)) at = node as Node;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (!node) break;
      at = node as Node;
    } else break;
  }
  const start = at?.range?.[0];
  return start === undefined ? null : lc.linePos(start).line;
}

/**
 * The server's errors about a mapping, each placed by line and path where it can be. The server
 * writes every problem in one message: "The mapping is not valid — entities.caller.kind: unknown
 * kind "Phnoe"; line 4: …"; each becomes its own problem.
 */
export function serverProblems(errors: readonly GraphQLErrorItem[], text: string, fallback: string): MappingProblem[] {
  const list = errors.length ? errors : [{ message: fallback }];
  return list.flatMap((e) => {
    const ext = e.extensions ?? {};
    const listed = /^The mapping is not valid\s*[—-]\s*(.+)$/s.exec(e.message);
    const parts = listed ? listed[1]!.split(/;\s+(?=[\w$.[\]]+:\s|line \d+:)/) : [e.message];
    return parts.map((part) => {
      const said = /^([A-Za-z_$][\w$]*(?:\.[\w$]+)*):\s+(.+)$/s.exec(part);
      const path = pathText(ext.path ?? ext.field ?? ext.mappingPath) ?? (said && said[1] !== 'line' && said[1] !== 'mapping' ? said[1]! : null) ?? pathFromMessage(part);
      const message = said && said[1] !== 'line' && said[1] !== 'mapping' ? said[2]! : part;
      const line = Number(ext.line);
      const fromWords = /\bline (\d+)/i.exec(part);
      const where = Number.isInteger(line) && line > 0 ? line : fromWords ? Number(fromWords[1]) : path ? lineOfPath(text, path) : null;
      return { message: upperFirst(message), line: where, path };
    });
  });
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "entities.caller.kind: unknown kind" / "at entities[0].kind" → the path, when the words carry one. */
function pathFromMessage(message: string): string | null {
  const m = /(?:^|\bat |\bin )((?:entities|links|columns|options|sheet|formats?)(?:[.[][\w\]-]+)*)/.exec(message);
  return m ? pathText(m[1]) : null;
}

/** The problems that concern one path of the form (the path itself or anything under it). */
export const problemsAt = (problems: readonly MappingProblem[], path: string): MappingProblem[] =>
  problems.filter((p) => p.path !== null && (p.path === path || p.path.startsWith(`${path}.`)));
