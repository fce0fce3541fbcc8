Feature: A Deployment whose pods mount a missing ConfigMap waits for it
  The seed's snmp-exporter Deployment mounts the ConfigMap snmp-config as a volume. The Deployment
  and its ReplicaSet create the pod at once; the kubelet cannot mount the volume while the
  ConfigMap does not exist, so the pod stays ContainerCreating with FailedMount warnings, retrying
  with a growing back-off. Once the ConfigMap is applied the next attempt mounts it and the pod
  starts; nothing else needs to change.

  Background:
    Given I apply the fixture "manifests/snmp-exporter-deployment.yaml"

  Scenario: The pod waits in ContainerCreating, then starts once the ConfigMap exists
    Given I apply the manifest at 30s:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: snmp-config
      data:
        snmp.yml: |
          version: 2c
      """
    # Mount attempts on the kubelet's 100 ms reconciler, strictly after 0.5 s, 1 s, 2 s, 4 s, 8 s,
    # 16 s of back-off: 0, 0.6, 1.7, 3.8, 7.9 and 16 s fail; the one at 32.1 s finds the ConfigMap
    # (applied at 30 s). The image (tag latest: pulled every time) takes 1 s, the container starts at
    # 33.1 s and the PLEG relist at 34 s reports it Running (see src/kubelet/scenarios.test.ts).
    When 20s pass
    Then the terminal shows:
      """
      $ kubectl get pods
      NAME                           READY   STATUS              RESTARTS   AGE
      snmp-exporter-...   0/1     ContainerCreating   0          20s
      """
    And deployment "snmp-exporter" has 0 available replicas
    When I run "kubectl get events --field-selector reason=FailedMount -o custom-columns=TYPE:.type,COUNT:.count,MESSAGE:.message"
    Then the output is:
      """
      TYPE      COUNT   MESSAGE
      Warning   6       MountVolume.SetUp failed for volume "config-volume" : configmap "snmp-config" not found
      """
    And at 33.999s, deployment "snmp-exporter" has no serving pods
    And at 34s, deployment "snmp-exporter" has 1 serving pod
    And within 1s, deployment "snmp-exporter" has 1 available replica
