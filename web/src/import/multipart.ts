/**
 * The GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec), as
 * graphql-yoga reads it: a form with `operations` (the query and its variables, each file a null),
 * `map` (which form field fills which variable) and the files, in that order.
 */

export interface MultipartFile {
  /** Where the file goes in the variables, e.g. "file" or "files.0". */
  variable: string;
  file: Blob;
  /** The file's name as sent (a File's own name when absent). */
  name?: string;
}

/** Sets `path` (dotted, numbers index arrays) in a copy of `variables` to null. */
function nulled(variables: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(variables);
  const parts = path.split('.');
  let at: Record<string, unknown> | unknown[] = copy;
  for (const [i, part] of parts.entries()) {
    const key = Array.isArray(at) ? Number(part) : part;
    if (i === parts.length - 1) {
      (at as Record<string | number, unknown>)[key] = null;
      break;
    }
    const next: unknown = (at as Record<string | number, unknown>)[key];
    const made: Record<string, unknown> | unknown[] = next !== null && typeof next === 'object' ? (next as Record<string, unknown>) : /^\d+$/.test(parts[i + 1]!) ? [] : {};
    (at as Record<string | number, unknown>)[key] = made;
    at = made;
  }
  return copy;
}

/** The `operations` and `map` fields of the form (pure: the unit tests check them). */
export function multipartFields(query: string, variables: Record<string, unknown>, fileVariables: readonly string[]): { operations: string; map: string } {
  let vars = variables;
  const map: Record<string, string[]> = {};
  fileVariables.forEach((v, i) => {
    vars = nulled(vars, v);
    map[String(i)] = [`variables.${v}`];
  });
  return { operations: JSON.stringify({ query, variables: vars }), map: JSON.stringify(map) };
}

/** The whole form: operations, map, then each file under its index. */
export function multipartBody(query: string, variables: Record<string, unknown>, files: readonly MultipartFile[]): FormData {
  const { operations, map } = multipartFields(query, variables, files.map((f) => f.variable));
  const form = new FormData();
  form.append('operations', operations);
  form.append('map', map);
  files.forEach((f, i) => {
    const name = f.name ?? (f.file instanceof File ? f.file.name : `file-${i}`);
    form.append(String(i), f.file, name);
  });
  return form;
}
