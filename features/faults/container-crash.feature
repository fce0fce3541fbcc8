Feature: A crashed container is restarted, with a growing back-off while it keeps crashing
  When a container's process exits, the kubelet restarts it (restartPolicy Always). The first
  restart is immediate; each later one waits the crash-loop back-off — 10s, doubling up to 5m,
  counted from the last exit — and the pod shows CrashLoopBackOff meanwhile. The pod worker that
  retries is requeued 10–15s after a sync that hit the back-off (jittered), so restarts land a few
  seconds after the back-off ends. `I crash container … at T` kills the running process once;
  `from T for D` also kills every restart within the window, as a bug at start-up would.

  Background:
    Given I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: app
          image: nginx:1.27
      """

  Scenario: One crash: the kubelet restarts the container at once
    Given I crash container "app" of pod "web" with exit code 1 at 30s
    # 0s: bound, nginx:1.27 pulls in 2s; 2s: running and Ready.
    # 30s: the process exits with code 1 (containerd's reason: Error); the PLEG relist at 30s sees
    # it, and the sync restarts it at once — the back-off has no entry for this container yet.
    # 31s: the next relist sees the new instance running: restartCount 1, the old one in lastState.
    Then within 1m, pod "web" has .status.containerStatuses[0].restartCount equal to "1"
    And the clock reads 31s
    And pod "web" has .status.containerStatuses[0].lastState.terminated.exitCode equal to "1"
    And pod "web" has .status.containerStatuses[0].lastState.terminated.reason equal to "Error"
    And pod "web" has .status.containerStatuses[0].state.running.startedAt equal to "2025-01-01T00:00:30Z"
    And pod "web" has condition Ready=True

  Scenario: Crashing for a minute: CrashLoopBackOff, then the container stays up once the fault heals
    Given I crash container "app" of pod "web" with exit code 1 from 30s for 1m
    # 30s: exit, and restart 1 at once, which exits as well. 31s: the sync that sees it runs into
    # the back-off (10s from 30s) and requeues the pod 10–15s later, on the 1s sync tick: restart 2
    # comes at 41–47s, and that sync first writes the CrashLoopBackOff the previous one ran into.
    Then within 47s, pod "web" has .status.containerStatuses[0].state.waiting.reason equal to "CrashLoopBackOff"
    And pod "web" has .status.containerStatuses[0].state.waiting.message containing "back-off 10s restarting failed container=app pod=web_default("
    And pod "web" has condition Ready=False
    # Restart 2 exits at once. Restart 3 waits 20s from it: the 10–15s requeues reach it at 62–81s,
    # inside the window, so it exits too. Restart 4 waits 40s: 102–137s, after the heal at 1m30s —
    # it stays up, and the relist a second later reports it: Ready by 2m18s whatever the jitter.
    And at 2m18s, pod "web" has condition Ready=True
    And pod "web" has .status.containerStatuses[0].restartCount equal to "4"
    And for 10m, pod "web" has condition Ready=True
