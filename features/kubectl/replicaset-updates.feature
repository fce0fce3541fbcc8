Feature: A ReplicaSet's pods change image only when they are deleted
  kubectl set image on a ReplicaSet changes its pod template in the API server and nothing else:
  the ReplicaSet counts pods, it never compares them with its template. New pods come from the
  new template, so a ReplicaSet is updated by deleting its old pods — all at once by label, with
  an outage until the new pods are ready, or batch by batch, deleting the next pod only when the
  previous one's replacement is ready.

  Background:
    Given I apply the fixture "manifests/replicaset-demo.yaml"
    # The pods are Ready at 22s (readiness initialDelaySeconds=15 after the start at 1s, first
    # passing probe on the prober's period).
    And 30s pass

  Scenario: set image changes the template and leaves the running pods alone
    When I run "kubectl set image rs/replicaset-demo demoapp=ikubernetes/demoapp:v1.1"
    Then the command succeeds with:
      """
      replicaset.apps/replicaset-demo image updated
      """
    And replicaset "replicaset-demo" has .spec.template.spec.containers[0].image equal to "ikubernetes/demoapp:v1.1"
    And for 5m, replicaset "replicaset-demo" has 2 ready replicas
    And replicaset "replicaset-demo" created 2 pods
    And the terminal shows:
      """
      $ kubectl get rs -o wide
      NAME              DESIRED   CURRENT   READY   AGE     CONTAINERS   IMAGES                     SELECTOR
      replicaset-demo   2         2         2       5m30s   demoapp      ikubernetes/demoapp:v1.1   app=demoapp,release=stable,version=v1.0
      $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
      NAME                    IMAGE
      replicaset-demo-...   ikubernetes/demoapp:v1.0
      replicaset-demo-...   ikubernetes/demoapp:v1.0
      """

  Scenario: Deleting the pods by label rolls the new image out at once, with an outage
    Given I run "kubectl set image rs/replicaset-demo demoapp=ikubernetes/demoapp:v1.1"
    When I mark "update"
    And I run "kubectl delete po -l app=demoapp,release=stable"
    Then the output is:
      """
      pod "replicaset-demo-..." deleted
      pod "replicaset-demo-..." deleted
      """
    # kubectl delete waits until both pods are gone (demoapp exits on SIGTERM at once); the
    # replacements were created when the old pods were marked for deletion, and need 22s from
    # their creation to be Ready again: nothing is ready in between.
    And replicaset "replicaset-demo" has no ready replicas
    And within 25s, replicaset "replicaset-demo" has 2 ready replicas
    And since "update", replicaset "replicaset-demo" created 2 pods
    And the terminal shows:
      """
      $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
      NAME                    IMAGE
      replicaset-demo-...   ikubernetes/demoapp:v1.1
      replicaset-demo-...   ikubernetes/demoapp:v1.1
      """

  # Seed 1 names the pods replicaset-demo-2q88x and replicaset-demo-dccll.
  @seed=1
  Scenario: Deleting one pod at a time keeps a ready pod serving throughout the update
    Given I run "kubectl set image rs/replicaset-demo demoapp=ikubernetes/demoapp:v1.2"
    When I mark "update"
    And I run "kubectl delete pod replicaset-demo-2q88x"
    # The replacement is created at the deletion and is Ready 22s later, as the first pods were.
    Then within 25s, replicaset "replicaset-demo" has 2 ready replicas
    And the terminal shows:
      """
      $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
      NAME                    IMAGE
      replicaset-demo-dccll   ikubernetes/demoapp:v1.0
      replicaset-demo-...   ikubernetes/demoapp:v1.2
      """
    When I run "kubectl delete pod replicaset-demo-dccll"
    Then within 25s, replicaset "replicaset-demo" has 2 ready replicas
    And never since "update", replicaset "replicaset-demo" has fewer than 1 ready replicas
    And since "update", replicaset "replicaset-demo" created 2 pods
    And the terminal shows:
      """
      $ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
      NAME                    IMAGE
      replicaset-demo-...   ikubernetes/demoapp:v1.2
      replicaset-demo-...   ikubernetes/demoapp:v1.2
      """
