Feature: kubectl changes the cluster the way kubectl v1.32 does, and says so in its words
  Commands typed in a scenario run against the simulated cluster and print exactly what kubectl
  prints: apply keeps the last applied manifest and merges three ways, delete waits until the
  objects are gone, and errors read as they do on a real terminal.

  Scenario: Applying the same manifest twice leaves the ReplicaSet unchanged
    Then the terminal shows:
      """
      $ kubectl apply -f - <<EOF
      apiVersion: apps/v1
      kind: ReplicaSet
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
              app: web
          spec:
            containers:
            - name: app
              image: nginx:1.27
      EOF
      replicaset.apps/web created
      $ kubectl apply -f - <<EOF
      apiVersion: apps/v1
      kind: ReplicaSet
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
              app: web
          spec:
            containers:
            - name: app
              image: nginx:1.27
      EOF
      replicaset.apps/web unchanged
      """

  Scenario: Scaling, relabelling and changing the image of a ReplicaSet applied from a manifest
    Given I apply the manifest:
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
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: app
              image: nginx:1.27
      """
    When I run "kubectl scale rs/web --replicas=3"
    Then the command succeeds with:
      """
      replicaset.apps/web scaled
      """
    And the terminal shows:
      """
      $ kubectl label rs web tier=frontend
      replicaset.apps/web labeled
      $ kubectl label rs web tier=backend
      error: 'tier' already has a value (frontend), and --overwrite is false
      $ kubectl set image rs/web app=nginx:1.28
      replicaset.apps/web image updated
      $ kubectl set image rs/web sidecar=busybox
      error: unable to find container named "sidecar"
      """

  Scenario: An invalid manifest is refused in kubectl's 422 form and nothing is created
    When I run "kubectl create -f fixtures/kubectl/invalid-replicaset.yaml"
    Then the command fails with:
      """
      The ReplicaSet "broken" is invalid: 
      * spec.replicas: Invalid value: -1: must be greater than or equal to 0
      * spec.template.spec.containers[0].image: Required value
      """
    And the terminal shows:
      """
      $ kubectl delete rs broken
      Error from server (NotFound): replicasets.apps "broken" not found
      """
