Feature: kube-controller-manager catches up after an outage or a restart, without duplicating work
  kube-controller-manager keeps its caches, work queues and expectations in memory. Down, nothing
  reconciles; restarted, it lists everything again and rebuilds that state from the API server.
  Because reconcilers are level-based — they compare what is with what should be — a controller
  that lost its memory neither misses work nor repeats it.

  Background:
    Given I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        replicas: 3
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

  Scenario: A ReplicaSet scaled during an outage is scaled once kube-controller-manager is back
    Given I stop kube-controller-manager from 30s for 1m
    And I apply the manifest at 40s:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        replicas: 5
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
    # 2s: 3 pods Ready. 40s: scaled to 5 while the controller manager is down: nothing happens.
    Then at 29s, replicaset "web" has 3 ready replicas
    And at 1m29s, replicaset "web" has 3 pods
    # 1m30s: it starts with empty caches, lists, and the ReplicaSet controller creates the 2 missing
    # pods; they start at once on nodes that have the image, Ready at the 1m31s relist.
    And at 1m30s, replicaset "web" has 5 pods
    And at 1m31s, replicaset "web" has 5 ready replicas
    And replicaset "web" created 5 pods

  Scenario: A restart loses the controllers' memory but creates no extra pod
    Given I restart kube-controller-manager at 30s
    When 5m pass
    Then replicaset "web" has 3 ready replicas
    And replicaset "web" created 3 pods
