Feature: A rollout that cannot progress stops at its bounds and reports ProgressDeadlineExceeded
  When the new pods never become ready, a rolling update goes as far as maxSurge and
  maxUnavailable allow and waits: the old pods that still serve are kept. The Deployment's
  Progressing condition records the last time the rollout made progress; once
  progressDeadlineSeconds have passed since then, the controller sets it to False with reason
  ProgressDeadlineExceeded — and `kubectl rollout status` gives up with an error. Nothing is rolled
  back by itself.

  Background:
    Given I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 10
        progressDeadlineSeconds: 60
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
    Then deployment "web" has 10 available replicas
    When I mark "broken rollout"
    # kukumber/unhealthy:v1 listens on port 8080 only (fixtures/images.yaml): the readiness probe on
    # port 80 is refused, every time.
    And I run "kubectl set image deployment/web app=kukumber/unhealthy:v1"

  Scenario: The rollout stops at 8 old and 5 new pods
    # 1m: new 0 → 3, old 10 → 8 (13 pods − 8 minimum available − 3 new unavailable = 2), new 3 → 5
    # (8 + 3 < 13). Then 13 − 8 − 5 = 0: no old pod may go before a new one is available, ever.
    When 5m pass
    Then since "broken rollout", deployment "web" got these "ScalingReplicaSet" events:
      | at | message                                             |
      | 1m | Scaled up replica set web-6b47d9df65 from 0 to 3    |
      | 1m | Scaled down replica set web-56bdb4f765 from 10 to 8 |
      | 1m | Scaled up replica set web-6b47d9df65 from 3 to 5    |
    And always since "broken rollout", deployment "web" has at least 8 serving pods
    And deployment "web" has 5 updated replicas
    And deployment "web" has 8 available replicas
    And deployment "web" has condition Available=True with reason "MinimumReplicasAvailable"

  Scenario: Progressing turns False after progressDeadlineSeconds without progress
    # The last progress — the new ReplicaSet reaching 5 pods — was at 1m (lastUpdateTime 00:01:00).
    # Each later sync asks for another after lastUpdateTime + 60 s − now + 1 s, i.e. at 2m1s; then
    # 1m + 60 s is strictly before now: ProgressDeadlineExceeded.
    Then at 2m0.999s, deployment "web" has condition Progressing=True with reason "ReplicaSetUpdated"
    And at 2m1s, deployment "web" has condition Progressing=False with reason "ProgressDeadlineExceeded"
    And deployment "web" has .status.conditions[?(@.type=="Progressing")].message equal to "ReplicaSet \"web-6b47d9df65\" has timed out progressing."

  Scenario: kubectl rollout status waits, then gives up
    # rollout status prints a line for every change of the Deployment it watches: the controller's
    # annotation update (revision 2) before it observes the new generation, then each status write.
    Then the terminal shows:
      """
      $ kubectl rollout status deployment/web
      Waiting for deployment spec update to be observed...
      Waiting for deployment spec update to be observed...
      Waiting for deployment "web" rollout to finish: 0 out of 10 new replicas have been updated...
      Waiting for deployment "web" rollout to finish: 0 out of 10 new replicas have been updated...
      Waiting for deployment "web" rollout to finish: 3 out of 10 new replicas have been updated...
      Waiting for deployment "web" rollout to finish: 3 out of 10 new replicas have been updated...
      Waiting for deployment "web" rollout to finish: 5 out of 10 new replicas have been updated...
      error: deployment "web" exceeded its progress deadline
      """
    And the clock reads 2m1s
