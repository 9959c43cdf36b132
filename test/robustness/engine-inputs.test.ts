// Inputs the engine must survive: every prefix of every fixture typed through the incremental path, random
// deletions and insertions in them, hostile inputs (alias bombs, deep nesting, long lines, 20 MB, binary …) in a
// heap-capped worker with a time bound, and a wrong type (null first) in place of every map and sequence value.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { fileFindings, lintFile, splitDocuments, type LintedFile, type OffsetEdit } from '@kube-hardening/shared-rules';
import { isPair, parseAllDocuments, visit, type Node } from 'yaml';
import {
  EVERY_PREFIX_MAX_CHARS, HOSTILE_ACTIONS_MS, HOSTILE_HEAP_MB, HOSTILE_LINT_MS, PREFIX_LINT_MS, PREFIX_STEPS_LARGE_FILE, PROPERTY_SEED, RANDOM_EDIT_RUNS,
  RANDOM_EDITS_PER_RUN,
} from './bounds.js';
import type { WorkerReport } from './engine-worker.js';
import { HOSTILE_INPUTS, REPLACEMENTS } from './hostile.js';
import { applySequential, assertSane, comparable, fixtureManifests, parses } from './support.js';

const FIXTURES = fixtureManifests();

function timedLint(text: string, previous: LintedFile | undefined, edits: readonly OffsetEdit[], what: string): LintedFile {
  const started = performance.now();
  const linted = lintFile(text, previous, edits);
  const took = performance.now() - started;
  assert.ok(took <= PREFIX_LINT_MS, `${what}: one incremental lint took ${took.toFixed(0)} ms (bound ${PREFIX_LINT_MS} ms)`);
  assertSane(text, linted, what);
  return linted;
}

describe('typing every fixture from empty to complete (incremental path)', () => {
  for (const { name, text } of FIXTURES) {
    it(name, () => {
      const step = text.length <= EVERY_PREFIX_MAX_CHARS ? 1 : Math.ceil(text.length / PREFIX_STEPS_LARGE_FILE);
      let previous = lintFile('');
      let typed = 0;
      while (typed < text.length) {
        const next = Math.min(text.length, typed + step);
        const prefix = text.slice(0, next);
        previous = timedLint(prefix, previous, [{ start: typed, end: typed, newText: text.slice(typed, next) }], `${name} at ${next}/${text.length}`);
        typed = next;
      }
      // Complete: the same findings as a fresh lint (the fixture parses, so nothing is carried over).
      assert.deepEqual(comparable(fileFindings(previous)), comparable(fileFindings(lintFile(text))), `${name}: typed equals fresh`);
    });
  }
});

/** Characters that matter to YAML, for random insertions. */
const YAML_CHARS = [':', ' ', '-', '\n', '#', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '"', "'", '\t', '\r\n', '---\n', 'a', 'x: y', '  '];
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  deleteLength: fc.nat({ max: 40 }),
  insert: fc.array(fc.constantFrom(...YAML_CHARS), { maxLength: 6 }).map((xs) => xs.join('')),
});

describe('random deletions and insertions in the fixtures (fast-check)', () => {
  it('never throw, keep every range inside the text, and end equal to a fresh lint when the text parses', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.array(editArb, { minLength: 1, maxLength: RANDOM_EDITS_PER_RUN }), ({ name, text }, edits) => {
        let current = text;
        let linted = lintFile(text);
        for (const [i, e] of edits.entries()) {
          const start = Math.floor(e.at * current.length);
          const edit = { start, end: Math.min(current.length, start + e.deleteLength), newText: e.insert };
          current = applySequential(current, [edit]);
          linted = timedLint(current, linted, [edit], `${name} after edit ${i + 1}`);
        }
        if (parses(current)) {
          compared++;
          assert.deepEqual(comparable(fileFindings(linted)), comparable(fileFindings(lintFile(current))), `${name}: incremental equals fresh`);
        }
      }),
      { numRuns: RANDOM_EDIT_RUNS * 3, seed: PROPERTY_SEED },
    );
    assert.ok(compared > 0, 'some edited texts parse (the comparison is not vacuous)');
  });
});

