// Running the built CLI (server/dist/cli.js) in a child process against fixtures copied to a temporary folder.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO = join(__dirname, '..', '..', '..');
export const CLI = join(REPO, 'server', 'dist', 'cli.js');
export const FIXTURES = join(REPO, 'test', 'fixtures', 'cli');

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `kube-harden args…` in `cwd`, with `input` on standard input, without a terminal and without NO_COLOR. */
export function kubeHarden(args: readonly string[], cwd: string, input?: string, env: NodeJS.ProcessEnv = {}): Run {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input: input ?? '', encoding: 'utf8', env: { ...base, ...env }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];

/**
 * A temporary copy of test/fixtures/cli/<name> (the `workspace` fixture gets a node_modules and a .git folder,
 * which the repository cannot hold, with manifests that must never be checked).
 */
export function fixture(name: 'workspace' | 'broken'): string {
  const dir = mkdtempSync(join(tmpdir(), `kh-cli-${name}-`));
  made.push(dir);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  if (name === 'workspace') {
    const hidden = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: never-checked\nspec:\n  hostPID: true\n  containers: []\n';
    write(dir, 'node_modules/pkg/pod.yaml', hidden);
    write(dir, '.git/pod.yaml', hidden);
  }
  return dir;
}

export function write(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** `kube-harden --format json` output, parsed (the shape is checked against the schema in formats.test). */
export interface JsonReport {
  version: number;
  files: { file: string; findings: { ruleId: string; severity: string; message: string; range: { start: { line: number; column: number }; end: { line: number; column: number } }; guidance: { section: string; page: number; url: string }[]; fixable: boolean; fix?: { title: string; safety: string } }[] }[];
  skipped: { file: string; reason: string }[];
  fixed: { file: string; applied: number }[];
  summary: { files: number; findings: number; failing: number; threshold: string };
}

export function json(r: Run): JsonReport {
  return JSON.parse(r.stdout) as JsonReport;
}

/** `file ruleId` for every finding of a JSON report. */
export function findingKeys(report: JsonReport): string[] {
  return report.files.flatMap((f) => f.findings.map((x) => `${f.file} ${x.ruleId}`));
}
