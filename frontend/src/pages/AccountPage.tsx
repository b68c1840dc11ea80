// TODO(session 3): being built.
import { Page } from "../components/Page";

export function AccountPage() {
  return <Page title="AccountPage" />;
}
