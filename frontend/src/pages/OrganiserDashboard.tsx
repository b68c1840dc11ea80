// TODO(session 3): being built.
import { Page } from "../components/Page";

export function OrganiserDashboard() {
  return <Page title="OrganiserDashboard" />;
}
