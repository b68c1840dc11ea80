// TODO(session 3): being built.
import { Page } from "../components/Page";

export function OrganisationPage() {
  return <Page title="OrganisationPage" />;
}
