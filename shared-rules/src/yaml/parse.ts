// Every parse of YAML text from a workspace goes through here: the `yaml` package, with two guards it lacks.
//
// Depth: the package composes nested collections recursively. A document nested a few hundred levels deep
// exhausts the stack, and when the stack runs out while V8 compiles a regular expression the process dies on the
// spot ("FATAL ERROR: RegExpCompiler Allocation failed"), which no try/catch can stop: 10,000 `[` typed into a
// file killed the language server. The package's tokenizer and parser are iterative, so the token stream is
// measured first, and a document nested deeper than MAX_NESTING is not composed: it is an error, like a syntax
// error.
//
// Duplicate keys: the package's check compares every key with every earlier key of its map (quadratic: seconds
// for a ConfigMap with 20,000 keys or a one-line flow map of 5,000 labels). The same check, linear, runs instead.
import {
  Composer, Document, Parser, YAMLParseError, isMap, isPair, isScalar, isSeq,
  type CST, type DocumentOptions, type ParseOptions, type Scalar, type SchemaOptions, type YAMLMap,
} from 'yaml';

/**
 * Collections nested deeper than this are not composed. Real manifests nest a few dozen levels (a CRD's schema
 * about 40); the parser runs out of the default stack at about 800.
 */
export const MAX_NESTING = 256;

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** Parses a YAML stream into documents (an empty array for an empty stream), never composing one nested too deeply. */
export function parseYamlDocuments(text: string, options: Options = {}): Document.Parsed[] {
  const opts: Options = { prettyErrors: false, ...options, uniqueKeys: false };
  const tokens = Array.from(new Parser().parse(text));
  const tooDeep = deeperThan(tokens, MAX_NESTING);
  if (tooDeep !== undefined) {
    const doc = new Document(null, opts) as Document.Parsed;
    doc.errors.push(new YAMLParseError([tooDeep, tooDeep + 1], 'RESOURCE_EXHAUSTION', `Collections are nested more than ${MAX_NESTING} levels deep`));
    return [doc];
  }
  const docs = Array.from(new Composer(opts).compose(tokens)) as Document.Parsed[];
  if (options.uniqueKeys !== false) for (const doc of docs) if (doc.errors.length === 0) checkUniqueKeys(doc);
  return docs;
}

/** Parses a YAML text that should hold one document (the first one; more is an error, as with `parseDocument`). */
export function parseYamlDocument(text: string, options: Options = {}): Document.Parsed {
  const docs = parseYamlDocuments(text, options);
  const first = docs[0] ?? (new Document(null, { prettyErrors: false, ...options }) as Document.Parsed);
  if (docs.length > 1 && first.errors.length === 0) {
    first.errors.push(new YAMLParseError([docs[1]!.range[0], docs[1]!.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
  }
  return first;
}

/** The offset where the token stream nests collections deeper than `limit`, or undefined (iterative: no recursion). */
function deeperThan(tokens: readonly CST.Token[], limit: number): number | undefined {
  // Two parallel stacks rather than an object per token: this runs over every token of every document parsed.
  const stack: (CST.Token | null | undefined)[] = [...tokens];
  const depths: number[] = tokens.map(() => 0);
  while (stack.length > 0) {
    const token = stack.pop();
    const depth = depths.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push(token.value);
        depths.push(depth);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > limit) return token.offset;
        for (const item of token.items) {
          const pair = item as { key?: CST.Token | null; value?: CST.Token | null };
          if (pair.key) {
            stack.push(pair.key);
            depths.push(depth + 1);
          }
          if (pair.value) {
            stack.push(pair.value);
            depths.push(depth + 1);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** A duplicate key is an error, with the package's notion of equal keys (scalars with the same value). */
function checkUniqueKeys(doc: Document.Parsed): void {
  // A walk over collections only (nesting is bounded by MAX_NESTING before composing, so recursion is safe); small
  // maps, most of Kubernetes, are compared pairwise without allocating.
  const keyId = (v: unknown): unknown => (typeof v === 'object' && v !== null ? v : `${typeof v}:${String(v)}`);
  const same = (a: unknown, b: unknown): boolean =>
    typeof a === 'object' && a !== null ? a === b : typeof a === typeof b && (a === b || String(a) === String(b));
  const duplicateIn = (map: YAMLMap): Scalar | undefined => {
    const items = map.items;
    if (items.length <= 16) {
      for (let i = 1; i < items.length; i++) {
        const k = items[i]!.key;
        if (!isScalar(k) || (typeof k.value === 'number' && Number.isNaN(k.value))) continue;
        for (let j = 0; j < i; j++) {
          const other = items[j]!.key;
          if (isScalar(other) && same(k.value, other.value)) return k;
        }
      }
      return undefined;
    }
    const seen = new Set<unknown>();
    for (const pair of items) {
      const key = pair.key;
      if (!isScalar(key)) continue;
      const v = key.value;
      if (typeof v === 'number' && Number.isNaN(v)) continue; // NaN equals no key, itself included
      const id = keyId(v);
      if (seen.has(id)) return key;
      seen.add(id);
    }
    return undefined;
  };
  const walk = (node: unknown): boolean => {
    if (isMap(node)) {
      const duplicate = duplicateIn(node);
      if (duplicate) {
        const at = duplicate.range ?? [0, 0];
        doc.errors.push(new YAMLParseError([at[0], at[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
        return true;
      }
      for (const pair of node.items) if (walk(pair.key) || walk(pair.value)) return true;
    } else if (isSeq(node)) {
      for (const item of node.items) if (walk(item)) return true;
    } else if (isPair(node)) {
      return walk(node.key) || walk(node.value);
    }
    return false;
  };
  walk(doc.contents);
}
