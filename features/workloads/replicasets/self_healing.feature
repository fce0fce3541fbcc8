Feature: A ReplicaSet keeps its replicas, reacting to what its watches tell it
  The ReplicaSet controller compares the pods it owns with spec.replicas and creates or deletes the
  difference. It does not poll: a watch event (a pod deleted, a ReplicaSet changed) puts the
  ReplicaSet's key on the controller's queue, and the sync that follows reads its cache and acts —
  the seed's reconcile loop, notified instead of looping every five minutes.

  Background:
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

  Scenario: The controller creates the missing pods and says so in events
    # The first sync, at 0 s, finds no pod and creates 2 (slow start: a batch of 1, then 1).
    Then within 1s, replicaset "web" has 2 pods
    And the clock reads 0s
    And replicaset "web" has 2 "SuccessfulCreate" events
    And replicaset "web" has an event "SuccessfulCreate" with message containing "Created pod: web-"
    And within 10s, replicaset "web" has 2 ready replicas

  Scenario: With nothing changing, nothing happens
    When 1m pass
    And I mark "steady"
    And 10m pass
    Then since "steady", replicaset "web" created no pods
    And always since "steady", replicaset "web" has 2 serving pods

  Scenario: A deleted pod is replaced in the same instant
    # kubectl's DELETE gives the pod a deletionTimestamp (30 s of grace): a pod update whose watch event
    # reaches the controller at once (no watch latency). A pod being deleted is no longer active, so the
    # sync that follows counts 1 of 2 and creates a replacement — while the old pod is still Terminating.
    When 30s pass
    And I mark "deleted"
    And I delete 1 pod of replicaset "web"
    Then within 1s, replicaset "web" has 2 active pods
    And the clock reads 30s
    And replicaset "web" has 3 pods
    And since "deleted", replicaset "web" created 1 pod
    And within 10s, replicaset "web" has 2 serving pods

  @watch-latency=200ms
  Scenario: The controller acts when the watch event arrives, not before
    # Every watch delivery takes 200 ms: the deletion at 30 s reaches the controller at 30.2 s, and the
    # replacement it creates then is in the API at 30.2 s.
    When 30s pass
    And I delete 1 pod of replicaset "web"
    Then within 1s, replicaset "web" has 2 active pods
    And the clock reads 30.2s
