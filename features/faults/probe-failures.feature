Feature: Failing probes take a pod out of service or restart its container, and it recovers
  A probe fault makes every probe of that type fail for a window — an HTTP probe gets a 503, a TCP
  probe a refused connection — whatever the image would answer; periods and thresholds apply as
  usual. failureThreshold failures in a row turn readiness False (the pod leaves its Services'
  endpoints) or, for liveness, kill the container, which restarts. After the window the first
  successful readiness probe makes the pod Ready again; a restarted container stays up.

  Scenario: Readiness fails for 30s: the pod is not Ready for a while, then Ready again
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
          readinessProbe:
            httpGet:
              path: /
              port: 80
            periodSeconds: 5
      """
    And I fail the readiness probes of pod "web" from 30s for 30s
    # 2s: nginx:1.27 runs; the sync's manual readiness run resets the ticker: probes at 2s, 7s, 12s …
    # The 2s probe succeeds: Ready.
    Then at 29s, pod "web" has condition Ready=True
    # Failures at 32s, 37s, 42s: the third (failureThreshold 3) turns readiness False at 42s.
    And at 41s, pod "web" has condition Ready=True
    And at 42s, pod "web" has condition Ready=False
    And pod "web" has an event "Unhealthy" with message "Readiness probe failed: HTTP probe failed with statuscode: 503"
    # The heal at 1m; the probe at 62s succeeds (successThreshold 1): Ready again, and it stays.
    And at 1m1s, pod "web" has condition Ready=False
    And at 1m2s, pod "web" has condition Ready=True
    And for 5m, pod "web" has condition Ready=True
    And pod "web" has .status.containerStatuses[0].restartCount equal to "0"

  Scenario: Liveness fails for 30s: the container is killed and restarted twice, then stays up
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
          livenessProbe:
            httpGet:
              path: /
              port: 80
            periodSeconds: 5
      """
    And I fail the liveness probes of pod "web" from 30s for 30s
    # The liveness worker starts with the pod at 0s and ticks every 5s (no manual runs for liveness).
    # Failures at 30s, 35s, 40s: at the third the kubelet kills the container (nginx exits on SIGTERM
    # at once) and starts a new one at 40s; the relist at 41s reports restart 1.
    Then at 41s, pod "web" has .status.containerStatuses[0].restartCount equal to "1"
    And pod "web" has an event "Killing" with message "Container app failed liveness probe, will be restarted"
    And pod "web" has an event "Unhealthy" with message "Liveness probe failed: HTTP probe failed with statuscode: 503"
    # The worker probes the new container from its next tick: failures at 45s, 50s, 55s — restart 2
    # at 55s. The probe at 60s runs after the heal (it was planned first, at the same instant): it succeeds.
    And at 56s, pod "web" has .status.containerStatuses[0].restartCount equal to "2"
    And for 5m, pod "web" has .status.containerStatuses[0].restartCount equal to "2"
    And pod "web" has condition Ready=True
