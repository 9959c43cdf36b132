// Minimal text edits on a YAML document: set a value at a path (creating the missing maps), append to a
// sequence, remove an entry. Each returns edits relative to the document's text, or undefined when the layout is
// one we cannot edit without risk (the caller then offers no fix rather than a wrong one).
import { isMap, isScalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../types.js';
import { entry } from './nodes.js';
import { blockEntries, blockItems, Commented, renderFlow, renderScalar, type YamlValue } from './render.js';
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
      const node = lastNodeOfPair(last);
      at = node.range![1];
      // `{a: 1, b: }`: the last key has an empty value; the new entries go after its colon, not before it.
      const colon = node === last.key ? /^[ \t]*:/.exec(src.text.slice(at)) : null;
      if (colon) at += colon[0].length;
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
    // A value filled in on the last key's line (`memory:` → `memory: 256Mi`) and the new entries after that line
    // land on the same offset: one edit, in that order, so nothing downstream can swap them.
    const last = edits[edits.length - 1];
    const first = e[0]!;
    if (last && last.start === last.end && first.start === first.end && last.start === first.start) {
      edits[edits.length - 1] = { start: last.start, end: last.end, newText: last.newText + first.newText };
      edits.push(...e.slice(1));
    } else {
      edits.push(...e);
    }
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
  if (map.items.length === 1) return undefined; // would leave a key with no value behind
  // A sequence item's first key (`- hostPort: 80`): the next key moves up onto the dash's line.
  if (src.text.slice(start, key.range[0]).trim() !== '') return removeFirstKeyOfItem(src, map, pair, start);
  let end = endOfLastLine(src.text, lastNodeOfPair(pair));
  if (src.text.startsWith('\r\n', end)) end += 2;
  else if (src.text[end] === '\n') end += 1;
  return [{ start, end, newText: '' }];
}

/**
 * `- key: value` followed by more keys of the same item: removes from the key to the next key, which then follows
 * the dash. Refused when a comment line sits between them (it may belong to the next key) or the item is not a
 * plain `- ` item.
 */
function removeFirstKeyOfItem(src: SourceDoc, map: YAMLMap, pair: Pair, lineStart: number): TextEdit[] | undefined {
  const key = pair.key as Node;
  const next = map.items[1];
  const nextKey = next?.key as Node | null | undefined;
  if (map.items[0] !== pair || !nextKey?.range || !key.range) return undefined;
  if (!/^ *- +$/.test(src.text.slice(lineStart, key.range[0]))) return undefined;
  const end = endOfLastLine(src.text, lastNodeOfPair(pair));
  if (src.text.slice(end, nextKey.range[0]).trim() !== '') return undefined;
  if (columnOf(src.text, nextKey.range[0]) !== columnOf(src.text, key.range[0])) return undefined;
  return [{ start: key.range[0], end: nextKey.range[0], newText: '' }];
}

/**
 * Removes the entry at the end of `path` under `map`, and each enclosing entry it would leave empty
 * (`securityContext:` whose only key was `procMount`). Undefined when the path is missing, goes through an alias
 * (editing it would change its other users), or would empty `map` itself.
 */
export function removePath(src: SourceDoc, map: YAMLMap, path: readonly string[]): TextEdit[] | undefined {
  const chain: { map: YAMLMap; pair: Pair }[] = [];
  let current = map;
  for (let i = 0; i < path.length; i++) {
    const found = entry(src.doc, current, path[i]!);
    if (!found) return undefined;
    chain.push({ map: current, pair: found.pair });
    if (i === path.length - 1) break;
    if (!isMap(found.value) || found.rawValue !== found.value) return undefined;
    current = found.value;
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const link = chain[i]!;
    if (link.map.items.length > 1 || i === 0) return removeEntry(src, link.map, link.pair);
  }
  return undefined;
}

/**
 * Removes one item of a sequence: its line(s) in block style, the item and a comma in flow style. Removing the
 * only item of a block sequence under a key leaves `key: []`.
 */
export function removeItem(src: SourceDoc, seq: YAMLSeq, item: Node): TextEdit[] | undefined {
  const index = seq.items.indexOf(item);
  if (index < 0 || !seq.range || !item.range) return undefined;
  if (seq.flow) {
    const next = seq.items[index + 1] as Node | undefined;
    const prev = seq.items[index - 1] as Node | undefined;
    if (next?.range) return [{ start: item.range[0], end: next.range[0], newText: '' }];
    if (prev?.range) return [{ start: prev.range[1], end: item.range[1], newText: '' }];
    return [{ start: item.range[0], end: item.range[1], newText: '' }];
  }
  const start = lineStartOf(src.text, item.range[0]);
  if (!/^ *- +$/.test(src.text.slice(start, item.range[0]))) return undefined;
  const lastLineEnd = endOfLastLine(src.text, item);
  if (seq.items.length === 1) {
    const colon = /:[ \t]*(?:\r?\n[ \t]*)+$/.exec(src.text.slice(0, seq.range[0]));
    if (!colon) return undefined;
    return [{ start: colon.index + 1, end: lastLineEnd, newText: ' []' }];
  }
  // Comment lines indented under the item belong to it and go with it.
  let end = afterNestedComments(src.text, lastLineEnd, src.text.indexOf('-', start) - start);
  if (src.text.startsWith('\r\n', end)) end += 2;
  else if (src.text[end] === '\n') end += 1;
  return [{ start, end, newText: '' }];
}

/**
 * Replaces one entry, key and value, in place (`value: x` becomes `valueFrom:` and a nested map), in the map's
 * style. A comment after a scalar value stays on the key's line.
 */
export function replaceEntry(src: SourceDoc, map: YAMLMap, pair: Pair, key: string, value: YamlValue): TextEdit[] | undefined {
  const oldKey = pair.key as Node;
  if (!oldKey?.range || !map.range) return undefined;
  const last = lastNodeOfPair(pair);
  if (map.flow) {
    return [{ start: oldKey.range[0], end: last.range![1], newText: `${renderScalar(key)}: ${renderFlow(value)}` }];
  }
  let end: number;
  if (last === oldKey) {
    const colon = src.text.indexOf(':', oldKey.range[1]);
    if (colon < 0) return undefined;
    end = colon + 1;
  } else if (isScalar(last) && last.type !== 'BLOCK_LITERAL' && last.type !== 'BLOCK_FOLDED') {
    end = last.range![1];
  } else {
    end = endOfLastLine(src.text, last);
  }
  const col = columnOf(src.text, oldKey.range[0]);
  const lines = blockEntries({ [key]: value }, col, src.style);
  const first = lines[0]!.slice(col);
  const lineEnd = lineEndOf(src.text, end);
  const hasComment = /^\s*#/.test(src.text.slice(end, lineEnd));
  if (!hasComment || lines.length === 1) {
    return [{ start: oldKey.range[0], end, newText: [first, ...lines.slice(1)].join(src.style.eol) }];
  }
  return [
    { start: oldKey.range[0], end, newText: first },
    { start: lineEnd, end: lineEnd, newText: src.style.eol + lines.slice(1).join(src.style.eol) },
  ];
}
