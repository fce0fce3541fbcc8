Feature: A kubelet that restarts or stops leaves containers running and catches up when back
  The kubelet is a process on the node; the containers belong to the container runtime. When the
  kubelet restarts it loses what it held in memory — probe results, back-offs, its pod cache — and
  rebuilds it from the API server and the runtime: running containers are adopted, not restarted.
  While it is stopped nothing on the node changes: no status, no Lease renewals (so after 50s the
  node is Unknown, as for a crash), and a deleted pod stays Terminating until the kubelet is back
  to stop its containers.

  Background:
    Given I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        nodeName: node01
        containers:
        - name: app
          image: nginx:1.27
      """

  Scenario: A restart adopts the running container
    Given I restart the kubelet on node "node01" at 30s
    # 2s: running. 30s: the kubelet restarts, lists the pod bound to its node and finds its
    # container running in the runtime: nothing to start, nothing to kill.
    When 5m pass
    Then pod "web" has condition Ready=True
    And pod "web" has .status.containerStatuses[0].restartCount equal to "0"
    And pod "web" has .status.containerStatuses[0].state.running.startedAt equal to "2025-01-01T00:00:02Z"
    And pod "web" has 1 "Started" event

  Scenario: While the kubelet is stopped a deleted pod stays Terminating; back, it finishes the deletion
    Given I stop the kubelet on node "node01" from 30s for 2m
    And I delete pod "web" at 1m
    # The Lease stops at 30s: the node is Unknown at 80s (last renewal at 20–20.8s, seen at the
    # controller's 25s pass, plus the 50s grace) and the pod not Ready.
    Then at 1m20s, node "node01" has condition Ready=Unknown
    # 1m: the API server sets the deletion timestamp (grace 30s); no kubelet acts on it, and the
    # grace period passing changes nothing: only the kubelet's final delete removes the pod.
    And at 2m29s, pod "web" exists
    And pod "web" has .metadata.deletionTimestamp equal to "2025-01-01T00:01:30Z"
    # 2m30s: the kubelet starts, sees the pod is being deleted and stops its container (nginx exits
    # at once on SIGTERM); the relist at 2m31s sees it stopped, and the kubelet deletes the pod.
    And at 2m30s, pod "web" exists
    And at 2m31s, pod "web" is gone
