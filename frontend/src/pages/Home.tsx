// TODO(session 3): being built.
import { Page } from "../components/Page";

export function Home() {
  return <Page title="Home" />;
}
