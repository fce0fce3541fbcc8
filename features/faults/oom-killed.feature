Feature: An OOM-killed container is restarted like any crashed one, and says why it died
  The kernel's OOM killer ends a container that outgrows its memory: containerd reports exit code
  137 with reason OOMKilled, which the pod's status keeps in lastState (and `kubectl get pods` shows
  while the container is down). The kubelet restarts it as it restarts any crashed container: at
  once the first time, then after a crash-loop back-off of 10s, 20s, 40s … counted from each exit.
  `I OOM-kill container … at T` kills the running process once; `from T for D` also kills every
  restart within the window once its working set is reached (the image's oomAfter, 1s here).

  Scenario: One OOM kill: the pod reports OOMKilled, and the container runs again at once
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
          resources:
            limits:
              memory: 128Mi
      """
    And I OOM-kill container "app" of pod "web" at 30s
    # 2s: nginx:1.27 is pulled (2s) and runs. 30s: killed; the PLEG relist at 30s sees it, the sync
    # writes the terminated state and restarts the container at once (no back-off entry yet).
    Then at 30s, pod "web" has .status.containerStatuses[0].state.terminated.reason equal to "OOMKilled"
    And at 30s, pod "web" has .status.containerStatuses[0].state.terminated.exitCode equal to "137"
    And the terminal shows:
      """
      $ kubectl get pod web
      NAME   READY   STATUS      RESTARTS   AGE
      web    0/1     OOMKilled   0          30s
      """
    # 31s: the relist reports the new instance: running, restart 1, the kill kept in lastState.
    When 1s passes
    Then pod "web" has .status.containerStatuses[0].restartCount equal to "1"
    And pod "web" has .status.containerStatuses[0].lastState.terminated.reason equal to "OOMKilled"
    And pod "web" has condition Ready=True

  Scenario: OOM kills for a minute across a deployment's pods, then both replicas are available again
    Given I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
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
    And I OOM-kill container "app" of deployment "web" from 30s for 1m
    # 2s: both pods run (nginx:1.27 pulls in 2s on each node) and are available (minReadySeconds 0).
    Then at 29s, deployment "web" has 2 available replicas
    # 30s: both are killed; restart 1 comes at once and is killed 1s later (31s), before any relist
    # reports it running; the ReplicaSet and Deployment count no ready pod from then on.
    And at 35s, deployment "web" has 0 available replicas
    # Each next restart waits the back-off from the last kill plus the worker's 10–15s requeue on
    # the 1s tick: restart 2 at 41–47s, restart 3 at 62–84s (both killed within the window), restart 4
    # at 103–141s, after the heal at 1m30s: it stays up, and the relist a second later reports it.
    And at 2m22s, deployment "web" has 2 available replicas
    And for 10m, deployment "web" has 2 available replicas
