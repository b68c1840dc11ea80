// One mutation at a time from a form: its payload errors, request failure and busy flag.
import { useCallback, useState } from "react";

import { ApiError, gql } from "../../api";
import type { MutationError } from "../../api";

export interface MutationRun<T> {
  run: (variables: Record<string, unknown>) => Promise<T | null>;
  errors: MutationError[];
  failure: ApiError | null;
  working: boolean;
}

/** `field` names the payload field, e.g. "changePassword"; `run` gives the payload on success. */
export function useMutation<T extends { errors: MutationError[] }>(
  query: string,
  field: string,
): MutationRun<T> {
  const [errors, setErrors] = useState<MutationError[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [working, setWorking] = useState(false);
  const run = useCallback(
    async (variables: Record<string, unknown>) => {
      setWorking(true);
      setFailure(null);
      try {
        const data = await gql<Record<string, T>>(query, variables);
        const payload = data[field];
        setErrors(payload.errors);
        return payload.errors.length === 0 ? payload : null;
      } catch (error) {
        setFailure(error instanceof ApiError ? error : new ApiError(String(error), "ERROR", 0));
        return null;
      } finally {
        setWorking(false);
      }
    },
    [query, field],
  );
  return { run, errors, failure, working };
}
