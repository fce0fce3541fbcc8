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
    # (its labels, the template's, do not match). After the client's burst of 30 requests, each new
    # ReplicaSet costs six requests at 20 per second (a create that collides with the last name, the
    # create after raising collisionCount, the event, two status writes, the release): one every
    # 300ms, the 20th 4.35s after the first.
    Then within 1m, a runaway stops the cluster with:
      """
      Deployment default/web created 20 replicasets in 4.35s of virtual time; each was released because its labels {app: other, pod-template-hash: 649bf8f978} do not match the selector app=web
      """
