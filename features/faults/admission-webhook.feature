Feature: A webhook that rewrites pod labels makes a ReplicaSet create pods without end
  A mutating admission webhook that changes the labels of new pods — a misconfigured policy
  engine, say — is the classic cause of endless creation: every pod the ReplicaSet creates comes
  back with labels its selector does not match, so the ReplicaSet releases it (removes its owner
  reference) and, still short of replicas, creates another. kukumber stops such a run with a
  diagnosis once one owner has created 500 objects within 60s (configurable), instead of
  running until memory is gone. Once the webhook is removed, the ReplicaSet converges; the
  pods it released stay behind, no longer owned by anything.

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

  Scenario: With the webhook installed for good, the run ends with the runaway's diagnosis
    Given I install a webhook "relabel.example.com" that rewrites the labels of new pods to "app=web-x" at 0s
    # The webhook is in force for the ReplicaSet's first pods already. Every request of the
    # controller — creates, the updates that release pods, and its events, which go through the
    # same client — draws on one token bucket: a burst of 30, then 20 per second. The event spam
    # filter lets 25 events about the ReplicaSet through and drops the rest before they are sent,
    # so those 25 cost a token each; every pod costs two more (the create and the release). The
    # 500th pod therefore comes 25 tokens (1.25s) later than the 48.25s two requests a pod would
    # give alone: at 49.5s.
    Then within 1m, a runaway stops the cluster with:
      """
      ReplicaSet default/web created 500 pods in 49.5s of virtual time; each was released because its labels {app: web-x} do not match the selector app=web
      """

  Scenario: With the webhook removed after 10s, the ReplicaSet converges and nothing runs away
    Given I install a webhook "relabel.example.com" that rewrites the labels of new pods to "app=web-x" from 0s for 10s
    # In 10s the controller can afford (30 + 20 × 10) / 2 = 115 create-and-release pairs: well over
    # 100 pods, each released. After the heal its next pods keep their labels: 3 of them, Ready
    # 2s later (nginx:1.27 is pulled once per node).
    Then for 5m, no runaway happens
    And replicaset "web" created at least 100 pods
    And replicaset "web" has 3 pods
    And replicaset "web" has 3 ready replicas
