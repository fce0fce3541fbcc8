Feature: Controllers retry through API errors and latency, and converge once the API recovers
  API faults hit a share of the requests of one verb and kind (which ones: drawn from the seed):
  an error is answered in the API server's words (500 InternalError, 429 TooManyRequests, …);
  latency holds the caller for the extra time and delays what watchers hear. A controller whose
  sync fails reports it (FailedCreate events, a ReplicaFailure condition) and retries with the
  workqueue's per-item back-off — 5ms, doubling after each failure — so the first retry after the
  API recovers can come a while later.

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

  Scenario: Every pod create fails with 500 for 30s; the ReplicaSet creates its pods at the next retry
    Given I make 100% of create pod requests fail with 500 from 0s for 30s
    # The ReplicaSet controller's creates fail at 0s (its first sync, and again when its own status
    # write re-queues it), then after the back-off: 5ms, 25ms, 65ms … each gap 5ms × 2^(failures−1).
    Then at 1s, replicaset "web" has condition ReplicaFailure=True with reason "FailedCreate"
    And replicaset "web" has an event "FailedCreate" with message "Error creating: Internal error occurred: injected fault"
    # The 13th failure comes at 20.465s; the next retry waits 5ms × 2^12 = 20.48s: 40.945s, past
    # the heal. It creates all 3 pods (slow start: 1, then 2) and clears the condition.
    And at 40.944s, replicaset "web" has 0 pods
    And at 40.945s, replicaset "web" has 3 pods
    And replicaset "web" has no .status.conditions
    # The scheduler binds them at once, each node pulls nginx:1.27 in 2s (42.945s) and the next
    # whole-second relist reports them Ready.
    And at 43s, replicaset "web" has 3 ready replicas
    And replicaset "web" has 13 "FailedCreate" events

  Scenario: Pod creates take 2s longer for a minute: the controller is held, the pods start late
    Given I slow 100% of create pod requests by 2s from 0s for 1m
    # 0s: the creates are stored at once, but watchers hear of them 2s later: the scheduler binds
    # the pods at 2s, the nodes pull nginx:1.27 by 4s. The controller itself waits 2s per create:
    # three creates hold it until 6s, when it writes the status that counts them.
    Then at 5s, replicaset "web" has 3 pods
    And the terminal shows:
      """
      $ kubectl get rs web
      NAME   DESIRED   CURRENT   READY   AGE
      web    3         0         0       5s
      """
    And at 6s, replicaset "web" has 3 ready replicas
