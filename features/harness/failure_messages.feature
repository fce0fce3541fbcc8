@seed=42
Feature: A failed check explains itself
  A failure says first how to reproduce it (the seed and a command to paste), then what was
  awaited over which window, what was last observed and when — and for claims over time, which
  write broke them — then the objects the check looked at and the writes that led there.

  Background:
    Given I apply the manifest:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        mode: slow
      """

  Scenario: "within" reports what it saw at its deadline
    When 2.5s pass
    And the next check is expected to fail
    Then within 10s, configmap "settings" has .data.mode equal to "fast"
    And the check failed with:
      """
      Reproduce: KUKUMBER_SEED=42 npx kukumber test features/harness/failure_messages.feature:18
      Awaited:   within 10s, configmap "settings" has .data.mode equal to "fast" (from 2.5s to 12.5s)
      Observed:  .data.mode is "slow", at 12.5s

      State at 12.5s:
      KIND        NAME               AGE   SUMMARY
      configmap   kube-root-ca.crt   12s   data: ca.crt
      configmap   settings           12s   data: mode

      Timeline (1 write since the scenario started):
        0s  ADDED  configmap/settings  by kubectl
      """

  Scenario: "for" reports the write that broke the claim
    Given I delete configmap "settings" at 7s
    When the next check is expected to fail
    Then for 1m, configmap "settings" exists
    And the check failed with:
      """
      Reproduce: KUKUMBER_SEED=42 npx kukumber test features/harness/failure_messages.feature:37
      Awaited:   for 1m, configmap "settings" exists (from 0s to 1m)
      Observed:  configmap "settings" not found, at 7s, after configmap/settings DELETED by kubectl

      State at 7s:
      KIND        NAME               AGE   SUMMARY
      configmap   kube-root-ca.crt   7s    data: ca.crt

      Timeline (2 writes since the scenario started):
        0s  ADDED    configmap/settings  by kubectl
        7s  DELETED  configmap/settings  by kubectl
      """

  Scenario: "never" reports the first write after which the claim held
    When I mark "steady"
    And I apply the manifest at 4s:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        mode: debug
      """
    And 10s pass
    And the next check is expected to fail
    Then never since "steady", configmap "settings" has .data.mode equal to "debug"
    And the check failed with:
      """
      Reproduce: KUKUMBER_SEED=42 npx kukumber test features/harness/failure_messages.feature:56
      Awaited:   never since "steady", configmap "settings" has .data.mode equal to "debug" (from 0s to 10s)
      Observed:  .data.mode is "debug", at 4s, after configmap/settings MODIFIED by kubectl

      State at 4s:
      KIND        NAME               AGE   SUMMARY
      configmap   kube-root-ca.crt   4s    data: ca.crt
      configmap   settings           4s    data: mode

      Timeline (2 writes since the scenario started):
        0s  ADDED     configmap/settings  by kubectl
        4s  MODIFIED  configmap/settings  by kubectl
      """
