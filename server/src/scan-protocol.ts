// What the language server and its scan workers say to each other: plain, structured-cloneable data.
import type { LintOptions } from '@kube-hardening/shared-rules';
import type { FileCheck } from './index-entry.js';

export interface ScanRequest {
  readonly id: number;
  readonly path: string;
  /** The index's id for the file (its URI): facts name their file by it. */
  readonly uri: string;
  /** Files larger than this are not read. */
  readonly maxBytes: number;
  readonly options: LintOptions;
}

export type ScanResult =
  | ({ readonly id: number } & FileCheck)
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };
