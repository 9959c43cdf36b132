// Command-line flags of a container, read from `command` and `args` together (the argv the kubelet builds), the way
// the Kubernetes components (spf13/pflag) and etcd (Go's flag package) read them: `--flag=value`, `--flag value`
// (the value being the next word, in the same list item or the next one), bare boolean flags, and several flags
// written in one list item separated by spaces. Every flag keeps the list item it is written in, and the offsets of
// its text when the item's source maps one to one onto its value, so findings point at it and fixes edit it in
// place. Nothing here throws.
import { isScalar, isSeq, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { OffsetRange, TextEdit } from '../types.js';
import { appendItem, insertEntry } from '../yaml/edit.js';
import { deref, entry } from '../yaml/nodes.js';
import { Commented } from '../yaml/render.js';
import { lineEndOf, lineStartOf, type SourceDoc } from '../yaml/source.js';

export type ListName = 'command' | 'args';

/** A `command:` or `args:` entry of a container. */
export interface FlagList {
  readonly name: ListName;
  readonly key: Scalar;
  /** The list, or undefined when the key holds something else (`args:` with no value, a string …). */
  readonly seq: YAMLSeq | undefined;
  /** The list is an alias (`args: *common`): it is read, but editing it would change its other users. */
  readonly aliased: boolean;
}

/** One whitespace-separated word of a list item. */
export interface Word {
  readonly text: string;
  /** The list item's scalar (an alias resolved). */
  readonly item: Scalar;
  /** The list item as written: the scalar, or an alias (`- *flag`) whose own range is here. */
  readonly node: Node;
  readonly list: FlagList;
  /** Offset of the word in the item's value. */
  readonly at: number;
  /** The word's offsets in the document, when the item's source text maps onto its value. */
  readonly range: OffsetRange | undefined;
  /** The item holds other words too. */
  readonly shared: boolean;
}

export interface Flag {
  /** The name without its dashes: `anonymous-auth`. */
  readonly name: string;
  /** The value (`--x=v`, or the next word for a non-boolean `--x v`); undefined for a bare flag. */
  readonly value: string | undefined;
  /** The word holding the flag's name (and its value when written `--x=v`). */
  readonly word: Word;
  /** The separate value word of `--x v` (in the same item or the next one). */
  readonly valueWord: Word | undefined;
  /** The list item the flag is written in: where a finding about it points. */
  readonly item: Scalar;
  readonly list: FlagList;
}

export interface FlagSet {
  readonly container: YAMLMap;
  readonly command: FlagList | undefined;
  readonly args: FlagList | undefined;
  /** Words of `command` that name the program (`kube-apiserver`, `hyperkube apiserver`); not flags. */
  readonly programWords: number;
  readonly flags: readonly Flag[];
}

/**
 * Boolean flags of the control-plane components, the kubelet and etcd. A boolean flag takes its value only as
 * `--x=false`: written `--x false` it is true and `false` is a stray argument, so the next word is not its value.
 */
export const BOOLEAN_FLAGS: ReadonlySet<string> = new Set([
  // kube-apiserver, kube-controller-manager, kube-scheduler
  'anonymous-auth', 'profiling', 'contention-profiling', 'allow-privileged', 'enable-bootstrap-token-auth',
  'enable-aggregator-routing', 'enable-garbage-collector', 'enable-priority-and-fairness', 'enable-logs-handler',
  'endpoint-reconciler-type-enabled', 'use-service-account-credentials', 'leader-elect', 'service-account-lookup',
  'enable-hostpath-provisioner', 'allocate-node-cidrs', 'configure-cloud-routes', 'enable-dynamic-provisioning',
  'logtostderr', 'alsologtostderr', 'skip-headers', 'skip-log-headers', 'one-output', 'add-dir-header',
  'strict-transport-security-directives-enabled', 'delete-collection-workers-enabled', 'watch-cache',
  'kubelet-https', 'insecure-skip-tls-verify', 'authentication-skip-lookup', 'permit-port-sharing',
  'permit-address-sharing', 'audit-log-compress', 'enable-contention-profiling', 'version',
  // kubelet
  'authentication-token-webhook', 'rotate-certificates', 'rotate-server-certificates', 'fail-swap-on',
  'protect-kernel-defaults', 'make-iptables-util-chains', 'serialize-image-pulls', 'register-node',
  'register-schedulable', 'enable-server', 'enable-debugging-handlers', 'enable-controller-attach-detach',
  'cgroups-per-qos', 'exit-on-lock-contention', 'keep-terminated-pod-volumes', 'kernel-memcg-notification',
  'enforce-node-allocatable-enabled', 'local-storage-capacity-isolation', 'read-only-port-enabled',
  // etcd
  'client-cert-auth', 'peer-client-cert-auth', 'auto-tls', 'peer-auto-tls', 'debug', 'enable-v2',
  'enable-pprof', 'strict-reconfig-check', 'force-new-cluster', 'experimental-initial-corrupt-check',
  'experimental-enable-distributed-tracing', 'experimental-enable-lease-checkpoint',
  'experimental-enable-lease-checkpoint-persist', 'experimental-peer-skip-client-san-verification',
  'client-crl-file-enabled', 'enable-grpc-gateway', 'socket-reuse-port', 'socket-reuse-address',
  'pre-vote', 'unsafe-no-fsync', 'log-rotation-config-json-enabled',
]);

/** The container's `command:` or `args:` entry. */
function listOf(src: SourceDoc, container: YAMLMap, name: ListName): FlagList | undefined {
  const found = entry(src.doc, container, name);
  if (!found) return undefined;
  return { name, key: found.key, seq: isSeq(found.value) ? found.value : undefined, aliased: found.rawValue !== found.value };
}

/** The text of a list item as the program receives it, or undefined for a map, a sequence or a null. */
export function itemText(node: Node | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined || typeof node.value === 'object') return undefined;
  return String(node.value);
}

