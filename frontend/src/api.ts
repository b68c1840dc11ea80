// The frontend's only door to the hub: POST /graphql, with the CSRF header when signed in.

export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** A failure of the request itself: network, HTTP status or GraphQL `errors`. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(message: string, code: string, status: number) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
  }
}

/** An expected failure a mutation returns in its payload (`errors { code field message }`). */
export interface MutationError {
  code: string;
  field?: string | null;
  message: string;
}

const CSRF_COOKIE = "hub_csrf";

function csrfToken(): string | null {
  for (const part of document.cookie.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join("="));
  }
  return null;
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "application/graphql-response+json, application/json",
  };
  const csrf = csrfToken();
  if (csrf) headers["X-CSRF-Token"] = csrf;
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers,
      credentials: "same-origin",
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError("The hub cannot be reached.", "NETWORK", 0);
  }
  let body: { data?: T | null; errors?: GraphQLErrorItem[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The hub answered ${response.status}.`, "HTTP", response.status);
  }
  if (body.errors && body.errors.length > 0) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions?.code ?? "ERROR", response.status);
  }
  if (!response.ok || body.data === undefined || body.data === null) {
    throw new ApiError(`The hub answered ${response.status}.`, "HTTP", response.status);
  }
  return body.data;
}
