import 'server-only';
import { getDb, type Db } from '@/lib/db';
import { getIamport, type IamportRuntime } from './index';

/**
 * What a use case takes from outside the request, always its last argument and optional
 * (docs/architecture.md, "Use cases"): the app passes nothing and gets the process's database and
 * Iamport; tests pass their own. A use case may add its own knobs (a clock, a wait) to this.
 */
export interface UseCaseDeps {
  db?: Db;
  runtime?: IamportRuntime;
}

/**
 * What a use case's body receives: the caller's deps with the database resolved; Iamport is resolved
 * only when the body reads it (a getter), so database-only use cases never build an Iamport client.
 */
export type Resolved<D extends object = UseCaseDeps> = Omit<D, 'db' | 'runtime'> & {
  db: Db;
  readonly runtime: IamportRuntime;
};

type Init<T extends unknown[]> = T extends [...infer I, unknown] ? I : never;
type Last<T extends unknown[]> = T extends [...unknown[], infer L] ? L : never;
/** A use case's last argument as its callers pass it: optional, db and runtime optional. */
type CallerDeps<R> = Omit<R, 'db' | 'runtime'> & UseCaseDeps;

/**
 * Makes a use case from its body `(...inputs, context?, resolved)`: callers call it with
 * `(...inputs, context?, deps?)` and the body gets the deps resolved. The body declares no default
 * values, so its `length` says where the deps go.
 */
export function defineUseCase<P extends [...unknown[], Resolved], R>(
  run: (...args: P) => Promise<R>,
): (...args: [...Init<P>, deps?: CallerDeps<Last<P>>]) => Promise<R> {
  if (run.length < 1) throw new Error('a use case body declares its deps as its last parameter');
  return async (...args) => {
    // A default value in the body's parameters would shorten `length` and put the deps in the wrong
    // place (a caller's `{ db }` taken as the context): refuse instead of guessing.
    if (args.length > run.length) {
      throw new Error(
        `use case called with ${args.length} arguments; its body declares ${run.length} (no defaults there)`,
      );
    }
    const inputs = args.slice(0, run.length - 1);
    const deps: UseCaseDeps = args[run.length - 1] ?? {};
    // The database first: when it is down (503), nothing is sent to Iamport.
    const db = deps.db ?? (await getDb());
    const resolved = {
      ...deps,
      db,
      get runtime() {
        return deps.runtime ?? getIamport();
      },
    };
    return run(...([...inputs, resolved] as unknown as P));
  };
}