/**
 * Where the item's value starts in the document when its source text is exactly its value (a one-line plain
 * scalar, or a quoted one without escapes), so that offsets inside the value are offsets in the document.
 */
function valueBase(src: SourceDoc, raw: unknown, node: Scalar, value: string): number | undefined {
  if (raw !== node || !node.range) return undefined; // an alias: the text lives at its anchor, shared with others
  const [start, end] = node.range;
  const text = src.text.slice(start, end);
  if (node.type === 'PLAIN' && text === value) return start;
  if (node.type === 'QUOTE_DOUBLE' && text === `"${value}"` && !value.includes('\\') && !value.includes('"')) return start + 1;
  if (node.type === 'QUOTE_SINGLE' && text === `'${value}'` && !value.includes("'")) return start + 1;
  return undefined;
}

function wordsOf(src: SourceDoc, list: FlagList | undefined): Word[] {
  if (!list?.seq) return [];
  const out: Word[] = [];
  for (const raw of list.seq.items) {
    const node = deref(src.doc, raw);
    const text = itemText(node);
    if (text === undefined) continue;
    const item = node as Scalar;
    const base = list.aliased ? undefined : valueBase(src, raw, item, text);
    const found = [...text.matchAll(/\S+/g)];
    for (const m of found) {
      out.push({
        text: m[0],
        item,
        node: raw as Node,
        list,
        at: m.index!,
        range: base === undefined ? undefined : { start: base + m.index!, end: base + m.index! + m[0].length },
        shared: found.length > 1,
      });
    }
  }
  return out;
}

function isFlagWord(word: string): boolean {
  return /^--?[A-Za-z]/.test(word);
}

/**
 * The flags of a container: the words of `command` after the program's own `programWords` words, then the words
 * of `args`. Parsing stops at `--`, as pflag does.
 */
