Feature: Undoing a rollout restores the previous template under a new revision number
  Every ReplicaSet of a Deployment carries a revision. kubectl rollout undo copies the pod template
  of the previous revision (or --to-revision) back into the Deployment; the controller finds that
  old ReplicaSet matching again, scales it up, and gives it the next revision number — the old
  number moves to its revision-history annotation. So after undoing revision 2, the history reads
  2 and 3, and revision 1 is gone from it.

  Background:
    Given I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
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
    When 1m pass
    And I run "kubectl set image deployment/web app=nginx:1.28"
    And 1m pass
    Then the pods of deployment "web" all run image "nginx:1.28"

  Scenario: rollout history lists both revisions, then undo brings back the first template as revision 3
    Then the terminal shows:
      """
      $ kubectl rollout history deployment/web
      deployment.apps/web 
      REVISION  CHANGE-CAUSE
      1         <none>
      2         <none>

      """
    When I mark "undo"
    And I run "kubectl rollout undo deployment/web"
    Then the output is:
      """
      deployment.apps/web rolled back
      """
    # The template is nginx:1.27's again: the controller takes web-5fd8cddc48 as the new ReplicaSet and
    # rolls to it. 3 replicas at 25 %: maxSurge ceil(0.75) = 1, maxUnavailable floor(0.75) = 0, so one
    # pod at a time; nginx:1.27 is still on every node, so each new pod is Ready 1 s after its creation.
    And within 1m, the pods of deployment "web" all run image "nginx:1.27"
    And the terminal shows:
      """
      $ kubectl get rs -o custom-columns='NAME:.metadata.name,REVISION:.metadata.annotations.deployment\.kubernetes\.io/revision,HISTORY:.metadata.annotations.deployment\.kubernetes\.io/revision-history,IMAGE:.spec.template.spec.containers[0].image'
      NAME             REVISION   HISTORY   IMAGE
      web-5fd8cddc48   3          1         nginx:1.27
      web-6d575977f    2          <none>    nginx:1.28
      """
    # From the tenth distinct ScalingReplicaSet message within 10 minutes, client-go's correlator
    # combines them into one Event (1 at creation + 6 in the first rollout + these).
    And since "undo", deployment "web" got these "ScalingReplicaSet" events:
      | at   | message                                                                              |
      | 2m   | Scaled up replica set web-5fd8cddc48 from 0 to 1                                     |
      | 2m1s | Scaled down replica set web-6d575977f from 3 to 2                                    |
      | 2m1s | (combined from similar events): Scaled up replica set web-5fd8cddc48 from 1 to 2     |
      | 2m2s | (combined from similar events): Scaled down replica set web-6d575977f from 2 to 1    |
      | 2m2s | (combined from similar events): Scaled up replica set web-5fd8cddc48 from 2 to 3     |
      | 2m3s | (combined from similar events): Scaled down replica set web-6d575977f from 1 to 0    |
    And the terminal shows:
      """
      $ kubectl rollout history deployment/web
      deployment.apps/web 
      REVISION  CHANGE-CAUSE
      2         <none>
      3         <none>

      $ kubectl get deploy web -o jsonpath='{.metadata.annotations.deployment\.kubernetes\.io/revision}'
      3
      $ kubectl rollout undo deployment/web --to-revision=1
      error: unable to find specified revision 1 in history
      """
