// Fix builders shared by the security-context rules, so that every rule places a setting the same way.
import type { TextEdit } from '../types.js';
import { setPath } from '../yaml/edit.js';
import type { YamlValue } from '../yaml/render.js';
import type { SourceDoc } from '../yaml/source.js';
import { describeContainer, type Container, type Workload } from './objects.js';
import type { InheritedField, Level } from './security-context.js';

export interface PlacedEdit {
  readonly edits: readonly TextEdit[] | undefined;
  /** "for the pod" or "in container `web`", for the fix title. */
  readonly where: string;
  readonly level: Level;
}

/** Sets a field of the container's own securityContext, merging into an existing one. */
export function setContainerField(src: SourceDoc, c: Container, path: readonly string[], value: YamlValue): PlacedEdit {
  return { edits: setPath(src, c.node, ['securityContext', ...path], value), where: `in ${describeContainer(c)}`, level: 'container' };
}

export function setPodField(src: SourceDoc, w: Workload, path: readonly string[], value: YamlValue): PlacedEdit {
  return { edits: setPath(src, w.podSpec, ['securityContext', ...path], value), where: 'for the pod', level: 'pod' };
}

/**
 * Sets an inheritable field where it changes the fewest lines: where the wrong value is written when there is
 * one; at pod level when no container sets the field; otherwise on this container.
 */
export function setInheritedField(
  src: SourceDoc, w: Workload, c: Container, field: InheritedField, path: readonly string[], value: YamlValue,
): PlacedEdit {
  const current = c.effective[field];
  if (current?.level === 'container') return setContainerField(src, c, [field, ...path], value);
  if (current?.level === 'pod') return setPodField(src, w, [field, ...path], value);
  const noContainerSetsIt = w.containers.every((other) => other.effective[field]?.level !== 'container');
  return noContainerSetsIt ? setPodField(src, w, [field, ...path], value) : setContainerField(src, c, [field, ...path], value);
}
