import { useCallback, useEffect, useRef, useState } from "react";

import { ApiError, gql } from "./api";

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Runs `query` when it or its variables change; `skip` holds it back (e.g. no input yet). */
export function useQuery<T>(
  query: string,
  variables: Record<string, unknown> = {},
  skip = false,
): QueryState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(!skip);
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  const latest = useRef(0);

  useEffect(() => {
    if (skip) {
      setLoading(false);
      return;
    }
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    gql<T>(query, JSON.parse(key) as Record<string, unknown>)
      .then((result) => {
        if (ticket === latest.current) setData(result);
      })
      .catch((failure: unknown) => {
        if (ticket !== latest.current) return;
        setError(failure instanceof ApiError ? failure : new ApiError(String(failure), "ERROR", 0));
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
  }, [query, key, skip, round]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data, error, loading, reload };
}
