// Capability names as the runtime matches them: case-insensitive, with or without the CAP_ prefix.
export function capabilityName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.toUpperCase().replace(/^CAP_/, '');
}
