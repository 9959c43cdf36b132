// Every bound the robustness layer holds the product to, in one place (ARCHITECTURE.md, "Bounds", lists the same
// numbers). Times are wall-clock on a 2-core CI machine with two test files running at once: generous enough not to
// flake, tight enough that a quadratic or exponential path (the bugs these tests exist to catch) cannot pass.

// ── Typing every prefix of the fixtures ─────────────────────────────────────────────────────────────────────────
/** Files up to this many characters are typed one character at a time (every prefix). */
export const EVERY_PREFIX_MAX_CHARS = 1_100;
/** Larger files are typed in this many steps at most (every Nth character, N = ceil(length / steps)). */
export const PREFIX_STEPS_LARGE_FILE = 250;
/** One incremental lint of a prefix (lintFile(prefix, previous, [edit])). */
export const PREFIX_LINT_MS = 1_000;
/** Random deletion/insertion sequences per fixture family (fast-check runs) and edits per sequence. */
export const RANDOM_EDIT_RUNS = 60;
export const RANDOM_EDITS_PER_RUN = 12;

// ── Hostile inputs to the engine (each in its own worker thread) ────────────────────────────────────────────────
/** Lint and workspace pass of one hostile input: what a keystroke or a workspace scan costs. */
export const HOSTILE_LINT_MS = 2_000;
/** The on-demand actions on it: suppression fixes of its first findings (each re-parses its document) and fix-all. */
export const HOSTILE_ACTIONS_MS = 10_000;
export const HOSTILE_SUPPRESSION_FINDINGS = 10;
/** The 20 MB file (a dashboards ConfigMap, a CRD bundle and workloads): lint and workspace pass. */
export const HUGE_FILE_BYTES = 20 * 1024 * 1024;
export const HUGE_FILE_ENGINE_MS = 40_000;
/** 10,000 levels of block-map nesting take 50 MB of indentation alone (0 + 1 + … + 9,999 spaces). */
export const DEEP_BLOCK_ENGINE_MS = 15_000;
/** Heap (V8 old generation) a worker may use for one hostile input; past it the worker dies and the test fails. */
export const HOSTILE_HEAP_MB = 256;
export const HUGE_FILE_HEAP_MB = 1_024;
/** Nesting depth for the flow and block nesting inputs, and the length of the single long line. */
export const NESTING_LEVELS = 10_000;
export const LONG_LINE_CHARS = 50_000;

// ── Hostile inputs to the server (over stdio) ───────────────────────────────────────────────────────────────────
/** didOpen of a hostile input → its publishDiagnostics. */
export const SERVER_PUBLISH_MS = 10_000;
/** Any request after a hostile input or a protocol misuse → its answer (the server is still up). */
export const SERVER_ANSWER_MS = 5_000;
/** The server's peak resident set (VmHWM) over every hostile input opened in it, the 20 MB file included. */
export const SERVER_PEAK_RSS_MB = 768;
/** The server's own wait for workspace/configuration (SETTINGS_TIMEOUT_MS in server/src/server.ts). */
export const SERVER_SETTINGS_TIMEOUT_MS = 3_000;
/** Shutdown sent during a workspace scan of this many files → its answer, then exit. */
export const SCAN_WORKSPACE_FILES = 3_000;
export const SHUTDOWN_DURING_SCAN_MS = 5_000;

// ── Hostile workspace configuration ─────────────────────────────────────────────────────────────────────────────
/** A workspace of this many files whose exclusion globs (in `.kube-hardening.yaml`, kubeHardening.exclude and
 *  files.exclude) are built to be expensive … */
export const HOSTILE_CONFIG_FILES = 20;
/** … is checked by the CLI, and scanned by the server, within this (an ordinary run takes about a second). */
export const HOSTILE_CONFIG_MS = 10_000;

// ── Properties (fast-check) ─────────────────────────────────────────────────────────────────────────────────────
export const PROPERTY_SEED = Number(process.env.PROPERTY_SEED ?? 20261129);
/** Incremental equals fresh: edit sequences, and edits per sequence. */
export const INCREMENTAL_RUNS = Number(process.env.PROPERTY_RUNS ?? 150);
export const INCREMENTAL_MAX_EDITS = 25;
/** Incremental equals fresh over LSP: sequences. */
export const LSP_SEQUENCES = 4;
/** Fixes never corrupt: generated manifests per rule family. */
export const FAMILY_FIX_RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
/** --fix on generated and broken files (each run a CLI process). */
export const CLI_FIX_RUNS = 8;
/** --fix on a workspace of this many files is killed (SIGKILL) at these shares of an uninterrupted run's time. */
export const KILL_WORKSPACE_FILES = 40;
export const KILL_AT_SHARES = [0.2, 0.4, 0.6, 0.8];

// ── Soak ────────────────────────────────────────────────────────────────────────────────────────────────────────
/** `npm run soak`: random edits; the test layer runs the shortened form. */
export const SOAK_EDITS_FULL = 10_000;
export const SOAK_EDITS_TEST = 1_000;
/** Lines of the edited file (the full soak: 1,500) and of each of the 60 files on disk (150). */
export const SOAK_TEST_LINES = 800;
/** Warm-up share of the edits before the RSS baseline is taken. */
export const SOAK_WARMUP_SHARE = 0.2;
/** RSS after warm-up may grow by at most this much (median of the last samples over median of the first ones). */
export const SOAK_RSS_GROWTH_MB = 40;
/** A save every N edits, a workspace rescan every M edits. */
export const SOAK_SAVE_EVERY = 50;
export const SOAK_RESCAN_EVERY = 500;
/** The whole shortened soak. */
export const SOAK_TEST_MS = 90_000;
