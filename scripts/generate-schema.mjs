#!/usr/bin/env node
// Regenerates src/api/schema/openapi-v1.32.json: the field names and types of every Kubernetes
// type reachable from the kinds kukumber serves, taken from the OpenAPI v1.32.0 models generated
// into @kubernetes/client-node 1.0.0. Run by hand when the target version changes:
//   npm pack @kubernetes/client-node@1.0.0 && tar xzf kubernetes-client-node-1.0.0.tgz
//   node scripts/generate-schema.mjs package/dist/gen/models
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) { console.error('usage: generate-schema.mjs <client-node models dir>'); process.exit(2); }

const ROOTS = {
  Pod: 'V1Pod', ReplicaSet: 'V1ReplicaSet', ReplicationController: 'V1ReplicationController', Deployment: 'V1Deployment',
  DaemonSet: 'V1DaemonSet', StatefulSet: 'V1StatefulSet', ControllerRevision: 'V1ControllerRevision', Job: 'V1Job', CronJob: 'V1CronJob',
  Service: 'V1Service', Endpoints: 'V1Endpoints', ConfigMap: 'V1ConfigMap', Secret: 'V1Secret', Event: 'CoreV1Event',
  PersistentVolumeClaim: 'V1PersistentVolumeClaim', PodDisruptionBudget: 'V1PodDisruptionBudget', Namespace: 'V1Namespace',
  Node: 'V1Node', Lease: 'V1Lease',
};

const models = {};
for (const file of readdirSync(dir)) {
  if (!file.endsWith('.js')) continue;
  const text = readFileSync(join(dir, file), 'utf8');
  const m = /(\w+)\.attributeTypeMap = (\[[\s\S]*?\]);/.exec(text);
  if (m) models[m[1]] = JSON.parse(m[2]);
}

const out = {};
const refOf = t => {
  const arr = /^Array<(.+)>$/.exec(t);
  if (arr) return refOf(arr[1]);
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(t);
  if (map) return refOf(map[1]);
  return models[t] ? t : undefined;
};
const visit = name => {
  if (out[name] || !models[name]) return;
  out[name] = {};
  for (const a of models[name]) {
    out[name][a.baseName] = a.format ? `${a.type}|${a.format}` : a.type;
    const ref = refOf(a.type);
    if (ref) visit(ref);
  }
};
for (const root of Object.values(ROOTS)) visit(root);
const sorted = Object.fromEntries(Object.keys(out).sort().map(k => [k, out[k]]));
writeFileSync('src/api/schema/openapi-v1.32.json', JSON.stringify({ source: '@kubernetes/client-node 1.0.0 models (OpenAPI spec v1.32.0)', roots: ROOTS, types: sorted }, null, 1) + '\n');
console.log(`${Object.keys(sorted).length} types`);
