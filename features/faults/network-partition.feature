Feature: A partitioned node's pods keep running, are marked not Ready, and recover when it heals
  A network partition between a node and the API server stops the kubelet's Lease renewals and
  status writes, while its containers run on. The control plane cannot tell this from a crash: after
  node-monitor-grace-period (50s) the node lifecycle controller sets the node's conditions to
  Unknown, marks its pods not Ready (they leave their Services' endpoints) and taints the node
  unreachable; pods tolerate that for 300s. When the partition heals before then, the kubelet
  lists its pods again, reports the node Ready, and restores the pods' Ready condition at its next
  10s status sync. No container restarted.

  Scenario: Two minutes cut off: the pod runs on, is not Ready meanwhile, and is Ready again after
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
    And I partition node "node01" off the network from 30s for 2m
    # The last Lease renewal before 30s comes at 20–20.8s (10s plus up to 4% jitter), noticed at the
    # controller's 25s pass; 50s later, at its 80s pass, the node is Unknown and the pod not Ready.
    Then at 1m19s, pod "web" has condition Ready=True
    And at 1m20s, node "node01" has condition Ready=Unknown with reason "NodeStatusUnknown"
    And pod "web" has condition Ready=False
    # 2m30s: the partition heals. The kubelet relists its pods and sees that the pod's Ready
    # condition is not what it computed; its status manager rewrites it at the next 10s sync, 2m40s.
    And at 2m39s, pod "web" has condition Ready=False
    And at 2m40s, pod "web" has condition Ready=True
    # The kubelet computes node status every 10s plus up to 4% jitter; the first computation after
    # the heal differs from the Unknown the controller wrote, so it is written: Ready by 2m40.4s.
    And at 2m40.4s, node "node01" has condition Ready=True
    And pod "web" has .status.containerStatuses[0].restartCount equal to "0"
    And pod "web" has .status.containerStatuses[0].state.running.startedAt equal to "2025-01-01T00:00:02Z"
    And pod "web" has an event "TaintManagerEviction" with message "Cancelling deletion of Pod default/web"
