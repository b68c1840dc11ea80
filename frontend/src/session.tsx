// Who is signed in (the `me` query), shared by every page; role checks for role-aware views.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";

import { gql } from "./api";

export interface Account {
  id: string;
  email: string;
  emailVerified: boolean;
  roles: ("ADMIN" | "RESEARCHER")[];
  organisations: { organisationId: string; roles: ("OWNER" | "MEMBER")[] }[];
  challenges: { challengeId: string; roles: ("ORGANISER" | "JUDGE")[] }[];
  person: { id: string; name: string } | null;
}

export const ACCOUNT_FIELDS = `
  id email emailVerified roles
  organisations { organisationId roles }
  challenges { challengeId roles }
  person { id name }
`;

const ME = `query Me { me { ${ACCOUNT_FIELDS} } }`;

interface SessionState {
  account: Account | null;
  /** True until the first `me` answer arrives. */
  loading: boolean;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const data = await gql<{ me: Account | null }>(ME);
      setAccount(data.me);
    } catch {
      setAccount(null);
    } finally {
      setLoading(false);
    }
  }, []);

  const signOut = useCallback(async () => {
    await gql("mutation SignOut { signOut { ok } }");
    setAccount(null);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(
    () => ({ account, loading, refresh, signOut }),
    [account, loading, refresh, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) throw new Error("useSession outside SessionProvider");
  return state;
}

export function isAdmin(account: Account | null): boolean {
  return account?.roles.includes("ADMIN") ?? false;
}

export function hasChallengeRole(
  account: Account | null,
  challengeId: string,
  role: "ORGANISER" | "JUDGE",
): boolean {
  if (isAdmin(account)) return true;
  return (
    account?.challenges.some((grant) => grant.challengeId === challengeId && grant.roles.includes(role)) ??
    false
  );
}

export function ownsOrganisation(account: Account | null, organisationId: string): boolean {
  if (isAdmin(account)) return true;
  return (
    account?.organisations.some(
      (grant) => grant.organisationId === organisationId && grant.roles.includes("OWNER"),
    ) ?? false
  );
}
