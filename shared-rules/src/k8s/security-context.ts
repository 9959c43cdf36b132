// The effective security context of a container: inheritable fields come from the container's
// `securityContext`, else the pod's. Ignoring this inheritance is the false positive peers' users report most.
import type { Document, Node, YAMLMap } from 'yaml';
import { entry } from '../yaml/nodes.js';

export type Level = 'pod' | 'container';

export interface Setting {
  /** The value node as written (after alias resolution). */
  readonly node: Node;
  readonly level: Level;
}

/** Fields a container inherits from the pod's securityContext when it does not set them itself. */
export const INHERITED_FIELDS = [
  'runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'windowsOptions',
] as const;

/** Fields that exist only on the container's securityContext. */
export const CONTAINER_FIELDS = ['privileged', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'capabilities', 'procMount'] as const;

export type InheritedField = (typeof INHERITED_FIELDS)[number];
export type ContainerField = (typeof CONTAINER_FIELDS)[number];

export type EffectiveSecurityContext = {
  readonly [F in InheritedField | ContainerField]: Setting | undefined;
};

export function effectiveContext(doc: Document.Parsed, pod: YAMLMap | undefined, container: YAMLMap | undefined): EffectiveSecurityContext {
  const from = (map: YAMLMap | undefined, key: string, level: Level): Setting | undefined => {
    const value = entry(doc, map, key)?.value;
    return value ? { node: value, level } : undefined;
  };
  const result: Record<string, Setting | undefined> = {};
  for (const f of INHERITED_FIELDS) result[f] = from(container, f, 'container') ?? from(pod, f, 'pod');
  for (const f of CONTAINER_FIELDS) result[f] = from(container, f, 'container');
  return result as EffectiveSecurityContext;
}