function runWorker(name: string, actions: boolean, heapMb: number, timeMs: number): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'engine-worker.js'), {
      workerData: { name, actions },
      // About the main thread's stack (the server lints on it), and the heap bound.
      resourceLimits: { maxOldGenerationSizeMb: heapMb, stackSizeMb: 1 },
    });
    const watchdog = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${name}: no answer within ${timeMs} ms (the bound) plus slack; terminated`));
    }, timeMs * 2);
    worker.once('message', (m: WorkerReport) => {
      clearTimeout(watchdog);
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(watchdog);
      reject(new Error(`${name}: the worker died (${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}); heap bound ${heapMb} MB`));
    });
  });
}

describe('hostile inputs to the engine (each in a worker with a heap bound)', () => {
  for (const input of HOSTILE_INPUTS) {
    const lintMs = input.timeMs ?? HOSTILE_LINT_MS;
    const heapMb = input.heapMb ?? HOSTILE_HEAP_MB;
    // The editor never lints a file above maxFileSize, so the on-demand actions are exercised on the others only.
    const actions = !input.huge;
    it(`${input.name}: lint within ${lintMs} ms${actions ? `, actions within ${HOSTILE_ACTIONS_MS} ms` : ''}, ${heapMb} MB of heap, no exception`, async () => {
      const report = await runWorker(input.name, actions, heapMb, lintMs + (actions ? HOSTILE_ACTIONS_MS : 0));
      assert.equal(report.exception, undefined, `${input.name}: an exception escaped the engine`);
      assert.deepEqual(report.badRanges, [], `${input.name}: ranges inside the text`);
      assert.deepEqual(report.internalErrors, [], `${input.name}: no rule throws`);
      assert.ok(report.lintMs <= lintMs, `${input.name}: lint took ${report.lintMs.toFixed(0)} ms, bound ${lintMs} ms`);
      assert.ok(report.actionsMs <= HOSTILE_ACTIONS_MS, `${input.name}: actions took ${report.actionsMs.toFixed(0)} ms, bound ${HOSTILE_ACTIONS_MS} ms`);
      // Findings or nothing: a file opened broken shows nothing (syntax errors are the YAML extension's job).
      if (report.broken === report.segments) assert.equal(report.findings, 0, `${input.name}: nothing for a file that does not parse`);
    });
  }
});

/** Every map and sequence value of a document: where a wrong type can stand. */
function collectionValues(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const doc of parseAllDocuments(text)) {
    visit(doc, {
      Pair(_, pair) {
        const v = pair.value as Node | null;
        if (v?.range) out.push([v.range[0], v.range[1]]);
      },
      Seq(_, seq) {
        for (const item of seq.items) if (!isPair(item) && (item as Node | null)?.range) out.push([(item as Node).range![0], (item as Node).range![1]]);
      },
    });
  }
  return out;
}

describe('a wrong type in place of every value of every fixture (null first)', () => {
  for (const { name, text } of FIXTURES) {
    it(name, () => {
      const base = lintFile(text);
      let n = 0;
      for (const seg of splitDocuments(text)) {
        const segText = text.slice(seg.start, seg.end);
        for (const [start, end] of collectionValues(segText)) {
          // null everywhere; the other wrong types on every fourth value, in turn.
          const k = n++;
          for (const replacement of k % 4 === 0 ? ['null', REPLACEMENTS[1 + ((k / 4) % (REPLACEMENTS.length - 1))]!] : ['null']) {
            const edit = { start: seg.start + start, end: seg.start + end, newText: replacement };
            const variant = applySequential(text, [edit]);
            timedLint(variant, base, [edit], `${name}: ${JSON.stringify(text.slice(edit.start, Math.min(edit.end, edit.start + 30)))} → ${replacement}`);
          }
        }
      }
      assert.ok(n > 0);
    });
  }
});
