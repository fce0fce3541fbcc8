// ControllerRefManager (pkg/controller/controller_ref_manager.go): a controller claims the objects
// its selector matches — keeps what it owns, adopts matching orphans (after a live re-check that
// it is not being deleted) and releases what it owns but no longer matches.
import type { Stored } from '../api/objects';
import * as objectsModule from '../api/objects';
import type { Client } from '../api/client';
import { isApiError } from '../api/errors';
import * as selectorsModule from '../api/selectors';
import type { Selector } from '../api/selectors';
import { newControllerRef, ControllerError } from './controller_utils';

// Imported functions on hot paths are read once, here: tsx runs this code as CommonJS, where every
// call of an imported name first reads it through two export getters.
const { controllerRef } = objectsModule;
const { matches } = selectorsModule;

export interface ClaimResult { claimed: Stored[]; errors: unknown[] }

export class ControllerRefManager {
  private canAdoptChecked: unknown = undefined;
  private checked = false;

  constructor(private readonly client: Client, private readonly owner: Stored, private readonly selector: Selector,
    private readonly filter: (o: Stored) => boolean = () => true) {}

  claim(objects: Stored[]): ClaimResult {
    const claimed: Stored[] = [];
    const errors: unknown[] = [];
    for (const obj of objects) if (this.claimOne(obj, errors)) claimed.push(obj);
    return { claimed, errors };
  }

  /**
   * One object of a claim: whether it is claimed; an error is appended to `errors`. `owned`: the
   * object's controller reference is known to be the owner's (an index by controller uid found it;
   * uids are the API server's own, so no orphan's "<namespace>/" is one), so claimObject's decisions
   * for it run without looking the reference up again.
   */
  claimOne(obj: Stored, errors: unknown[], owned = false): boolean {
    try {
      return owned ? this.claimOwnedObject(obj) : this.claimObject(obj);
    } catch (e) {
      errors.push(e);
      return false;
    }
  }

  private match(obj: Stored): boolean {
    return matches(this.selector, obj.metadata.labels) && this.filter(obj);
  }

  private claimObject(obj: Stored): boolean {
    const ref = controllerRef(obj);
    if (ref) return ref.uid === this.owner.metadata.uid && this.claimOwnedObject(obj);
    if (this.owner.metadata.deletionTimestamp || !this.match(obj)) return false;
    if (obj.metadata.deletionTimestamp) return false;
    if (this.owner.metadata.namespace && this.owner.metadata.namespace !== obj.metadata.namespace) return false;
    return this.adopt(obj);
  }

  /** An object this owner controls: kept while it matches, else released (unless the owner is being deleted). */
  private claimOwnedObject(obj: Stored): boolean {
    if (this.match(obj)) return true;
    if (this.owner.metadata.deletionTimestamp) return false;
    this.release(obj);
    return false;
  }

  /** canAdopt: once per claim pass, a live GET of the owner (RecheckDeletionTimestamp). */
  private canAdopt(): void {
    if (!this.checked) {
      this.checked = true;
      const o = this.owner;
      try {
        const fresh = this.client.get(o.kind, o.metadata.namespace ?? '', o.metadata.name);
        if (fresh.metadata.uid !== o.metadata.uid) {
          this.canAdoptChecked = new ControllerError(`original ${o.kind} ${o.metadata.namespace}/${o.metadata.name} is gone: got uid ${fresh.metadata.uid}, wanted ${o.metadata.uid}`);
        } else if (fresh.metadata.deletionTimestamp) {
          this.canAdoptChecked = new ControllerError(`${o.metadata.namespace}/${o.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
        }
      } catch (e) {
        this.canAdoptChecked = e;
      }
    }
    if (this.canAdoptChecked !== undefined) throw this.canAdoptChecked;
  }

  private adopt(obj: Stored): boolean {
    try {
      this.canAdopt();
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new ControllerError(`can't adopt ${obj.kind} ${obj.metadata.namespace}/${obj.metadata.name} (${obj.metadata.uid}): ${msg}`);
    }
    try {
      this.client.mutate(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name, d => {
        if (d.metadata.uid !== obj.metadata.uid) throw new ControllerError('uid changed');
        d.metadata.ownerReferences = [...(d.metadata.ownerReferences ?? []), newControllerRef(this.owner)];
      });
      return true;
    } catch (e) {
      if (isApiError(e, 'NotFound')) return false;
      throw e;
    }
  }

  /** The strategic-merge patch {"$patch":"delete","uid":…} on ownerReferences; NotFound and Invalid are ignored. */
  private release(obj: Stored): void {
    try {
      this.client.mutate(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name, d => {
        d.metadata.ownerReferences = (d.metadata.ownerReferences ?? []).filter(r => r.uid !== this.owner.metadata.uid);
      });
    } catch (e) {
      if (isApiError(e, 'NotFound') || isApiError(e, 'Invalid')) return;
      throw e;
    }
  }
}
