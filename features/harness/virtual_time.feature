Feature: Virtual time moves only when a step says so
  The cluster lives on a virtual clock that starts at 2025-01-01T00:00:00Z and stands still between
  steps. "30s pass" runs everything due up to and including 30 seconds from now, then stops.

  Background:
    Given I apply the manifest:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: flag
      data:
        mode: slow
      """

  Scenario: The clock starts at the epoch and stands still between steps
    Then the clock reads 0s
    And configmap "flag" has .metadata.creationTimestamp equal to "2025-01-01T00:00:00Z"

  Scenario: "30s pass" includes what is due exactly 30 seconds from now
    Given I delete configmap "flag" at 30s
    When 30s pass
    Then configmap "flag" is gone
    And the clock reads 30s

  Scenario: "30s pass" stops before what is due a millisecond later
    Given I delete configmap "flag" at 30.001s
    When 30s pass
    Then configmap "flag" exists
    When 1ms pass
    Then configmap "flag" is gone

  Scenario: Timestamps are virtual time, truncated to the second as the API stores them
    When 1m30.9s pass
    And I apply the manifest:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: later
      """
    Then configmap "later" has .metadata.creationTimestamp equal to "2025-01-01T00:01:30Z"

  @watch-latency=200ms
  Scenario: Watchers hear of a write after the watch latency, never at the instant it is made
    The garbage collector deletes an object whose owner does not exist — once its watch has
    delivered the object, 200ms after the write.
    When I apply the manifest:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: orphan
        ownerReferences:
        - apiVersion: v1
          kind: ConfigMap
          name: long-gone
          uid: 6d1f3c2a-0000-4000-8000-000000000000
      """
    Then within 1s, configmap "orphan" is gone
    And the clock reads 200ms
    And at 199ms, configmap "orphan" exists