export function readFlags(src: SourceDoc, container: YAMLMap, programWords: number): FlagSet {
  const command = listOf(src, container, 'command');
  const args = listOf(src, container, 'args');
  const words = [...wordsOf(src, command).slice(programWords), ...wordsOf(src, args)];
  const flags: Flag[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.text === '--') break;
    if (!isFlagWord(word.text)) continue;
    const body = word.text.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    let value: string | undefined = eq < 0 ? undefined : body.slice(eq + 1);
    let valueWord: Word | undefined;
    const next = words[i + 1];
    if (value === undefined && !BOOLEAN_FLAGS.has(name) && next && !isFlagWord(next.text) && next.text !== '--') {
      valueWord = next;
      value = next.text;
      i++;
    }
    flags.push({ name, value, word, valueWord, item: word.item, list: word.list });
  }
  return { container, command, args, programWords, flags };
}

/** The flag as the program sees it: the last occurrence wins. */
export function lastFlag(set: FlagSet, name: string): Flag | undefined {
  for (let i = set.flags.length - 1; i >= 0; i--) if (set.flags[i]!.name === name) return set.flags[i];
  return undefined;
}

export function allFlags(set: FlagSet, name: string): Flag[] {
  return set.flags.filter((f) => f.name === name);
}

/** A flag's value: `true` for a bare flag. */
export function flagValue(flag: Flag): string {
  return flag.value ?? 'true';
}

/** Go's strconv.ParseBool, which both pflag and Go's flag package use; undefined for anything else. */
export function parseBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return true; // a bare boolean flag
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/** A value the kubelet fills in from the container's environment (`$(ETCD_CERT)`): not judged. */
export function isExpansion(value: string): boolean {
  return /\$\([A-Za-z_][A-Za-z0-9_]*\)/.test(value);
}

/** The items of a comma-separated list value (`Node,RBAC`), trimmed, empty ones dropped. */
export function listValues(value: string | undefined): string[] {
  return (value ?? '').split(',').map((v) => v.trim()).filter((v) => v.length > 0);
}

/**
 * Where a finding about the flag points: its list item, or its own words when it shares the item with others; the
 * `command:`/`args:` key when the list is an alias of another container's (its items are written there).
 */
export function flagRange(flag: Flag): Node | OffsetRange {
  const { word, valueWord } = flag;
  if (flag.list.aliased) return flag.list.key;
  if (!word.shared || !word.range) return word.node;
  const end = valueWord && valueWord.item === word.item && valueWord.range ? valueWord.range.end : word.range.end;
  return { start: word.range.start, end };
}

// ---------------------------------------------------------------------------------------------------------------
// Fixes. Each adds one list item or edits one item in place, in the list's own style.

/** Where a missing flag goes: the list that holds the flags, else `args` (a new one when `command` is just the program). */
export function targetList(set: FlagSet): FlagList | undefined {
  const has = (list: FlagList | undefined) => set.flags.some((f) => f.list === list);
  if (set.args && has(set.args)) return set.args;
  if (set.command && has(set.command)) return set.command;
  if (set.args) return set.args;
  if (set.command && !set.command.seq) return set.command;
  return undefined; // no args: a new `args:` list
}

/** Where a "flag is missing" finding points: the list the flag should be added to, else `command:`. */
export function missingAt(set: FlagSet): Node | undefined {
  return targetList(set)?.key ?? set.command?.key ?? set.args?.key;
}

const PLACEHOLDER = 'KUBE_HARDENING_FLAG_PLACEHOLDER';

/** A word can stand as a plain scalar item, in a block list or (`flow`) in a flow list. */
function plainOk(text: string, flow: boolean): boolean {
  if (!/^-?-?[A-Za-z0-9/.][^\s]*$/.test(text) || text.endsWith(':')) return false;
  if (/^-?-?(?:true|false|null|~|[-+]?\d[\d_.]*)$/i.test(text)) return false;
  return !(flow && /[,[\]{}]/.test(text));
}

type Quoting = 'plain' | 'double' | 'single';

