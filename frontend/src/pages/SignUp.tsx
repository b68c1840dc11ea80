// TODO(session 3): being built.
import { Page } from "../components/Page";

export function SignUp() {
  return <Page title="SignUp" />;
}
