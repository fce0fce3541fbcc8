Feature: The Recreate strategy stops every old pod before it starts a new one
  With strategy Recreate a Deployment scales the old ReplicaSet to zero, waits until none of its
  pods is running any more, and only then creates the new ReplicaSet at full size. Old and new
  pods never run together, and nothing serves in between.

  Background:
    Given I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
        strategy:
          type: Recreate
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
    Then deployment "web" has 3 available replicas
    When I mark "restart"
    And I run "kubectl rollout restart deployment/web"

  Scenario: The old pods go, then the new ones come: a window with nothing serving
    # 1m:   the old ReplicaSet is scaled to 0; its pods get their deletionTimestamp and nginx exits 0 on
    #       SIGTERM at once (phase Succeeded). Old pods that are Succeeded or Failed no longer count as
    #       running, so the deployment creates the new ReplicaSet at 3 in the same instant.
    # 1m1s: nginx:1.27 is on every node: the new pods started at 1m and the kubelet's next relist reports
    #       them Running and Ready.
    Then at 1m0.999s, deployment "web" has no serving pods
    And at 1m1s, deployment "web" has 3 serving pods
    And since "restart", deployment "web" got these "ScalingReplicaSet" events:
      | at | message                                         |
      | 1m | Scaled down replica set web-5fd8cddc48 from 3 to 0 |
      | 1m | Scaled up replica set web-7c564b7f4b from 0 to 3   |
    And always since "restart", deployment "web" has at most 3 active pods

  Scenario: The Deployment reports itself unavailable while nothing serves
    # Recreate has maxUnavailable 0: Available only while every replica is.
    Then within 1s, deployment "web" has condition Available=False with reason "MinimumReplicasUnavailable"
    And within 5s, deployment "web" has condition Available=True with reason "MinimumReplicasAvailable"
    And the clock reads 1m1s
