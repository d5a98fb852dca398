import { type EvidenceTag, type Framework, frameworkDisplayName, resolveTag } from '../../../shared/frameworks/framework.js';

/** How a tag is shown in a chip or on hover: its code, and a longer label for screen readers and tooltips. */
export interface TagLabel {
  code: string;
  label: string;
  framework: string;
}

export function tagLabel(frameworks: readonly Framework[], tag: EvidenceTag): TagLabel {
  const resolved = resolveTag(frameworks, tag);
  if (!resolved) return { code: 'Removed outcome', label: 'An outcome that is no longer in its framework', framework: '' };
  return { code: resolved.code, label: resolved.label, framework: frameworkDisplayName(resolved.framework) };
}
