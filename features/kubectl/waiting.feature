Feature: kubectl commands that wait do so in virtual time
  kubectl wait, kubectl delete and kubectl rollout status block until what they watch for
  happens; in kukumber the simulated clock runs forward while they wait, so a 45-second timeout
  costs no real time and ends with kubectl's own message.

  Background:
    Given I apply the manifest:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        labels:
          app: web
      data:
        mode: "on"
      """

  Scenario: A condition that already holds is met at once; one that never comes times out
    Then the terminal shows:
      """
      $ kubectl wait --for=jsonpath='{.data.mode}'=on configmap/settings
      configmap/settings condition met
      $ kubectl wait --for=jsonpath='{.data.mode}'=off configmap/settings --timeout=45s
      error: timed out waiting for the condition on configmaps/settings
      $ kubectl wait --for=condition=Ready configmap -l app=nosuch
      error: no matching resources found
      """

  Scenario: Deleting by label, then waiting for the deletion
    Then the terminal shows:
      """
      $ kubectl delete configmaps -l app=web
      configmap "settings" deleted
      $ kubectl wait --for=delete configmap/settings
      $ kubectl delete configmaps -l app=web
      No resources found
      """
