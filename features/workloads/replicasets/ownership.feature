Feature: Pods a ReplicaSet controls name it in their ownerReferences
  Every pod a ReplicaSet creates carries one ownerReference to it, as upstream writes it:
  apiVersion, kind, name, uid, controller: true and blockOwnerDeletion: true. A pod created by hand
  has none. The controller claims pods by label: a matching pod that no controller owns is
  adopted, and an owned pod whose labels stop matching is released. Deleting the ReplicaSet
  deletes its pods through the garbage collector, unless the deletion orphans them.

  Scenario: A controlled pod's ownerReferences, as jsonpath prints them
    Given I apply the fixture "manifests/replicaset-demo.yaml"
    When 30s pass
    And I run "kubectl get pods -l app=demoapp -o jsonpath={.items[0].metadata.ownerReferences}"
    Then the output is:
      """
      [{"apiVersion":"apps/v1","blockOwnerDeletion":true,"controller":true,"kind":"ReplicaSet","name":"replicaset-demo","uid":"..."}]
      """
    When I run "kubectl get pods -l app=demoapp -o jsonpath={.items[0].metadata.ownerReferences[0].name}"
    Then the output is:
      """
      replicaset-demo
      """
    # The uid is the ReplicaSet's: the pods are found among its dependents by that uid.
    And replicaset "replicaset-demo" has 2 pods

  Scenario: A pod created by hand has no owner
    Given I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: bare
        labels:
          app: other
      spec:
        containers:
        - name: app
          image: ikubernetes/demoapp:v1.0
      """
    When I run "kubectl get pod bare -o jsonpath={.metadata.ownerReferences}"
    Then the output is:
      """
      """
    And pod "bare" has no .metadata.ownerReferences

  Scenario: A matching pod that no controller owns is adopted instead of a new one being created
    Given I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: stray
        labels:
          app: demoapp
          release: stable
          version: v1.0
      spec:
        containers:
        - name: demoapp
          image: ikubernetes/demoapp:v1.0
      """
    When 30s pass
    And I apply the fixture "manifests/replicaset-demo.yaml"
    # The first sync claims the orphan (a patch adding the controller reference, after a fresh GET
    # of the ReplicaSet) and creates only the one pod still missing.
    Then within 1s, pod "stray" has .metadata.ownerReferences[0].name equal to "replicaset-demo"
    And pod "stray" has .metadata.ownerReferences[0].controller equal to "true"
    And pod "stray" has .metadata.ownerReferences[0].blockOwnerDeletion equal to "true"
    And within 1s, replicaset "replicaset-demo" has 2 pods
    And replicaset "replicaset-demo" created 1 pod

  Scenario: Pods whose labels stop matching are released and replaced
    Given I apply the fixture "manifests/replicaset-demo.yaml"
    When 30s pass
    And I run "kubectl label pods -l app=demoapp version=debug --overwrite"
    # The next sync finds its two pods no longer selected: it removes its ownerReference from each
    # and, owning none, creates two more.
    And 1s pass
    Then replicaset "replicaset-demo" created 4 pods
    And replicaset "replicaset-demo" has 2 pods
    And the terminal shows:
      """
      $ kubectl get pods -l version=debug -o jsonpath={.items[*].metadata.ownerReferences}
      $ kubectl get pods -l version=debug
      NAME                    READY   STATUS    RESTARTS   AGE
      replicaset-demo-...   1/1     Running   0          31s
      replicaset-demo-...   1/1     Running   0          31s
      """

  Scenario: Deleting the ReplicaSet deletes its pods (background propagation)
    Given I apply the fixture "manifests/replicaset-demo.yaml"
    When 30s pass
    # kubectl sends propagationPolicy Background: the ReplicaSet is removed at once and kubectl returns;
    # the garbage collector, seeing its owner gone, deletes the pods (30 s of grace each). demoapp
    # exits on SIGTERM at once, with code 143 (Error); the kubelet removes each pod after its next
    # relist, at 31 s.
    Then the terminal shows:
      """
      $ kubectl delete rs replicaset-demo
      replicaset.apps "replicaset-demo" deleted
      $ sleep 500ms
      $ kubectl get pods -l app=demoapp
      NAME                    READY   STATUS   RESTARTS   AGE
      replicaset-demo-...   0/1     Error    0          30s
      replicaset-demo-...   0/1     Error    0          30s
      $ sleep 500ms
      $ kubectl get pods -l app=demoapp
      No resources found in default namespace.
      """

  Scenario: Deleting the ReplicaSet with --cascade=orphan leaves its pods running, ownerless
    Given I apply the fixture "manifests/replicaset-demo.yaml"
    When 30s pass
    When I run "kubectl delete rs replicaset-demo --cascade=orphan"
    Then the output is:
      """
      replicaset.apps "replicaset-demo" deleted
      """
    And replicaset "replicaset-demo" is gone
    And the terminal shows:
      """
      $ kubectl get pods -l app=demoapp -o jsonpath={.items[*].metadata.ownerReferences}
      $ kubectl get pods -l app=demoapp
      NAME                    READY   STATUS    RESTARTS   AGE
      replicaset-demo-...   1/1     Running   0          30s
      replicaset-demo-...   1/1     Running   0          30s
      """
    # A new ReplicaSet with the same selector adopts them instead of creating pods.
    When I mark "orphaned"
    And I apply the fixture "manifests/replicaset-demo.yaml"
    And 5s pass
    Then replicaset "replicaset-demo" has 2 pods
    And since "orphaned", replicaset "replicaset-demo" created no pods

  Scenario: Deleting the ReplicaSet in the foreground keeps it until its pods are gone
    Given I apply the fixture "manifests/replicaset-demo.yaml"
    When 30s pass
    # Foreground: the ReplicaSet gets a deletionTimestamp and the foregroundDeletion finalizer; the
    # garbage collector deletes the pods that block it (blockOwnerDeletion), then removes the finalizer.
    When I run "kubectl delete rs replicaset-demo --cascade=foreground --wait=false"
    Then the output is:
      """
      replicaset.apps "replicaset-demo" deleted
      """
    And replicaset "replicaset-demo" has .metadata.finalizers equal to "[\"foregroundDeletion\"]"
    And within 1s, replicaset "replicaset-demo" has no active pods
    And replicaset "replicaset-demo" has 2 pods
    And within 5s, replicaset "replicaset-demo" is gone
    And the clock reads 31s
    And the terminal shows:
      """
      $ kubectl get pods -l app=demoapp
      No resources found in default namespace.
      """
