Feature: A ReplicationController runs the same loop as a ReplicaSet, with a map selector
  ReplicationController is the core/v1 ancestor of the ReplicaSet: kube-controller-manager runs the
  same controller code for both, behind an adapter. Its selector is a plain label map (equality
  only) and defaults to the template's labels; its pods name it in their ownerReferences
  (apiVersion v1, kind ReplicationController), and its events come from replication-controller.

  Background:
    Given I apply the manifest:
      """
      apiVersion: v1
      kind: ReplicationController
      metadata:
        name: web
      spec:
        replicas: 2
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: app
              image: nginx:1.27
      """

  Scenario: The selector defaults to the template labels, and the pods come as for a ReplicaSet
    Then replicationcontroller "web" has .spec.selector equal to "{\"app\":\"web\"}"
    And replicationcontroller "web" has .metadata.labels.app equal to "web"
    And within 1s, replicationcontroller "web" has 2 pods
    And the clock reads 0s
    And within 10s, rc/web has 2 ready replicas
    When I run "kubectl get pods -l app=web -o jsonpath={.items[0].metadata.ownerReferences}"
    Then the output is:
      """
      [{"apiVersion":"v1","blockOwnerDeletion":true,"controller":true,"kind":"ReplicationController","name":"web","uid":"..."}]
      """

  Scenario: kubectl shows a ReplicationController like a ReplicaSet, with its map selector
    When 10s pass
    Then the terminal shows:
      """
      $ kubectl get rc -o wide
      NAME   DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR
      web    2         2         2       10s   app          nginx:1.27   app=web
      $ kubectl describe rc web
      Name:         web
      Namespace:    default
      Selector:     app=web
      Labels:       app=web
      Annotations:  <none>
      Replicas:     2 current / 2 desired
      Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed
      Pod Template:
        Labels:  app=web
        Containers:
         app:
          Image:         nginx:1.27
          Port:          <none>
          Host Port:     <none>
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Events:
        Type    Reason            Age   From                    Message
        ----    ------            ----  ----                    -------
        Normal  SuccessfulCreate  10s   replication-controller  Created pod: web-...
        Normal  SuccessfulCreate  10s   replication-controller  Created pod: web-...
      """

  Scenario: A deleted pod is replaced, and the events say who did it
    When 30s pass
    And I mark "deleted"
    And I delete 1 pod of rc/web
    Then within 1s, rc/web has 2 active pods
    And since "deleted", rc/web created 1 pod
    And rc/web has 3 "SuccessfulCreate" events
    When I run "kubectl get events --field-selector involvedObject.kind=ReplicationController -o custom-columns=SOURCE:.source.component,REASON:.reason"
    Then the output is:
      """
      SOURCE                   REASON
      replication-controller   SuccessfulCreate
      replication-controller   SuccessfulCreate
      replication-controller   SuccessfulCreate
      """
