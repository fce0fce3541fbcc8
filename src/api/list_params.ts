// Query parameters of a list request: labelSelector and fieldSelector text, parsed with the API
// server's BadRequest messages (a field label the kind does not support is rejected).
import { parseFieldSelector, parseSelector, type Selector, SelectorParseError } from './selectors';
import { supportedFieldLabels } from './field_values';
import { badRequest } from './errors';

export function parseLabelSelectorParam(text: string): Selector {
  try {
    return parseSelector(text);
  } catch (e) {
    if (e instanceof SelectorParseError) throw badRequest(e.message);
    throw e;
  }
}

export function parseFieldSelectorParam(kind: string, text: string | undefined) {
  if (!text) return [];
  try {
    const reqs = parseFieldSelector(text);
    const supported = supportedFieldLabels(kind);
    for (const r of reqs) {
      if (!supported.includes(r.field)) throw badRequest(`field label not supported: ${r.field}`);
    }
    return reqs;
  } catch (e) {
    if (e instanceof SelectorParseError) throw badRequest(e.message);
    throw e;
  }
}
