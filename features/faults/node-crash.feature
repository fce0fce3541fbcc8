Feature: A crashed node is noticed, its pods are evicted, and it rejoins when it boots again
  A node that crashes stops renewing its Lease. The node lifecycle controller checks every 5s and,
  once it has seen no renewal for node-monitor-grace-period (50s in v1.32), sets the node's
  conditions to Unknown, marks its pods not Ready and taints the node unreachable. Pods tolerate
  that taint for 300s (DefaultTolerationSeconds); then they are deleted and their controllers
  replace them elsewhere. A pod on a node that stays down stays Terminating: no kubelet confirms it
  stopped. When the node boots again, its kubelet restarts the containers of the pods still bound to it.

  Scenario: The node boots again after 2 minutes; its pod runs again, with one restart
    Given I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        nodeName: node01
        containers:
        - name: app
          image: nginx:1.27
      """
    And I crash node "node01" from 30s for 2m
    # The Lease is renewed every 10s plus up to 4% jitter: the last renewal before the crash comes
    # at 20–20.8s, and the controller's 25s pass notices it. 50s later, at its first pass after 75s
    # — 80s — it sets Ready=Unknown and marks the pod not Ready.
    Then at 1m19s, node "node01" has condition Ready=True
    And at 1m20s, node "node01" has condition Ready=Unknown with reason "NodeStatusUnknown"
    And pod "web" has condition Ready=False
    And pod "web" has an event "NodeNotReady" with message "Node is not ready"
    # 2m30s: the node boots; the kubelet reports Ready and finds the pod's container gone: it
    # reports it terminated as ContainerStatusUnknown (exit code 137) and starts it again; the relist
    # at 2m31s reports it running. The unreachable taint goes, and the eviction planned for 300s
    # after it was set is cancelled.
    And at 2m30s, node "node01" has condition Ready=True
    And at 2m30s, pod "web" has .status.containerStatuses[0].state.terminated.reason equal to "ContainerStatusUnknown"
    And at 2m31s, pod "web" has condition Ready=True
    And pod "web" has .status.containerStatuses[0].restartCount equal to "1"
    And pod "web" has an event "TaintManagerEviction" with message "Cancelling deletion of Pod default/web"

  Scenario: The node stays down; after 5 minutes its pod is replaced on another node
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
    And I crash node "node01" at 30s
    # 2s: one pod per node (the scheduler spreads them), all Ready. 80s: node01 is Unknown (as
    # above) and its pod not Ready. The controller's next pass (85s) queues the NoExecute
    # unreachable taint, which its 100ms tainting pass applies at 85.1s.
    Then at 1m19s, replicaset "web" has 3 ready replicas
    And at 1m20s, replicaset "web" has 2 ready replicas
    And at 1m25.1s, node "node01" has .spec.taints[?(@.effect=="NoExecute")].key equal to "node.kubernetes.io/unreachable"
    # 300s later (tolerationSeconds) the pod is deleted: 6m25.1s. The ReplicaSet replaces it at once
    # (a pod being deleted no longer counts); the new pod is bound to a live node that has the
    # image already, starts there at once and is reported Ready at the next relist, 6m26s.
    And at 6m25s, replicaset "web" has 3 pods
    And at 6m26s, replicaset "web" has 3 ready replicas
    And replicaset "web" created 4 pods
    # The old pod stays Terminating: its node never confirms that its containers stopped.
    And replicaset "web" has 4 pods
    And for 10m, replicaset "web" has 4 pods
