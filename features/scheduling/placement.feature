Feature: Node labels, taints and cordons decide which nodes a pod may use
  A pod's nodeSelector (and required node affinity) admits only nodes with those labels; a taint
  with effect NoSchedule or NoExecute keeps off every pod that does not tolerate it; a cordoned
  node (spec.unschedulable, from kubectl cordon) takes no new pods but keeps the ones it runs.
  When no node passes, FailedScheduling names each node's reason — and preemption is "not
  helpful" for these, since evicting pods cannot change a label, a taint or a cordon.

  Background:
    Given a cluster with nodes:
      | name   | labels   | taints                     |
      | node01 | disk=hdd |                            |
      | node02 | disk=ssd | dedicated=infra:NoSchedule |
      | node03 | disk=ssd |                            |

  Scenario: A nodeSelector admits only the labelled nodes
    When I apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: fast
      spec:
        replicas: 3
        selector:
          matchLabels: { app: fast }
        template:
          metadata:
            labels: { app: fast }
          spec:
            nodeSelector: { disk: ssd }
            containers:
            - name: app
              image: nginx:1.27
      """
    # node01 has the wrong label and node02's taint is not tolerated: every pod goes to node03.
    Then within 1s, 3 pods of replicaset "fast" are scheduled to node "node03"
    And never, at least 1 pod of replicaset "fast" is scheduled to node "node01"
    And never, at least 1 pod of replicaset "fast" is scheduled to node "node02"

  Scenario: A pod no node admits names every node's reason
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: picky
      spec:
        nodeSelector: { disk: nvme }
        containers:
        - name: app
          image: nginx:1.27
      """
    # Each node reports the first filter it fails, in the scheduler's order (… TaintToleration,
    # NodeAffinity …): node02's taint comes before its label.
    Then within 1s, pod "picky" has an event "FailedScheduling" with message "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: infra}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.."
    And pod "picky" has STATUS "Pending"

  Scenario: A toleration lets a pod onto a tainted node; without one it stays off
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: infra-agent
      spec:
        nodeSelector: { kubernetes.io/hostname: node02 }
        tolerations:
        - { key: dedicated, operator: Equal, value: infra, effect: NoSchedule }
        containers:
        - name: app
          image: nginx:1.27
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
      spec:
        nodeSelector: { kubernetes.io/hostname: node02 }
        containers:
        - name: app
          image: nginx:1.27
      """
    Then within 1s, pod "infra-agent" is scheduled to node "node02"
    And within 1s, pod "app" has an event "FailedScheduling" with message "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: infra}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.."
    And node "node02" has taint "dedicated=infra:NoSchedule"

  Scenario: A cordoned node takes no new pods and keeps the ones it has
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: resident
      spec:
        nodeSelector: { kubernetes.io/hostname: node03 }
        containers:
        - name: app
          image: nginx:1.27
      """
    Then within 10s, pod "resident" has STATUS "Running"
    When I run "kubectl cordon node03"
    Then the output is:
      """
      node/node03 cordoned
      """
    And within 1s, node "node03" has taint "node.kubernetes.io/unschedulable:NoSchedule"
    And the terminal shows:
      """
      $ kubectl get nodes
      NAME     STATUS                     ROLES    AGE   VERSION
      node01   Ready                      <none>   2s    v1.32.0
      node02   Ready                      <none>   2s    v1.32.0
      node03   Ready,SchedulingDisabled   <none>   2s    v1.32.0
      """
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: newcomer
      spec:
        nodeSelector: { disk: ssd }
        containers:
        - name: app
          image: nginx:1.27
      """
    Then within 1s, pod "newcomer" has an event "FailedScheduling" with message "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: infra}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.."
    And for 1m, pod "resident" has STATUS "Running"
    # kubectl uncordon clears spec.unschedulable: a node update NodeUnschedulable cares about.
    When I run "kubectl uncordon node03"
    Then within 1s, pod "newcomer" is scheduled to node "node03"
