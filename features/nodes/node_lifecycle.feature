Feature: A node that stops heartbeating goes NotReady and its pods are evicted five minutes later
  Each kubelet renews its node's Lease every 10 s (+ up to 4 % jitter). Every 5 s the node
  lifecycle controller notes the last renewal it has seen; when none has come for more than
  node-monitor-grace-period — 50 s since v1.32 — it sets the node's Ready condition (and the
  pressure conditions) to Unknown, marks its pods not ready and, one pass later, taints the node
  node.kubernetes.io/unreachable:NoExecute. A pod that does not say otherwise tolerates that taint
  for 300 s (the DefaultTolerationSeconds admission plugin adds the toleration), so 300 s after
  the taint the taint-eviction controller deletes it. Whether they then go away depends on their kubelet:
  one that still works stops them; pods on a node whose kubelet is gone stay Terminating until
  the kubelet comes back or the Node is deleted.

  Background:
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        nodeSelector: { kubernetes.io/hostname: node02 }
        containers:
        - name: app
          image: nginx:1.27
      """
    Then pod "web" has .spec.tolerations[?(@.key=="node.kubernetes.io/unreachable")].tolerationSeconds equal to "300"
    When 15s pass

  Scenario: The node goes NotReady, is tainted unreachable, and its pods are evicted 300 s later
    When node "node02" stops renewing its lease
    # Renewals came at 0 s and between 10 s and 10.4 s; the next would be due from 20 s. The pass
    # that first saw the last one ran at 10 s or 15 s; Ready turns Unknown at the first pass more
    # than 50 s later: 65 s or 70 s. Nothing before 65 s.
    Then for 49s, node "node02" has condition Ready=True
    And within 6s, node "node02" has condition Ready=Unknown with reason "NodeStatusUnknown"
    When I mark "unknown"
    Then node "node02" has STATUS "NotReady"
    And node "node02" has an event "NodeNotReady" with message "Node node02 status is now: NodeNotReady"
    And pod "web" has condition Ready=False
    And pod "web" has an event "NodeNotReady" with message "Node is not ready"
    # The node update is an event the NoSchedule tainting pass reacts to in the same instant.
    And within 1s, node "node02" has taint "node.kubernetes.io/unreachable:NoSchedule"
    And 0s have passed since "unknown"
    # The NoExecute taint: the next 5 s pass acts on the Unknown it saw and queues the node; the
    # tainting pass, every 100 ms, applies it 5.1 s after Ready turned Unknown.
    And within 10s, node "node02" has taint "node.kubernetes.io/unreachable:NoExecute"
    And 5.1s have passed since "unknown"
    When I mark "tainted"
    # The kubelet itself still runs: its status manager, syncing every 10 s, finds the pod's Ready
    # changed by someone else and sets it back, within 10 s of the change.
    Then within 5s, pod "web" has condition Ready=True
    # web tolerates the taint for 300 s: it is evicted 300 s after the taint, to the millisecond.
    And within 6m, pod "web" has STATUS "Terminating"
    And 5m have passed since "tainted"
    And pod "web" has an event "TaintManagerEviction" with message "Marking for deletion Pod default/web"
    And pod "web" has condition DisruptionTarget=True with reason "DeletionByTaintManager"
    # node02's kubelet hears of the deletion: nginx exits on SIGTERM, and the relist lets the
    # kubelet delete the pod within 1 s.
    And within 1s, pod "web" is gone

  Scenario: Pods on a node whose kubelet has stopped stay Terminating until the Node is deleted
    When the kubelet on node "node02" stops
    # As above: Unknown at 65 s or 70 s, the NoExecute taint 5.1 s later, the eviction 300 s after:
    # by 6m15.1s, 6m0.1s from here.
    Then within 6m0.1s, pod "web" has STATUS "Terminating"
    And pod "web" has an event "TaintManagerEviction" with message "Marking for deletion Pod default/web"
    # No kubelet finishes it: its containers are not stopped and nobody deletes it for good.
    And for 10m, pod "web" has STATUS "Terminating"
    When I delete node "node02"
    # Pod GC (every 20 s) finds web bound to a node that no longer exists at its next pass, waits
    # 40 s in case the node comes back, then marks the pod Failed and deletes it with grace 0:
    # more than 40 s and at most 60 s after the Node's deletion.
    Then for 40s, pod "web" exists
    And within 20s, pod "web" is gone
    # The node lifecycle controller forgot the node at its next 5 s pass.
    And node "node02" has an event "RemovingNode" with message "Removing Node node02 from Controller"

  Scenario: Pods on a node whose kubelet has stopped go away when the kubelet comes back
    When the kubelet on node "node02" stops
    Then within 6m0.1s, pod "web" has STATUS "Terminating"
    When 10m pass
    And the kubelet on node "node02" starts again
    # The kubelet lists its pods, finds web being deleted and stops its container: nginx exits at once on
    # SIGTERM; the pod is Completed, and at the next relist the kubelet deletes it.
    Then within 2s, pod "web" is gone
    # Starting, the kubelet wrote its node status (Ready=True) and renewed the lease at once; the
    # controller's next 5 s pass sees Ready and lifts both unreachable taints.
    And node "node02" has condition Ready=True with reason "KubeletReady"
    And within 5s, node "node02" has no taint "node.kubernetes.io/unreachable:NoExecute"
    And node "node02" has no taint "node.kubernetes.io/unreachable:NoSchedule"
    And node "node02" has STATUS "Ready"
