// Runs one hostile input through every entry point of the engine, in a worker thread whose heap is capped by the
// test (resourceLimits), and reports what happened. Nothing here may throw: an exception out of the engine is a
// failure the test reports.
import { parentPort, workerData } from 'node:worker_threads';
import {
  buildView, fileFacts, fileFindings, fileInternalErrors, fixAll, lintFile, RULES, suppressionFixes, workspaceFindings, type Finding,
} from '@kube-hardening/shared-rules';
import { HOSTILE_SUPPRESSION_FINDINGS } from './bounds.js';
import { HOSTILE_INPUTS } from './hostile.js';

export interface WorkerReport {
  readonly name: string;
  readonly length: number;
  /** Lint and workspace pass. */
  readonly lintMs: number;
  /** Suppression fixes and fix-all (0 when not asked for). */
  readonly actionsMs: number;
  readonly findings: number;
  readonly broken: number;
  readonly segments: number;
  readonly internalErrors: readonly string[];
  /** Findings or fixes whose offsets fall outside the text. */
  readonly badRanges: readonly string[];
  readonly exception?: string;
  readonly heapUsedMb: number;
}

function checkRanges(text: string, findings: readonly Finding[], out: string[]): void {
  for (const f of findings) {
    const { start, end } = f.range;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) out.push(`${f.ruleId} ${start}-${end}`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) out.push(`${f.ruleId} fix "${fix.title}" ${e.start}-${e.end}`);
    }
  }
}

function run(name: string, actions: boolean): WorkerReport {
  const input = HOSTILE_INPUTS.find((i) => i.name === name);
  if (!input) throw new Error(`no hostile input named ${name}`);
  const text = input.make();
  const badRanges: string[] = [];
  const started = performance.now();
  let lintMs = 0;
  let actionsStarted = 0;
  let findings = 0;
  let broken = 0;
  let segments = 0;
  let internalErrors: string[] = [];
  try {
    const linted = lintFile(text);
    const local = fileFindings(linted);
    const facts = fileFacts(linted, 'file');
    const all = workspaceFindings(local, facts, buildView([facts]), new Set(RULES.map((r) => r.meta.id)));
    checkRanges(text, all, badRanges);
    findings = all.length;
    broken = linted.segments.filter((s) => s.result.broken).length;
    segments = linted.segments.length;
    internalErrors = fileInternalErrors(linted).map((e) => `${e.ruleId ?? ''}: ${e.message.split('\n')[0]}`);
    lintMs = performance.now() - started;
    actionsStarted = performance.now();
    if (actions) {
      for (const f of local.slice(0, HOSTILE_SUPPRESSION_FINDINGS)) {
        for (const s of suppressionFixes(linted, f)) for (const e of s.edits) if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) badRanges.push(`suppression ${s.title}`);
      }
      fixAll(text);
    }
  } catch (e) {
    return {
      name, length: text.length, lintMs, actionsMs: actionsStarted ? performance.now() - actionsStarted : 0, findings, broken, segments, internalErrors, badRanges,
      exception: e instanceof Error ? (e.stack ?? e.message) : String(e), heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
    };
  }
  return { name, length: text.length, lintMs, actionsMs: actions ? performance.now() - actionsStarted : 0, findings, broken, segments, internalErrors, badRanges, heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20 };
}

const { name, actions } = workerData as { name: string; actions: boolean };
parentPort!.postMessage(run(name, actions));
