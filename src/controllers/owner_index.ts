// The informer index the ReplicaSet, ReplicationController and Deployment controllers share (one
// shared Pod informer, one index of that name): objects by their controller's uid.
import type { Stored } from '../api/objects';
import * as objectsModule from '../api/objects';

// Imported functions on hot paths are read once, here: tsx runs this code as CommonJS, where every
// call of an imported name first reads it through two export getters.
const { controllerRef } = objectsModule;

export const OWNER_INDEX = 'controllerUid';

/** A pod's controller's uid; orphans go under "<namespace>/", so a sync sees only its namespace's orphans. */
export const podOwner = (p: Stored): string => controllerRef(p)?.uid ?? `${p.metadata.namespace}/`;
export const podOwnerIndex = (p: Stored): string[] => [podOwner(p)];

/** A ReplicaSet's controller's uid (none for an orphan). */
export const setOwnerIndex = (o: Stored): string[] => { const r = controllerRef(o); return r ? [r.uid] : []; };
