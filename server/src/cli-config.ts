// The CLI's project configuration: `--config FILE`, or the `.kube-hardening.yaml` found by walking up from the
// first path checked. An unknown key or a bad value is a configuration error (exit 2) naming the key and its place.
import { CONFIG_FILE_NAME, engineConfigOf, lineIndex, parseConfig, type EngineConfig, type ProjectConfig } from '@kube-hardening/shared-rules';
import { promises as fs } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { STDIN, UsageError } from './cli-options.js';

export interface LoadedConfig {
  readonly path: string;
  readonly folder: string;
  readonly config: ProjectConfig;
  readonly engine: EngineConfig | undefined;
}

async function exists(path: string): Promise<boolean> {
  return fs.stat(path).then((s) => s.isFile(), () => false);
}

/** Finds the configuration file: the one given, else the nearest `.kube-hardening.yaml` above the first path. */
export async function findConfig(given: string | undefined, paths: readonly string[], cwd: string): Promise<string | undefined> {
  if (given !== undefined) {
    const path = resolve(cwd, given);
    if (!(await exists(path))) throw new UsageError(`configuration file ${JSON.stringify(given)} does not exist`);
    return path;
  }
  const first = paths.find((p) => p !== STDIN && !/[*?[{]/.test(p)) ?? '.';
  let dir = resolve(cwd, first);
  if (!(await fs.stat(dir).then((s) => s.isDirectory(), () => false))) dir = dirname(dir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (await exists(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function loadConfig(path: string, cwd: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the configuration file ${path}: ${(e as Error).message}`);
  }
  const { config, problems } = parseConfig(text);
  if (problems.length > 0) {
    const shown = relative(cwd, path) || path;
    const index = lineIndex(text);
    const lines = problems.map((p) => {
      const at = index.position(p.range.start);
      return `${shown}:${at.line + 1}:${at.character + 1}: ${p.message}`;
    });
    throw new UsageError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return { path, folder: dirname(path), config, engine: engineConfigOf(config) };
}
