// Capability names as runtimes match them. `ALL` is special-cased by containerd and CRI-O as the bare word,
// case-insensitively (`CAP_ALL` names no capability).
export function isAll(value: unknown): boolean {
  return typeof value === 'string' && value.toUpperCase() === 'ALL';
}
