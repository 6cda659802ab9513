#!/usr/bin/env node
// The executable: runs the command (command.ts) and ends with its exit code, or with one line on stderr and exit
// code 2; a stack trace only with OMVARLD_DEBUG.
import { errorLine, main } from "./command.ts";

// no top-level await: the package must stay loadable by require() (tslab, CommonJS users)
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(errorLine(error));
    if (process.env.OMVARLD_DEBUG) console.error(error);
    process.exitCode = 2;
  },
);
