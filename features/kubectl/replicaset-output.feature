Feature: kubectl shows a running ReplicaSet, and who owns its pods, as kubectl v1.32 does
  A ReplicaSet keeps `replicas` pods matching its selector, created from its template. kubectl
  get counts them (DESIRED, CURRENT, READY), -o wide adds the containers, images and selector,
  describe adds the template and the controller's events, and every pod it created names it in
  metadata.ownerReferences — a pod created on its own has no owner and nobody replaces it.

  Background:
    Given I apply the fixture "manifests/replicaset-demo.yaml"

  Scenario: READY counts the pods whose readiness probe passed
    # The pods are created at 0s and their containers start at 1s (the image pulls in 1s). The
    # readiness probe waits initialDelaySeconds=15 after the start; the kubelet's prober, on its
    # 10s period from the worker's start, sees the first success at 22s and marks the pods Ready.
    When 21s pass
    Then the terminal shows:
      """
      $ kubectl get rs
      NAME              DESIRED   CURRENT   READY   AGE
      replicaset-demo   2         2         0       21s
      $ sleep 1
      $ kubectl get rs
      NAME              DESIRED   CURRENT   READY   AGE
      replicaset-demo   2         2         2       22s
      """

  Scenario: get -o wide and describe show the containers, the template and the creation events
    When 50m pass
    Then the terminal shows:
      """
      $ kubectl get rs -o wide
      NAME              DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES                     SELECTOR
      replicaset-demo   2         2         2       50m   demoapp      ikubernetes/demoapp:v1.0   app=demoapp,release=stable,version=v1.0
      $ kubectl describe rs/replicaset-demo
      Name:         replicaset-demo
      Namespace:    default
      Selector:     app=demoapp,release=stable,version=v1.0
      Labels:       <none>
      Annotations:  <none>
      Replicas:     2 current / 2 desired
      Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed
      Pod Template:
        Labels:  app=demoapp
                 release=stable
                 version=v1.0
        Containers:
         demoapp:
          Image:         ikubernetes/demoapp:v1.0
          Port:          80/TCP
          Host Port:     0/TCP
          Liveness:      http-get http://:80/livez delay=5s timeout=1s period=10s #success=1 #failure=3
          Readiness:     http-get http://:80/readyz delay=15s timeout=1s period=10s #success=1 #failure=3
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Events:
        Type    Reason            Age   From                   Message
        ----    ------            ----  ----                   -------
        Normal  SuccessfulCreate  50m   replicaset-controller  Created pod: replicaset-demo-...
        Normal  SuccessfulCreate  50m   replicaset-controller  Created pod: replicaset-demo-...
      """

  Scenario: A controlled pod names its ReplicaSet in ownerReferences; JSONPath picks the list, an item, a field
    When 30s pass
    Then the terminal shows:
      """
      $ kubectl get pods -l app=demoapp -o jsonpath='{.items[0].metadata.ownerReferences}'
      [{"apiVersion":"apps/v1","blockOwnerDeletion":true,"controller":true,"kind":"ReplicaSet","name":"replicaset-demo","uid":"..."}]
      $ kubectl get pods -l app=demoapp -o jsonpath='{.items[0].metadata.ownerReferences[0]}'
      {"apiVersion":"apps/v1","blockOwnerDeletion":true,"controller":true,"kind":"ReplicaSet","name":"replicaset-demo","uid":"..."}
      $ kubectl get pods -l app=demoapp -o jsonpath='{.items[*].metadata.ownerReferences[0].name}'
      replicaset-demo replicaset-demo
      """

  Scenario: A bare pod has no owner, and once deleted nothing replaces it
    When I apply the manifest:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: bare-pod
      spec:
        containers:
        - name: demoapp
          image: ikubernetes/demoapp:v1.0
      """
    And 30s pass
    Then pod "bare-pod" has no .metadata.ownerReferences
    And the terminal shows:
      """
      $ kubectl get pods -o custom-columns=NAME:.metadata.name,CONTROLLED-BY:.metadata.ownerReferences[0].kind
      NAME                    CONTROLLED-BY
      bare-pod                <none>
      replicaset-demo-...   ReplicaSet
      replicaset-demo-...   ReplicaSet
      $ kubectl delete pod bare-pod
      pod "bare-pod" deleted
      """
    And for 5m, pod "bare-pod" is gone
