Feature: Probes decide when a container is ready and whether it lives
  The kubelet runs each probe in its own worker: added when the pod is synced just before its
  containers start, probing once at once and then every periodSeconds. A readiness probe starts
  from Failure, so a container is not READY until a probe passes; every pod sync that finds it
  not ready fires an extra readiness probe and, since v1.32, restarts that worker's period from
  there. initialDelaySeconds counts whole seconds since the container started. A startup probe
  holds liveness and readiness back until it succeeds. Readiness never restarts a container: it
  only takes the pod out of READY and puts it back.

  Scenario: The seed's pod template becomes READY 22 s after the pod is created
    When I apply the fixture "manifests/replicaset-demo.yaml"
    # t=0     the ReplicaSet creates two pods; each is bound at once and its kubelet syncs it: the
    #         readiness and liveness workers start (this kubelet started long ago: no start-up
    #         jitter) and tick every 10 s (the default period) from t=0; demoapp pulls in 1 s.
    # t=1 s   the container starts; the PLEG relist at 1 s syncs the pod: Running, not ready, so a
    #         manual readiness run resets the ticker (next ticks 11 s, 21 s, …) and sets the initial
    #         result, Failure — a change, which syncs the pod again at the next relist, 2 s: another
    #         manual run, ticker reset to 12 s, 22 s, … — and nothing changes after that.
    # t=12 s  the container is int32(11 s) old, less than initialDelaySeconds 15: no probe.
    # t=22 s  21 s old: /readyz answers 200, the result is Success and the kubelet writes Ready.
    Then within 1m, every pod of replicaset "replicaset-demo" has READY "1/1"
    And the clock reads 22s
    And at 21.999s, no pods of replicaset "replicaset-demo" have READY "1/1"
    And every pod of replicaset "replicaset-demo" has STATUS "Running"

  Scenario: kubectl get pods shows READY 0/1 while the pods run and 1/1 from 22 s
    When I apply the fixture "manifests/replicaset-demo.yaml"
    # Running from 1 s (pulled in 1 s), READY from 22 s: the worker ticks derived above.
    Then the terminal shows:
      """
      $ sleep 21s
      $ kubectl get pods
      NAME                    READY   STATUS    RESTARTS   AGE
      replicaset-demo-...   0/1     Running   0          21s
      replicaset-demo-...   0/1     Running   0          21s
      $ sleep 1s
      $ kubectl get pods
      NAME                    READY   STATUS    RESTARTS   AGE
      replicaset-demo-...   1/1     Running   0          22s
      replicaset-demo-...   1/1     Running   0          22s
      """

  Scenario: A startup probe holds liveness and readiness back until it succeeds
    Given the image profiles:
      """
      images:
        - image: kukumber/slow-start:v1
          pull: 1s
          http:
            - { port: 8080, path: /started, status: 503, until: 20s }
            - { port: 8080, path: /started, status: 200, from: 20s }
            - { port: 8080, path: /healthz, status: 500, until: 20s }
            - { port: 8080, path: /healthz, status: 200, from: 20s }
            - { port: 8080, path: /ready, status: 200 }
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow-start
      spec:
        containers:
        - name: app
          image: kukumber/slow-start:v1
          startupProbe:
            httpGet: { path: /started, port: 8080 }
            periodSeconds: 5
            failureThreshold: 10
          livenessProbe:
            httpGet: { path: /healthz, port: 8080 }
            periodSeconds: 1
            failureThreshold: 1
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
      """
    # The startup worker starts at t=0 and ticks every 5 s; the container runs from 1 s, so at 5,
    # 10, 15 and 20 s it is 4, 9, 14 and 19 s old and /started answers 503: four failures of the
    # ten allowed. At 25 s (24 s old) it answers 200: the container has started. Until then the
    # liveness worker skipped every 1 s tick — /healthz answered 500 until 20 s, and one failure
    # would have killed the container. The startup result syncs the pod at once; that sync finds
    # the container started but not ready and fires a readiness probe: /ready answers 200.
    Then within 1m, pod "slow-start" has READY "1/1"
    And the clock reads 25s
    And pod "slow-start" has 4 "Unhealthy" events
    And pod "slow-start" has an event "Unhealthy" with message "Startup probe failed: HTTP probe failed with statuscode: 503"
    And never, pod "slow-start" has an event "Unhealthy" with message containing "Liveness"
    And pod "slow-start" has restarted 0 times
    And pod "slow-start" has .status.containerStatuses[0].started equal to "true"

  Scenario: A readiness probe failing for a while takes the pod out of READY and back
    Given the image profiles:
      """
      images:
        - image: kukumber/flaky-ready:v1
          pull: 1s
          http:
            - { port: 8080, path: /ready, status: 503, from: 30s, until: 50s }
            - { port: 8080, path: /ready, status: 200 }
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: flaky
      spec:
        containers:
        - name: app
          image: kukumber/flaky-ready:v1
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
            periodSeconds: 5
      """
    # The container starts at 1 s; the relist's sync fires a readiness probe at once (ticker reset:
    # next ticks 6, 11, 16 s …) and /ready answers 200: READY from 1 s. Once ready, syncs fire no
    # more probes, so the ticker keeps that phase.
    Then within 10s, pod "flaky" has READY "1/1"
    And the clock reads 1s
    When I mark "running"
    # /ready answers 503 from 30 s after the start (31 s): the ticks at 31, 36 and 41 s fail, and the
    # third (failureThreshold 3) flips the result: not ready at 41 s.
    Then within 1m, pod "flaky" has READY "0/1"
    And the clock reads 41s
    And pod "flaky" has condition Ready=False
    # That change syncs the pod, whose not-ready container fires a probe at once (still 503) and
    # resets the ticker: 46 s (503), 51 s — 50 s after the start, 200 again — READY at 51 s.
    And within 1m, pod "flaky" has READY "1/1"
    And the clock reads 51s
    And pod "flaky" has 5 "Unhealthy" events
    And pod "flaky" has an event "Unhealthy" with message "Readiness probe failed: HTTP probe failed with statuscode: 503"
    And pod "flaky" has restarted 0 times
    And always since "running", pod "flaky" has STATUS "Running"
