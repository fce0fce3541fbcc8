Feature: While kube-scheduler is down new pods wait unbound, and are scheduled when it returns
  Controllers keep creating pods during a kube-scheduler outage, but nothing binds them to a node:
  they stay Pending, and pods already running are not affected. When kube-scheduler starts again it
  lists the unscheduled pods and binds them. (A fault started `at T` lasts until a step heals it.)

  Scenario: A ReplicaSet created during a one-minute outage runs once kube-scheduler is back
    Given I stop kube-scheduler at 0s
    And I heal every fault at 1m
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
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
    # 0s: the ReplicaSet controller creates the 3 pods; no scheduler binds them.
    Then at 59s, replicaset "web" has 3 current replicas
    And the terminal shows:
      """
      $ kubectl get rs web
      NAME   DESIRED   CURRENT   READY   AGE
      web    3         3         0       59s
      """
    # 1m: kube-scheduler starts, lists the pending pods and binds them (scheduling takes 0s here),
    # one per node; each node pulls nginx:1.27 in 2s and the relist at 1m2s reports them Ready.
    And at 1m1s, replicaset "web" has 0 ready replicas
    And at 1m2s, replicaset "web" has 3 ready replicas
    And the terminal shows:
      """
      $ kubectl get rs web
      NAME   DESIRED   CURRENT   READY   AGE
      web    3         3         3       62s
      """
