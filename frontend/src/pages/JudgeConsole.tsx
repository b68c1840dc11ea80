// TODO(session 3): being built.
import { Page } from "../components/Page";

export function JudgeConsole() {
  return <Page title="JudgeConsole" />;
}
