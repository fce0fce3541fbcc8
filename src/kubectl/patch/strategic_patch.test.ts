import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goJsonMarshal } from '../go_json';
import { createThreeWayMergePatch, createTwoWayMergePatch } from './strategic_diff';
import { strategicMergePatch } from './strategic_merge';
import type { JsonMap } from './json_values';
import { loadManifestText } from '../../api/manifests';
import type { KubeObject, Stored } from '../../api/objects';
import { planApply, withLastApplied } from '../apply/last_applied';

const RS = 'V1ReplicaSet';
const DEPLOY = 'V1Deployment';

function rs(containers: unknown[], extra: JsonMap = {}): JsonMap {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' },
    spec: { replicas: 3, template: { spec: { containers } }, ...extra } };
}

test('three-way: changed scalar and container image, live defaults kept (patch bytes as kubectl sends them)', () => {
  const original = rs([{ name: 'c', image: 'nginx:1.24' }]);
  const modified = rs([{ name: 'c', image: 'nginx:1.25' }], { replicas: 4 });
  const current = rs([{ name: 'c', image: 'nginx:1.24', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' }]);
  const patch = createThreeWayMergePatch(original, modified, current, RS);
  assert.equal(goJsonMarshal(patch),
    '{"spec":{"replicas":4,"template":{"spec":{"$setElementOrder/containers":[{"name":"c"}],"containers":[{"image":"nginx:1.25","name":"c"}]}}}}');
  const patched = strategicMergePatch(current, patch, RS) as { spec: { replicas: number; template: { spec: { containers: JsonMap[] } } } };
  assert.equal(patched.spec.replicas, 4);
  assert.deepEqual(patched.spec.template.spec.containers,
    [{ name: 'c', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' }]);
});

test('three-way: a field removed from the manifest is deleted; one another writer added is kept', () => {
  const original = rs([{ name: 'c', image: 'i', env: [{ name: 'A', value: '1' }] }]);
  const modified = rs([{ name: 'c', image: 'i' }]);
  const current = rs([{ name: 'c', image: 'i', env: [{ name: 'A', value: '1' }], imagePullPolicy: 'Always' }]);
  const patch = createThreeWayMergePatch(original, modified, current, RS);
  assert.equal(goJsonMarshal(patch), '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"c"}],"containers":[{"env":null,"name":"c"}]}}}}');
  const patched = strategicMergePatch(current, patch, RS) as any;
  assert.deepEqual(patched.spec.template.spec.containers, [{ name: 'c', image: 'i', imagePullPolicy: 'Always' }]);
});

test('three-way: a removed list element becomes $patch: delete; the survivors keep their order', () => {
  const original = rs([{ name: 'main', image: 'a' }, { name: 'side', image: 'b' }]);
  const modified = rs([{ name: 'main', image: 'a' }]);
  const patch = createThreeWayMergePatch(original, modified, original, RS);
  assert.equal(goJsonMarshal(patch), '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"main"}],"containers":[{"$patch":"delete","name":"side"}]}}}}');
  assert.deepEqual((strategicMergePatch(original, patch, RS) as any).spec.template.spec.containers, [{ name: 'main', image: 'a' }]);
});

test('three-way: merge by containerPort and env name; a new element lands where $setElementOrder puts it', () => {
  const original = rs([{ name: 'c', image: 'i', ports: [{ containerPort: 80 }], env: [{ name: 'B', value: '2' }] }]);
  const modified = rs([{ name: 'c', image: 'i', ports: [{ containerPort: 80, name: 'http' }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }]);
  const current = rs([{ name: 'c', image: 'i', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'B', value: '2' }] }]);
  const patch = createThreeWayMergePatch(original, modified, current, RS);
  const c = (strategicMergePatch(current, patch, RS) as any).spec.template.spec.containers[0];
  assert.deepEqual(c.ports, [{ containerPort: 80, protocol: 'TCP', name: 'http' }]);
  assert.deepEqual(c.env, [{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
});

test('three-way: deployment strategy type change uses $retainKeys and clears rollingUpdate', () => {
  const dep = (strategy: JsonMap): JsonMap => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { strategy } });
  const original = dep({ type: 'RollingUpdate' });
  const modified = dep({ type: 'Recreate' });
  const current = dep({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
  const patch = createThreeWayMergePatch(original, modified, current, DEPLOY);
  assert.equal(goJsonMarshal(patch), '{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}');
  assert.deepEqual((strategicMergePatch(current, patch, DEPLOY) as any).spec.strategy, { type: 'Recreate' });
  // The form the wire reference recorded: rollingUpdate was in the last applied manifest.
  const applied = dep({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } });
  assert.equal(goJsonMarshal(createThreeWayMergePatch(applied, modified, current, DEPLOY)),
    '{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"}}}');
});

test('three-way: identical manifest and live object give the empty patch ("unchanged")', () => {
  const m = rs([{ name: 'c', image: 'i' }]);
  assert.deepEqual(createThreeWayMergePatch(m, m, { ...m, status: { replicas: 3 } }, RS), {});
});

test('three-way: lists without a merge key (args) are replaced whole; labels merge as a map', () => {
  const original = rs([{ name: 'c', image: 'i', args: ['a', 'b'] }]);
  const modified = { ...rs([{ name: 'c', image: 'i', args: ['b'] }]), metadata: { name: 'web', labels: { tier: 'fe' } } };
  const current = { ...rs([{ name: 'c', image: 'i', args: ['a', 'b'] }]), metadata: { name: 'web', labels: { team: 'x' } } };
  const patched = strategicMergePatch(current, createThreeWayMergePatch(original, modified, current, RS), RS) as any;
  assert.deepEqual(patched.spec.template.spec.containers[0].args, ['b']);
  assert.deepEqual(patched.metadata.labels, { team: 'x', tier: 'fe' });
});

test('two-way: set image patch and finalizers as a merged primitive list', () => {
  const before = rs([{ name: 'c', image: 'nginx:1.27' }]);
  const after = rs([{ name: 'c', image: 'busybox:1.37' }]);
  assert.equal(goJsonMarshal(createTwoWayMergePatch(before, after, RS)),
    '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"c"}],"containers":[{"image":"busybox:1.37","name":"c"}]}}}}');
  const live = { metadata: { finalizers: ['a', 'b'] } };
  const patch = createTwoWayMergePatch({ metadata: { finalizers: ['a', 'b'] } }, { metadata: { finalizers: ['b', 'c'] } }, RS);
  assert.equal(goJsonMarshal(patch), '{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"],"$setElementOrder/finalizers":["b","c"],"finalizers":["c"]}}');
  assert.deepEqual((strategicMergePatch(live, patch, RS) as any).metadata.finalizers, ['b', 'c']);
});

test('server side: $patch replace on a map, null deletes, unknown directive is an error', () => {
  const live = { spec: { selector: { matchLabels: { a: '1', b: '2' } }, replicas: 2 } };
  const out = strategicMergePatch(live, { spec: { selector: { $patch: 'replace', matchLabels: { c: '3' } }, replicas: null } }, RS) as any;
  assert.deepEqual(out.spec, { selector: { matchLabels: { c: '3' } } });
  assert.throws(() => strategicMergePatch(live, { spec: { $patch: 'bogus' } }, RS), /Unknown patch type: bogus/);
});

// Recorded from kubectl v1.32.5 (client-side apply of V1, then V2, against a probe API server).
const V1 = "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web\n  labels:\n    tier: fe\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: main\n        image: nginx:1.27\n        env:\n        - name: A\n          value: \"1\"\n        - name: B\n          value: <b&>\n        ports:\n        - containerPort: 80\n      - name: side\n        image: busybox\n        args: [\"sleep\", \"1d\"]\n";
const V2 = "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: main\n        image: nginx:1.28\n        env:\n        - name: B\n          value: <b&>\n        - name: C\n          value: \"3\"\n        ports:\n        - containerPort: 80\n          name: http\n        - containerPort: 443\n";
const KUBECTL_PATCH = "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"{\\\"apiVersion\\\":\\\"apps/v1\\\",\\\"kind\\\":\\\"ReplicaSet\\\",\\\"metadata\\\":{\\\"annotations\\\":{},\\\"name\\\":\\\"web\\\",\\\"namespace\\\":\\\"default\\\"},\\\"spec\\\":{\\\"replicas\\\":3,\\\"selector\\\":{\\\"matchLabels\\\":{\\\"app\\\":\\\"web\\\"}},\\\"template\\\":{\\\"metadata\\\":{\\\"labels\\\":{\\\"app\\\":\\\"web\\\"}},\\\"spec\\\":{\\\"containers\\\":[{\\\"env\\\":[{\\\"name\\\":\\\"B\\\",\\\"value\\\":\\\"\\\\u003cb\\\\u0026\\\\u003e\\\"},{\\\"name\\\":\\\"C\\\",\\\"value\\\":\\\"3\\\"}],\\\"image\\\":\\\"nginx:1.28\\\",\\\"name\\\":\\\"main\\\",\\\"ports\\\":[{\\\"containerPort\\\":80,\\\"name\\\":\\\"http\\\"},{\\\"containerPort\\\":443}]}]}}}}\\n\"},\"labels\":null},\"spec\":{\"replicas\":3,\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"main\"}],\"containers\":[{\"$setElementOrder/env\":[{\"name\":\"B\"},{\"name\":\"C\"}],\"$setElementOrder/ports\":[{\"containerPort\":80},{\"containerPort\":443}],\"env\":[{\"name\":\"C\",\"value\":\"3\"},{\"$patch\":\"delete\",\"name\":\"A\"}],\"image\":\"nginx:1.28\",\"name\":\"main\",\"ports\":[{\"containerPort\":80,\"name\":\"http\"},{\"containerPort\":443}]},{\"$patch\":\"delete\",\"name\":\"side\"}]}}}}";

test('three-way: the patch kubectl v1.32.5 sent, byte for byte (env and container deletions, port merge, labels removed)', () => {
  const load = (text: string): KubeObject => {
    const o = loadManifestText(text, 'f.yaml').objects[0]!.object;
    return { ...o, metadata: { ...o.metadata, namespace: 'default' } };
  };
  const created = withLastApplied(load(V1));
  const live = { ...created, metadata: { ...created.metadata, uid: 'u', resourceVersion: '102', creationTimestamp: '2025-01-01T00:00:00Z' } } as Stored;
  assert.equal(goJsonMarshal(planApply(load(V2), live).patch), KUBECTL_PATCH);
});
