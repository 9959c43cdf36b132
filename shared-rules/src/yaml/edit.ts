// Minimal text edits on a YAML document: set a value at a path (creating the missing maps), append to a
// sequence, remove an entry. Each returns edits relative to the document's text, or undefined when the layout is
// one we cannot edit without risk (the caller then offers no fix rather than a wrong one).
import { isMap, isScalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../types.js';
import { entry } from './nodes.js';
import { blockEntries, blockItems, Commented, renderFlow, type YamlValue } from './render.js';
import { columnOf, lineEndOf, lineStartOf, type SourceDoc } from './source.js';

/** End of the last line a node's text occupies (trailing newlines of block scalars and collections excluded). */
function endOfLastLine(text: string, node: Node): number {
  let pos = node.range![1];
  while (pos > node.range![0] && (text[pos - 1] === '\n' || text[pos - 1] === '\r')) pos--;
  return lineEndOf(text, Math.max(pos - 1, node.range![0]));
}

/**
 * Moves `at` (a line end) past the comment lines right below it that are indented deeper than `col`: they belong
 * to the nested value above (`args:` … `# more flags later`), so a new sibling at `col` goes after them.
 */
function afterNestedComments(text: string, at: number, col: number): number {
  let pos = at;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return pos;
    const end = lineEndOf(text, nl + 1);
    const indent = /^( *)#/.exec(text.slice(nl + 1, end));
    if (!indent || indent[1]!.length <= col) return pos;
    pos = end;
  }
}

function lastNodeOfPair(pair: Pair): Node {
  const v = pair.value as Node | null;
  return v && v.range && !(isScalar(v) && v.value === null && v.range[0] === v.range[1]) ? v : (pair.key as Node);
}

/** Adds `key: value` as the last entry of `map`, in the map's own style. */
export function insertEntry(src: SourceDoc, map: YAMLMap, key: string, value: YamlValue): TextEdit[] | undefined {
  return insertEntries(src, map, { [key]: value });
}

/** Adds several entries, in order, after the last entry of `map` (one edit, so they cannot interleave). */
export function insertEntries(src: SourceDoc, map: YAMLMap, values: { readonly [key: string]: YamlValue }): TextEdit[] | undefined {
  if (!map.range || Object.keys(values).length === 0) return undefined;
  if (map.flow) {
    const text = renderFlow(values).slice(1, -1);
    const last = map.items[map.items.length - 1];
    let at: number;
    if (!last) {
      at = map.range[0] + 1;
      if (src.text[at - 1] !== '{') return undefined;
    } else {
      at = lastNodeOfPair(last).range![1];
    }
    return [{ start: at, end: at, newText: last ? `, ${text}` : text }, ...flowComment(src, at, values)];
  }
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  if (!first || !last || !(first.key as Node | null)?.range) return undefined;
  const col = columnOf(src.text, (first.key as Node).range![0]);
  const at = afterNestedComments(src.text, endOfLastLine(src.text, lastNodeOfPair(last)), col);
  const lines = blockEntries(values, col, src.style);
  return [{ start: at, end: at, newText: src.style.eol + lines.join(src.style.eol) }];
}

/**
 * The comments of `Commented` scalars rendered in flow style have no place inside the flow collection: they go
 * at the end of the line of the insertion, unless that line has a comment already (or a `#` we cannot place).
 */
function flowComment(src: SourceDoc, at: number, value: YamlValue): TextEdit[] {
  const comments = [...new Set(commentsOf(value))];
  if (comments.length === 0) return [];
  const end = lineEndOf(src.text, at);
  if (src.text.slice(at, end).includes('#')) return [];
  return [{ start: end, end, newText: ` # ${comments.join('; ')}` }];
}

function commentsOf(value: YamlValue): string[] {
  if (value instanceof Commented) return [value.comment];
  if (Array.isArray(value)) return value.flatMap(commentsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value as { readonly [key: string]: YamlValue }).flatMap(commentsOf);
  return [];
}

/** Appends an item to a sequence, in the sequence's own style. */
export function appendItem(src: SourceDoc, seq: YAMLSeq, value: YamlValue): TextEdit[] | undefined {
  if (!seq.range) return undefined;
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (seq.flow) {
    const text = renderFlow(value);
    if (!last?.range) {
      const open = seq.range[0];
      if (src.text[open] !== '[') return undefined;
      return [{ start: open + 1, end: open + 1, newText: text }];
    }
    return [{ start: last.range[1], end: last.range[1], newText: `, ${text}` }];
  }
  if (!last?.range) return undefined;
  const col = columnOf(src.text, seq.range[0]);
  const at = afterNestedComments(src.text, endOfLastLine(src.text, last), col);
  const lines = blockItems([value], col, src.style);
  return [{ start: at, end: at, newText: src.style.eol + lines.join(src.style.eol) }];
}

/** Replaces a node's text with a rendered value (flow style for collections; a quoted string stays quoted alike). */
export function replaceValue(node: Node, value: YamlValue): TextEdit[] | undefined {
  if (!node.range) return undefined;
  let newText = renderFlow(value);
  if (typeof value === 'string' && isScalar(node)) {
    if (node.type === 'QUOTE_DOUBLE') newText = JSON.stringify(value);
    else if (node.type === 'QUOTE_SINGLE') newText = `'${value.replace(/'/g, "''")}'`;
  }
  return [{ start: node.range[0], end: node.range[1], newText }];
}

