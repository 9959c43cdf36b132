// What the workspace index keeps of a file on disk, read and computed from its text (in a scan worker or, for a
// single file, on the server's thread): facts, local findings without fixes (an unopened file offers no code
// actions; it is linted again when opened) and where its lines start. Never its text or syntax tree.
import { readFile, stat } from 'node:fs/promises';
import { fileFacts, fileFindings, fileInternalErrors, lintFile, type FileFacts, type Finding, type LintOptions } from '@kube-hardening/shared-rules';
import { looksLikeKubernetes } from './scan.js';

export interface IndexEntryData {
  readonly facts: FileFacts;
  readonly local: Finding[];
  readonly lineStarts: Uint32Array;
  readonly length: number;
  readonly internalErrors: string[];
}

export function indexEntryOf(text: string, uri: string, options: LintOptions): IndexEntryData {
  const linted = lintFile(text, undefined, [], options);
  const local = fileFindings(linted).map(({ ruleId, severity, message, range, missing, stale }): Finding => ({
    ruleId, severity, message, range, fixes: [], ...(missing ? { missing } : {}), ...(stale ? { stale } : {}),
  }));
  return {
    facts: fileFacts(linted, uri), local, lineStarts: lineStartsOf(text), length: text.length,
    internalErrors: fileInternalErrors(linted).map((e) => `${e.ruleId ? `(rule ${e.ruleId}) ` : ''}${e.message}`),
  };
}

export function lineStartsOf(text: string): Uint32Array {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return Uint32Array.from(starts);
}

/** What reading a file for the index found. */
export type FileCheck =
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'unreadable' | 'not-kubernetes' }
  | ({ readonly kind: 'linted' } & IndexEntryData);

/** Reads a file (not when larger than `maxBytes`), checks cheaply that it is Kubernetes YAML, and lints it. */
export async function checkFile(path: string, uri: string, maxBytes: number, options: LintOptions): Promise<FileCheck> {
  let text: string;
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes) return { kind: 'too-large', size };
    text = await readFile(path, 'utf8');
  } catch {
    return { kind: 'unreadable' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!looksLikeKubernetes(text)) return { kind: 'not-kubernetes' };
  return { kind: 'linted', ...indexEntryOf(text, uri, options) };
}
