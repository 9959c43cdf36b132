// Renders small plain values (what a fix inserts) as YAML text in the style of the document it goes into.
// We never re-serialise existing nodes: fixes insert or replace only the text they own, so comments, quoting and
// key order of everything else survive byte for byte.

export type YamlValue = string | number | boolean | null | Commented | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** A scalar with a trailing `# comment` (inserted into a flow map, where YAML has no place for it, it goes to the end of the line). */
export class Commented {
  constructor(readonly value: string | number | boolean, readonly comment: string) {}
}

export interface Style {
  readonly eol: '\n' | '\r\n';
  /** Spaces per nesting level of block maps. */
  readonly indent: number;
  /** Whether block sequences under a key are indented (`key:\n  - a`) or not (`key:\n- a`). */
  readonly indentSequences: boolean;
}

const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|[-+]?\.inf|\.nan)$/i;
const PLAIN_SAFE = /^[A-Za-z0-9_/][A-Za-z0-9_./@-]*$/;

export function renderScalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (PLAIN_SAFE.test(value) && !RESERVED.test(value)) return value;
  return JSON.stringify(value);
}

function isMapValue(v: YamlValue): v is { readonly [key: string]: YamlValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Commented);
}

export function renderFlow(value: YamlValue): string {
  if (value instanceof Commented) return renderScalar(value.value);
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(', ')}]`;
  if (isMapValue(value)) {
    return `{${Object.entries(value).map(([k, v]) => `${renderScalar(k)}: ${renderFlow(v)}`).join(', ')}}`;
  }
  return renderScalar(value as string | number | boolean | null);
}

function scalarLine(value: YamlValue): string | undefined {
  if (value instanceof Commented) return `${renderScalar(value.value)} # ${value.comment}`;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (isMapValue(value)) return Object.keys(value).length === 0 ? '{}' : undefined;
  return renderScalar(value as string | number | boolean | null);
}

/** Block lines (with their indentation) for the entries of `map`, keys at column `col`. */
export function blockEntries(map: { readonly [key: string]: YamlValue }, col: number, style: Style): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(col);
  for (const [key, value] of Object.entries(map)) {
    const k = renderScalar(key);
    const inline = scalarLine(value);
    if (inline !== undefined) {
      lines.push(`${pad}${k}: ${inline}`);
    } else if (Array.isArray(value)) {
      lines.push(`${pad}${k}:`);
      lines.push(...blockItems(value, style.indentSequences ? col + style.indent : col, style));
    } else {
      lines.push(`${pad}${k}:`);
      lines.push(...blockEntries(value as { readonly [key: string]: YamlValue }, col + style.indent, style));
    }
  }
  return lines;
}

/** Block lines for sequence items, dashes at column `col`. */
export function blockItems(seq: readonly YamlValue[], col: number, style: Style): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(col);
  for (const item of seq) {
    const inline = scalarLine(item);
    if (inline !== undefined) {
      lines.push(`${pad}- ${inline}`);
    } else if (Array.isArray(item)) {
      lines.push(`${pad}- ${renderFlow(item)}`);
    } else {
      // A map item: its first entry shares the dash's line, the rest align under it.
      const inner = blockEntries(item as { readonly [key: string]: YamlValue }, col + 2, style);
      lines.push(`${pad}- ${inner[0]!.slice(col + 2)}`, ...inner.slice(1));
    }
  }
  return lines;
}
