Feature: kubectl shows a Deployment as kubectl v1.32 does
  `kubectl get deploy` prints READY (ready pods over spec.replicas), UP-TO-DATE (pods of the newest
  ReplicaSet), AVAILABLE and AGE; -o wide adds containers, images and the selector. `kubectl
  describe` adds the strategy, the conditions, the old and new ReplicaSets and the events.

  Background:
    Given I apply the manifest:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        labels:
          app: web
      spec:
        replicas: 3
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
              ports:
              - containerPort: 80
      """

  Scenario: READY and AVAILABLE fill in as the pods start
    # The Deployment creates its ReplicaSet at 3 at once, which creates the 3 pods (UP-TO-DATE 3);
    # nginx:1.27 pulls in 2 s on each node, so at 1 s none runs yet.
    Then the terminal shows:
      """
      $ sleep 1s
      $ kubectl get deploy
      NAME   READY   UP-TO-DATE   AVAILABLE   AGE
      web    0/3     3            0           1s
      $ sleep 4s
      $ kubectl get deploy -o wide
      NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR
      web    3/3     3            3           5s    app          nginx:1.27   app=web
      """

  Scenario: describe shows the strategy, the conditions and the ReplicaSets
    When 1m pass
    Then the terminal shows:
      """
      $ kubectl describe deploy web
      Name:                   web
      Namespace:              default
      CreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000
      Labels:                 app=web
      Annotations:            deployment.kubernetes.io/revision: 1
      Selector:               app=web
      Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
      StrategyType:           RollingUpdate
      MinReadySeconds:        0
      RollingUpdateStrategy:  25% max unavailable, 25% max surge
      Pod Template:
        Labels:  app=web
        Containers:
         app:
          Image:         nginx:1.27
          Port:          80/TCP
          Host Port:     0/TCP
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Conditions:
        Type           Status  Reason
        ----           ------  ------
        Available      True    MinimumReplicasAvailable
        Progressing    True    NewReplicaSetAvailable
      OldReplicaSets:  <none>
      NewReplicaSet:   web-c99b55647 (3/3 replicas created)
      Events:
        Type    Reason             Age   From                   Message
        ----    ------             ----  ----                   -------
        Normal  ScalingReplicaSet  60s   deployment-controller  Scaled up replica set web-c99b55647 from 0 to 3
      """
