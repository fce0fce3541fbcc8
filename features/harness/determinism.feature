Feature: A run is a function of its steps and its seed
  Generated names, uids and every tie-break come from seeded random streams, and nothing reads the
  host's clock, so the same steps with the same seed write the same history, write for write.
  The seed is KUKUMBER_SEED when set, else the @seed tag, else the world parameter, else a hash of
  the scenario name; a failure prints it with the command that replays the scenario.

  Background:
    Given I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        generateName: web-
        labels:
          app: web
      spec:
        containers:
        - name: app
          image: nginx:1.27
      ---
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
    And I apply the manifest at 2m:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        generateName: settings-
      """
    When 5m pass

  @seed=42
  Scenario: The same seed writes the same history
    Then replaying this scenario with the same seed writes the same history

  @seed=42
  Scenario: Another seed generates other names and uids
    Then replaying this scenario with seed 43 writes a different history

  Scenario: A scenario without a seed tag gets a stable seed from its name
    Then replaying this scenario with the same seed writes the same history
