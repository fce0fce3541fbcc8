Feature: Changing a ReplicaSet's template changes only the template; deleting pods rolls it out
  A ReplicaSet compares the number of its pods with spec.replicas, nothing else: a new image in
  the pod template (kubectl set image) is stored in the API and leaves every running pod as it is.
  Only pods created afterwards come from the new template — so the seed updates a ReplicaSet by
  deleting its pods: all at once (the service is interrupted while the new pods start), or a batch
  at a time, waiting for each batch to be ready (a rolling update by hand).

  Background:
    Given I apply the fixture "manifests/replicaset-demo.yaml"
    When 30s pass
    And I mark "update"
    And I run "kubectl set image rs/replicaset-demo demoapp=ikubernetes/demoapp:v1.1"
    Then the output is:
      """
      replicaset.apps/replicaset-demo image updated
      """

  Scenario: The new image is stored, and the running pods are left alone
    Then replicaset "replicaset-demo" has .spec.template.spec.containers[0].image equal to "ikubernetes/demoapp:v1.1"
    # The spec changed, so the generation went to 2; the controller observes it and has nothing to do.
    And within 1s, replicaset "replicaset-demo" has .status.observedGeneration equal to "2"
    And for 5m, the pods of replicaset "replicaset-demo" all run image "ikubernetes/demoapp:v1.0"
    And since "update", replicaset "replicaset-demo" created no pods
    And always since "update", replicaset "replicaset-demo" has 2 serving pods

  Scenario: Deleting all pods by label brings them back on the new image, with an outage
    # kubectl delete waits until the pods are gone: demoapp exits on SIGTERM at once, and the kubelet
    # removes each pod after its next relist, at 31 s. Their deletionTimestamp (30 s) made them inactive
    # at once, so the controller created both replacements at 30 s, from the new template.
    When I run "kubectl delete po -l app=demoapp,release=stable"
    Then the output is:
      """
      pod "replicaset-demo-..." deleted
      pod "replicaset-demo-..." deleted
      """
    And the clock reads 31s
    And the pods of replicaset "replicaset-demo" all run image "ikubernetes/demoapp:v1.1"
    And since "update", replicaset "replicaset-demo" created 2 pods
    # The replacements run from 31 s at the earliest (v1.1 pulls in 1 s); their readiness probe
    # (initialDelaySeconds 15) passes at the first worker tick 15 s after the start, 52 s at the
    # earliest. Until then nothing serves.
    And for 20s, replicaset "replicaset-demo" has no serving pods
    And within 10s, replicaset "replicaset-demo" has 2 serving pods

  Scenario: Deleting one pod at a time keeps one serving throughout
    When I delete 1 pod of replicaset "replicaset-demo" with image "ikubernetes/demoapp:v1.0"
    Then within 1m, replicaset "replicaset-demo" has 2 serving pods
    When I delete 1 pod of replicaset "replicaset-demo" with image "ikubernetes/demoapp:v1.0"
    Then within 1m, replicaset "replicaset-demo" has 2 serving pods
    And within 1m, the pods of replicaset "replicaset-demo" all run image "ikubernetes/demoapp:v1.1"
    And always since "update", replicaset "replicaset-demo" has at least 1 serving pod
    And since "update", replicaset "replicaset-demo" created 2 pods
