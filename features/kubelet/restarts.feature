Feature: Containers that exit are restarted with a growing back-off
  When a container exits or fails its liveness probe, the pod's restartPolicy decides whether it
  starts again: Always restarts every exit, OnFailure only a non-zero one, Never none (the pod
  then ends Failed or Succeeded). A restart waits out the crash-loop back-off, measured from the
  newest exit: none for the first restart, then 10 s, doubling up to 300 s (reset once a container
  exits more than 10 minutes after its last start). Until a sync finds the container in back-off,
  kubectl shows the exit's reason (Error, Completed, OOMKilled); then CrashLoopBackOff. The pod
  worker retries 10–15 s after each failed sync, on its 1 s tick. Images that cannot be pulled
  wait the same way: ErrImagePull, then ImagePullBackOff.

  Scenario: A container failing its liveness probe restarts after 10 s, 20 s, 40 s, in CrashLoopBackOff between
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: unhealthy
      spec:
        containers:
        - name: app
          image: kukumber/unhealthy:v1
          livenessProbe:
            httpGet: { path: /healthz, port: 8080 }
            periodSeconds: 1
            failureThreshold: 1
      """
    # The container runs from 1 s; the liveness worker (ticking every 1 s from 0) gets 500 from
    # /healthz at 2 s, and one failure is the threshold. The sync at 2 s kills the container and
    # starts it again at once: the back-off looks at the statuses the sync started from, where no
    # instance has exited yet. Its status follows at the next relist, 3 s.
    Then at 2s, pod "unhealthy" has an event "Killing" with message "Container app failed liveness probe, will be restarted"
    And at 3s, pod "unhealthy" has RESTARTS "1 (1s ago)"
    # 4 s: the second kill. There is an exited instance now (2 s) but no back-off entry yet: the
    # kubelet creates one, of 10 s, and starts the container at once again.
    And at 5s, pod "unhealthy" has RESTARTS "2 (1s ago)"
    # 6 s: the third kill. 6 s − 4 s (the newest exit) < 10 s: no start, CrashLoopBackOff — shown
    # from the relist at 7 s, with the exit at 6 s as the last restart.
    And the terminal shows:
      """
      $ sleep 2s
      $ kubectl get pod unhealthy
      NAME        READY   STATUS             RESTARTS     AGE
      unhealthy   0/1     CrashLoopBackOff   2 (1s ago)   7s
      """
    And pod "unhealthy" has .status.containerStatuses[0].state.waiting.message containing "back-off 10s restarting failed container=app pod=unhealthy_default("
    And pod "unhealthy" has an event "BackOff" with message containing "Back-off restarting failed container app in pod unhealthy_default("
    # From the exit at 6 s, the earliest start is 16 s: nothing through 15 s. Once allowed, the next
    # retry comes within 15 s (+ the 1 s tick), and its status at the relist (+ 1 s): by 33 s.
    And for 8s, pod "unhealthy" has restarted 2 times
    And within 18s, pod "unhealthy" has restarted 3 times
    # The new instance fails its first probe (≤ 1 s) and is killed; the back-off doubled when it
    # started: 20 s, shown at the next relist. Exit E is at most 1 s before the status shows it.
    And within 5s, pod "unhealthy" has .status.containerStatuses[0].state.waiting.message containing "back-off 20s restarting"
    And pod "unhealthy" has STATUS "CrashLoopBackOff"
    # No start before E + 20 s (now + 19 s at the earliest): nothing for 18 s; a start by
    # E + 20 s + 15 s + 1 s tick, seen 1 s later: within 37 s.
    And for 18s, pod "unhealthy" has restarted 3 times
    And within 37s, pod "unhealthy" has restarted 4 times
    # Doubled again: 40 s. Nothing for 38 s; a start within 57 s.
    And within 5s, pod "unhealthy" has .status.containerStatuses[0].state.waiting.message containing "back-off 40s restarting"
    And for 38s, pod "unhealthy" has restarted 4 times
    And within 57s, pod "unhealthy" has restarted 5 times

  Scenario Outline: restartPolicy <policy> with an image that exits with code <code>
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: job
      spec:
        restartPolicy: <policy>
        containers:
        - name: app
          image: <image>
      """
    # The image runs from 1 s and exits 5 s later, at 6 s: the kubelet reports the exit at once.
    # Restarted (Always; OnFailure with a non-zero code): the first restart is immediate (6 s);
    # the second exit (11 s) gets the 10 s back-off, and the restart comes 10–15 s after that
    # failed sync: 21–26 s. A third needs 20 s more: by 30 s the container restarted twice.
    # Not restarted: the pod is done — Succeeded with exit code 0, else Failed.
    Then at 6s, pod "job" has STATUS "<status>"
    And at 30s, pod "job" is in phase <phase>
    And pod "job" has restarted <restarts> times

    Examples:
      | image                | code | policy    | status    | phase     | restarts |
      | kukumber/crash:v1    | 1    | Always    | Error     | Running   | 2        |
      | kukumber/crash:v1    | 1    | OnFailure | Error     | Running   | 2        |
      | kukumber/crash:v1    | 1    | Never     | Error     | Failed    | 0        |
      | kukumber/complete:v1 | 0    | Always    | Completed | Running   | 2        |
      | kukumber/complete:v1 | 0    | OnFailure | Completed | Succeeded | 0        |
      | kukumber/complete:v1 | 0    | Never     | Completed | Succeeded | 0        |

  Scenario: A container using more memory than its limit is OOMKilled
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: hungry
      spec:
        nodeSelector: { kubernetes.io/hostname: node01 }
        containers:
        - name: app
          image: kukumber/oom:v1
          resources:
            limits:
              memory: 256Mi
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: fed
      spec:
        nodeSelector: { kubernetes.io/hostname: node02 }
        containers:
        - name: app
          image: kukumber/oom:v1
          resources:
            limits:
              memory: 1Gi
      """
    # kukumber/oom:v1 reaches 512Mi 2 s after it starts (1 s): at 3 s "hungry" is OOMKilled (exit 137)
    # and, as a first restart, started again at once.
    Then at 3s, pod "hungry" has STATUS "OOMKilled"
    And at 4s, pod "hungry" has .status.containerStatuses[0].lastState.terminated.reason equal to "OOMKilled"
    And pod "hungry" has .status.containerStatuses[0].lastState.terminated.exitCode equal to "137"
    And pod "hungry" has RESTARTS "1 (1s ago)"
    # 512Mi fits in 1Gi: "fed" just runs.
    And for 1m, pod "fed" has STATUS "Running"
    And pod "fed" has restarted 0 times

  Scenario: An image that cannot be pulled: ErrImagePull, then ImagePullBackOff, pulls 10 s, 20 s, 40 s apart
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: missing
      spec:
        containers:
        - name: app
          image: kukumber/does-not-exist:v1
      """
    # The pull starts at 0 and fails 1 s later: ErrImagePull, and the image's back-off is 10 s.
    Then at 1s, pod "missing" has STATUS "ErrImagePull"
    And pod "missing" has an event "Failed" with message "Failed to pull image \"kukumber/does-not-exist:v1\": rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/kukumber/does-not-exist:v1\": failed to resolve reference \"docker.io/kukumber/does-not-exist:v1\": docker.io/kukumber/does-not-exist:v1: not found"
    And pod "missing" has an event "Failed" with message "Error: ErrImagePull"
    # A sync in the back-off pulls nothing: Back-off pulling image, and the status the next sync writes
    # (10–15 s after the failed one) is ImagePullBackOff.
    And pod "missing" has an event "BackOff" with message "Back-off pulling image \"kukumber/does-not-exist:v1\""
    And within 16s, pod "missing" has STATUS "ImagePullBackOff"
    # Pulls: the 1st at 0 s fails at 1 s → none before 11 s; the retry comes within 16 s (the worker
    # retries 10–15 s after a failed sync, on its 1 s tick) and fails 1 s later, by 17 s → back-off
    # 20 s: none before 32 s, one by 53 s; it fails by 54 s → back-off 40 s: none before 73 s.
    And at 10s, pod "missing" has 1 "Pulling" event
    And at 16s, pod "missing" has 2 "Pulling" events
    And at 31s, pod "missing" has 2 "Pulling" events
    And at 53s, pod "missing" has 3 "Pulling" events
    And at 72s, pod "missing" has 3 "Pulling" events
    And never, pod "missing" is in phase Running
