// Capability names as runtimes match them. `ALL` is special-cased by containerd and CRI-O as the bare word,
// case-insensitively (`CAP_ALL` names no capability). Every other name is matched case-insensitively, with or
// without the `CAP_` prefix (`sys_admin`, `CAP_SYS_ADMIN`).
export function isAll(value: unknown): boolean {
  return typeof value === 'string' && value.toUpperCase() === 'ALL';
}

/**
 * The canonical name of a capability as written in `capabilities.add`/`drop`: upper case without `CAP_`
 * (`cap_net_raw` → `NET_RAW`), `ALL` for the bare word only; undefined for a non-string or `CAP_ALL`.
 */
export function capabilityName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.toUpperCase();
  if (name === 'ALL') return 'ALL';
  const bare = name.startsWith('CAP_') ? name.slice(4) : name;
  return bare === 'ALL' || bare === '' ? undefined : bare;
}
