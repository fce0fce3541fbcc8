Feature: Pods relabelled after admission make a ReplicaSet create pods without end
  Validation only sees the ReplicaSet. If something rewrites the labels of its pods afterwards — a
  mutating admission webhook here — every pod the controller creates stops matching its selector:
  the next sync releases it (removes its ownerReference) and, counting no pods of its own, creates
  more. Slow start, expectations and the controller's client rate limit (20 requests a second,
  burst 30, shared with its events) set the pace; kukumber stops the run once one owner has created
  more than 500 objects within a minute (the @runaway tag sets another limit), and says why.

  Background:
    Given I install a webhook "relabel.example.com" that rewrites the labels of new pods to "app=web-x" at 0s
    And I apply the manifest:
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

  Scenario: The pod count grows at the pace of the controller's client
    # A sync's requests take their tokens at once; the next sync waits until a token is back.
    # 0 s: the first sync creates 2 pods (slow start: 1, then 1): 2 creates + 2 SuccessfulCreate
    #      events + 1 status write (observedGeneration) = 5 of the 30 tokens. Creations are expected,
    #      so the next sync waits until both pods are seen; it releases them (2 patches: their labels
    #      app=web-x do not match app=web) and creates 2 more (2 creates, 2 events) = 6 tokens.
    #      Four such syncs leave 1 token; the fifth takes the bucket to −5: 12 pods at 0 s.
    When 0s pass
    Then replicaset "web" created 12 pods
    # Then one sync every 6 tokens / 20 per second = 300 ms: 18 pods at 1 s, 24 at 2 s. The event
    # spam filter passes 25 events per object; from the 26th "Created pod" on, a sync costs 4 tokens
    # (one every 200 ms): 10 more pods a second.
    When 1s pass
    Then replicaset "web" created 18 pods
    When 1s pass
    Then replicaset "web" created 24 pods
    When 1s pass
    Then replicaset "web" created 34 pods
    When 1s pass
    Then replicaset "web" created 44 pods
    # None stays: the controller owns no pod, so its status counts none.
    And replicaset "web" has 0 current replicas
    And replicaset "web" has at most 2 pods
    And replicaset "web" has 25 "SuccessfulCreate" events

  Scenario: No pod carries the selected labels, so the ReplicaSet never counts one
    # Every pod was admitted as app=web-x; the released ones run on, owned by nobody (deleting the
    # ReplicaSet would not collect them). From the tenth distinct message on, the correlator combines
    # the SuccessfulCreate events into one.
    When 1s pass
    Then the terminal shows:
      """
      $ kubectl get pods -l app=web
      No resources found in default namespace.
      $ kubectl get rs web
      NAME   DESIRED   CURRENT   READY   AGE
      web    2         0         0       1s
      """
    And replicaset "web" has an event "SuccessfulCreate" with message containing "(combined from similar events): Created pod: web-"

  @runaway=100/1m
  Scenario: kukumber stops the runaway and names the cause
    # The limit is 100 creations within a minute here (500 by default): the 100th creation trips it.
    # At the pace above — after 34 pods at 3 s, a sync every 200 ms (3.15 s, 3.35 s, …) creating 2 —
    # pods 99 and 100 come at 9.55 s.
    Then running the cluster for 2m stops it with:
      """
      ReplicaSet default/web created 100 pods in 9.55s of virtual time; each was released because its labels {app: web-x} do not match the selector app=web
      """
    And the clock reads 9.55s
    # kukumber stops after the event that reached the limit: the sync that created the 100th pod.
    And replicaset "web" created 100 pods
