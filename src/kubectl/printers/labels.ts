// Label and selector strings as apimachinery formats them: labels.FormatLabels (sorted k=v joined
// by ",", "<none>" when empty) and metav1.FormatLabelSelector / LabelSelectorAsSelector().String().
import type { LabelSelector } from '../../api/objects';
import { formatLabelSelector, labelSelectorAsSelector, selectorString } from '../../api/selectors';

import { compareCodePoints } from './go_format';

/** labels.FormatLabels: Set.String() sorts the "k=v" strings themselves ("a-b=2" before "a=1"). */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).sort(compareCodePoints);
  return pairs.length === 0 ? '<none>' : pairs.join(',');
}

export { formatLabelSelector };

/** metav1.LabelSelectorAsSelector(s).String(), or undefined when the selector is invalid. */
export function selectorText(s: LabelSelector | undefined | null): string | undefined {
  try {
    return selectorString(labelSelectorAsSelector(s));
  } catch {
    return undefined;
  }
}
