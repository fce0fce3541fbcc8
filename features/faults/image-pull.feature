Feature: An image that cannot be pulled keeps a pod waiting, and it starts once the image is there
  When a pull fails, the kubelet reports ErrImagePull and retries only after the image pull
  back-off — 10s, doubling up to 5m after each failure of that pod's image — reporting
  ImagePullBackOff meanwhile. Pods are retried by their worker every 10–15s (jittered) after a
  failed sync. The fault makes the registry answer "not found" for the image, as for a tag CI has
  not pushed yet; once it heals, the next pull succeeds. A node that already has the image does not
  pull it (pull policy IfNotPresent), so only fresh nodes see the fault.

  Scenario: The registry lacks the image for a minute; the pod runs once it has it
    Given I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: app
          image: example.com/shop/web:2.0
      """
    And I make pulls of image "example.com/shop/web:2.0" fail from 0s for 1m
    # 0s: the pull starts; an image the catalogue does not name pulls in 1s — here it fails at 1s.
    Then at 1s, pod "web" has .status.containerStatuses[0].state.waiting.reason equal to "ErrImagePull"
    And pod "web" has .status.containerStatuses[0].state.waiting.message equal to "rpc error: code = NotFound desc = failed to pull and unpack image \"example.com/shop/web:2.0\": failed to resolve reference \"example.com/shop/web:2.0\": example.com/shop/web:2.0: not found"
    And pod "web" has an event "Failed" with message "Failed to pull image \"example.com/shop/web:2.0\": rpc error: code = NotFound desc = failed to pull and unpack image \"example.com/shop/web:2.0\": failed to resolve reference \"example.com/shop/web:2.0\": example.com/shop/web:2.0: not found"
    # Retries wait the back-off: the second pull starts at 11s at the earliest, the third at least
    # 21s after the second failed (32s or later), a fourth at least 41s after the third (73s or
    # later) — past the heal. So at most three pulls fail, the last before 1m1s.
    And within 30s, pod "web" has .status.containerStatuses[0].state.waiting.reason equal to "ImagePullBackOff"
    And pod "web" has an event "BackOff" with message "Back-off pulling image \"example.com/shop/web:2.0\""
    And at 1m, pod "web" has .status.phase equal to "Pending"
    # After the last failure (before 1m1s) the back-off is at most 40s, and the worker's next retry
    # comes at most 16s after it ends: the pull starts before 1m57s, succeeds 1s later, the
    # container starts and the next relist reports it — Running by 1m59s.
    And at 1m59s, pod "web" has .status.phase equal to "Running"
    And pod "web" has condition Ready=True
    And pod "web" has an event "Pulled" with message containing "Successfully pulled image \"example.com/shop/web:2.0\" in 1s"
