// kustomize: the files a kustomization lists as patches are partial objects (only the fields they change), so rules
// about something missing must not judge them. Values they set are still judged.
import { isMap, isScalar, isSeq } from 'yaml';
import { parseYamlDocument } from './yaml/parse.js';

/** The patch files a `kustomization.yaml` names (paths as written, relative to its folder). */
export function kustomizationPatches(text: string): string[] {
  let doc;
  try {
    doc = parseYamlDocument(text);
  } catch {
    return [];
  }
  const root = doc.contents;
  if (!isMap(root)) return [];
  const out: string[] = [];
  for (const key of ['patchesStrategicMerge', 'patches', 'patchesJson6902']) {
    const list = root.get(key, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (isScalar(item) && typeof item.value === 'string' && !item.value.includes('\n')) out.push(item.value);
      else if (isMap(item)) {
        const path = item.get('path', true);
        if (isScalar(path) && typeof path.value === 'string') out.push(path.value);
      }
    }
  }
  return out;
}

/** Whether a file name is a kustomization file. */
export function isKustomizationFile(name: string): boolean {
  return name === 'kustomization.yaml' || name === 'kustomization.yml' || name === 'Kustomization';
}
