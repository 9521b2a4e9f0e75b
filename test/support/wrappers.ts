// Reads the hand-written top-level wrappers (src/gas/entrypoints.js) the way Apps Script's static scan sees them.
// Used by the bundle test to check names, parameters and @customfunction JSDoc.

export interface WrapperDecl {
  name: string;
  params: string[];
  jsdoc: string | null;
  customFunction: boolean;
  jsdocParams: string[];
}

/** Top-level `function name(a, b)` declarations (column 0) with the JSDoc block directly above, if any. */
export function parseWrappers(source: string): WrapperDecl[] {
  const decls: WrapperDecl[] = [];
  const re = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?^function\s+([A-Za-z_$][\w$]*)\s*\(([^)]*)\)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    const jsdoc = m[1] ? m[1].trim() : null;
    const params = m[3].split(',').map((p) => p.trim().replace(/=.*$/, '').trim()).filter(Boolean);
    const jsdocParams = jsdoc
      ? Array.from(jsdoc.matchAll(/@param\s+(?:\{[^}]*\}\s*)?\[?([A-Za-z_$][\w$]*)/g)).map((x) => x[1])
      : [];
    decls.push({ name: m[2], params, jsdoc, customFunction: !!jsdoc && /@customfunction\b/.test(jsdoc), jsdocParams });
  }
  return decls;
}

/** Problems Sheets' formula autocomplete would have with a custom function declaration (empty list = fine). */
export function customFunctionProblems(d: WrapperDecl): string[] {
  const problems: string[] = [];
  if (!d.customFunction) return problems;
  if (d.name.endsWith('_')) problems.push(`${d.name}: a custom function name must not end with _`);
  if (d.params.length === 0) problems.push(`${d.name}: no named parameters (autocomplete would show none)`);
  if (d.params.join(',') !== d.jsdocParams.join(','))
    problems.push(`${d.name}: parameters (${d.params.join(', ')}) do not match @param tags (${d.jsdocParams.join(', ')})`);
  return problems;
}
