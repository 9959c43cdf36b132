// Read-only helpers over the `yaml` package's AST. Rules never touch the AST API directly for lookups; they go
// through these so aliases, nulls and wrong types are handled in one place (a `containers` that is a map, a `kind`
// that is a number, an alias to a map: all become "absent" or the right node, never an exception).
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

export type AnyNode = Node;

/** Follows an alias to the node it names (one hop; the parser already refuses alias cycles). */
export function deref(doc: Document.Parsed, node: unknown): Node | undefined {
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return isAlias(target) ? undefined : (target as Node | undefined);
  }
  return (node ?? undefined) as Node | undefined;
}

export interface Entry {
  readonly pair: Pair;
  readonly key: Scalar;
  /** The value, after alias resolution; undefined for `key:` with nothing after it. */
  readonly value: Node | undefined;
  /** The value node exactly as written (an Alias stays an Alias), for edits. */
  readonly rawValue: Node | undefined;
}

/** The entry `key` of a map, comparing keys as plain scalars. Merge keys (`<<`) are not followed. */
export function entry(doc: Document.Parsed, map: YAMLMap | undefined, key: string): Entry | undefined {
  if (!map) return undefined;
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    if (String(pair.key.value) !== key) continue;
    const raw = (pair.value ?? undefined) as Node | undefined;
    const value = deref(doc, raw);
    const isNull = isScalar(value) && value.value === null;
    return { pair, key: pair.key, value: isNull ? undefined : value, rawValue: raw };
  }
  return undefined;
}

export function mapAt(doc: Document.Parsed, map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const v = entry(doc, map, key)?.value;
  return isMap(v) ? v : undefined;
}

export function seqAt(doc: Document.Parsed, map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
  const v = entry(doc, map, key)?.value;
  return isSeq(v) ? v : undefined;
}

export function scalarAt(doc: Document.Parsed, map: YAMLMap | undefined, key: string): Scalar | undefined {
  const v = entry(doc, map, key)?.value;
  return isScalar(v) ? v : undefined;
}

export function stringAt(doc: Document.Parsed, map: YAMLMap | undefined, key: string): string | undefined {
  const s = scalarAt(doc, map, key);
  if (!s || s.value === null || typeof s.value === 'object') return undefined;
  return String(s.value);
}

/** Items of a sequence, aliases resolved, in order. */
export function items(doc: Document.Parsed, seq: YAMLSeq | undefined): Node[] {
  if (!seq) return [];
  const out: Node[] = [];
  for (const item of seq.items) {
    const node = deref(doc, item);
    if (node) out.push(node);
  }
  return out;
}

export function mapItems(doc: Document.Parsed, seq: YAMLSeq | undefined): YAMLMap[] {
  return items(doc, seq).filter((n): n is YAMLMap => isMap(n));
}

/** A scalar's boolean meaning as Kubernetes reads it (YAML 1.2 core schema: true/false only). */
export function booleanOf(node: Node | undefined): boolean | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'boolean') return node.value;
  // Quoted "true" is a string to the API server and is rejected; treat it as not-a-boolean.
  return undefined;
}

export function numberOf(node: Node | undefined): number | undefined {
  if (!isScalar(node)) return undefined;
  return typeof node.value === 'number' ? node.value : undefined;
}

/** [start, end) of a node as written, or undefined for synthetic nodes without a range. */
export function rangeOf(node: Node | undefined | null): { start: number; end: number } | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return { start: r[0], end: r[1] };
}

/**
 * The key of the deepest entry of `path` that exists under `map` (`securityContext:` when it lacks
 * `capabilities`), or undefined when even the first is missing: where a "missing" finding points.
 */
export function deepestKey(doc: Document.Parsed, map: YAMLMap, path: readonly string[]): Scalar | undefined {
  let current: YAMLMap | undefined = map;
  let key: Scalar | undefined;
  for (const name of path) {
    const found = entry(doc, current, name);
    if (!found) break;
    key = found.key;
    current = isMap(found.value) ? found.value : undefined;
  }
  return key;
}