/**
 * Sets `path` under `map` to `value`: replaces the value when the whole path exists, otherwise adds the missing
 * part as one nested entry where the path stops (merging into an existing `securityContext` rather than adding a
 * second one). The leaf is replaced in place, keeping the key and any comment on its line.
 */
export function setPath(src: SourceDoc, map: YAMLMap, path: readonly string[], value: YamlValue): TextEdit[] | undefined {
  let current = map;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const found = entry(src.doc, current, key);
    const rest = nest(path.slice(i + 1), value);
    if (!found) return insertEntry(src, current, key, rest);
    if (i === path.length - 1) {
      if (!found.value) return fillEmpty(src, current, found.pair, rest);
      return replaceValue(found.rawValue as Node, value);
    }
    if (!found.value) return fillEmpty(src, current, found.pair, rest);
    if (!isMap(found.value)) return undefined;
    if (found.rawValue !== found.value) return undefined; // an alias: editing it would change its other users
    current = found.value;
  }
  return undefined;
}

function nest(path: readonly string[], value: YamlValue): YamlValue {
  return path.reduceRight<YamlValue>((acc, key) => ({ [key]: acc }), value);
}

/**
 * Sets several keys of one map: each present key is replaced (or filled when it has no value), and the absent
 * ones are added together after the map's last entry.
 */
export function setEntries(src: SourceDoc, map: YAMLMap, values: { readonly [key: string]: YamlValue }): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const absent: { [key: string]: YamlValue } = {};
  for (const [key, value] of Object.entries(values)) {
    if (!entry(src.doc, map, key)) {
      absent[key] = value;
      continue;
    }
    const e = setPath(src, map, [key], value);
    if (!e) return undefined;
    edits.push(...e);
  }
  if (Object.keys(absent).length > 0) {
    const e = insertEntries(src, map, absent);
    if (!e) return undefined;
    edits.push(...e);
  }
  return edits;
}

/**
 * `key:` with no value (or an explicit null): put the value right after the key. A comment after the key stays
 * where it is: on the key's line, after a scalar value or above the lines of a block collection.
 */
function fillEmpty(src: SourceDoc, map: YAMLMap, pair: Pair, value: YamlValue): TextEdit[] | undefined {
  const key = pair.key as Node;
  const nullNode = pair.value as Node | null;
  if (!key.range) return undefined;
  // Keep everything up to and including the colon; replace an explicit null (`~`, `null`) after it.
  const colon = src.text.indexOf(':', key.range[1]);
  if (colon < 0 || (nullNode?.range && colon >= nullNode.range[1])) return undefined;
  const explicitNull = !!nullNode?.range && nullNode.range[1] > nullNode.range[0];
  let end = explicitNull ? nullNode!.range![1] : colon + 1;
  const rest = map.flow ? '' : src.text.slice(end, lineEndOf(src.text, end));
  const hasComment = /^\s*#/.test(rest);
  if (/^\s+$/.test(rest)) end += rest.length; // trailing blanks after an empty value
  const isCollection = typeof value === 'object' && value !== null && !(value instanceof Commented) &&
    (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
  if (map.flow || !isCollection) {
    const text = !map.flow && !hasComment && value instanceof Commented ? `${renderFlow(value)} # ${value.comment}` : renderFlow(value);
    return [{ start: colon + 1, end, newText: ` ${text}` }];
  }
  const col = columnOf(src.text, key.range[0]);
  const childCol = col + src.style.indent;
  const lines = Array.isArray(value)
    ? blockItems(value, src.style.indentSequences ? childCol : col, src.style)
    : blockEntries(value as { readonly [key: string]: YamlValue }, childCol, src.style);
  const block = src.style.eol + lines.join(src.style.eol);
  if (!hasComment) return [{ start: colon + 1, end, newText: block }];
  // `key: # comment` (or `key: ~ # comment`): drop the null, keep the comment on the key's line.
  const lineEnd = lineEndOf(src.text, end);
  return [
    ...(end > colon + 1 ? [{ start: colon + 1, end, newText: '' }] : []),
    { start: lineEnd, end: lineEnd, newText: block },
  ];
}

/** Removes one entry of a map: its whole line(s) in block style, the entry and a comma in flow style. */
export function removeEntry(src: SourceDoc, map: YAMLMap, pair: Pair): TextEdit[] | undefined {
  const key = pair.key as Node;
  if (!key.range || !map.range) return undefined;
  const index = map.items.indexOf(pair);
  if (map.flow) {
    const end = lastNodeOfPair(pair).range![1];
    const next = map.items[index + 1];
    if (next && (next.key as Node).range) return [{ start: key.range[0], end: (next.key as Node).range![0], newText: '' }];
    const prev = map.items[index - 1];
    if (prev) {
      const prevEnd = lastNodeOfPair(prev).range![1];
      return [{ start: prevEnd, end, newText: '' }];
    }
    return [{ start: key.range[0], end, newText: '' }];
  }
  const start = lineStartOf(src.text, key.range[0]);
  // Only when the key starts its line: `- hostNetwork: true` as a sequence item's first key is left alone.
  if (src.text.slice(start, key.range[0]).trim() !== '') return undefined;
  if (map.items.length === 1) return undefined; // would leave a key with no value behind
  let end = endOfLastLine(src.text, lastNodeOfPair(pair));
  if (src.text.startsWith('\r\n', end)) end += 2;
  else if (src.text[end] === '\n') end += 1;
  return [{ start, end, newText: '' }];
}
