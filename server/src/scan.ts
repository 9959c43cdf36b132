// Finding the Kubernetes YAML files of a workspace folder on disk: what to skip (.git, node_modules, the user's
// exclusions, files too large) and a cheap text check before any parse, so CI workflows, Helm values and compose
// files cost almost nothing.
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { matchesAny } from './globs.js';

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
const YAML_FILE = /\.ya?ml$/i;

export interface Candidate {
  readonly path: string;
  readonly size: number;
}

/** Whether `path` is excluded by globs relative to `folder` (compiled once each; hostile globs match nothing: globs.ts). */
export function isExcluded(folder: string, path: string, exclude: readonly string[]): boolean {
  if (exclude.length === 0) return false;
  return matchesAny(relative(folder, path).split(sep).join('/'), exclude);
}

/**
 * Every YAML file under `folder` that is not excluded by `exclude` (globs relative to the folder: kubeHardening.exclude,
 * files.exclude, search.exclude). Yields to the event loop between folders.
 */
export async function listYamlFiles(folder: string, exclude: readonly string[], cancelled: () => boolean): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const stack = [folder];
  while (stack.length > 0 && !cancelled()) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(e.name) && !isExcluded(folder, path, exclude)) stack.push(path);
      } else if (e.isFile() && YAML_FILE.test(e.name) && !isExcluded(folder, path, exclude)) {
        try {
          out.push({ path, size: (await fs.stat(path)).size });
        } catch {
          // Gone since the listing: nothing to lint.
        }
      }
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Cheap check before parsing: some document has top-level `apiVersion:` and `kind:` keys. */
export function looksLikeKubernetes(text: string): boolean {
  return /^apiVersion[ \t]*:/m.test(text) && /^kind[ \t]*:/m.test(text);
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
