Feature: A deleted pod terminates gracefully and shows Terminating until its kubelet confirms
  Deleting a running pod does not remove it: the API server sets deletionTimestamp (now + the
  grace period, terminationGracePeriodSeconds by default 30 s) and kubectl shows it Terminating.
  Its kubelet sends each container SIGTERM and, if it is still running when the grace period is
  over (never less than 2 s), SIGKILL. Once the containers have stopped and the kubelet has seen
  it at its next relist, the kubelet deletes the pod for good (grace 0). kubectl delete --grace-period
  sets another grace period, --now one of 1 s, and --grace-period=0 --force removes the object at
  once without waiting for the kubelet.

  Background:
    # kukumber/slow-stop:v1 exits 5 s after SIGTERM, with code 0; kukumber/stubborn:v1 (in the
    # catalogue) ignores SIGTERM.
    Given the image profiles in "images/slow-stop.yaml"
    And I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow-stop
      spec:
        containers:
        - name: app
          image: kukumber/slow-stop:v1
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: stubborn
      spec:
        containers:
        - name: app
          image: kukumber/stubborn:v1
      """
    And 10s pass

  Scenario: The pod shows Terminating while its container stops, and is gone once the kubelet confirms
    When I delete pod "slow-stop"
    # 10 s: deletionTimestamp = 10 s + 30 s; the kubelet sends SIGTERM (event Killing) at once.
    Then pod "slow-stop" has STATUS "Terminating"
    And pod "slow-stop" has .metadata.deletionTimestamp equal to "2025-01-01T00:00:40Z"
    And within 1s, pod "slow-stop" has an event "Killing" with message "Stopping container app"
    And the clock reads 10s
    And the terminal shows:
      """
      $ kubectl get pod slow-stop
      NAME        READY   STATUS        RESTARTS   AGE
      slow-stop   1/1     Terminating   0          10s
      """
    # The image exits 5 s after SIGTERM with code 0: at 15 s the kubelet writes the final status —
    # phase Succeeded, which kubectl shows as Completed — and at the relist at 16 s it deletes the pod.
    And for 4s, pod "slow-stop" has STATUS "Terminating"
    And within 2s, pod "slow-stop" is in phase Succeeded
    And the clock reads 15s
    And pod "slow-stop" has STATUS "Completed"
    And within 2s, pod "slow-stop" is gone
    And the clock reads 16s

  Scenario: An image that ignores SIGTERM holds the pod for the whole grace period
    # kubectl delete waits for the pod to be gone — here, in virtual time: SIGTERM at 10 s is ignored,
    # SIGKILL at 10 s + 30 s ends the container (exit 137, phase Failed), and the relist at 41 s lets
    # the kubelet delete the pod.
    When I run "kubectl delete pod stubborn"
    Then the output is:
      """
      pod "stubborn" deleted
      """
    And the clock reads 41s
    And at 39.999s, pod "stubborn" has STATUS "Terminating"
    And at 40s, pod "stubborn" has .status.containerStatuses[0].state.terminated.exitCode equal to "137"
    And at 40s, pod "stubborn" is in phase Failed

  Scenario Outline: kubectl delete <flags> shortens the grace period
    When I run "kubectl delete pod stubborn <flags>"
    # The grace period the API sets: <grace>, so deletionTimestamp = 10 s + <grace>. The kubelet kills
    # with the same grace, floored at 2 s: SIGKILL at <killed>; the pod is gone at the next relist.
    Then the output is:
      """
      pod "stubborn" deleted
      """
    And the clock reads <gone>
    And at 10s, pod "stubborn" has .metadata.deletionTimestamp equal to "<deletionTimestamp>"
    And at <killed>, pod "stubborn" is in phase Failed

    Examples:
      | flags            | grace | deletionTimestamp    | killed | gone |
      | --grace-period=5 | 5 s   | 2025-01-01T00:00:15Z | 15s    | 16s  |
      | --now            | 1 s   | 2025-01-01T00:00:11Z | 12s    | 13s  |

  Scenario: --grace-period=0 --force removes the pod at once, without waiting for the kubelet
    When I run "kubectl delete pod stubborn --grace-period=0 --force"
    Then the output is:
      """
      warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.
      pod "stubborn" force deleted
      """
    And pod "stubborn" is gone
    And the clock reads 10s
    # The kubelet hears of it from its watch and stops the container anyway.
    And within 1s, pod "stubborn" has an event "Killing" with message "Stopping container app"
    And the clock reads 10s
