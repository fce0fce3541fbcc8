Feature: A ReplicaSet counts pods ready by their probes, and available once minReadySeconds have passed
  READY in `kubectl get rs` is status.readyReplicas: the pods whose Ready condition is True, which
  the kubelet sets when the readiness probe first succeeds. status.availableReplicas counts the
  ready pods whose Ready condition has been True for longer than spec.minReadySeconds — the seed's
  extra guard against a pod that passes its probe and then crashes. The ReplicaSet controller only
  recounts when something wakes it: a pod's update, or a requeue it scheduled for itself.

  Background:
    Given I apply the fixture "manifests/replicaset-demo.yaml"

  Scenario: The seed's two pods are ready at 22 s and counted available at 28 s
    # The pods are created, scheduled and started at 0 s; demoapp pulls in 1 s and runs from 1 s.
    # Readiness probe (initialDelaySeconds 15, periodSeconds 10): the worker ticks every 10 s from 0 s,
    # reset by the kubelet's manual runs at 1 s and 2 s to 12 s, 22 s, …; at 12 s int32(12 − 1) = 11 < 15
    # skips the probe, at 22 s /readyz answers 200: Ready=True, lastTransitionTime 00:00:22
    # (the derivation is in src/kubelet/scenarios.test.ts).
    Then at 21.999s, replicaset "replicaset-demo" has 0 ready replicas
    And at 22s, replicaset "replicaset-demo" has 2 ready replicas
    # Available (IsPodAvailable, v1.32): lastTransitionTime 22 s + minReadySeconds 3 s < now, strictly.
    # At 22 s each pod's not-ready → ready update queues the ReplicaSet at once and again after
    # minReadySeconds + 1 s (26 s); the sync at 22 s sees 2 ready, 0 available, and queues it after
    # minReadySeconds (25 s) — a waiting key keeps its earliest time, so 25 s replaces 26 s.
    # At 25 s, 22 s + 3 s < 25 s is false: still 0 available, and the sync queues it after 3 s again.
    And at 27.999s, replicaset "replicaset-demo" has 0 available replicas
    And at 28s, replicaset "replicaset-demo" has 2 available replicas

  Scenario: Between its syncs the controller's count lags the pods
    # From 25 s on, 22 s + 3 s < now: the pods themselves are available (counted here with the same
    # IsPodAvailable the controller uses), but nothing wakes the controller before 28 s.
    Then at 25.001s, replicaset "replicaset-demo" has 2 available pods
    And at 25.001s, replicaset "replicaset-demo" has 0 available replicas
    And at 28s, replicaset "replicaset-demo" has 2 available replicas

  Scenario: kubectl get rs shows READY as the probes pass
    # CURRENT is status.replicas: 2 from the controller's first sync at 0 s; READY turns 2 at 22 s.
    Then the terminal shows:
      """
      $ sleep 1s
      $ kubectl get rs
      NAME              DESIRED   CURRENT   READY   AGE
      replicaset-demo   2         2         0       1s
      $ sleep 21s
      $ kubectl get rs -o wide
      NAME              DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES                     SELECTOR
      replicaset-demo   2         2         2       22s   demoapp      ikubernetes/demoapp:v1.0   app=demoapp,release=stable,version=v1.0
      """

  Scenario: kubectl describe shows the pods the controller created
    When 1m pass
    Then the terminal shows:
      """
      $ kubectl describe rs/replicaset-demo
      Name:         replicaset-demo
      Namespace:    default
      Selector:     app=demoapp,release=stable,version=v1.0
      Labels:       <none>
      Annotations:  <none>
      Replicas:     2 current / 2 desired
      Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed
      Pod Template:
        Labels:  app=demoapp
                 release=stable
                 version=v1.0
        Containers:
         demoapp:
          Image:         ikubernetes/demoapp:v1.0
          Port:          80/TCP
          Host Port:     0/TCP
          Liveness:      http-get http://:80/livez delay=5s timeout=1s period=10s #success=1 #failure=3
          Readiness:     http-get http://:80/readyz delay=15s timeout=1s period=10s #success=1 #failure=3
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Events:
        Type    Reason            Age   From                   Message
        ----    ------            ----  ----                   -------
        Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: replicaset-demo-...
        Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: replicaset-demo-...
      """
