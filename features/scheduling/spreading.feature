Feature: kube-scheduler spreads a controller's pods over the nodes
  Among the nodes that fit, kube-scheduler scores each and binds to the best: the default
  topology spread (per hostname, ScheduleAnyway) favours the node with fewer of the controller's
  pods, and NodeResourcesFit the node with the most of its CPU and memory still free. Equal scores are broken by a
  draw from the scheduler's seeded random stream, so a seed always picks the same nodes.

  Scenario: Six replicas land two on each of three nodes
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        replicas: 6
        selector:
          matchLabels: { app: web }
        template:
          metadata:
            labels: { app: web }
          spec:
            containers:
            - name: app
              image: nginx:1.27
              resources:
                requests:
                  cpu: 100m
      """
    And 1s pass
    # The pods are scheduled one after another, all at 0 s: each goes to a node with the fewest of
    # web's pods so far, so after three every node has one, after six two.
    Then 2 pods of replicaset "web" are scheduled to node "node01"
    And 2 pods of replicaset "web" are scheduled to node "node02"
    And 2 pods of replicaset "web" are scheduled to node "node03"
    And within 10s, every pod of replicaset "web" has STATUS "Running"

  Scenario: Among the nodes that fit, the less allocated one wins
    Given a cluster with nodes:
      | name   |
      | node01 |
      | node02 |
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: busy
      spec:
        nodeSelector: { kubernetes.io/hostname: node01 }
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests: { cpu: "2", memory: 8Gi }
      """
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests: { cpu: 500m, memory: 1Gi }
      """
    # Both nodes fit web; NodeResourcesFit (least allocated) scores node01 — half its CPU and
    # memory requested — below the empty node02.
    Then within 1s, pod "web" is scheduled to node "node02"

  Scenario: The same seed places the pods on the same nodes
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        replicas: 4
        selector:
          matchLabels: { app: web }
        template:
          metadata:
            labels: { app: web }
          spec:
            containers:
            - name: app
              image: nginx:1.27
      """
    And 10s pass
    # Four pods on three nodes: which node gets the second pod is a tie the seeded stream breaks.
    Then replaying this scenario with the same seed writes the same history
