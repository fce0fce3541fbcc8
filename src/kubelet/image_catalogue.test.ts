import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CatalogueError, defaultCatalogue, familiarImage, parseCatalogue, qualifiedImage } from './image_catalogue';
import { runProbe } from './prober';

test('fixtures/images.yaml names the seed images; unknown images get the documented default', () => {
  const c = defaultCatalogue();
  const demo = c.lookup('ikubernetes/demoapp:v1.0');
  assert.equal(demo.image, 'ikubernetes/demoapp:v1.0');
  assert.equal(demo.pullMs, 1000);
  assert.ok(c.lookup('ikubernetes/demoapp:v1.1').http.some(r => r.path === '/readyz' && r.status === 200));
  assert.equal(c.lookup('docker.io/library/nginx:1.27').image, 'nginx:1.27');
  const unknown = c.lookup('example.com/team/app:3');
  assert.deepEqual([unknown.image, unknown.pullMs, unknown.startMs, unknown.sigterm, unknown.stopMs, unknown.permissive], [undefined, 1000, 0, 'exit', 0, true]);
});

test('image names: familiar and fully qualified forms', () => {
  assert.equal(familiarImage('nginx'), 'nginx:latest');
  assert.equal(familiarImage('docker.io/library/nginx:1.27'), 'nginx:1.27');
  assert.equal(qualifiedImage('nginx:1.27'), 'docker.io/library/nginx:1.27');
  assert.equal(qualifiedImage('ikubernetes/demoapp:v1.0'), 'docker.io/ikubernetes/demoapp:v1.0');
  assert.equal(qualifiedImage('registry.k8s.io/pause:3.10'), 'registry.k8s.io/pause:3.10');
});

test('bad catalogue input is one line naming file, line and field', () => {
  assert.throws(() => parseCatalogue('images:\n  - image: a:1\n    pul: 2s\n', 'extra.yaml'), (e: unknown) =>
    e instanceof CatalogueError && e.message === 'extra.yaml:3: images[0].pul: unknown field "pul"');
  assert.throws(() => parseCatalogue('images:\n  - image: a:1\n    pull: soon\n', 'extra.yaml'), (e: unknown) =>
    e instanceof CatalogueError && e.message === 'extra.yaml:3: images[0].pull: invalid duration "soon" (use Go durations like 1s, 500ms, 2m)');
  assert.throws(() => parseCatalogue('images:\n  - sizeBytes: 3\n', 'x.yaml'), /x\.yaml:2: images\[0\]\.image: required/);
});

test('probe outcomes follow the profile: windows, 404 on unknown paths, refused ports, exec rules', () => {
  const [p] = parseCatalogue(`images:
  - image: app:1
    listen: [9000]
    http:
      - { port: 8080, path: /readyz, status: 503, until: 30s }
      - { port: 8080, path: /readyz, status: 200, from: 30s }
    exec:
      - { command: [cat, /tmp/healthy], exitCode: 0, until: 30s }
    execDefault: { exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory" }
`, 't.yaml');
  const c = { name: 'app', ports: [{ name: 'http', containerPort: 8080 }] };
  const get = (path: string, port: number | string = 8080) => ({ httpGet: { path, port } });
  assert.deepEqual(runProbe(p!, get('/readyz'), c, '10.244.1.2', 29_999), { success: false, output: 'HTTP probe failed with statuscode: 503' });
  assert.deepEqual(runProbe(p!, get('/readyz', 'http'), c, '10.244.1.2', 30_000), { success: true, output: '' });
  assert.equal(runProbe(p!, get('/other'), c, '10.244.1.2', 0).output, 'HTTP probe failed with statuscode: 404');
  assert.equal(runProbe(p!, get('/x', 81), c, '10.244.1.2', 0).output, 'Get "http://10.244.1.2:81/x": dial tcp 10.244.1.2:81: connect: connection refused');
  assert.equal(runProbe(p!, { tcpSocket: { port: 9000 } }, c, '10.244.1.2', 0).success, true);
  assert.equal(runProbe(p!, { tcpSocket: { port: 9001 } }, c, '10.244.1.2', 0).output, 'dial tcp 10.244.1.2:9001: connect: connection refused');
  assert.equal(runProbe(p!, { exec: { command: ['cat', '/tmp/healthy'] } }, c, '', 10_000).success, true);
  assert.deepEqual(runProbe(p!, { exec: { command: ['cat', '/tmp/healthy'] } }, c, '', 30_000),
    { success: false, output: "cat: can't open '/tmp/healthy': No such file or directory" });
});
