// TODO(session 3): being built.
import { Page } from "../components/Page";

export function PilotProjects() {
  return <Page title="PilotProjects" />;
}
