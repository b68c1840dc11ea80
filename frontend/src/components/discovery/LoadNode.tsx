// One node's page: loading, failure with a retry, a "not found" page that leads back, or
// the node itself — the frame of the profile, call and consortium pages.
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

import { useQuery } from "../../useQuery";
import { Page } from "../Page";
import { ErrorNotice, Loading } from "../Status";
import { isNotFound } from "./types";

export interface LoadNodeTexts {
  loading: string;
  notFound: string;
  notFoundBody: string;
  back: string;
  /** The page title over a failure (default: `notFound`). */
  failed?: string;
}

export function LoadNode<T>({
  query,
  id,
  field,
  back,
  texts,
  render,
}: {
  query: string;
  id: string;
  field: string;
  back: string;
  texts: LoadNodeTexts;
  render: (node: T) => ReactNode;
}) {
  const { data, error, loading, reload } = useQuery<Record<string, T | null>>(query, { id });
  if (loading) {
    return (
      <Page title={texts.loading}>
        <Loading label={texts.loading} />
      </Page>
    );
  }
  if (error && !isNotFound(error)) {
    return (
      <Page title={texts.failed ?? texts.notFound}>
        <ErrorNotice error={error} onRetry={reload} />
      </Page>
    );
  }
  const node = data?.[field] ?? null;
  if (node === null) {
    return (
      <Page title={texts.notFound}>
        <p>{texts.notFoundBody}</p>
        <p>
          <Link to={back}>{texts.back}</Link>
        </p>
      </Page>
    );
  }
  return <>{render(node)}</>;
}
