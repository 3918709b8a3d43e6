/** The CLI's only contact with the terminal, so tests can run commands in-process. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  /** True when stderr is a terminal: progress is shown only there. */
  stderrIsTty?: boolean;
};