/** The quoting of the list's last text item (a flag when there is one), to write a new item like its neighbours. */
function neighbourQuoting(src: SourceDoc, seqs: readonly (YAMLSeq | undefined)[]): Quoting {
  for (const seq of seqs) {
    const texts = (seq?.items ?? []).map((raw) => deref(src.doc, raw)).filter((n): n is Scalar => itemText(n) !== undefined);
    const flags = texts.filter((n) => String(n.value).startsWith('-'));
    const last = flags[flags.length - 1] ?? texts[texts.length - 1];
    if (!last) continue;
    if (last.type === 'QUOTE_DOUBLE') return 'double';
    if (last.type === 'QUOTE_SINGLE') return 'single';
    return 'plain';
  }
  return 'plain';
}

function quote(text: string, quoting: Quoting, flow: boolean): string {
  if (quoting === 'plain' && plainOk(text, flow)) return text;
  if (quoting === 'single') return `'${text.replace(/'/g, "''")}'`;
  return JSON.stringify(text);
}

function substitute(edits: TextEdit[] | undefined, text: string): TextEdit[] | undefined {
  if (!edits) return undefined;
  const out = edits.map((e) => ({ ...e, newText: e.newText.split(PLACEHOLDER).join(text) }));
  return out.some((e, i) => e.newText !== edits[i]!.newText) ? out : undefined;
}

/**
 * Adds one flag (`--anonymous-auth=false`) as a new item of the list that holds the flags, quoted like its
 * neighbours; when the container has no `args` and `command` names only the program, as a new `args:` list. A
 * comment goes after the item (at the end of the line in a flow list).
 */
export function addFlag(src: SourceDoc, set: FlagSet, text: string, comment?: string): TextEdit[] | undefined {
  const target = targetList(set);
  const value = comment ? new Commented(PLACEHOLDER, comment) : PLACEHOLDER;
  if (target) {
    if (!target.seq || target.aliased) return undefined;
    const rendered = quote(text, neighbourQuoting(src, [target.seq]), target.seq.flow === true);
    const edits = substitute(appendItem(src, target.seq, value), rendered);
    return edits && comment && target.seq.flow ? [...edits, ...endOfLineComment(src, edits[0]!.start, comment)] : edits;
  }
  if (set.args) return undefined;
  const flow = set.container.flow === true;
  const rendered = quote(text, neighbourQuoting(src, [set.command?.seq]), flow);
  return substitute(insertEntry(src, set.container, 'args', [value]), rendered);
}

/** ` # comment` at the end of the line holding `at`, unless that line has a `#` already (a flow list has no place for it). */
function endOfLineComment(src: SourceDoc, at: number, comment: string): TextEdit[] {
  const end = lineEndOf(src.text, at);
  return src.text.slice(at, end).includes('#') ? [] : [{ start: end, end, newText: ` # ${comment}` }];
}

/**
 * Replaces [from, to) of a word's item value with `newText`: in place when the item's source maps onto its value
 * and the result needs no other quoting, else the whole item, re-quoted in its own style.
 */
