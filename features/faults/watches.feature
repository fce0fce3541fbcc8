Feature: Controllers act on what their watches deliver: late when events are delayed, blind while a watch is down
  Controllers learn of changes through watches. A delayed watch makes kube-controller-manager act
  that much later, and see its own writes late too. A dropped watch loses the events of the gap;
  the reflector lists again (after 1s here, its back-off) and the controller catches up on the
  state it finds then — level-based, it needs no missed event to do the right thing.

  Scenario: Watch events reach kube-controller-manager 5s late
    Given I delay watch events to "kube-controller-manager" by 5s from 0s for 1m
    And I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        replicas: 2
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
    # The fault starts at 0s, before the ReplicaSet's ADDED event is delivered; the controller hears
    # of it at 5s and creates the 2 pods then. kube-scheduler is not delayed: bound at 5s, nginx:1.27
    # pulled by 7s, Ready at the 7s relist.
    Then at 4.999s, replicaset "web" has 0 pods
    And at 5s, replicaset "web" has 2 pods
    # The controller hears of its own pods at 10s (status: 2 current) and of their readiness at 12s.
    And at 9.999s, replicaset "web" has 0 current replicas
    And at 10s, replicaset "web" has 2 current replicas
    And at 11.999s, replicaset "web" has 0 ready replicas
    And at 12s, replicaset "web" has 2 ready replicas

  Scenario: Pods deleted while the watches are down are replaced when kube-controller-manager lists again
    Given I drop the watches of "kube-controller-manager" from 30s for 30s
    And I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        replicas: 2
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
    When 40s pass
    # 40s: both pods are deleted; nginx stops at once on SIGTERM and the kubelets remove them. The
    # controller hears nothing: its watches are down until the relist at 1m.
    And I run "kubectl delete pods -l app=web"
    Then at 59s, replicaset "web" has 0 pods
    And replicaset "web" has 2 ready replicas
    # 1m: the relist finds no pods; the controller creates 2, which start at once on nodes that
    # have the image, and are reported Ready at the 1m1s relist.
    And at 1m, replicaset "web" has 2 pods
    And at 1m1s, replicaset "web" has 2 ready replicas
