// The rule API. A rule is one file named by its id: its metadata and a `check` that reports findings on one
// Kubernetes object. Everything a rule needs (the parsed document, its text and style, the object model with
// effective security contexts) arrives as arguments; a rule does no IO and keeps no state.
import type { Node } from 'yaml';
import type { K8sObject } from './k8s/objects.js';
import type { EngineConfig } from './config.js';
import type { Fix, FixSafety, OffsetRange, RuleMeta, Severity, TextEdit } from './types.js';
import type { SourceDoc } from './yaml/source.js';

export interface Report {
  /** The node at fault, or the node that should contain what is missing. */
  readonly at: Node | OffsetRange;
  readonly message: string;
  /** Overrides the rule's default severity for this finding (e.g. E for `runAsUser: 0`). */
  readonly severity?: Severity;
  readonly fixes?: readonly (Fix | undefined)[];
  /** Whether the finding is about something missing; by default, when `at` is a map key (our pointing convention). */
  readonly missing?: boolean;
}

export interface RuleContext {
  readonly src: SourceDoc;
  /** The project's configuration that changes judgements (target Kubernetes version …). */
  readonly config: EngineConfig;
  report(report: Report): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(object: K8sObject, ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** A fix, or undefined when the edit helpers could not edit this layout safely (then no fix is offered). */
export function fix(title: string, edits: readonly TextEdit[] | undefined, safety: FixSafety, preferred = true): Fix | undefined {
  if (!edits || edits.length === 0) return undefined;
  return { title, edits, safety, preferred };
}
