// A mutating admission webhook that rewrites the labels of new pods: the fault behind the seed's
// warning that a ReplicaSet whose pods do not match its selector creates pods without end.
import { defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import { convertSelectorToLabelsMap } from '../src/api/selectors';

defineStep('Given', 'a mutating webhook rewrites the labels of new pods to {string}', {
  domain: 'faults', example: 'a mutating webhook rewrites the labels of new pods to "app=web-x"',
  doc: 'From now on every pod created gets exactly these labels (k=v, comma-separated) at admission, after any validation the creator did; recorded as a fault on the timeline.',
}, function (this: KukumberWorld, labels: string) {
  this.perform(c => {
    c.faults.relabelWebhook('relabel-pods', ['Pod'], convertSelectorToLabelsMap(labels), { atMs: c.sim.nowMs });
    c.sim.advance(0); // installed before the next step acts
  });
});
