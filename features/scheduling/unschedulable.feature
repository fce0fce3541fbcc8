Feature: A pod no node can hold stays Pending until the cluster changes
  kube-scheduler filters the nodes a pod could run on; when none passes, the pod stays Pending
  with PodScheduled=False and a FailedScheduling event saying, node by node, why, then why
  preemption would not help either (that part brings its own final period, so the message ends
  in two). The pod waits among the unschedulable pods until a cluster event that could make it
  fit (a node added, a pod gone) or, failing that, for more than 5 minutes (the leftover flush
  runs every 30 s).

  Scenario: A pod asking for more CPU than any node has stays Pending with the scheduler's reason
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: big
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              cpu: "8"
      """
    # Three nodes of 4 CPUs: each fails NodeResourcesFit; preemption finds no pod to evict.
    Then within 1s, pod "big" has an event "FailedScheduling" with message "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.."
    And pod "big" has condition PodScheduled=False with reason "Unschedulable"
    And pod "big" has STATUS "Pending"
    And the terminal shows:
      """
      $ kubectl get pod big -o wide
      NAME   READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES
      big    0/1     Pending   0          0s    <none>   <none>   <none>           <none>
      """
    # Nothing changes in the cluster, so it is tried again only once it has waited more than 5 minutes:
    # the flush at 5m is not "more", the one at 5m30s is.
    And at 5m29s, pod "big" has 1 "FailedScheduling" event
    And at 5m30s, pod "big" has 2 "FailedScheduling" events
    And pod "big" has STATUS "Pending"

  Scenario: A node that fits joins, and the pod is scheduled to it at once
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: big
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              cpu: "8"
      """
    And 1m pass
    And these nodes join the cluster:
      | name   | cpu |
      | node04 | 16  |
    # A node added is a cluster event NodeResourcesFit cares about: the pod goes back to the active
    # queue (its 1 s back-off long over) and binds in the same instant.
    Then within 1s, pod "big" is scheduled to node "node04"
    And the clock reads 1m
    And pod "big" has an event "Scheduled" with message "Successfully assigned default/big to node04"
    And pod "big" has condition PodScheduled=True
    And within 10s, pod "big" has STATUS "Running"

  Scenario: A pod waits for the pod that takes the room, and is scheduled as soon as that one ends
    Given a cluster with nodes:
      | name   | cpu |
      | node01 | 4   |
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: hog
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              cpu: "3"
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              cpu: "2"
      """
    Then within 1s, pod "web" has an event "FailedScheduling" with message "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.."
    And for 20s, pod "web" has STATUS "Pending"
    # Deleting hog gives it a 30 s grace period, but nginx exits at once on SIGTERM: its phase turns
    # Succeeded, and kube-scheduler counts no terminal pod against a node — web binds then, at 20 s,
    # while hog still shows in kubectl until its kubelet deletes it.
    When I delete pod "hog"
    Then within 1s, pod "web" is scheduled to node "node01"
    And the clock reads 20s
    And pod "hog" exists
    And within 5s, pod "hog" is gone
