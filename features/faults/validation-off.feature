Feature: With validation bypassed, invalid objects get in, and controllers may never converge on them
  The API server validates every object before storing it; a broken or bypassed validating webhook
  — here, a switch that turns kind validation off — lets objects in that it would reject. Once
  validation is back, the same objects are rejected again. Controllers rely on what validation
  guarantees: a Deployment whose selector does not match its pod template keeps creating
  ReplicaSets it cannot own, which kukumber stops as a runaway.

  Scenario: An invalid ConfigMap gets in while validation is off, and is rejected once it is back
    Given I switch off validation from 0s for 1m
    When I apply the manifest:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        "bad key": "on"
      """
    Then configmap "settings" exists
    When 1m passes
    And I try to apply the manifest:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: other-settings
      data:
        "bad key": "on"
      """
    Then it is rejected with:
      """
      manifest:1: The ConfigMap "other-settings" is invalid: data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')
      """

  Scenario: A Deployment whose selector does not match its template creates ReplicaSets without end
    Given I switch off validation from 0s for 1m
    And one owner creating 20 objects within 1m is a runaway
    When I apply the manifest:
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
              app: other
          spec:
            containers:
            - name: app
              image: nginx:1.27
      """
    # Each sync finds no ReplicaSet matching the selector and creates one, which it then releases
    # (its labels, the template's, do not match). Every request of the controller — its events too,
    # which go through the same client — draws on one token bucket: a burst of 30, then 20 a second.
    # A new ReplicaSet costs seven: the release of the last one, a create that collides with its
    # name, the status write raising collisionCount, the create, its ScalingReplicaSet event and
    # two status writes. The 20th ReplicaSet therefore needs about 20 × 7 = 140 tokens, 110 beyond
    # the burst: 5.5s at 20 a second, a little less because its own trailing writes come after it —
    # it is created at 5.3s.
    Then within 1m, a runaway stops the cluster with:
      """
      Deployment default/web created 20 replicasets in 5.3s of virtual time; each was released because its labels {app: other, pod-template-hash: 649bf8f978} do not match the selector app=web
      """
