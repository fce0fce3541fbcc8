Feature: A rolling update replaces pods within the surge and unavailability budgets
  A Deployment with the RollingUpdate strategy moves its pods from the old ReplicaSet to a new one
  in steps. maxSurge (rounded up) bounds how many pods may exist above spec.replicas, maxUnavailable
  (rounded down) how many may be unavailable; with 10 replicas and the default 25 %/25 % that is at
  most 13 pods and at least 8 available. Each sync scales the new ReplicaSet up as far as the surge
  allows, and the old one down as far as the available pods allow.

  Background:
    Given I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 10
        minReadySeconds: 5
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
    Then deployment "web" has 10 available replicas
    And I mark "rollout"

  Scenario: Ten replicas at 25 %/25 % roll in upstream's steps
    # kubectl rollout restart changes the pod template (an annotation), nothing else: nginx:1.27 is on
    # every node, so each new pod starts at once and the kubelet's next relist, 1 s later, reports it
    # Running and Ready. maxSurge = ceil(25 % × 10) = 3, maxUnavailable = floor(25 % × 10) = 2.
    When I run "kubectl rollout restart deployment/web"
    # 1m:   the new ReplicaSet is created at min(13 − 10, 10) = 3; the same sync scales the old one down by
    #       13 pods − 8 minimum available − 3 new unavailable = 2, to 8; the next sync has room for 2 more
    #       new pods (8 + 3 < 13): 5.
    # 1m1s: the 5 new pods are Ready (lastTransitionTime 1m1s). Available needs 1m1s + 5 s < now, strictly
    #       (v1.32): the ReplicaSet's sync at 1m1s (5 ready of 5, 0 available) queues it after
    #       minReadySeconds, 1m6s — earlier than the pod handler's 1m7s, which it replaces — and at 1m6s
    #       the pods are not available yet: queued again, 1m11s.
    # 1m11s: 5 new available: 13 available − 8 = 5 old pods may go (8 → 3); then the new ReplicaSet
    #       grows to 13 − 8 = 5 more (10).
    # 1m12s: those 5 are Ready; the same two requeues make them available at 1m22s: old 3 → 0.
    And 30s pass
    Then since "rollout", deployment "web" got these "ScalingReplicaSet" events:
      | at    | message                                               |
      | 1m    | Scaled up replica set web-7c564b7f4b from 0 to 3      |
      | 1m    | Scaled down replica set web-5fd8cddc48 from 10 to 8   |
      | 1m    | Scaled up replica set web-7c564b7f4b from 3 to 5      |
      | 1m11s | Scaled down replica set web-5fd8cddc48 from 8 to 3    |
      | 1m11s | Scaled up replica set web-7c564b7f4b from 5 to 10     |
      | 1m22s | Scaled down replica set web-5fd8cddc48 from 3 to 0    |
    # Over every write of the rollout, counted on the pods themselves:
    And always since "rollout", deployment "web" has at least 8 available pods
    And always since "rollout", deployment "web" has at most 13 active pods
    And deployment "web" has 10 updated replicas
    And deployment "web" has condition Progressing=True with reason "NewReplicaSetAvailable"

  Scenario: A new image rolls out within the same bounds, whatever the pulls take
    # The new image is pulled on each node, serially, so new pods become ready at different instants;
    # the steps differ, the bounds do not.
    When I run "kubectl set image deployment/web app=nginx:1.28"
    Then the output is:
      """
      deployment.apps/web image updated
      """
    Then within 2m, the pods of deployment "web" all run image "nginx:1.28"
    And always since "rollout", deployment "web" has at least 8 available pods
    And always since "rollout", deployment "web" has at most 13 active pods
    # maxSurge bounds the pods the ReplicaSets want, not the ones still shutting down: counting the
    # Terminating pods too, there were more than 13 at once.
    And since "rollout", deployment "web" had at least 14 pods at once

  Scenario: kubectl follows the rollout step by step
    # The same rollout as above, seen from a terminal. At 1m5s: 8 old pods and 5 new ones, all Ready
    # (READY 13/10), the new ones not yet available; at 1m15s the new ReplicaSet has its 10 pods and
    # 3 old ones remain; the last old pods went at 1m22s.
    Then the terminal shows:
      """
      $ kubectl rollout restart deployment/web
      deployment.apps/web restarted
      $ sleep 5s
      $ kubectl get deploy web
      NAME   READY   UP-TO-DATE   AVAILABLE   AGE
      web    13/10   5            8           65s
      $ kubectl rollout status deployment/web --watch=false
      Waiting for deployment "web" rollout to finish: 5 out of 10 new replicas have been updated...
      $ sleep 10s
      $ kubectl rollout status deployment/web --watch=false
      Waiting for deployment "web" rollout to finish: 3 old replicas are pending termination...
      $ sleep 10s
      $ kubectl rollout status deployment/web --watch=false
      deployment "web" successfully rolled out
      $ kubectl get rs
      NAME             DESIRED   CURRENT   READY   AGE
      web-5fd8cddc48   0         0         0       85s
      web-7c564b7f4b   10        10        10      25s
      """
