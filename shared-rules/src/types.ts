// The engine's plain-data vocabulary. Everything here is serialisable: offsets into the file's text, strings,
// numbers. The server converts these to LSP types in one module; the CLI prints them.

export type Severity = 'error' | 'warning' | 'information';

/** Whether a fix can be applied without looking (source.fixAll, `--fix`) or changes how a workload behaves. */
export type FixSafety = 'safe' | 'review';

/** Half-open range [start, end) of UTF-16 offsets into the whole file's text. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export interface TextEdit extends OffsetRange {
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly safety: FixSafety;
  /** The one obvious fix for the finding (shown first, bound to "auto fix"). */
  readonly preferred: boolean;
  /**
   * Text to append at the end of another file of the workspace (a default-deny NetworkPolicy in the Namespace's
   * file), named by the caller's id for it. `edits` then holds the edits to this file, often none.
   */
  readonly append?: { readonly file: string; readonly text: string };
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: OffsetRange;
  readonly fixes: readonly Fix[];
  /**
   * True when the finding is about something missing (it points at the node that should contain it) rather than
   * a value that is wrong: partial objects (kustomize patches, Helm templates with holes) skip these.
   */
  readonly missing?: boolean;
  /**
   * True when the finding was computed for an earlier text and carried over (moved with the edits) because the
   * YAML document it belongs to does not parse right now. Stale findings keep their squiggle but offer no fix.
   */
  readonly stale?: boolean;
}

/** Where the guidance says so: v1.0 section, printed page, and a verbatim sentence from that page. */
export interface GuidanceRef {
  readonly section: string;
  /** Printed page number of the v1.0 PDF (the PDF page is this + 7). */
  readonly page: number;
  /** Verbatim quote, checked against the official text by a test. */
  readonly quote: string;
}

export interface RuleMeta {
  /** Stable public id; equals the rule's file name. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** The catalogue section the rule belongs to, used to group docs and views. */
  readonly category: RuleCategory;
  readonly guidance: readonly GuidanceRef[];
  /** Why it matters, in our words (one or two sentences). */
  readonly why: string;
  /** One sentence: what to change. */
  readonly remediation: string;
  /** What the quick fix does, or undefined when the rule has no automatic fix. */
  readonly fix?: {
    readonly safety: FixSafety;
    readonly description: string;
    /** Rules whose findings the fix may bring out (moving `identity` last makes `aescbc` the provider in use). */
    readonly mayCause?: readonly string[];
  };
  /** The same check in other tools ("kubescape C-0013", "kube-linter run-as-non-root" …). */
  readonly peers: readonly string[];
  /**
   * A short manifest on which the rule fires and one on which it does not, shown in the rule's documentation and
   * executed by its table test, so the docs cannot lie.
   */
  readonly examples: { readonly failing: string; readonly passing: string };
}

export type RuleCategory =
  | 'Pod security'
  | 'Pod security enforcement'
  | 'Network separation'
  | 'Authentication and authorization'
  | 'Control plane'
  | 'Configuration files'
  | 'Upgrading'
  | 'Suppressions'
  | 'Templates';

/** An error inside the engine (a rule that threw). Logged by the server; never shown as a finding. */
export interface InternalError {
  readonly ruleId?: string;
  readonly message: string;
}
