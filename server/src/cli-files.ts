// Which files the CLI checks: the paths, folders and globs of the command line, walked like the editor's workspace
// scan (.git and node_modules skipped, only .yaml/.yml files that look like Kubernetes), standard input for `-`.
// Files named one by one are checked whatever their extension or content.
import { promises as fs } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isKustomizationFile, kustomizationPatches } from '@kube-hardening/shared-rules';
import { Minimatch } from 'minimatch';
import { STDIN, UsageError } from './cli-options.js';
import { isExcluded, listYamlFiles, looksLikeKubernetes } from './scan.js';

export const STDIN_NAME = '<stdin>';
/** Files larger than this are skipped, as the editor skips them by default (kubeHardening.maxFileSize). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A file to check, before it is read. */
export interface Candidate {
  /** The name shown in reports: relative to the current folder when inside it, else absolute. */
  readonly file: string;
  /** Absolute path on disk; undefined for standard input. */
  readonly path: string | undefined;
  /** Named on the command line (checked whatever its extension and content). */
  readonly explicit: boolean;
}

/** A file read and ready to lint. */
export interface SourceFile {
  readonly file: string;
  readonly path: string | undefined;
  /** The text without its byte order mark. */
  readonly text: string;
  /** Whether the file began with a byte order mark (kept when the file is written back). */
  readonly bom: boolean;
}

export interface Skipped {
  readonly file: string;
  readonly reason: string;
}

export interface CollectOptions {
  readonly cwd: string;
  /** Globs relative to `excludeBase` (default: cwd) of files not to check, besides .git and node_modules. */
  readonly exclude: readonly string[];
  readonly excludeBase?: string;
  /** The project configuration's exclusions, relative to its folder. */
  readonly projectExclude?: { readonly base: string; readonly globs: readonly string[] };
  readonly stdinFilename?: string;
}

/**
 * The files named by `patterns`, each once, in the order given (a folder's and a glob's files sorted by path).
 * Throws UsageError for a path that does not exist and a glob that matches no YAML file.
 */
export async function collectFiles(patterns: readonly string[], o: CollectOptions): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const excludeBase = o.excludeBase ?? o.cwd;
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path)) return;
    if (!explicit && o.exclude.length > 0 && isExcluded(excludeBase, path, o.exclude)) return;
    if (!explicit && o.projectExclude && isExcluded(o.projectExclude.base, path, o.projectExclude.globs)) return;
    seen.add(path);
    out.push({ file: shownName(o.cwd, path), path, explicit });
  };
  for (const pattern of patterns) {
    if (pattern === STDIN) {
      if (!seen.has(STDIN)) out.push({ file: o.stdinFilename ?? STDIN_NAME, path: undefined, explicit: true });
      seen.add(STDIN);
      continue;
    }
    const abs = resolve(o.cwd, pattern);
    const st = await fs.stat(abs).catch(() => undefined);
    if (st?.isFile()) add(abs, true);
    else if (st?.isDirectory()) for (const c of await listYamlFiles(abs, [], () => false)) add(c.path, false);
    else if (isGlob(pattern)) {
      const matches = await expandGlob(pattern, o.cwd);
      if (matches.length === 0) throw new UsageError(`no YAML file matches ${JSON.stringify(pattern)}`);
      for (const path of matches) add(path, false);
    } else throw new UsageError(`cannot read ${JSON.stringify(pattern)}: no such file or folder`);
  }
  return out;
}

/** Reads a candidate: its text, or why it is skipped; undefined when a walked file does not look like Kubernetes. */
export async function readCandidate(c: Candidate, readStdin: () => Promise<string>): Promise<SourceFile | Skipped | undefined> {
  let raw: string;
  if (c.path === undefined) raw = await readStdin();
  else {
    try {
      const st = await fs.stat(c.path);
      if (st.size > MAX_FILE_BYTES) return { file: c.file, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${(st.size / 1024 / 1024).toFixed(1)} MB)` };
      raw = await fs.readFile(c.path, 'utf8');
    } catch (e) {
      return { file: c.file, reason: `cannot be read: ${(e as Error).message}` };
    }
  }
  const bom = raw.charCodeAt(0) === 0xfeff;
  const text = bom ? raw.slice(1) : raw;
  // A kustomization is kustomize's own file, not a manifest (it is read for the patches it names).
  if (!c.explicit && (!looksLikeKubernetes(text) || (c.path !== undefined && isKustomizationFile(basename(c.path))))) return undefined;
  return { file: c.file, path: c.path, text, bom };
}

export function isSkipped(x: SourceFile | Skipped): x is Skipped {
  return 'reason' in x;
}

/** Reads all of standard input as UTF-8. */
export async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function shownName(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

const toPosix = (p: string) => p.split(sep).join('/');

export function isGlob(pattern: string): boolean {
  return new Minimatch(toPosix(pattern)).hasMagic();
}

/**
 * The YAML files matching a glob (relative to `cwd`, or absolute), found by walking the longest leading folder
 * without wildcards, skipping .git and node_modules as the walk of a folder does.
 */
export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const posix = toPosix(pattern).replace(/^(\.\/)+/, '');
  const segments = posix.split('/');
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (new Minimatch(s).hasMagic()) break;
    fixed.push(s);
  }
  const absolute = posix.startsWith('/');
  const base = absolute ? fixed.join('/') || '/' : join(cwd, ...fixed);
  const matcher = new Minimatch(posix, { dot: false });
  const files = await listYamlFiles(base, [], () => false);
  return files.map((c) => c.path).filter((path) => matcher.match(absolute ? toPosix(path) : toPosix(relative(cwd, path))));
}

/** The files that the kustomizations among `candidates` name as patches (absolute paths): partial objects. */
export async function kustomizePatches(candidates: readonly Candidate[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const c of candidates) {
    if (c.path === undefined || !isKustomizationFile(basename(c.path))) continue;
    try {
      for (const p of kustomizationPatches(await fs.readFile(c.path, 'utf8'))) out.add(resolve(dirname(c.path), p));
    } catch {
      // unreadable: it names no patches
    }
  }
  return out;
}
