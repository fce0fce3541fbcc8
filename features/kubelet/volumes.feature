Feature: A pod waits in ContainerCreating until its ConfigMap volume can be mounted
  Before a pod's containers start, the kubelet mounts its volumes. A ConfigMap that does not
  exist fails the mount: a Warning FailedMount event, and a retry after a back-off of 500 ms
  doubling to 2m2s, on the volume reconciler's 100 ms loop. The pod stays Pending, its container
  waiting in ContainerCreating; the sync waits for the mounts (polling every 300 ms, for at most
  2m3s, then retrying 10–15 s later). Once the ConfigMap exists, the next attempt mounts it and
  the containers start. This is the seed's snmp-exporter Deployment.

  Background:
    When I apply the fixture "manifests/snmp-exporter-deployment.yaml"

  Scenario: Without its ConfigMap the pod stays ContainerCreating with FailedMount events
    # Mount attempts at 0 s, then strictly after 500 ms, 1 s, 2 s, 4 s, 8 s of back-off, on the
    # 100 ms loop: 0, 0.6, 1.7, 3.8, 7.9 and 16.0 s — six by 20 s, folded into one Event.
    Then within 1s, every pod of deployment "snmp-exporter" has STATUS "ContainerCreating"
    And the clock reads 0s
    And for 20s, every pod of deployment "snmp-exporter" has STATUS "ContainerCreating"
    And every pod of deployment "snmp-exporter" has READY "0/1"
    And deployment "snmp-exporter" has 0 available replicas
    And the terminal shows:
      """
      $ kubectl get events --field-selector reason=FailedMount
      LAST SEEN   TYPE      REASON        OBJECT                             MESSAGE
      4s          Warning   FailedMount   pod/snmp-exporter-...   MountVolume.SetUp failed for volume "config-volume" : configmap "snmp-config" not found
      """

  Scenario: The pod starts once the ConfigMap is created
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
    # The attempt at 16.0 s fails (back-off now 16 s); the next, at 32.1 s, finds the ConfigMap
    # created at 30 s. The sync waiting since 0 s polls every 300 ms: at 32.1 s it sees the mount.
    # prom/snmp-exporter (tag latest: pull policy Always) pulls in 1 s and starts at 33.1 s; the
    # relist at 34 s reports it Running (no probes: ready at once).
    Then within 1m, every pod of deployment "snmp-exporter" has STATUS "Running"
    And the clock reads 34s
    And every pod of deployment "snmp-exporter" has READY "1/1"
    And within 1s, deployment "snmp-exporter" has 1 available replica
    And the clock reads 34s

  Scenario: A ConfigMap created late starts the pod within 2m20.1s
    Given I apply the manifest at 10m:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: snmp-config
      data:
        snmp.yml: |
          version: 2c
      """
    # By now the mount back-off is at its cap, 2m2s: the attempts at 4m10.4s, 6m12.5s and 8m14.6s
    # failed; the next is due strictly after 10m16.6s, at 10m16.7s. Until then nothing can start.
    When 10m pass
    Then for 16.6s, every pod of deployment "snmp-exporter" has STATUS "ContainerCreating"
    # In general, from the ConfigMap's creation: a mount within 2m2s + 100 ms; the sync sees it within
    # 300 ms if it is waiting, else at its retry, at most 15 s + the 1 s tick later; the pull takes
    # 1 s and the relist reports Running within 1 s — at most 2m20.1s, i.e. by 12m20.1s (2m3.5s from here).
    And within 2m3.5s, every pod of deployment "snmp-exporter" has STATUS "Running"
