// What the language server and its scan workers say to each other: plain, structured-cloneable data.
import type { LintOptions } from '@kube-hardening/shared-rules';
import type { IndexEntryData } from './index-entry.js';

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
  | { readonly id: number; readonly kind: 'too-large'; readonly size: number }
  | { readonly id: number; readonly kind: 'unreadable' | 'not-kubernetes' }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string }
  | ({ readonly id: number; readonly kind: 'linted' } & IndexEntryData);