function editItem(src: SourceDoc, word: Word, from: number, to: number, newText: string): TextEdit[] | undefined {
  const item = word.item;
  const value = itemText(item);
  if (value === undefined || !item.range || !word.range) return undefined;
  const base = word.range.start - word.at;
  const next = value.slice(0, from) + newText + value.slice(to);
  const flow = isFlowItem(src, item);
  const fitsInPlace = item.type === 'PLAIN'
    ? !(flow ? /[\s,[\]{}#'"]/ : /[\s#'"]/).test(newText) && !next.endsWith(':') && next.trim() === next && next !== '' &&
      (from > 0 || plainOk(next.split(/\s+/)[0]!, flow))
    : !/["'\\]/.test(newText);
  if (fitsInPlace) return [{ start: base + from, end: base + to, newText }];
  const quoting: Quoting = item.type === 'QUOTE_SINGLE' ? 'single' : 'double';
  return [{ start: item.range[0], end: item.range[1], newText: quote(next, quoting, flow) }];
}

/** The item sits in a flow list (`[a, b]`), where a plain scalar may not hold `,` or brackets. */
function isFlowItem(src: SourceDoc, item: Scalar): boolean {
  const start = item.range![0];
  const before = src.text.slice(lineStartOf(src.text, start), start);
  return !/^[ \t]*-[ \t]+$/.test(before);
}

/**
 * Sets a flag's value in place: the value part of `--x=v`, the value word of `--x v`, or `=value` added after a
 * bare flag.
 */
export function setFlagValue(src: SourceDoc, flag: Flag, value: string): TextEdit[] | undefined {
  const { word, valueWord } = flag;
  if (valueWord) return editItem(src, valueWord, valueWord.at, valueWord.at + valueWord.text.length, value);
  const eq = word.text.indexOf('=');
  const from = word.at + (eq < 0 ? word.text.length : eq + 1);
  return editItem(src, word, from, word.at + word.text.length, eq < 0 ? `=${value}` : value);
}

/**
 * Removes a flag: its whole list item (and the item holding its value) when the item holds nothing else,
 * otherwise its words inside the item.
 */
export function removeFlag(src: SourceDoc, flag: Flag): TextEdit[] | undefined {
  const { word, valueWord } = flag;
  const sameItemValue = valueWord && valueWord.item === word.item ? valueWord : undefined;
  const wordsInItem = (w: Word) => (itemText(w.item) ?? '').split(/\s+/).filter((s) => s.length > 0).length;
  if (wordsInItem(word) === (sameItemValue ? 2 : 1)) {
    if (!valueWord || sameItemValue) return removeItems(src, word.list, word.item, word.item);
    if (valueWord.list !== word.list || wordsInItem(valueWord) !== 1) return undefined;
    return removeItems(src, word.list, word.item, valueWord.item);
  }
  if (valueWord && !sameItemValue) return undefined;
  const value = itemText(word.item)!;
  const last = sameItemValue ?? word;
  let from = word.at;
  let to = last.at + last.text.length;
  // Take the blanks after the words (or before them, at the end of the item) with them.
  const after = /^\s+/.exec(value.slice(to));
  if (after) to += after[0].length;
  else {
    const before = /\s+$/.exec(value.slice(0, from));
    if (before) from -= before[0].length;
  }
  return editItem(src, word, from, to, '');
}

/**
 * Removes the items `first` … `last` (adjacent) of a list: their whole lines in a block list (only when each stands
 * alone on its line, and never every item), the items and one comma in a flow list.
 */
function removeItems(src: SourceDoc, list: FlagList, first: Scalar, last: Scalar): TextEdit[] | undefined {
  const seq = list.seq;
  if (!seq || list.aliased || !first.range || !last.range) return undefined;
  const i = seq.items.indexOf(first);
  const j = seq.items.indexOf(last);
  if (i < 0 || j < i || j - i > 1) return undefined;
  const text = src.text;
  if (seq.flow) {
    const prev = seq.items[i - 1] as Node | undefined;
    const next = seq.items[j + 1] as Node | undefined;
    if (next?.range) return [{ start: first.range[0], end: next.range[0], newText: '' }];
    if (prev?.range) return [{ start: prev.range[1], end: last.range[1], newText: '' }];
    return undefined; // would leave an empty list
  }
  if (seq.items.length <= j - i + 1) return undefined; // would leave `command:` without items
  const edits: TextEdit[] = [];
  for (const item of seq.items.slice(i, j + 1) as Scalar[]) {
    const lineStart = lineStartOf(text, item.range![0]);
    if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, item.range![0]))) return undefined;
    const lineEnd = lineEndOf(text, item.range![0]);
    if (item.range![1] > lineEnd || !/^[ \t]*(#.*)?$/.test(text.slice(item.range![1], lineEnd))) return undefined;
    let end = lineEnd;
    if (text.startsWith('\r\n', end)) end += 2;
    else if (text[end] === '\n') end += 1;
    edits.push({ start: lineStart, end, newText: '' });
  }
  return edits;
}
