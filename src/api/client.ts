// What components use to talk to the API server: the same calls as a client-go clientset, bound to
// one actor name so every write in the history says who made it.
import type { KubeObject, Stored } from './objects';
import type { ApiServer, ListOptions } from './apiserver';
import type { DeleteOptions, DeleteResult } from './deletion';
import { isApiError } from './errors';

export class Client {
  constructor(readonly api: ApiServer, readonly actor: string) {}

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string): Stored<T> {
    return this.api.get(kind, namespace, name, { actor: this.actor }) as Stored<T>;
  }

  /** get, with NotFound as undefined. */
  find<T extends KubeObject = KubeObject>(kind: string, namespace: string, name: string): Stored<T> | undefined {
    try {
      return this.get<T>(kind, namespace, name);
    } catch (e) {
      if (isApiError(e, 'NotFound')) return undefined;
      throw e;
    }
  }

  list<T extends KubeObject = KubeObject>(kind: string, options: ListOptions = {}): Stored<T>[] {
    return this.api.list(kind, options, { actor: this.actor }).items as Stored<T>[];
  }

  create<T extends KubeObject>(obj: T): Stored<T> {
    return this.api.create(obj, { actor: this.actor });
  }

  update<T extends KubeObject>(obj: T): Stored<T> {
    return this.api.update(obj, { actor: this.actor });
  }

  updateStatus<T extends KubeObject>(obj: T): Stored<T> {
    return this.api.updateStatus(obj, { actor: this.actor });
  }

  /** Read, edit a draft, write back with the version read as precondition; no write when nothing changed. */
  mutate<T extends KubeObject>(kind: string, namespace: string, name: string, recipe: (draft: T) => void): Stored<T> {
    return this.api.mutate(kind, namespace, name, recipe, { actor: this.actor });
  }

  mutateStatus<T extends KubeObject>(kind: string, namespace: string, name: string, recipe: (draft: T) => void): Stored<T> {
    return this.api.mutate(kind, namespace, name, recipe, { actor: this.actor }, 'status');
  }

  delete(kind: string, namespace: string, name: string, options: DeleteOptions = {}): DeleteResult {
    return this.api.delete(kind, namespace, name, options, { actor: this.actor });
  }
}
