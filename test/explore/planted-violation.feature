Feature: A violation planted for kukumber explore to find
  Kept outside features/ so the main suite stays green: the claim below is false for some seeds.
  The crash comes at an instant the scenario's seed draws between 0s and 4s. nginx:1.27 is pulled in
  2s, so a crash before 2s finds no running container and does nothing; a crash from 2s on kills
  it, and for about a second — until the relist that reports the restarted container — the pod's
  status shows the terminated one. The never-claim is checked after every write, so it catches that
  transient state although the pod is Ready again at 10s.

  Scenario: A crash at a drawn instant shows a terminated container only if it hits a running one
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
    And I crash container "app" of pod "web" with exit code 1 at some instant between 0s and 4s
    When 10s pass
    Then pod "web" has condition Ready=True
    And never, pod "web" has .status.containerStatuses[0].state.terminated.reason equal to "Error"
