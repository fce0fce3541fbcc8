Feature: A ReplicaSet whose selector does not match its template is rejected
  apps/v1 validation refuses a ReplicaSet whose pod template labels do not satisfy its selector:
  every pod it created would be one it does not select, so it would create pods without end (the
  seed's warning). The API server answers 422 Invalid and nothing is created.

  Scenario: kubectl apply of the mismatched manifest fails with upstream's message
    When I run "kubectl apply -f fixtures/manifests/replicaset-mismatch.yaml"
    Then the command fails with:
      """
      The ReplicaSet "mismatch" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"demoapp-x"}: `selector` does not match template `labels`
      """
    And replicaset "mismatch" is gone

  Scenario: A scenario's manifest is refused with the file line and the same words
    When I try to apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: web
            tier: front
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: app
              image: nginx:1.27
      """
    Then it is rejected with:
      """
      manifest:1: The ReplicaSet "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`
      """
    And replicaset "web" is gone
