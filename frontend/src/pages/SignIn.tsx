// TODO(session 3): being built.
import { Page } from "../components/Page";

export function SignIn() {
  return <Page title="SignIn" />;
}
