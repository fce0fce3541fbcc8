Feature: Temporal qualifiers say over which instants a claim must hold
  Any state check can be qualified: now (no qualifier), "within D," (run the cluster until the claim
  holds, stopping at once, for at most D), "for D," (run the cluster for D; the claim holds after
  every write), "always," / "never," (over the recorded history since the scenario started, or
  "since" a mark), and "at T," (the state at virtual instant T). Windows include their end.

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

  Scenario: "within" stops as soon as the claim holds
    Given I apply the manifest:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: bystander
      """
    And I delete configmap "flag" at 12s
    And I delete configmap "bystander" at 13s
    Then within 1m, configmap "flag" is gone
    And the clock reads 12s
    And configmap "bystander" exists

  Scenario: "within" includes its last instant
    Given I delete configmap "flag" at 30s
    Then within 30s, configmap "flag" is gone

  Scenario: "within" fails at its deadline when the claim never held
    Given I delete configmap "flag" at 30.001s
    When the next check is expected to fail
    Then within 30s, configmap "flag" is gone
    And the clock reads 30s

  Scenario: "for" runs the whole window and ends at its last instant
    Given I delete configmap "flag" at 30.001s
    Then for 30s, configmap "flag" exists
    And the clock reads 30s

  Scenario: "for" includes its last instant
    Given I delete configmap "flag" at 30s
    When the next check is expected to fail
    Then for 30s, configmap "flag" exists

  Scenario: "always" checks every write, so a change undone at the same instant is caught
    Given I apply the manifest at 10s:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: flag
      data:
        mode: fast
      """
    And I apply the manifest at 10s:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: flag
      data:
        mode: slow
      """
    When 20s pass
    Then configmap "flag" has .data.mode equal to "slow"
    And at 10s, configmap "flag" has .data.mode equal to "slow"
    But the next check is expected to fail
    And always, configmap "flag" has .data.mode equal to "slow"

  Scenario: "never since" a mark ignores what happened before the mark
    Given I delete configmap "flag" at 5s
    When 10s pass
    And I mark "flag deleted"
    And 1m pass
    Then never since "flag deleted", configmap "flag" exists
    But the next check is expected to fail
    And never, configmap "flag" exists

  Scenario: "at" reads a past instant from the history, including the writes made at that instant
    Given I delete configmap "flag" at 20s
    When 1m pass
    Then at 19.999s, configmap "flag" exists
    And at 20s, configmap "flag" is gone
    And the clock reads 1m

  Scenario: "at" a future instant runs the cluster up to that instant
    Given I delete configmap "flag" at 20s
    Then at 20s, configmap "flag" is gone
    And the clock reads 20s
