Feature: Manifests are checked the way kubectl and the API server check them
  A manifest that kubectl would refuse is refused here too, in kubectl's words, with the file
  and line that caused it — and nothing in the cluster changes.

  Scenario: A selector that does not match the template labels is rejected (apps/v1 validation)
    Given I try to apply the manifest:
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
              app: web-x
          spec:
            containers:
            - name: web
              image: nginx:1.27
      """
    Then it is rejected with:
      """
      manifest:1: The ReplicaSet "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web-x"}: `selector` does not match template `labels`
      """

  Scenario: An unknown field is a strict decoding error
    Given I try to apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        replica: 2
      """
    Then it is rejected with:
      """
      manifest:6: ReplicaSet in version "v1" cannot be handled as a ReplicaSet: strict decoding error: unknown field "spec.replica"
      """

  Scenario: A string where the API wants an integer
    Given I try to apply the manifest:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web
      spec:
        replicas: "two"
      """
    Then it is rejected with:
      """
      manifest:6: ReplicaSet in version "v1" cannot be handled as a ReplicaSet: json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.replicas of type int32
      """

  Scenario: A kind the cluster does not serve
    Given I try to apply the manifest:
      """
      apiVersion: v1
      kind: Foo
      metadata:
        name: x
      """
    Then it is rejected with:
      """
      manifest:2: resource mapping not found for name: "x" namespace: "" from "manifest": no matches for kind "Foo" in version "v1" ensure CRDs are installed first
      """

  Scenario: Malformed YAML is reported with go-yaml's message and line
    Given I try to apply the manifest:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: x: y
      """
    Then it is rejected with:
      """
      manifest:4: error parsing manifest: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context
      """
