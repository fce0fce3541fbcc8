// The garbage collector's finalizers (metav1.FinalizerOrphanDependents, FinalizerDeleteDependents): one
// definition for the generic DELETE, the namespace DELETE and the garbage collector.
export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';
