Feature: A paused Deployment does not roll out; resuming continues where it stopped
  While spec.paused is true the Deployment controller creates no new ReplicaSet and moves no pod
  between ReplicaSets: template changes wait, and a rollout in progress holds where it is (only
  scaling the whole Deployment still happens). The Progressing condition reads Unknown with
  reason DeploymentPaused, and the paused time does not count against progressDeadlineSeconds.
  kubectl rollout resume lets the controller carry on.

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
      """
    When 1m pass
    Then deployment "web" has 10 available replicas

  Scenario: A template change made while paused rolls out only after resume; scaling does not wait
    When I run "kubectl rollout pause deployment/web"
    Then the command succeeds with:
      """
      deployment.apps/web paused
      """
    When I run "kubectl set image deployment/web app=nginx:1.28"
    And I run "kubectl scale deployment/web --replicas=12"
    Then for 5m, the pods of deployment "web" all run image "nginx:1.27"
    And deployment "web" has 12 active pods
    And deployment "web" has condition Progressing=Unknown with reason "DeploymentPaused"
    And the terminal shows:
      """
      $ kubectl rollout pause deployment/web
      error: deployments.apps "web" is already paused
      $ kubectl rollout resume deployment/web
      deployment.apps/web resumed
      """
    Then within 2m, the pods of deployment "web" all run image "nginx:1.28"
    And deployment "web" has 12 active pods
    And deployment "web" has condition Progressing=True with reason "NewReplicaSetAvailable"

  Scenario: Pausing mid-rollout holds both ReplicaSets where they are
    When I mark "restart"
    And I run "kubectl rollout restart deployment/web"
    And 500ms pass
    And I run "kubectl rollout pause deployment/web"
    # The first sync at 1m took the rollout to new 5, old 8 (see the rolling update feature). The new
    # pods are Ready at 1m1s, which would let 5 old pods go — but a paused sync only scales
    # proportionally, and 13 pods = 10 + maxSurge 3 leaves nothing to scale.
    And 2m pass
    Then since "restart", deployment "web" got these "ScalingReplicaSet" events:
      | at | message                                             |
      | 1m | Scaled up replica set web-7c564b7f4b from 0 to 3    |
      | 1m | Scaled down replica set web-5fd8cddc48 from 10 to 8 |
      | 1m | Scaled up replica set web-7c564b7f4b from 3 to 5    |
    And deployment "web" has 13 available replicas
    And deployment "web" has condition Progressing=Unknown with reason "DeploymentPaused"
    When I mark "resume"
    And I run "kubectl rollout resume deployment/web"
    # At 3m0.5s the rolling sync resumes with 13 available: 13 − 8 = 5 old pods may go (8 → 3), and the
    # new ReplicaSet takes the 5 places left (5 → 10). Those pods start at once (nginx:1.27 is on every
    # node) and the kubelets' relists at 3m1s report them Ready: 3 + 10 available, old 3 → 0.
    And 1m pass
    Then since "resume", deployment "web" got these "ScalingReplicaSet" events:
      | at     | message                                            |
      | 3m0.5s | Scaled down replica set web-5fd8cddc48 from 8 to 3 |
      | 3m0.5s | Scaled up replica set web-7c564b7f4b from 5 to 10  |
      | 3m1s   | Scaled down replica set web-5fd8cddc48 from 3 to 0 |
    # Two minutes paused did not count against the 60 s deadline.
    And never since "restart", deployment "web" has condition Progressing=False with reason "ProgressDeadlineExceeded"
    And deployment "web" has condition Progressing=True with reason "NewReplicaSetAvailable"
