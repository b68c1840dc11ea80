// Running one challenge mutation from a form: busy while it runs, its refusals, a failure.
import { useCallback, useState } from "react";

import { ApiError, gql } from "../../api";
import type { ChallengeError } from "./common";

interface Payload {
  errors: ChallengeError[];
}

export interface Action {
  busy: boolean;
  errors: ChallengeError[];
  failure: ApiError | null;
  setErrors: (errors: ChallengeError[]) => void;
  /** Runs `query`; the payload under `field` when it came back without refusals, else null. */
  run: <P extends Payload>(query: string, variables: Record<string, unknown>, field: string) => Promise<P | null>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ChallengeError[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const run = useCallback(
    async <P extends Payload>(query: string, variables: Record<string, unknown>, field: string) => {
      setBusy(true);
      setErrors([]);
      setFailure(null);
      try {
        const data = await gql<Record<string, P>>(query, variables);
        const payload = data[field];
        if (payload.errors.length > 0) {
          setErrors(payload.errors);
          return null;
        }
        return payload;
      } catch (error) {
        setFailure(error instanceof ApiError ? error : new ApiError(String(error), "ERROR", 0));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  return { busy, errors, failure, setErrors, run };
}
