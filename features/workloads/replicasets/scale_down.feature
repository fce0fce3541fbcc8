Feature: Scaling a ReplicaSet down removes the pods it would miss least
  When a ReplicaSet has more pods than replicas, the controller deletes the surplus in the order
  upstream's ActivePodsWithRanks sorts them: unscheduled before scheduled, Pending before Running,
  not Ready before Ready, lower pod-deletion-cost first, more pods on the same node first, then the
  most recently ready (compared in powers of two of how long they have been ready), more restarts,
  and the newest. Pods that serve are the last to go.

  Scenario: Pods that are not ready yet go before ready ones
    Given I apply the fixture "manifests/replicaset-demo.yaml"
    # The two pods are Ready from 22 s. The two added at 1m start within a second or two, but their
    # readiness probe (initialDelaySeconds 15) cannot pass before 1m15s: at 1m5s they are not Ready.
    When 1m pass
    And I mark "scaled up"
    And I run "kubectl scale rs/replicaset-demo --replicas=4"
    And 5s pass
    Then replicaset "replicaset-demo" has 4 active pods
    And replicaset "replicaset-demo" has 2 serving pods
    When I run "kubectl scale rs/replicaset-demo --replicas=2"
    And 5s pass
    Then always since "scaled up", replicaset "replicaset-demo" has 2 serving pods
    And replicaset "replicaset-demo" has 2 "SuccessfulDelete" events
    # The two that remain are the first two, 1m10s old (kubectl's AGE: 70s).
    And the terminal shows:
      """
      $ kubectl get pods
      NAME                    READY   STATUS    RESTARTS   AGE
      replicaset-demo-...   1/1     Running   0          70s
      replicaset-demo-...   1/1     Running   0          70s
      """

  Scenario: A pod no node can take goes before pods that run
    Given I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: big
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: big
        template:
          metadata:
            labels:
              app: big
          spec:
            containers:
            - name: app
              image: nginx:1.27
              resources:
                requests:
                  cpu: "3"
      """
    # Three nodes of 4 CPUs hold one such pod each; a fourth stays unscheduled.
    When 30s pass
    And I mark "scaled up"
    And I run "kubectl scale rs/big --replicas=4"
    Then within 1s, replicaset "big" has 4 pods
    And the terminal shows:
      """
      $ kubectl get pods --field-selector=status.phase=Pending
      NAME        READY   STATUS    RESTARTS   AGE
      big-...   0/1     Pending   0          0s
      """
    When I run "kubectl scale rs/big --replicas=3"
    # The unscheduled pod is deleted without a grace period (it runs nowhere): gone at once.
    Then within 1s, replicaset "big" has 3 pods
    And the clock reads 30s
    And always since "scaled up", replicaset "big" has 3 serving pods

  Scenario: Among ready pods, the most recently ready goes first
    Given I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: app
              image: nginx:1.27
      """
    When 1m pass
    And I run "kubectl scale rs/web --replicas=3"
    And 1m pass
    And I run "kubectl scale rs/web --replicas=2"
    # At 2m the first two have been ready for about 118 s, the third for about 58 s: in nanoseconds
    # floor(log2(1.18e11)) = 36 against floor(log2(5.8e10)) = 35, so the third is more recently ready
    # and goes first.
    And 5s pass
    Then the terminal shows:
      """
      $ kubectl get pods
      NAME        READY   STATUS    RESTARTS   AGE
      web-...   1/1     Running   0          2m5s
      web-...   1/1     Running   0          2m5s
      """
