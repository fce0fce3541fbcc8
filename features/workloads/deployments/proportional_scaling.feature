Feature: Scaling a Deployment mid-rollout spreads the change over its ReplicaSets proportionally
  When spec.replicas changes while a rollout is under way, the controller does not give every new
  replica to one ReplicaSet: it shares the difference between the active ReplicaSets in proportion
  to their sizes (their max-replicas annotation records the size they were scaled for), largest
  first, and gives the rounding leftover to the first. This is the example of the Kubernetes
  documentation: 10 replicas, maxSurge 3, maxUnavailable 2, scaled to 15 mid-rollout.

  Background:
    Given I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 10
        strategy:
          rollingUpdate:
            maxSurge: 3
            maxUnavailable: 2
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
              readinessProbe:
                httpGet:
                  path: /
                  port: 80
      """
    When 1m pass
    # kukumber/unhealthy:v1 listens on port 8080 only: its pods never pass the readiness probe on port
    # 80, so the rollout stops at old 8 (10 − maxUnavailable 2) and new 5 (13 − 8).
    And I run "kubectl set image deployment/web app=kukumber/unhealthy:v1"
    And 1m pass
    Then replicaset "web-56bdb4f765" has 8 desired replicas
    And replicaset "web-6b47d9df65" has 5 desired replicas
    And I mark "scaled"

  Scenario: Scaling up from 10 to 15 gives 3 to the old ReplicaSet and 2 to the new one
    # allowed = 15 + maxSurge 3 = 18, 18 − 13 = 5 to add. Largest first: old round(8 × 18 / 13) − 8 = 3
    # (8 → 11), new min(round(5 × 18 / 13) − 5, 5 − 3) = 2 (5 → 7). Both record desired-replicas 15 and
    # max-replicas 18. Then the rolling sync has no room: 18 pods − 13 minimum available − 7 new
    # unavailable < 0.
    When I run "kubectl scale deployment/web --replicas=15"
    And 10s pass
    Then since "scaled", deployment "web" got these "ScalingReplicaSet" events:
      | at | message                                            |
      | 2m | Scaled up replica set web-56bdb4f765 from 8 to 11  |
      | 2m | Scaled up replica set web-6b47d9df65 from 5 to 7   |
    And the terminal shows:
      """
      $ kubectl get rs -o custom-columns='NAME:.metadata.name,DESIRED:.spec.replicas,DESIRED-REPLICAS:.metadata.annotations.deployment\.kubernetes\.io/desired-replicas,MAX-REPLICAS:.metadata.annotations.deployment\.kubernetes\.io/max-replicas'
      NAME             DESIRED   DESIRED-REPLICAS   MAX-REPLICAS
      web-56bdb4f765   11        15                 18
      web-6b47d9df65   7         15                 18
      """
    And always since "scaled", deployment "web" has at least 8 serving pods

  Scenario: Scaling down from 10 to 5 takes the larger share from the larger ReplicaSet
    # allowed = 5 + 3 = 8, 8 − 13 = −5. Largest first: old round(8 × 8 / 13) − 8 = −3 (8 → 5), new
    # max(round(5 × 8 / 13) − 5, −5 + 3) = −2 (5 → 3). Then the rolling sync has room again: 5 replicas
    # need 3 available, so 5 − 3 = 2 old pods may go (5 → 3), and the new ReplicaSet takes the
    # 8 − 6 = 2 places left (3 → 5).
    When I run "kubectl scale deployment/web --replicas=5"
    And 10s pass
    Then since "scaled", deployment "web" got these "ScalingReplicaSet" events:
      | at | message                                            |
      | 2m | Scaled down replica set web-56bdb4f765 from 8 to 5 |
      | 2m | Scaled down replica set web-6b47d9df65 from 5 to 3 |
      | 2m | Scaled down replica set web-56bdb4f765 from 5 to 3 |
      | 2m | Scaled up replica set web-6b47d9df65 from 3 to 5   |
    And always since "scaled", deployment "web" has at least 3 serving pods
    And deployment "web" has at most 8 active pods
